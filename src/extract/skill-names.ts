/**
 * The skills a line names. "Python with NumPy, Pandas, Scikit-learn" names four and
 * "TensorFlow / PyTorch" two, but "CI/CD", "A/B testing" and "Cloud Platforms (AWS/GCP)" one each:
 * lists split on commas, semicolons, " with " and slashes between words, never inside brackets.
 */
import type { SkillRef } from "../model/role.ts";
import { toSlug } from "../model/slug.ts";

/** Splits `text` at top-level separators, leaving bracketed parts whole. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if ((ch === ")" || ch === "]" || ch === "}") && depth > 0) depth--;
    if (depth === 0 && (ch === "," || ch === ";" || ch === "/" && isListSlash(text, i))) {
      parts.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

/** A slash separates two skills when spaced ("TensorFlow / PyTorch") or between long words ("Docker/Kubernetes"), not in "CI/CD". */
function isListSlash(text: string, at: number): boolean {
  if (text[at - 1] === " " || text[at + 1] === " ") return true;
  const before = /[\p{L}\p{N}+#.]*$/u.exec(text.slice(0, at))?.[0] ?? "";
  const after = /^[\p{L}\p{N}+#.]*/u.exec(text.slice(at + 1))?.[0] ?? "";
  return before.length >= 4 && after.length >= 4;
}

/** The names in a list, trimmed, with "and"/"or" before the last one dropped. */
export function splitList(text: string): string[] {
  return splitTopLevel(text)
    .map((part) => part.trim().replace(/^(?:and|or|&)\s+/i, "").replace(/[.;:]+$/, "").trim())
    .filter((part) => part !== "");
}

/**
 * The skills a requirement or skill list names, each with its slug; bracketed notes are not names.
 * @param text a requirement's text or a comma list of skills
 */
export function skillsNamed(text: string): SkillRef[] {
  const names = text.split(/\s+with\s+/i).flatMap(splitList);
  const refs: SkillRef[] = [];
  const seen = new Set<string>();
  for (const raw of names) {
    const name = raw.replace(/\s*\([^)]*\)\s*/g, " ").replace(/\s+/g, " ").trim();
    const slug = toSlug(name);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    refs.push({ name, slug });
  }
  return refs;
}
