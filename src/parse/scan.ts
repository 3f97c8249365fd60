/**
 * An estimate, in one linear pass, of the work micromark does by the square of a text's size.
 *
 * micromark keeps every event of the text it parses in one array, and three things rebuild or walk
 * that array whole (measured with remark-parse 11 + remark-gfm 4; numbers in issue 16):
 * - a setext heading underline (a line of `=` or `-` right under text) rebuilds it (`EditMap` in
 *   `setext-underline.js`): 8,000 `a` / `=` pairs take 10 s;
 * - a container closed while another is still open around it (a block quote ended by a blank line,
 *   a nested list or quote ended by the next item of its list: `> a` + blank, `- > a`, `- a` /
 *   `  - b`, over and over) rebuilds it (`document.js`): 8,000 of them take 10 to 19 s;
 * - a lazy line (continuing a quoted or listed paragraph without its `>` or indentation) walks back
 *   over the paragraph's events: 8,000 lazy lines in one paragraph take 1.5 s.
 * Each is charged the events before it, counted as the weight of the lines before it (a line, its
 * container markers and its table pipes), or for a lazy line the lines of its paragraph. The model
 * of containers is rough (a stack of quotes and list items by indentation) and leans to charging
 * more: ordinary guides cost a few thousand units, the limit is millions.
 *
 * Also the line-level helpers of `checkBeforeParse` (`limits.ts`): nesting and block starts.
 */

/** What made the work: the kind of the line that passed the limit, and how many of each were seen. */
export interface BlockWork {
  /** The line, counted from 1 in the text scanned, where the work passed the limit. */
  line: number;
  kind: "setext" | "close" | "lazy";
  setext: number;
  closes: number;
  lazy: number;
}

type Container = { quote: true } | { quote: false; width: number };

const SPACE = 0x20;
const TAB = 0x09;

/**
 * Scans `text` for the work above.
 * @param limit the most units of work allowed
 * @returns the units of work, up to where the limit is passed, and where that is (null when it is not)
 */
export function scanBlockWork(text: string, limit: number): { work: number; over: BlockWork | null } {
  const stack: Container[] = [];
  let weight = 0; // events before this line, roughly
  let work = 0;
  const seen = { setext: 0, closes: 0, lazy: 0 };
  let paragraph = false; // whether the previous line left a paragraph open
  let paragraphLines = 0;
  let line = 1;
  let at = 0;
  while (at <= text.length) {
    const newline = text.indexOf("\n", at);
    // After a final line break there is no line: the containers close at the end, which costs nothing.
    if (newline < 0 && at === text.length && at > 0) break;
    const end = newline < 0 ? text.length : newline;
    let i = at;
    // The rest of the line from `i` is blank when `i` is past its last character that is not a space.
    let last = end - 1;
    while (last >= at && isSpace(text.charCodeAt(last))) last--;
    // Which open containers this line continues.
    let matched = 0;
    for (; matched < stack.length; matched++) {
      const entry = stack[matched]!;
      if (entry.quote) {
        const j = skipSpaces(text, i, end, 3);
        if (text.charCodeAt(j) !== 0x3e || j >= end) break;
        i = j + 1;
        if (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++;
      } else {
        if (i > last) continue;
        const j = skipSpaces(text, i, end, entry.width);
        if (j - i < entry.width) break;
        i = j;
      }
    }
    const blank = i > last;
    const content = skipSpaces(text, i, end, 3);
    let kind: BlockWork["kind"] | null = null;
    let cost = 0;
    let opened = 0;
    let lineMarkers = 0;
    const underline = !blank && paragraph && isUnderline(text, content, end);
    if (blank) {
      if (matched < stack.length) {
        kind = "close";
        stack.length = matched;
      }
      paragraph = false;
    } else if (underline && matched === stack.length) {
      kind = "setext";
      paragraph = false;
    } else {
      // New containers on this line, unless it is a thematic break ("* * *" after a marker is
      // taken for markers: a few more than there are, and one look at the line keeps this linear).
      const markers: Container[] = [];
      let j = i;
      for (;;) {
        const k = skipSpaces(text, j, end, 4);
        if (k - j > 3 || (j === i && isBreak(text, k, end))) break;
        const marker = markerAt(text, k, end);
        if (marker === null) break;
        markers.push(marker.container);
        j = marker.next;
      }
      lineMarkers = markers.length;
      const unmatched = stack.length - matched;
      const startsBlock = markers.length > 0 || isBlockStart(text, skipSpaces(text, j, end, 3), end);
      if (unmatched > 0 && markers.length === 0 && paragraph && !startsBlock) {
        // A lazy line: the containers stay open, and micromark walks back over the paragraph.
        kind = "lazy";
        cost = paragraphLines;
      } else {
        // A sibling list item continues its list: only what was nested in the old item closes.
        const sibling = unmatched > 0 && !stack[matched]!.quote && markers.length > 0 && !markers[0]!.quote;
        if (unmatched > (sibling ? 1 : 0)) kind = "close";
        stack.length = matched;
        stack.push(...markers);
        opened = markers.length;
      }
      if (kind !== "lazy") {
        const rest = skipSpaces(text, j, end, 3);
        const ownText = j <= last && !isBlockStart(text, rest, end);
        if (ownText && (!paragraph || opened > 0 || kind === "close")) paragraphLines = 0;
        paragraph = ownText;
      }
      if (paragraph) paragraphLines++;
    }
    if (kind !== null) {
      if (kind === "setext") seen.setext++;
      else if (kind === "close") seen.closes++;
      else seen.lazy++;
      work += kind === "lazy" ? cost : weight;
      if (work > limit) return { work, over: { line, kind, ...seen } };
    }
    weight += 1 + stack.length + lineMarkers + pipes(text, at, end);
    if (newline < 0) break;
    at = newline + 1;
    line++;
  }
  return { work, over: null };
}

function skipSpaces(text: string, from: number, end: number, most: number): number {
  let i = from;
  while (i < end && i - from < most && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  return i;
}

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === 0x0d;
}

function isBlank(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** A line of only `=` or only `-` (then spaces): a setext underline under a paragraph. */
function isUnderline(text: string, from: number, end: number): boolean {
  const mark = text.charCodeAt(from);
  if (mark !== 0x3d && mark !== 0x2d) return false;
  let i = from;
  while (i < end && text.charCodeAt(i) === mark) i++;
  return isBlank(text, i, end);
}

/** Three or more `-`, `*` or `_` with only spaces between: a thematic break, not list items. */
function isBreak(text: string, from: number, end: number): boolean {
  const mark = text.charCodeAt(from);
  if (mark !== 0x2d && mark !== 0x2a && mark !== 0x5f) return false;
  let count = 0;
  for (let i = from; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === mark) count++;
    else if (code !== SPACE && code !== TAB && code !== 0x0d) return false;
  }
  return count >= 3;
}

/** A block quote marker or a list item marker at `from`, and where what follows it starts. */
function markerAt(text: string, from: number, end: number): { container: Container; next: number } | null {
  const code = text.charCodeAt(from);
  if (from >= end) return null;
  if (code === 0x3e) {
    const after = text.charCodeAt(from + 1);
    return { container: { quote: true }, next: from + 1 + (after === SPACE || after === TAB ? 1 : 0) };
  }
  let next = from + 1;
  if (code >= 0x30 && code <= 0x39) {
    while (next < end && next - from < 9 && text.charCodeAt(next) >= 0x30 && text.charCodeAt(next) <= 0x39) next++;
    const close = text.charCodeAt(next);
    if (close !== 0x2e && close !== 0x29) return null;
    next++;
  } else if (code !== 0x2d && code !== 0x2a && code !== 0x2b) return null;
  if (next < end && text.charCodeAt(next) !== SPACE && text.charCodeAt(next) !== TAB) return null;
  // The item's content starts after 1 to 4 spaces; more, and it is indented code one space in.
  const spaces = skipSpaces(text, next, end, 5) - next;
  const width = next - from + (spaces === 0 || spaces > 4 ? 1 : spaces);
  return { container: { quote: false, width }, next: next + Math.min(spaces, 4) };
}

/** A line that is not paragraph text: an ATX heading, a fence, a thematic break, an HTML block, a table row start. */
function isBlockStart(text: string, from: number, end: number): boolean {
  const code = text.charCodeAt(from);
  if (from >= end) return false;
  if (code === 0x23) return true;
  if (code === 0x60 || code === 0x7e) return text.charCodeAt(from + 1) === code && text.charCodeAt(from + 2) === code;
  if (code === 0x3c) return true;
  return isBreak(text, from, end);
}

/** The table cell separators on a line: each is events of its own. */
function pipes(text: string, from: number, end: number): number {
  let count = 0;
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === 0x7c) count++;
  return count;
}

/**
 * Whether a line surely ends the paragraph before it, wherever it stands: an ATX heading or a list
 * item with text ("- ", "* ", "+ ", "1. ", "1) "), after at most 3 spaces and any quote markers.
 * (Indented 4 or more, the same line may continue a paragraph, so it does not count.)
 */
export function startsBlock(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 0x20) i++;
  while (i < end && text.charCodeAt(i) === 0x3e) {
    i++;
    if (text.charCodeAt(i) === 0x20) i++;
  }
  const code = text.charCodeAt(i);
  let next = i + 1;
  if (code === 0x23) {
    while (next < end && next - i < 6 && text.charCodeAt(next) === 0x23) next++;
  } else if (code === 0x31 && (text.charCodeAt(i + 1) === 0x2e || text.charCodeAt(i + 1) === 0x29)) {
    next = i + 2;
  } else if (code !== 0x2d && code !== 0x2a && code !== 0x2b) {
    return false;
  }
  const after = text.charCodeAt(next);
  if (after !== 0x20 && after !== 0x09) return false;
  for (let k = next + 1; k < end; k++) if (text.charCodeAt(k) !== 0x20 && text.charCodeAt(k) !== 0x09) return true;
  return false;
}

/**
 * How deeply a line nests: its list and quote markers (`-`, `*`, `+`, `1.`, `1)`, `>`) from the
 * start of the line, plus its leading indentation in steps of 2 columns (a nested item's indent).
 */
export function nestingOf(text: string, start: number, end: number): number {
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
