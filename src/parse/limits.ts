/**
 * The parse stage's limits and the checks that keep them, run by `load.ts` around the parse. The
 * markdown parser (micromark) is linear on ordinary text, but not on everything: lists or quotes
 * nested thousands deep cost time by the square of the depth and then overflow the stack of every
 * recursive step after it, and a paragraph made of tens of thousands of brackets and emphasis marks
 * ("[[[[…", "*[a*](b)" over and over) costs time by the square of their number. Other shapes cost
 * micromark time by the square of the lines before them (setext underlines, containers closed
 * inside others, lazy lines: see `scan.ts`); `parseGuard` charges each text the parser is given for
 * them. After the parse, the tree (and the HTML in it) may not be deeper than every recursive step
 * after it can go. A file beyond a limit gets one `input-too-complex` error at the line where it
 * goes too far, and is not read further. Every value is in `DEFAULT_PARSE_LIMITS`; each check takes
 * other `ParseLimits`, so that tests prove a limit on a small input.
 */
import type { Root } from "mdast";
import type { VFile } from "vfile";
import { z } from "zod";
import { report } from "../model/diagnostics.ts";
import { CHUNK_FROM, CHUNK_SIZE, parseMarkdown, type Chunking, type ParseGuard } from "./index.ts";
import { nestingOf, scanBlockWork, startsBlock, type BlockWork } from "./scan.ts";

/** Most containers (list items, block quotes) one line may open, counting 2 columns of indentation as one. */
export const MAX_NESTING = 100;
/**
 * Most emphasis and link marks (`*`, `_`, `~`, `[`, `]`) one paragraph may hold: a run of lines
 * between blank lines, headings and list items.
 */
export const MAX_MARKS = 10_000;
/** Most marks the whole file may hold, summed by paragraph as the square of each paragraph's count. */
export const MAX_MARK_WORK = 100_000_000;
/**
 * Most units of the parser's work by the square of the text one file may cost: 5 million is about
 * a second here; the largest guide of the corpus costs 41,000.
 */
export const MAX_BLOCK_WORK = 5_000_000;
/** The deepest the syntax tree may be, so that every recursive step after the parse has stack to spare. */
export const MAX_DEPTH = 400;

/** The parse stage's limits: part of `Limits` (`src/limits.ts`), which `load.ts` passes down. */
export const ParseLimits = z.object({
  /** See `MAX_NESTING`. */
  nesting: z.number().int().positive(),
  /** See `MAX_MARKS`. */
  marks: z.number().int().positive(),
  /** See `MAX_MARK_WORK`. */
  markWork: z.number().int().positive(),
  /** See `MAX_BLOCK_WORK`: setext underlines, containers closed inside others, lazy lines (`scan.ts`). */
  blockWork: z.number().int().positive(),
  /** See `MAX_DEPTH`; the HTML in the tree is held to it too. */
  depth: z.number().int().positive(),
  /** Documents up to this many characters are parsed in one go, longer ones in chunks (see `CHUNK_FROM`). */
  chunkFrom: z.number().int().positive(),
  /** Characters a chunk holds at least (see `CHUNK_SIZE`). */
  chunkSize: z.number().int().positive(),
});
export type ParseLimits = z.infer<typeof ParseLimits>;

export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = Object.freeze({
  nesting: MAX_NESTING,
  marks: MAX_MARKS,
  markWork: MAX_MARK_WORK,
  blockWork: MAX_BLOCK_WORK,
  depth: MAX_DEPTH,
  chunkFrom: CHUNK_FROM,
  chunkSize: CHUNK_SIZE,
});

/** The chunking of `parseMarkdown` that `limits` ask for. */
export function chunkingOf(limits: ParseLimits): Chunking {
  return { from: limits.chunkFrom, size: limits.chunkSize };
}

/**
 * Checks the text before it is parsed: nesting on each line and marks in each paragraph. Linear time.
 * @param text the decoded text
 * @param file receives an `input-too-complex` error when a limit is passed
 * @returns whether the text may be parsed
 */
export function checkBeforeParse(text: string, file: VFile, limits: ParseLimits = DEFAULT_PARSE_LIMITS): boolean {
  let line = 1;
  let runStart = 1;
  let runMarks = 0;
  let work = 0;
  const tooMany = (): boolean => {
    report(file, "input-too-complex", runMarks > limits.marks ? { kind: "marks", from: runStart, line, limit: limits.marks } : { kind: "mark-work", line }, { line, column: 1 });
    return false;
  };
  let at = 0;
  while (at <= text.length) {
    const newline = text.indexOf("\n", at);
    const end = newline < 0 ? text.length : newline;
    const depth = nestingOf(text, at, end);
    if (depth > limits.nesting) {
      report(file, "input-too-complex", { kind: "nesting", line, depth, limit: limits.nesting }, { line, column: 1 });
      return false;
    }
    let marks = 0;
    let blank = true;
    for (let i = at; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x2a || code === 0x5f || code === 0x7e || code === 0x5b || code === 0x5d) marks++;
      if (code !== 0x20 && code !== 0x09) blank = false;
    }
    if (!blank && startsBlock(text, at, end)) {
      // A heading or a list item starts text of its own: the paragraph before it ends.
      work += runMarks * runMarks;
      if (work > limits.markWork) return tooMany();
      runMarks = 0;
      runStart = line;
    }
    runMarks += marks;
    if (runMarks > limits.marks) return tooMany();
    if (blank || newline < 0) {
      // The paragraph ends: its cost is the square of its marks.
      work += runMarks * runMarks;
      if (work > limits.markWork) return tooMany();
      runMarks = 0;
      runStart = line + 1;
    }
    if (newline < 0) break;
    at = newline + 1;
    line++;
  }
  return true;
}

/**
 * A guard for `parseMarkdown` that refuses a text whose parse would cost time by the square of its
 * size (see `scan.ts`), with an `input-too-complex` error at the line where the file's
 * work passes `limits.blockWork`. The work of every text it is shown adds up: one budget per file.
 */
export function parseGuard(file: VFile, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseGuard {
  let spent = 0;
  return (text, linesBefore) => {
    const { work, over } = scanBlockWork(text, limits.blockWork - spent);
    spent += work;
    if (!over) return true;
    const line = linesBefore + over.line;
    report(file, "input-too-complex", { kind: "blocks", line, block: over.kind, setext: over.setext, closes: over.closes, lazy: over.lazy }, { line, column: 1 });
    return false;
  };
}

/**
 * Checks the parsed tree's depth, and that of the HTML it holds (which the extractors parse into a
 * tree of its own): iteratively, so any depth is fine here.
 * @param tree the parsed document
 * @param file receives an `input-too-complex` error at the first node too deep
 * @returns whether the tree may be read
 */
export function checkAfterParse(tree: Root, file: VFile, limits: ParseLimits = DEFAULT_PARSE_LIMITS): boolean {
  type Node = { type?: string; value?: unknown; children?: unknown[]; position?: Root["position"] };
  const tooDeep = (what: string, node: Node): boolean => {
    report(file, "input-too-complex", { kind: "depth", what, limit: limits.depth }, node.position?.start ?? { line: 1, column: 1 });
    return false;
  };
  const pending: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (depth > limits.depth) return tooDeep("text (lists, quotes, emphasis or links inside each other)", node);
    if (!Array.isArray(node.children)) continue;
    // Adjacent HTML nodes are read as one fragment: their open elements add up.
    let html = 0;
    for (const child of node.children as Node[]) {
      if (child.type === "html" && typeof child.value === "string") {
        html = htmlNesting(child.value, html, limits.depth);
        if (html > limits.depth) return tooDeep("HTML", child);
      } else html = 0;
      pending.push({ node: child, depth: depth + 1 });
    }
  }
  return true;
}

// Elements that nest nothing (void) or close by themselves when a sibling opens (optional end tags):
// they do not deepen the tree an HTML parser builds.
const FLAT_ELEMENTS = new Set(
  "area base br col embed hr img input link meta source track wbr param keygen p li dt dd rt rp optgroup option colgroup caption thead tbody tfoot tr td th html head body".split(" "),
);

/**
 * How deeply the elements of an HTML string nest once it ends, starting from `depth`: the greatest
 * depth reached if it passes the limit, else the depth at the end. Linear: each tag is read once.
 */
function htmlNesting(html: string, depth: number, max: number): number {
  let at = html.indexOf("<");
  while (at >= 0) {
    let i = at + 1;
    const closing = html.charCodeAt(i) === 0x2f;
    if (closing) i++;
    const nameStart = i;
    while (i < html.length && /[A-Za-z0-9-]/.test(html[i]!)) i++;
    if (i > nameStart && /[A-Za-z]/.test(html[nameStart]!)) {
      const end = html.indexOf(">", i);
      if (end < 0) break; // no tag can end after this
      const name = html.slice(nameStart, i).toLowerCase();
      if (!FLAT_ELEMENTS.has(name)) {
        if (closing) depth = Math.max(0, depth - 1);
        else if (html.charCodeAt(end - 1) !== 0x2f) depth++;
        if (depth > max) return depth;
      }
      at = html.indexOf("<", end + 1);
    } else at = html.indexOf("<", at + 1);
  }
  return depth;
}

/**
 * Parses `file` with every check of this module, as the load does: any other command that parses
 * a guide (`check --explain`, the corpus report) must not hang on input the load refuses.
 * @returns the tree, or null when a limit refuses the file (the error is reported on `file`)
 */
export function parseWithinLimits(file: VFile, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Root | null {
  if (!checkBeforeParse(String(file.value), file, limits)) return null;
  const tree = parseMarkdown(file, chunkingOf(limits), parseGuard(file, limits));
  return tree && checkAfterParse(tree, file, limits) ? tree : null;
}
