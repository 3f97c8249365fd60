/**
 * What a reader sees of a built site, as words, and where the strings of an exported role are among
 * them: for the site-side nothing-lost test (tests/site/nothing-lost.test.ts).
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from "hast";
import { fromHtml } from "hast-util-from-html";
import type { Nodes as MdastNodes } from "mdast";
import { VFile } from "vfile";
import { parseMarkdown } from "../../src/parse/index.ts";
import { wordsOf } from "../../src/report/coverage.ts";
import { safeHtml } from "../../src/site/markdown.ts";

/** Elements that flow within a line: their text joins the text around them without a break. */
const INLINE = new Set(
  "a abbr b bdi bdo cite code data del dfn em i ins kbd label mark q s samp small span strike strong sub sup time tt u var".split(" "),
);

/**
 * Whether an element and everything in it is out of a reader's sight:
 * - `<head>`, `<script>`, `<style>`, `<template>`: never rendered;
 * - an SVG `<title>`: a tooltip, not text on the page;
 * - `hidden` (the scripts' tools before they run, closed search results) and `aria-hidden="true"`
 *   (seen, but not by a screen reader: a string only there is lost to some readers);
 * - `.visually-hidden`: read by a screen reader only (the site's one class that hides text).
 * The content of a closed `<details>` counts as visible: it is on the page, one click away, and the
 * browser's find-in-page opens it.
 */
function unseen(element: Element, parent: Element | HastRoot | null): boolean {
  const name = element.tagName;
  if (name === "head" || name === "script" || name === "style" || name === "template") return true;
  if (name === "title" && parent?.type === "element" && parent.tagName !== "head") return true;
  const props = element.properties;
  if (props.hidden !== undefined && props.hidden !== false) return true;
  if (String(props.ariaHidden) === "true") return true;
  const classes = Array.isArray(props.className) ? props.className.map(String) : [];
  return classes.includes("visually-hidden");
}

/** A page as a reader sees it: its visible words in order, and the addresses it links to. */
export interface SeenPage {
  url: string;
  words: string[];
  /** Where each word occurs, for finding a string's first word quickly. */
  at: Map<string, number[]>;
  hrefs: Set<string>;
}

/**
 * The visible words of an HTML page, block elements apart, inline ones joined ("Py<b>Torch</b>" is one
 * word). Iterative: a deep page cannot overflow the stack.
 */
export function seePage(url: string, html: string): SeenPage {
  const tree = fromHtml(html);
  const parts: string[] = [];
  const hrefs = new Set<string>();
  const pending: { node: HastNodes | "break"; parent: Element | HastRoot | null }[] = [{ node: tree, parent: null }];
  while (pending.length > 0) {
    const { node, parent } = pending.pop()!;
    if (node === "break") {
      parts.push(" ");
      continue;
    }
    if (node.type === "text") parts.push(node.value);
    if (node.type === "element") {
      if (unseen(node, parent)) continue;
      if (node.tagName === "a" && typeof node.properties.href === "string") hrefs.add(node.properties.href);
      if (node.tagName === "br" || node.tagName === "wbr") parts.push(" ");
    }
    if (node.type === "element" || node.type === "root") {
      const block = node.type === "element" && !INLINE.has(node.tagName);
      if (block) pending.push({ node: "break", parent: null });
      for (let i = node.children.length - 1; i >= 0; i--) pending.push({ node: node.children[i]!, parent: node });
      if (block) parts.push(" ");
    }
  }
  const words = wordsOf(parts.join(""));
  const at = new Map<string, number[]>();
  words.forEach((word, i) => {
    const list = at.get(word) ?? [];
    list.push(i);
    at.set(word, list);
  });
  return { url, words, at, hrefs };
}

/**
 * The words a reader should see of markdown, block by block (a paragraph, a heading, a cell, a code
 * block): text, code, image alt text; not link targets (they are addresses, not text). Raw HTML of
 * the renderer's safe list gives its text; any other is shown as written, tags and all.
 * @param inline one line of text: when markdown reads it as anything but one paragraph, it is shown as written
 */
export function markdownChunks(markdown: string, inline = false): string[][] {
  const tree = parseMarkdown(new VFile(markdown));
  if (inline && (tree.children.length !== 1 || tree.children[0]!.type !== "paragraph")) return [wordsOf(markdown)];
  const chunks: string[][] = [];
  const leaves = new Set(["paragraph", "heading", "tableCell", "code", "html"]);
  const pending: MdastNodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (leaves.has(node.type)) {
      chunks.push(wordsOf(readable(node)));
      continue;
    }
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
  }
  return chunks.filter((c) => c.length > 0);
}

function readable(node: MdastNodes): string {
  if (node.type === "html") return safeHtml(node.value) ? htmlText(node.value) : node.value;
  if (node.type === "image") return node.alt ?? "";
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as MdastNodes[]).map(readable).join("");
  return "";
}

/** The text of safe raw HTML, with the alt text of its images. */
function htmlText(html: string): string {
  const parts: string[] = [];
  const pending: HastNodes[] = [fromHtml(html, { fragment: true })];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === "text") parts.push(node.value);
    if (node.type === "element" && typeof node.properties.alt === "string") parts.push(` ${node.properties.alt} `);
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
  }
  return parts.join("");
}

/** How many words a string's words may spread over on a page beyond their own count (labels such as "Image:" between them). */
export const SLACK = 3;

/**
 * Whether `words` appear in order on `page`, over at most their count plus `SLACK` words.
 * @param words a string's words (not empty)
 */
export function shownOn(page: SeenPage, words: readonly string[]): boolean {
  for (const start of page.at.get(words[0]!) ?? []) {
    let at = start;
    let ok = true;
    for (let i = 1; i < words.length && ok; i++) {
      const limit = start + i + SLACK;
      let next = at + 1;
      while (next <= limit && next < page.words.length && page.words[next] !== words[i]) next++;
      if (next > limit || next >= page.words.length) ok = false;
      else at = next;
    }
    if (ok) return true;
  }
  return false;
}

/** The pages on which `words` show, looked for among those that hold their rarest word. */
export function pagesShowing(pages: readonly SeenPage[], byWord: ReadonlyMap<string, SeenPage[]>, words: readonly string[]): SeenPage[] {
  if (words.length === 0) return [...pages];
  const rarest = [...words].sort((a, b) => (byWord.get(a)?.length ?? 0) - (byWord.get(b)?.length ?? 0))[0]!;
  return (byWord.get(rarest) ?? []).filter((page) => shownOn(page, words));
}

/** Which pages hold each word. */
export function indexPages(pages: readonly SeenPage[]): Map<string, SeenPage[]> {
  const index = new Map<string, SeenPage[]>();
  for (const page of pages) {
    for (const word of page.at.keys()) {
      const list = index.get(word) ?? [];
      list.push(page);
      index.set(word, list);
    }
  }
  return index;
}
