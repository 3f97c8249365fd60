/**
 * How much of what an author wrote reached the export: the words of a role guide (its markdown's
 * text, link targets, HTML text with `alt` and `title`, and the front matter values extraction
 * read) against the words of the roles exported from it, placed or kept unplaced. Words the
 * extractors consume as structure (the known section names, title framing and unit words of
 * `src/extract/names.ts`) count as reached. Shared by the nothing-lost test and `npm run corpus`.
 */
import type { Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { VFile } from "vfile";
import { htmlReadableText } from "../extract/html.ts";
import { isMarkupBlock } from "../extract/markup.ts";
import { STRUCTURAL_SUFFIXES, STRUCTURAL_WORDS, normalizeName } from "../extract/names.ts";
import type { Role } from "../model/role.ts";
import { parseWithinLimits } from "../parse/limits.ts";

export interface Coverage {
  /** Words in the guide, counted each time they occur. */
  words: number;
  /** Of those, the words found in the export or consumed as structure. */
  reached: number;
  /** reached / words (1 for a guide without words). */
  share: number;
  /** The distinct words that did not reach the export, lower-cased, in order of first use. */
  lost: string[];
}

/** Han, kana and the prolonged sound mark (ー, of no script but written inside kana words). */
const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30FC\\uFF70";
/** A CJK character, a run of digits, or a run of other letters (with their marks). */
const WORD = new RegExp(`[${CJK}]|\\p{N}+|(?![${CJK}])\\p{L}(?:(?![${CJK}])[\\p{L}\\p{M}])*`, "gu");

/**
 * The words of a text, lower-cased: runs of letters, runs of digits ("2년차" is "2" and "년차"),
 * and each Han, Hiragana or Katakana character on its own (those scripts put no spaces between words).
 */
export function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** A heading's numbering ("14. Machine Learning Engineer") is structure, as `cleanHeading` treats it. */
const NUMBERING = /^\s*(?:\d+(?:\.\d+)*[.)]?|[IVX]+\.)\s+/;

/** The text a reader sees in a markdown tree, link targets included, generator markup and heading numbers left out. */
function markdownText(tree: Root): string[] {
  const parts: string[] = [];
  const pending: { node: Nodes; text: boolean }[] = tree.children.filter((block) => !isMarkupBlock(block)).reverse().map((node) => ({ node, text: true }));
  while (pending.length > 0) {
    const { node, text } = pending.pop()!;
    let inner = text;
    if (node.type === "heading" && text) {
      parts.push(toString(node).replace(NUMBERING, ""));
      inner = false;
    } else if (node.type === "html") {
      if (text) parts.push(htmlReadableText(node.value));
    } else if ("value" in node && typeof node.value === "string" && text) parts.push(node.value);
    if ((node.type === "link" || node.type === "image" || node.type === "definition") && node.url) parts.push(node.url);
    if ((node.type === "image" || node.type === "imageReference") && node.alt && text) parts.push(node.alt);
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) pending.push({ node: node.children[i]!, text: inner });
  }
  return parts;
}

/** Every string and number under `value`, object keys left out. */
function values(value: unknown, out: string[], skip: ReadonlySet<string> = new Set()): string[] {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === "string") out.push(next);
    else if (typeof next === "number") out.push(String(next));
    else if (Array.isArray(next)) pending.push(...next);
    else if (typeof next === "object" && next !== null) {
      for (const [key, inner] of Object.entries(next)) if (!skip.has(key)) pending.push(inner);
    }
  }
  return out;
}

/** The words of a guide as read (its `value` is the body, front matter blanked out; extraction has run on it). */
export function guideWords(file: VFile): string[] {
  // Parsed within the load's limits, on a copy so that a refusal is not reported twice: a file the
  // load refused counts its raw text, none of which reached the export.
  const tree = parseWithinLimits(new VFile({ path: file.path, value: file.value }));
  const parts = tree ? markdownText(tree) : [String(file.value)];
  const matter = file.data.frontMatter ?? {};
  for (const key of file.data.frontMatterUsed ?? []) values(matter[key], parts);
  return parts.flatMap(wordsOf);
}

/** Keys whose values are derived or bookkeeping, not the author's words: slugs and source paths. */
// `origin` is where a value came from (a path and a line), never words of the guide.
const NOT_TEXT = new Set(["slug", "source", "sources", "origin"]);

/** The words of exported roles: every string and number in them except slugs and source paths. */
export function exportedWords(roles: readonly Role[]): Set<string> {
  return new Set(values(roles, [], NOT_TEXT).flatMap(wordsOf));
}

/**
 * How much of a guide reached the roles exported from it.
 * @param file the guide as loaded (read, parsed and extracted)
 * @param roles the roles exported from it
 */
export function coverage(file: VFile, roles: readonly Role[]): Coverage {
  const exported = exportedWords(roles);
  const structural = new Map<string, boolean>();
  const isStructural = (word: string) => {
    let known = structural.get(word);
    if (known === undefined) structural.set(word, (known = STRUCTURAL_WORDS.has(normalizeName(word))));
    return known;
  };
  const words = guideWords(file);
  const lost: string[] = [];
  const seen = new Set<string>();
  let reached = 0;
  // "분석가에서" reached when "분석가" did: the ending is structure.
  const stem = (word: string) => {
    const suffix = STRUCTURAL_SUFFIXES.find((s) => word.length > s.length && word.endsWith(s));
    return suffix ? word.slice(0, -suffix.length) : null;
  };
  for (const word of words) {
    const base = stem(word);
    if (exported.has(word) || isStructural(word) || (base !== null && exported.has(base))) reached++;
    else if (!seen.has(word)) {
      seen.add(word);
      lost.push(word);
    }
  }
  return { words: words.length, reached, share: words.length === 0 ? 1 : reached / words.length, lost };
}
