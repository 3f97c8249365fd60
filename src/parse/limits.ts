/**
 * Limits that keep the parse of hostile input bounded. The markdown parser (micromark) is linear on
 * ordinary text, but not on everything: lists or quotes nested thousands deep cost time by the
 * square of the depth and then overflow the stack of every recursive step after it, and a
 * paragraph made of tens of thousands of brackets and emphasis marks ("[[[[…", "*[a*](b)" over and
 * over) costs time by the square of their number. No role guide comes near these limits; a file
 * beyond them gets one `input-too-complex` error at the line where it goes too far, and is not parsed.
 */
import type { Root } from "mdast";
import type { VFile } from "vfile";
import { report } from "../model/diagnostics.ts";

/** Most containers (list items, block quotes) one line may open, counting 2 columns of indentation as one. */
export const MAX_NESTING = 100;
/** Most emphasis and link marks (`*`, `_`, `~`, `[`, `]`) one paragraph (a run of lines without a blank one) may hold. */
export const MAX_MARKS = 10_000;
/** Most marks the whole file may hold, summed by paragraph as the square of each paragraph's count. */
export const MAX_MARK_WORK = 100_000_000;
/** The deepest the syntax tree may be, so that every recursive step after the parse has stack to spare. */
export const MAX_DEPTH = 400;

const rule = "input-too-complex";

/**
 * Checks the text before it is parsed: nesting on each line and marks in each paragraph. Linear time.
 * @param text the decoded text
 * @param file receives an `input-too-complex` error when a limit is passed
 * @returns whether the text may be parsed
 */
export function checkBeforeParse(text: string, file: VFile): boolean {
  let line = 1;
  let runStart = 1;
  let runMarks = 0;
  let work = 0;
  const tooMany = (): boolean => {
    report(
      file,
      "error",
      rule,
      runMarks > MAX_MARKS
        ? `The paragraph from line ${runStart} holds more than ${MAX_MARKS.toLocaleString("en")} emphasis and link marks (*, _, ~, [, ]) by line ${line}; the parser takes time by the square of their number. Split the paragraph with blank lines or remove the marks.`
        : `The file holds more emphasis and link marks (*, _, ~, [, ]) in long paragraphs than can be read in reasonable time (the parser takes time by the square of their number in a paragraph), past the limit at the paragraph ending on line ${line}. Split the paragraphs with blank lines or remove the marks.`,
      { line, column: 1 },
    );
    return false;
  };
  let at = 0;
  while (at <= text.length) {
    const newline = text.indexOf("\n", at);
    const end = newline < 0 ? text.length : newline;
    const depth = nestingOf(text, at, end);
    if (depth > MAX_NESTING) {
      report(
        file,
        "error",
        rule,
        `Line ${line} nests about ${depth} lists or block quotes (counting markers and 2 columns of indentation as one level); at most ${MAX_NESTING} are read, since each level costs the parser time on every line after it. Flatten the list.`,
        { line, column: 1 },
      );
      return false;
    }
    let marks = 0;
    let blank = true;
    for (let i = at; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x2a || code === 0x5f || code === 0x7e || code === 0x5b || code === 0x5d) marks++;
      if (code !== 0x20 && code !== 0x09) blank = false;
    }
    runMarks += marks;
    if (runMarks > MAX_MARKS) return tooMany();
    if (blank || newline < 0) {
      // The paragraph ends: its cost is the square of its marks.
      work += runMarks * runMarks;
      if (work > MAX_MARK_WORK) return tooMany();
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
 * How deeply a line nests: its list and quote markers (`-`, `*`, `+`, `1.`, `1)`, `>`) from the
 * start of the line, plus its leading indentation in steps of 2 columns (a nested item's indent).
 */
function nestingOf(text: string, start: number, end: number): number {
  let i = start;
  let columns = 0;
  while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) {
    columns += text.charCodeAt(i) === 0x09 ? 4 - (columns % 4) : 1;
    i++;
  }
  let markers = 0;
  while (i < end) {
    const code = text.charCodeAt(i);
    let next = i;
    if (code === 0x3e) next = i + 1; // >
    else if (code === 0x2d || code === 0x2a || code === 0x2b) next = i + 1; // - * +
    else if (code >= 0x30 && code <= 0x39) {
      let digits = i;
      while (digits < end && digits - i < 9 && text.charCodeAt(digits) >= 0x30 && text.charCodeAt(digits) <= 0x39) digits++;
      const close = text.charCodeAt(digits);
      if (close !== 0x2e && close !== 0x29) break; // . )
      next = digits + 1;
    } else break;
    const after = text.charCodeAt(next);
    // A marker is followed by a space, a tab or the end of the line; ">" needs neither.
    if (code !== 0x3e && next < end && after !== 0x20 && after !== 0x09) break;
    markers++;
    i = next;
    while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  }
  return markers + Math.floor(columns / 2);
}

/**
 * Checks the parsed tree's depth (iteratively: any depth is fine here).
 * @param tree the parsed document
 * @param file receives an `input-too-complex` error at the first node too deep
 * @returns whether the tree may be read
 */
export function checkAfterParse(tree: Root, file: VFile): boolean {
  const pending: { node: { children?: unknown[]; position?: Root["position"] }; depth: number }[] = [{ node: tree, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (depth > MAX_DEPTH) {
      report(
        file,
        "error",
        rule,
        `The text here is nested more than ${MAX_DEPTH} levels deep (lists, quotes, emphasis or links inside each other); expected at most ${MAX_DEPTH}. Flatten it.`,
        node.position?.start ?? { line: 1, column: 1 },
      );
      return false;
    }
    if (Array.isArray(node.children)) for (const child of node.children) pending.push({ node: child as (typeof pending)[number]["node"], depth: depth + 1 });
  }
  return true;
}
