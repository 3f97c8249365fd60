/**
 * What a heading names: a known part exactly, by one half of a bilingual or doubled heading
 * ("필요 역량 (Required Skills)", "Skills / Habilidades"), or misspelt within a small edit distance
 * ("Requried Skills"); weighed once per section. The extractor dispatches on it; the classifier
 * (`classify.ts`) adds what the section's content says.
 */
import type { Concept } from "./names.ts";
import { conceptOf, conceptOfKey, normalizeName, namesOf } from "./names.ts";
import type { HeadingSection } from "./sections.ts";

/** The kinds of section a guide is made of. */
export type SectionKind = "overview" | "responsibilities" | "skills" | "background" | "levels" | "level" | "ladder" | "alternatives" | "growth" | "plans" | "plan" | "other";

export interface Signal {
  /** The kind this signal speaks for. */
  kind: SectionKind;
  weight: number;
  /** What was seen, for a person: `heading names "required skills"`. */
  reason: string;
}

export const KIND_OF: Record<Concept, SectionKind> = {
  overview: "overview",
  responsibilities: "responsibilities",
  skills: "skills",
  keySkills: "skills",
  background: "background",
  progression: "ladder",
  alternatives: "alternatives",
  levels: "levels",
  growth: "growth",
  transitions: "plans",
  hours: "other",
  duration: "other",
  mustHave: "other",
  goodToHave: "other",
  levelColumn: "other",
  skillDetail: "other",
};

export const WEIGHT = { name: 1, part: 0.9, typo: 0.7, levelHeading: 0.6, stageHeading: 0.6, subLevels: 0.6, subStages: 0.6, levelTable: 0.6, chain: 0.5, labels: 0.2 };

/** The parts of a bilingual or doubled heading: "필요 역량 (Required Skills)", "Skills / Habilidades". */
function headingParts(text: string): string[] {
  const parts = text.split(/\s*[()（）/|｜·]\s*|\s[-–—]\s/u).map((p) => p.trim()).filter((p) => p !== "");
  return parts.length > 1 ? parts : [];
}

/** "required skills" → "Required Skills": a known name as a heading would write it. */
function titleCase(name: string): string {
  return name.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

/** Headings shorter than this are too close to ordinary words to be read as misspellings. */
const MIN_TYPO_LENGTH = 6;

/** Known names by normalised key, grouped by first character and length, for near-miss lookups. */
const NEAR = (() => {
  const byFirst = new Map<string, { key: string; name: string; concept: Concept }[]>();
  for (const concept of Object.keys(KIND_OF) as Concept[]) {
    for (const name of namesOf(concept)) {
      const key = normalizeName(name);
      if (key.length < MIN_TYPO_LENGTH) continue;
      const list = byFirst.get(key[0]!) ?? [];
      if (!list.some((k) => k.key === key)) list.push({ key, name: titleCase(name), concept });
      byFirst.set(key[0]!, list);
    }
  }
  return byFirst;
})();

/** How many edits (a letter added, dropped, changed, or two swapped) a key may be from a name: 1, or 2 for long names. */
function allowedEdits(length: number): number {
  return length >= 12 ? 2 : 1;
}

/**
 * The optimal-string-alignment distance of `a` and `b`, or `limit + 1` once it must exceed
 * `limit`: a band of width 2·limit+1 around the diagonal, so linear in the keys' length.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const big = limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => (j <= limit ? j : big));
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(big);
    row[0] = i <= limit ? i : big;
    let best = row[0];
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = Math.min(d, big);
      best = Math.min(best, row[j]!);
    }
    if (best > limit) return big;
    prevPrev = prev;
    prev = row;
  }
  return Math.min(prev[b.length]!, big);
}

/** The known name `text` misspells, or null: the closest within the allowed edits, sharing its first letter. */
export function nearName(text: string, key = normalizeName(text)): { key: string; name: string; concept: Concept; edits: number } | null {
  // A heading with a number in it is a level, a stage or a date, not a misspelt part.
  if (key.length < MIN_TYPO_LENGTH || key.length > 60 || /\d/.test(key) || conceptOfKey(key)) return null;
  const limit = allowedEdits(key.length);
  let best: { key: string; name: string; concept: Concept; d: number } | null = null;
  for (const candidate of NEAR.get(key[0]!) ?? []) {
    // Both must be long enough that one edit is a slip, not another word ("Process" is not "Progress").
    if (candidate.key.length < MIN_TYPO_LENGTH) continue;
    const d = editDistance(key, candidate.key, Math.min(limit, allowedEdits(candidate.key.length)));
    if (d > 0 && d <= Math.min(limit, allowedEdits(candidate.key.length)) && (!best || d < best.d)) best = { ...candidate, d };
  }
  return best ? { key: best.key, name: best.name, concept: best.concept, edits: best.d } : null;
}

/** The part a heading's text names: exactly, by one of its halves, or misspelt; with the signal that says how. */
export function headingConceptOf(text: string): { concept: Concept; signal: Signal; typo: string | null } | null {
  const key = normalizeName(text);
  const exact = conceptOfKey(key);
  if (exact) return { concept: exact, signal: { kind: KIND_OF[exact], weight: WEIGHT.name, reason: `heading names "${key}"` }, typo: null };
  // A heading with a number in it is a level, a stage or a date: its halves name no part, and it misspells none.
  if (/\d/.test(key)) return null;
  for (const part of headingParts(text)) {
    const concept = conceptOf(part);
    if (concept) return { concept, signal: { kind: KIND_OF[concept], weight: WEIGHT.part, reason: `one half of the heading names "${normalizeName(part)}"` }, typo: null };
  }
  const near = nearName(text, key);
  if (near) return { concept: near.concept, signal: { kind: KIND_OF[near.concept], weight: WEIGHT.typo, reason: `heading is ${near.edits} edit${near.edits === 1 ? "" : "s"} from "${near.name}"` }, typo: near.name };
  return null;
}

/** What a section's heading names, weighed once per section: what the extractor dispatches on. */
interface HeadingClass {
  named: ReturnType<typeof headingConceptOf>;
}

const headingMemo = new WeakMap<HeadingSection, HeadingClass>();

export function headingClass(section: HeadingSection): HeadingClass {
  let known = headingMemo.get(section);
  if (!known) headingMemo.set(section, (known = { named: section.title ? headingConceptOf(section.title) : null }));
  return known;
}

/** The part a section's heading names (exactly, by one half of a bilingual heading, or misspelt), or null. */
export function sectionConcept(section: HeadingSection): Concept | null {
  return headingClass(section).named?.concept ?? null;
}

/** A heading read as the known name it misspells: what was written and that name; null for any other. */
export function typoOf(section: HeadingSection): { written: string; known: string } | null {
  const { named } = headingClass(section);
  return named?.typo ? { written: section.title, known: named.typo } : null;
}

