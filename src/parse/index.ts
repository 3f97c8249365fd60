/**
 * VFile → mdast with positions: CommonMark with GitHub's tables, task lists and strikethrough.
 *
 * A large document is parsed in chunks cut at its top-level headings: micromark keeps an event per
 * token of the whole input alive until the end, so one 5 MB parse takes over a gigabyte and twice
 * the time, while chunks of a few dozen kilobytes keep the memory flat. The chunked tree is the
 * tree a single parse gives (a property test compares them): a chunk only ends where a single
 * parse would start afresh too (see `parseInChunks`), and positions are shifted to the file's.
 */
import type { Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Documents up to this many characters are parsed in one go. */
export const CHUNK_FROM = 64 * 1024;
/** Characters a chunk holds at least (it ends at the next top-level heading after that). */
export const CHUNK_SIZE = 16 * 1024;

/** When to cut a document into chunks. */
export interface Chunking {
  from: number;
  size: number;
}

/**
 * Told each text before it is parsed (the whole document, or a chunk), with the number of lines
 * before it: false stops the parse. The texts are exactly those micromark is given, so a check of
 * work by the square of a text's size (see `scan.ts`) sees what the parser will do.
 */
export type ParseGuard = (text: string, linesBefore: number) => boolean;

/**
 * Parses `file.value` as markdown.
 * @param file a decoded file; its front matter, if any, already blanked out so positions stay true
 * @param chunking when to cut the text into chunks (tests set it low to compare both ways)
 * @param guard asked before each parse; with it, null when it said no
 */
export function parseMarkdown(file: VFile, chunking?: Chunking): Root;
export function parseMarkdown(file: VFile, chunking: Chunking | undefined, guard: ParseGuard): Root | null;
export function parseMarkdown(file: VFile, chunking: Chunking = { from: CHUNK_FROM, size: CHUNK_SIZE }, guard: ParseGuard = () => true): Root | null {
  const text = String(file.value ?? "");
  // Link and footnote definitions apply to the whole document: with any "]:" in it, one parse.
  if (text.length <= chunking.from || text.includes("]:")) return guard(text, 0) ? (processor.parse(file) as Root) : null;
  return parseInChunks(text, chunking.size, guard);
}

/**
 * Where a chunk may end: before a line that opens an ATX heading at column 1 and follows a blank
 * line or another such heading. There a single parse is at the top level with every block closed,
 * which the parse of the chunk confirms: its last block is a heading of the document's top level
 * on the line before, or ends before the blank line. (List items and block quotes end at a line
 * that starts at column 1 with "#"; paragraphs, tables and most HTML blocks end at the blank line.)
 * Otherwise (a fenced code block or a `<!--` or `<script>` block runs on to the chunk's end), the
 * rest of the text is parsed in one go.
 */
function parseInChunks(text: string, size: number, guard: ParseGuard): Root | null {
  const children: RootContent[] = [];
  let start = 0;
  let line = 0; // lines before `start`
  while (start < text.length) {
    let end = size >= text.length - start ? text.length : nextCut(text, start + size);
    let chunk = text.slice(start, end);
    if (!guard(chunk, line)) return null;
    let tree = processor.parse(new VFile(chunk)) as Root;
    const breaks = countBreaks(chunk);
    if (end < text.length && !closedBefore(tree, breaks, previousLineBlank(text, end))) {
      end = text.length;
      chunk = text.slice(start);
      if (!guard(chunk, line)) return null;
      tree = processor.parse(new VFile(chunk)) as Root;
    }
    shift(tree, line, start);
    for (const node of tree.children) children.push(node);
    line += end < text.length ? breaks : 0;
    start = end;
  }
  const last = text.length === 0 ? 0 : countBreaks(text);
  const lastLineStart = text.lastIndexOf("\n") + 1;
  return {
    type: "root",
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: last + 1, column: text.length - lastLineStart + 1, offset: text.length } },
  };
}

/** The start of the first line at or after `from` that may begin a chunk, or the text's length. */
function nextCut(text: string, from: number): number {
  let at = text.indexOf("\n", from - 1);
  while (at >= 0 && at + 1 < text.length) {
    const lineStart = at + 1;
    if (isHeadingStart(text, lineStart) && (previousLineBlank(text, lineStart) || isHeadingStart(text, text.lastIndexOf("\n", lineStart - 2) + 1))) {
      return lineStart;
    }
    at = text.indexOf("\n", lineStart);
  }
  return text.length;
}

function isHeadingStart(text: string, at: number): boolean {
  let hashes = 0;
  while (hashes < 7 && text.charCodeAt(at + hashes) === 0x23) hashes++;
  if (hashes === 0 || hashes > 6) return false;
  const next = text.charCodeAt(at + hashes);
  return Number.isNaN(next) || next === 0x20 || next === 0x09 || next === 0x0a;
}

/** Whether the line before the one starting at `lineStart` holds only spaces and tabs. */
function previousLineBlank(text: string, lineStart: number): boolean {
  let i = lineStart - 2;
  for (; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) return true;
    if (code !== 0x20 && code !== 0x09) return false;
  }
  return lineStart >= 1;
}

function countBreaks(text: string): number {
  let breaks = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) breaks++;
  return breaks;
}

/**
 * Whether every block of the chunk is closed at its end.
 * @param lastLine the chunk's last line (the one before the cut)
 * @param blank whether that line is blank (else it opens a heading)
 */
function closedBefore(tree: Root, lastLine: number, blank: boolean): boolean {
  const last = tree.children[tree.children.length - 1]?.position;
  if (blank) return !last || last.end.line < lastLine;
  const node = tree.children[tree.children.length - 1];
  return node?.type === "heading" && last !== undefined && last.start.line === lastLine && last.end.line === lastLine && last.start.column === 1;
}

/** Moves every position of `tree` down by `lines` lines and on by `offset` characters (iterative: no stack limit). */
function shift(tree: Root, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return;
  const pending: { position?: Root["position"]; children?: unknown[] }[] = [...tree.children];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const position = node.position;
    if (position) {
      position.start = { ...position.start, line: position.start.line + lines, offset: (position.start.offset ?? 0) + offset };
      position.end = { ...position.end, line: position.end.line + lines, offset: (position.end.offset ?? 0) + offset };
    }
    if (Array.isArray(node.children)) for (const child of node.children) pending.push(child as (typeof pending)[number]);
  }
}
