/**
 * HTML inside markdown, read with a real HTML parser (hast-util-from-html, parse5 underneath):
 * tables become grids of cells, other HTML gives its text, and blocks that hold only images
 * (`<picture>`, `<img>`) are told apart so they can be kept as media. Markdown splits an HTML
 * table at its blank lines into several HTML nodes; a run of adjacent ones is parsed as one.
 */
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toString as hastToString } from "hast-util-to-string";
import type { Html, Table, TableCell } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Point, Position } from "unist";

export interface Cell {
  /** The cell's text, whitespace collapsed. */
  text: string;
  /** The cell's items: one per `<li>` when it holds a list, else its text (none when empty). */
  items: string[];
  position: Position;
}

/** A table as rows of cells, the first row its header. */
export interface Grid {
  header: Cell[];
  rows: Cell[][];
  position: Position;
}

const squeeze = (text: string) => text.replace(/\s+/g, " ").trim();

/** A markdown (GFM) table as a grid. */
export function gridOfTable(table: Table): Grid | null {
  const [head, ...body] = table.children;
  if (!head || !table.position) return null;
  const cell = (node: TableCell): Cell => {
    const text = squeeze(toString(node));
    return { text, items: text ? [text] : [], position: node.position ?? table.position! };
  };
  return { header: head.children.map(cell), rows: body.map((row) => row.children.map(cell)), position: table.position };
}

/** Turns offsets in an HTML string into file positions, given where the string starts. */
function locator(source: string, start: Point) {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const point = (offset: number): Point => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    const column = offset - lineStarts[low]! + 1;
    return { line: start.line + low, column: low === 0 ? start.column + column - 1 : column, offset: (start.offset ?? 0) + offset };
  };
  return (node: HastNodes, fallback: Position): Position => {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    return s === undefined || e === undefined ? fallback : { start: point(s), end: point(e) };
  };
}

export interface HtmlRun {
  tree: HastRoot;
  /** The run's place in the file. */
  position: Position;
  /** Maps a hast node to its place in the file. */
  at: (node: HastNodes) => Position;
}

/**
 * Parses adjacent HTML nodes as one fragment.
 * @param nodes HTML nodes that follow each other in one section
 * @param text the file's text, which the nodes' offsets index
 */
export function parseHtmlRun(nodes: readonly Html[], text: string): HtmlRun {
  const first = nodes[0]!.position!;
  const last = nodes[nodes.length - 1]!.position!;
  const startOffset = first.start.offset ?? 0;
  const source = first.start.offset !== undefined && last.end.offset !== undefined ? text.slice(startOffset, last.end.offset) : nodes.map((n) => n.value).join("\n\n");
  const tree = fromHtml(source, { fragment: true });
  const position = { start: first.start, end: last.end };
  const map = locator(source, { ...first.start, offset: startOffset });
  return { tree, position, at: (node) => map(node, position) };
}

function isElement(node: HastNodes | ElementContent, name?: string): node is Element {
  return node.type === "element" && (name === undefined || node.tagName === name);
}

/** Every element named `name` below `node`, outermost first, not looking inside a match. */
function findAll(node: HastNodes, name: string): Element[] {
  const out: Element[] = [];
  const pending: HastNodes[] = [node];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (isElement(next, name)) {
      out.push(next);
      continue;
    }
    if ("children" in next) for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i]!);
  }
  return out;
}

/** The tables of a run as grids. */
export function gridsOf(run: HtmlRun): Grid[] {
  return findAll(run.tree, "table").map((table) => {
    const rows = findAll(table, "tr").map((tr) =>
      tr.children.filter((c): c is Element => isElement(c) && (c.tagName === "td" || c.tagName === "th")).map((cell): Cell => {
        const items = findAll(cell, "li").map((li) => squeeze(hastToString(li))).filter(Boolean);
        const text = squeeze(hastToString(cell));
        return { text, items: items.length > 0 ? items : text ? [text] : [], position: run.at(cell) };
      }),
    );
    const [header = [], ...body] = rows;
    return { header, rows: body, position: run.at(table) };
  });
}

const MEDIA = new Set(["img", "picture", "source", "video", "audio", "iframe", "svg", "figure", "track", "embed", "object"]);

/** The run's text outside its tables, whitespace collapsed ("" when it has none). */
export function textOutsideTables(run: HtmlRun): string {
  const parts: string[] = [];
  const pending: HastNodes[] = [run.tree];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.type === "text") parts.push(next.value);
    if (isElement(next, "table") || isElement(next, "script") || isElement(next, "style")) continue;
    if ("children" in next) for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i]!);
  }
  return squeeze(parts.join(" "));
}

/** Whether the run holds media: an image, a `<picture>`, a video. */
export function hasMedia(run: HtmlRun): boolean {
  return [...MEDIA].some((name) => findAll(run.tree, name).length > 0);
}

/** Whether the run holds media and no text. */
export function isMediaOnly(run: HtmlRun): boolean {
  return textOutsideTables(run) === "" && findAll(run.tree, "table").length === 0 && hasMedia(run);
}

/**
 * The words a reader sees in an HTML string: its text and the `alt` and `title` of its elements
 * (tag names and other attributes are markup). For the word count of `src/report/coverage.ts`.
 */
export function htmlReadableText(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  const parts: string[] = [];
  const pending: HastNodes[] = [tree];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.type === "text") parts.push(next.value);
    if (isElement(next)) {
      if (next.tagName === "script" || next.tagName === "style") continue;
      for (const key of ["alt", "title"]) {
        const value = next.properties[key];
        if (typeof value === "string") parts.push(value);
      }
    }
    if ("children" in next) for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i]!);
  }
  return parts.join(" ");
}
