/**
 * What each section of a guide is, decided once: a scorer that weighs the section's heading (the
 * names table in every language it knows, each half of a bilingual heading such as
 * "필요 역량 (Required Skills)", and names misspelt within a small edit distance) together with the
 * shape of its content (bold-label lists, sub-headings with years or level codes, month or week
 * ranges, arrow chains of short title-like parts, tables whose rows or columns are levels). The
 * result is data: `check --explain` prints it, and the extractor dispatches on its concept.
 */
import type { Concept } from "./names.ts";
import { conceptOf } from "./names.ts";
import { headingClass, typoOf, WEIGHT, type SectionKind, type Signal } from "./heading-names.ts";
import { entriesOf } from "./entries.ts";
import { splitArrows } from "./arrows.ts";
import { gridOfTable } from "./html.ts";
import { looksLikeLevel } from "./level-names.ts";
import { isLevelTable } from "./table-shape.ts";
import { phaseRange, yearStage } from "./numbers.ts";
import type { HeadingSection } from "./sections.ts";

/** A heading that is a stage of a plan or roadmap: "Years 0-2: Foundations", "Month 1 – Linux", "Weeks 1-3". */
export function isStageHeading(title: string): boolean {
  if (yearStage(title)) return true;
  const label = /^(.*?) ?[:：\-–—] ?(.*)$/u.exec(title);
  return phaseRange(title) !== null || (label !== null && phaseRange(label[1]!) !== null);
}

function contentSignals(section: HeadingSection): Signal[] {
  const signals: Signal[] = [];
  const subs = section.children.filter((c) => !c.pseudo);
  const stages = subs.filter((c) => isStageHeading(c.title)).length;
  const levels = subs.filter((c) => !isStageHeading(c.title) && !conceptOf(c.title) && looksLikeLevel(c.title)).length;
  if (levels >= 2) signals.push({ kind: "levels", weight: WEIGHT.subLevels, reason: `${levels} sub-headings carry years or level codes` });
  if (stages >= 2) signals.push({ kind: "plan", weight: WEIGHT.subStages, reason: `${stages} sub-headings are month, week or year ranges` });
  const entries = entriesOf(section.blocks);
  const labelled = entries.filter((e) => e.strong && e.label).length;
  if (labelled >= 2 && labelled * 2 >= entries.length) signals.push({ kind: "skills", weight: WEIGHT.labels, reason: `${labelled} of ${entries.length} lines open with a bold label` });
  const chains = entries.filter((e) => !e.label && splitArrows(e.text)).length;
  if (chains > 0) signals.push({ kind: "ladder", weight: WEIGHT.chain, reason: `${chains} line${chains === 1 ? " is an arrow chain" : "s are arrow chains"} of short title-like parts` });
  const tables = section.blocks.filter((b) => b.type === "table").map((b) => gridOfTable(b as Parameters<typeof gridOfTable>[0]));
  const levelTables = tables.filter((g) => g && isLevelTable(g)).length;
  if (levelTables > 0) signals.push({ kind: "levels", weight: WEIGHT.levelTable, reason: `${levelTables} table${levelTables === 1 ? " has" : "s have"} levels as rows or columns` });
  return signals;
}

export interface Classification {
  kind: SectionKind;
  /** The summed weight of the signals for `kind` (0 for "other" with none). */
  score: number;
  signals: Signal[];
  /** The part the heading names (exactly, by one half of a bilingual heading, or misspelt), or null. */
  concept: Concept | null;
  /** A heading read as a known name it misspells: what was written and the name it is within a small edit distance of. */
  typo: { written: string; known: string } | null;
}

const memo = new WeakMap<HeadingSection, Classification>();

/**
 * Classifies a section by its heading and its content (memoised: each section is weighed once).
 * The extractor reads a section by the part its heading names (`sectionConcept`); the shapes of
 * its content (levels under it, a plan, a ladder, a level table) are read wherever they stand,
 * and here they say what the section holds.
 * @param section a heading section (or bold-line pseudo-heading) of `sectionTree`
 */
export function classify(section: HeadingSection): Classification {
  const known = memo.get(section);
  if (known) return known;
  const signals: Signal[] = [];
  const { named } = headingClass(section);
  if (named) signals.push(named.signal);
  else if (section.title && isStageHeading(section.title)) signals.push({ kind: "plan", weight: WEIGHT.stageHeading, reason: "heading is a range of years, months or weeks" });
  else if (section.title && looksLikeLevel(section.title)) signals.push({ kind: "level", weight: WEIGHT.levelHeading, reason: "heading carries years or a level code" });
  signals.push(...contentSignals(section));
  const totals = new Map<SectionKind, number>();
  for (const s of signals) totals.set(s.kind, (totals.get(s.kind) ?? 0) + s.weight);
  let kind: SectionKind = "other";
  let score = 0;
  for (const [k, total] of totals) if (total > score) [kind, score] = [k, total];
  // The heading's own name decides when it names a part: content only explains, or decides for headings that name none.
  if (named) [kind, score] = [named.signal.kind, totals.get(named.signal.kind) ?? 0];
  const result: Classification = { kind, score: Math.round(score * 100) / 100, signals, concept: named?.concept ?? null, typo: typoOf(section) };
  memo.set(section, result);
  return result;
}

export { editDistance, headingConceptOf, nearName, sectionConcept, typoOf, type SectionKind, type Signal } from "./heading-names.ts";
