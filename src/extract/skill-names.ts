/**
 * The skills a line names. "Python with NumPy, Pandas, Scikit-learn" names four and
 * "TensorFlow / PyTorch" two, but "CI/CD", "A/B testing" and "Cloud Platforms (AWS/GCP)" one each:
 * lists split on commas, semicolons, sentence ends, " with " and slashes between words, never
 * inside brackets. A bracketed note is the skill's detail, not part of its name.
 */
import type { SkillRef } from "../model/role.ts";
import { toSlug } from "../model/slug.ts";

/** Longer "names" are prose: "Start with one platform and become proficient" names no skill. */
export const MAX_NAME_WORDS = 5;

const OPEN = new Set(["(", "[", "{", "（"]);
const CLOSE = new Set([")", "]", "}", "）"]);
const NAME_CHAR = /[\p{L}\p{N}+#.]/u;

/** Splits `text` at top-level separators, leaving bracketed parts whole. Linear in the length of `text`. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch) && depth > 0) depth--;
    if (depth > 0) continue;
    const cut = ch === "," || ch === ";" || ch === "，" || ch === "、" || (ch === "/" && isListSlash(text, i)) || (ch === "." && isSentenceEnd(text, i));
    if (cut) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** How many name characters run from `at` in `step` direction, counting at most `limit`. */
function runLength(text: string, at: number, step: 1 | -1, limit: number): number {
  let n = 0;
  for (let i = at; i >= 0 && i < text.length && n < limit && NAME_CHAR.test(text[i]!); i += step) n++;
  return n;
}

/** A slash separates two skills when spaced ("TensorFlow / PyTorch") or between long words ("Docker/Kubernetes"), not in "CI/CD". */
function isListSlash(text: string, at: number): boolean {
  if (text[at - 1] === " " || text[at + 1] === " ") return true;
  return runLength(text, at - 1, -1, 4) >= 4 && runLength(text, at + 1, 1, 4) >= 4;
}

/** ". " before a capital, after a word of two letters or more: "scikit-learn (classical ML). Keras". */
function isSentenceEnd(text: string, at: number): boolean {
  if (text[at + 1] !== " " || !/\p{Lu}/u.test(text[at + 2] ?? "")) return false;
  if (text[at - 1] === ")") return true;
  let letters = 0;
  while (letters < 2 && /\p{L}/u.test(text[at - 1 - letters] ?? "")) letters++;
  // "e.g. Kubernetes" is no sentence end: a one-letter word before the dot, or a dot before the word.
  return letters >= 2 && text[at - 1 - letters] !== ".";
}

/** The names in a list, trimmed, with "and"/"or" before the last one dropped. */
export function splitList(text: string): string[] {
  return splitTopLevel(text.replace(/\s+/g, " "))
    .map((part) => trimEnd(part.trim().replace(/^(?:and|or|&) /i, ""), ".;:").trim())
    .filter((part) => part !== "");
}

/** `text` without a trailing run of `chars` (a loop, not a regex: linear however long the run). */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

export interface SkillItem {
  name: string;
  /** What the author put in brackets after the name ("AWS/GCP"), or null. */
  detail: string | null;
}

/** "Cloud Platforms (AWS/GCP)" → "Cloud Platforms" with detail "AWS/GCP". */
export function skillItem(text: string): SkillItem {
  const details: string[] = [];
  let name = "";
  let depth = 0;
  let note = "";
  for (const ch of text) {
    if (OPEN.has(ch)) {
      if (depth > 0) note += ch;
      depth++;
      continue;
    }
    if (CLOSE.has(ch) && depth > 0) {
      depth--;
      if (depth === 0) {
        if (note.trim()) details.push(note.trim());
        note = "";
      } else note += ch;
      continue;
    }
    if (depth > 0) note += ch;
    else name += ch;
  }
  if (note.trim()) details.push(note.trim());
  return { name: name.replace(/\s+/g, " ").trim(), detail: details.length > 0 ? details.join("; ") : null };
}

/** The items of a list with their bracketed details, or null when one of them is prose, not a name. */
export function skillItems(text: string): SkillItem[] | null {
  const items = splitList(text).map(skillItem).filter((item) => item.name !== "");
  if (items.length === 0 || items.some((item) => wordCount(item.name) > MAX_NAME_WORDS)) return null;
  // "Essential for designing ML pipelines, debugging …, and tackling challenges." is a sentence, not a list of names.
  if (text.trim().endsWith(".") && wordCount(items[0]!.name) >= 3) return null;
  return items;
}

function wordCount(text: string): number {
  return text.split(" ").filter(Boolean).length;
}

/**
 * The skills a requirement or skill list names, each with its slug; bracketed notes are not names,
 * and neither is prose (a "name" of more than five words).
 * @param text a requirement's text or a comma list of skills
 */
export function skillsNamed(text: string): SkillRef[] {
  const names = text.replace(/\s+/g, " ").split(/ with /i).flatMap(splitList);
  const refs: SkillRef[] = [];
  const seen = new Set<string>();
  for (const raw of names) {
    const name = skillItem(raw).name;
    const slug = toSlug(name);
    // A name with no letter or digit ("🚀") is kept with an empty slug: validation reports it and leaves it out.
    if (!name || (slug && seen.has(slug)) || wordCount(name) > MAX_NAME_WORDS) continue;
    if (slug) seen.add(slug);
    refs.push({ name, slug });
  }
  return refs;
}

/**
 * The skills of a plain list, each named as written, a bracketed note included ("Cloud Platforms
 * (AWS/GCP)"), its slug from the name alone; null when the list is prose. For lists that keep no
 * other copy of their text, such as a plan's key skills.
 */
export function skillRefsAsWritten(text: string): SkillRef[] | null {
  const items = skillItems(text);
  if (!items) return null;
  const refs: SkillRef[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const slug = toSlug(item.name);
    if (slug && seen.has(slug)) continue;
    if (slug) seen.add(slug);
    refs.push({ name: item.detail ? `${item.name} (${item.detail})` : item.name, slug });
  }
  return refs;
}
