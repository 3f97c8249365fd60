/**
 * Entries: the lines a role guide is really made of. Authors write "**Tools**: Docker, Kubernetes"
 * as a list item, as a line of a paragraph, or as a bullet ("• Kubernetes basics") that markdown
 * folds into the paragraph above it. Extractors read entries, so they need not care which.
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from "mdast";
import type { Position } from "unist";
import { toString } from "mdast-util-to-string";

export interface Entry {
  /** The leading bold text, or the words before a colon, without the colon. */
  label: string | null;
  /** Whether the label was bold; a plain "Label:" only counts where the reader expects it. */
  strong: boolean;
  /** What follows the label and its separator (":", " - ", " – "); the whole text when there is no label. */
  value: string;
  /** The separator after the label: ":" for a field, "-" for "**Skill** - detail". */
  separator: ":" | "-" | null;
  /** The entry's whole text. */
  text: string;
  /** Whether the line began with a bullet character inside a paragraph ("•", "◦", "▪"). */
  bullet: boolean;
  position: Position;
  /** The whole list item, nested lists included (for a paragraph line, its `position`). */
  span: Position;
  /** Entries of a list nested in this list item. */
  children: Entry[];
}

/** Bullets that authors type by hand; markdown keeps them as text in a paragraph. */
const HAND_BULLET = /^\s*[•◦▪▸►‣·]\s*/u;

function pointAt(line: number, column: number) {
  return { line, column };
}

/** Splits a paragraph's inline content at its line breaks, keeping the nodes of each line. */
function paragraphLines(paragraph: Paragraph): { nodes: PhrasingContent[]; position: Position }[] {
  const start = paragraph.position?.start ?? pointAt(1, 1);
  const end = paragraph.position?.end ?? start;
  const lines: { nodes: PhrasingContent[]; line: number; column: number }[] = [{ nodes: [], line: start.line, column: start.column }];
  let line = start.line;
  for (const node of paragraph.children) {
    if (node.type === "break") {
      line = (node.position?.end.line ?? line + 1);
      lines.push({ nodes: [], line, column: 1 });
      continue;
    }
    if (node.type !== "text" || !node.value.includes("\n")) {
      const last = lines[lines.length - 1]!;
      if (last.nodes.length === 0 && node.position) last.column = node.position.start.column;
      last.nodes.push(node);
      continue;
    }
    const parts = node.value.split("\n");
    parts.forEach((part, index) => {
      if (index > 0) {
        line += 1;
        lines.push({ nodes: [], line, column: 1 });
      }
      if (part) lines[lines.length - 1]!.nodes.push({ type: "text", value: part });
    });
  }
  return lines
    .filter((l) => toString(l.nodes).trim() !== "")
    .map((l, index, all) => ({
      nodes: l.nodes,
      position: {
        start: pointAt(l.line, l.column),
        end: index === all.length - 1 ? end : pointAt(l.line, l.column + toString(l.nodes).length),
      },
    }));
}

/**
 * The text of a line's nodes, as `toString` gives it, but with the target of each link or image
 * that points elsewhere written after its text ("Salaries (https://…)"): the target is the
 * author's too, and a reference list without it says nothing. Anchors within the page are left
 * out, since their words are the heading they point to.
 */
export function lineText(nodes: readonly PhrasingContent[]): string {
  let out = "";
  for (const node of nodes) {
    const inner = toString(node);
    const url = node.type === "link" || node.type === "image" ? node.url.trim() : "";
    out += url && !url.startsWith("#") && url !== inner.trim() ? `${inner}${inner.trim() ? " " : ""}(${url})` : node.type === "image" ? inner : "children" in node ? lineText(node.children) : inner;
  }
  return out;
}

function plainText(nodes: readonly PhrasingContent[]): string {
  return toString(nodes as PhrasingContent[]);
}

/** Whether a link or image that points elsewhere stands among `nodes` (most lines have none: `toString` is then enough). */
function hasTarget(nodes: readonly PhrasingContent[]): boolean {
  // Iterative: inline nesting may be deep in a hostile file.
  const pending: PhrasingContent[] = [];
  for (const node of nodes) if (node.type !== "text") pending.push(node);
  while (pending.length > 0) {
    const node = pending.pop()!;
    if ((node.type === "link" || node.type === "image") && node.url && !node.url.startsWith("#")) return true;
    if ("children" in node) for (const child of node.children as PhrasingContent[]) if (child.type !== "text") pending.push(child);
  }
  return false;
}

const SEPARATOR = /^\s*(?:[:：]\s*|\s[-–—]\s+|[-–—]\s+)/u;

/** Reads a label ("**Tools**:", "**Skill** - detail", "Alternative paths:") off the front of a line. */
/**
 * @param targets whether links keep their targets in the text (list items: a list of references
 * says nothing without them); a paragraph's prose keeps the words a reader reads
 */
function entryOf(nodes: PhrasingContent[], position: Position, children: Entry[], span: Position = position, targets = false): Entry {
  const textOf = targets && hasTarget(nodes) ? lineText : plainText;
  // Runs of whitespace are one space, as a reader sees them (and no pattern below meets a long run).
  const full = textOf(nodes).replace(/\s+/g, " ").trim();
  const bullet = HAND_BULLET.test(full);
  const text = full.replace(HAND_BULLET, "");
  const first = nodes.findIndex((n) => !(n.type === "text" && n.value.trim() === ""));
  const lead = nodes[first];
  if (lead && (lead.type === "strong" || lead.type === "emphasis") && !bullet) {
    let label = textOf([lead]).replace(/\s+/g, " ").trim();
    let rest = textOf(nodes.slice(first + 1)).replace(/\s+/g, " ");
    let separator: Entry["separator"] = null;
    if (/[:：]$/.test(label)) {
      label = label.replace(/\s*[:：]$/, "");
      separator = ":";
    }
    const sep = SEPARATOR.exec(rest);
    if (sep) {
      separator ??= sep[0].includes(":") || sep[0].includes("：") ? ":" : "-";
      rest = rest.slice(sep[0].length);
    }
    if (label) return { label, strong: true, value: rest.trim(), separator, text, bullet, position, span, children };
  }
  // A plain "Label: value" line; the label stays short so that prose with a colon is not cut.
  const colon = /^([^:：()]{1,60}?)\s*[:：]\s+(.*)$/su.exec(text);
  if (colon && colon[1]!.split(/\s+/).length <= 6) {
    return { label: colon[1]!.trim(), strong: false, value: colon[2]!.trim(), separator: ":", text, bullet, position, span, children };
  }
  return { label: null, strong: false, value: text, separator: null, text, bullet, position, span, children };
}

function listEntries(list: List): Entry[] {
  return list.children.map((item: ListItem) => {
    const [head, ...rest] = item.children;
    const children = rest.flatMap((block) => entriesOf([block]));
    const position = item.position ?? { start: pointAt(1, 1), end: pointAt(1, 1) };
    if (head?.type === "paragraph") {
      const [firstLine, ...moreLines] = paragraphLines(head);
      const extra = moreLines.map((l) => entryOf(l.nodes, l.position, [], l.position, true));
      if (!firstLine) return entryOf([], position, [...extra, ...children], position, true);
      return entryOf(firstLine.nodes, { start: position.start, end: firstLine.position.end }, [...extra, ...children], position, true);
    }
    const all = head ? [...entriesOf([head]), ...children] : children;
    return { label: null, strong: false, value: "", separator: null, text: "", bullet: false, position, span: position, children: all };
  });
}

/**
 * The entries of a run of blocks: one per list item (with nested lists as children) and one per
 * paragraph line. Blocks that are not prose (code, tables, HTML, quotes) give no entries: callers
 * keep those as unplaced text.
 */
export function entriesOf(blocks: readonly RootContent[]): Entry[] {
  const out: Entry[] = [];
  for (const block of blocks) {
    if (block.type === "list") out.push(...listEntries(block));
    else if (block.type === "paragraph" && !isMediaParagraph(block)) {
      for (const line of paragraphLines(block)) out.push(entryOf(line.nodes, line.position, []));
    }
  }
  return out;
}

/**
 * Lifts the blocks that are not prose (code, HTML, tables, quotes) out of list items, to stand after
 * their list: entries are lines, and a block in an item would otherwise vanish with the item's
 * entry when a reader places it. Positions are kept, so the blocks are read or kept where they stood.
 */
export function hoistFromLists(blocks: readonly RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const block of blocks) {
    if (block.type !== "list") {
      out.push(block);
      continue;
    }
    const lifted: RootContent[] = [];
    out.push(withoutBlocks(block, lifted), ...lifted);
  }
  return out;
}

function withoutBlocks(list: List, lifted: RootContent[]): List {
  // Iterative over nesting depth: each pending list is rebuilt with its items' prose only.
  const copy: List = { ...list, children: [] };
  const pending: { from: List; to: List }[] = [{ from: list, to: copy }];
  while (pending.length > 0) {
    const { from, to } = pending.pop()!;
    for (const item of from.children) {
      const children: ListItem["children"] = [];
      for (const child of item.children) {
        if (child.type === "paragraph") children.push(child);
        else if (child.type === "list") {
          const nested: List = { ...child, children: [] };
          pending.push({ from: child, to: nested });
          children.push(nested);
        } else lifted.push(child);
      }
      to.children.push({ ...item, children });
    }
  }
  lifted.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
  return copy;
}

/**
 * A paragraph of images alone (a screenshot, a row of badges, linked or not): media, not a line
 * of text, kept as written where it stands rather than read as an entry.
 */
export function isMediaParagraph(block: RootContent): boolean {
  if (block.type !== "paragraph") return false;
  // A loop with an early exit, not filters: this runs for every paragraph, most of them text.
  let shown = 0;
  for (const node of block.children) {
    if (node.type === "break" || (node.type === "text" && node.value.trim() === "")) continue;
    if (!isImage(node)) return false;
    shown++;
  }
  return shown > 0;
}

function isImage(node: PhrasingContent): boolean {
  if (node.type === "image" || node.type === "imageReference") return true;
  if (node.type !== "link" && node.type !== "linkReference") return false;
  return node.children.length > 0 && node.children.every((c) => isImage(c) || (c.type === "text" && c.value.trim() === ""));
}

/** Whether a block is read as entries by `entriesOf`. */
export function isProse(block: RootContent): boolean {
  return block.type === "list" || (block.type === "paragraph" && !isMediaParagraph(block));
}

/** An entry and all its descendants, flattened in document order (iterative: no stack limit). */
export function flatten(entries: readonly Entry[]): Entry[] {
  const out: Entry[] = [];
  const pending = [...entries].reverse();
  while (pending.length > 0) {
    const entry = pending.pop()!;
    out.push(entry);
    for (let i = entry.children.length - 1; i >= 0; i--) pending.push(entry.children[i]!);
  }
  return out;
}

/** "Text - detail" split at the first spaced dash, or null when there is none. */
export function splitDash(text: string): [string, string] | null {
  let at = -1;
  for (const dash of [" - ", " – ", " — "]) {
    const found = text.indexOf(dash);
    if (found > 0 && (at < 0 || found < at)) at = found;
  }
  if (at < 0 || at + 3 >= text.length) return null;
  return [text.slice(0, at).trim(), text.slice(at + 3).trim()];
}

/**
 * Walks blocks in document order: each run of non-prose blocks (kept together, since HTML split at
 * blank lines is one table) goes to `others`, each entry of the prose blocks to `entry`.
 */
export function inOrder(blocks: readonly RootContent[], others: (run: RootContent[]) => void, entry: (entry: Entry) => void): void {
  let run: RootContent[] = [];
  for (const block of blocks) {
    if (!isProse(block)) {
      run.push(block);
      continue;
    }
    if (run.length > 0) others(run);
    run = [];
    for (const e of entriesOf([block])) entry(e);
  }
  if (run.length > 0) others(run);
}
