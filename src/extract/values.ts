/**
 * The values a line gives, as readers add them to their result: skills by category, ladders and
 * growth steps drawn with arrows, alternative paths, a list of level names, and the labelled
 * fields ("**Career Progression**: A → B") that say which part they are wherever they stand.
 */
import type { Position } from "unist";
import { toSlug } from "../model/slug.ts";
import { splitArrows } from "./arrows.ts";
import type { Entry } from "./entries.ts";
import { conceptOf, normalizeName } from "./names.ts";
import { findYears } from "./numbers.ts";
import type { Out } from "./out.ts";
import type { HeadingSection } from "./sections.ts";
import { skillItems, splitList, type SkillItem } from "./skill-names.ts";

export const GENERAL = "General";
/** Headings that say "skills" and nothing more: their skills are of the "General" category. */
const GENERIC = new Set(
  ["required skills", "skills", "core skills", "skill requirements", "skills required", "competencies", "key skills", "key skills required"].map(normalizeName),
);

/** The category a skills heading gives its skills: "General" for a plain "Skills", else the heading. */
export function categoryOf(title: string): string {
  return GENERIC.has(normalizeName(title)) ? GENERAL : title;
}

/** One skill under `category` (the assembly files each once a category). */
export function addSkill(item: SkillItem, category: string, position: Position, out: Out): void {
  // A name with no letter or digit ("🚀") is kept with an empty slug: validation reports it and leaves it out.
  if (item.name) out.add({ kind: "skill", name: item.name, slug: toSlug(item.name), category, detail: item.detail, position });
}

/**
 * Every skill named in `list`, under `category`.
 * @returns false, adding nothing, when the list is prose rather than names
 */
export function addSkills(category: string, list: string, position: Position, out: Out): boolean {
  const items = skillItems(list);
  if (!items) return false;
  for (const item of items) addSkill(item, category, position, out);
  return true;
}

const stripLevel = (title: string) => title.replace(/\s+level$/i, "").trim();

/**
 * The titles a step's heading names: "Mid → Senior"; of "SWE-1 → SWE-2: Junior I → Junior II", the
 * first pair (the levels by code), with `named` true since the heading names them twice.
 */
export function growthTitles(title: string): { titles: string[]; named: boolean } | null {
  const colon = title.indexOf(": ");
  if (colon > 0) {
    const codes = splitArrows(title.slice(0, colon));
    const names = splitArrows(title.slice(colon + 2));
    if (codes?.length === 2 && names?.length === 2) return { titles: codes, named: true };
  }
  const titles = splitArrows(title);
  return titles ? { titles, named: false } : null;
}

/** The growth step a "From → To" title names; false when the title is no such pair. */
export function addGrowth(title: string, steps: string[], position: Position, out: Out): boolean {
  const titles = growthTitles(title)?.titles;
  if (!titles) return false;
  out.add({ kind: "growth", from: stripLevel(titles[0]!), to: stripLevel(titles[titles.length - 1]!), steps, position });
  return true;
}

/** The ladder an arrow chain draws, each title without the years it gives ("Senior Engineer (5-8 years)"); false when `text` is no chain. */
export function addLadder(text: string, position: Position, out: Out): boolean {
  const titles = splitArrows(text);
  if (!titles) return false;
  out.add({ kind: "ladder", titles: titles.map(withoutYears), position });
  return true;
}

/** "Senior Engineer (5-8 years)" → "Senior Engineer": the years are the level's, not its title's; a title that is only years stays. */
function withoutYears(title: string): string {
  const rest = findYears(title)?.rest.replace(/\s+/g, " ").trim();
  return rest && /\p{L}/u.test(rest) ? rest : title;
}

/** A line that is only an arrow chain, outside a ladder section: two titles are a growth step, more a ladder. */
export function addChain(entry: Entry, out: Out): boolean {
  if (entry.label || entry.children.length > 0) return false;
  const titles = splitArrows(entry.text);
  if (!titles) return false;
  return titles.length === 2 ? addGrowth(entry.text, [], entry.position, out) : addLadder(entry.text, entry.position, out);
}

/** A ladder is drawn at the end of a sentence with this many titles or more: two are a step, and in prose rarely that. */
const MIN_TAIL_LADDER = 3;

/**
 * The ladder a sentence ends with, set off by a colon ("…along the lines of: Junior → Senior →
 * Staff"); the sentence stays prose. False for an arrow inside a sentence ("so EKS → RDS works").
 */
export function addTailLadder(entry: Entry, out: Out): boolean {
  // A bold label is a field ("**Ladder**: A → B → C"), read by its name; the words before a plain colon are the sentence's.
  if (entry.strong || entry.children.length > 0) return false;
  const colon = entry.text.lastIndexOf(": ");
  if (colon <= 0) return false;
  const tail = entry.text.slice(colon + 2).replace(/[.。]\s*$/u, "");
  const titles = splitArrows(tail);
  return titles !== null && titles.length >= MIN_TAIL_LADDER && addLadder(tail, entry.position, out);
}

/** An alternative path (the assembly files each once). */
export function addPath(text: string, position: Position, out: Out): void {
  out.add({ kind: "path", text, position });
}

export function addAlternatives(list: string, position: Position, out: Out): void {
  for (const name of splitList(list)) addPath(name, position, out);
}

/** "Experience Levels: Mid (2-4 years), Experienced (4+ years)" names two levels. */
export function addLevelList(list: string, position: Position, out: Out): void {
  for (const name of splitList(list)) out.level(name, position);
}

/** A labelled line ("**Career Progression**: A → B") by the part its label names; false when it names none. */
function placeField(entry: Entry, out: Out): boolean {
  const concept = entry.label ? conceptOf(entry.label) : null;
  const { value, position } = entry;
  if (!concept || !value) return false;
  switch (concept) {
    case "overview":
    case "responsibilities":
    case "background":
      out.add({ kind: concept === "overview" ? "summary" : concept === "responsibilities" ? "responsibility" : "background", text: value, position });
      return true;
    case "levels":
      addLevelList(value, position, out);
      return true;
    case "progression":
      return addLadder(value, position, out);
    case "alternatives":
      addAlternatives(value, position, out);
      return true;
    case "skills":
    case "keySkills":
      return addSkills(categoryOf(entry.label!), value, position, out);
    default:
      return false;
  }
}

/**
 * Places a labelled entry by its label wherever it stands; what is nested under a placed entry
 * is kept unplaced, since the field took only the line itself.
 * @returns false when the label names no part
 */
export function placeEntry(section: HeadingSection, entry: Entry, out: Out): boolean {
  if (!entry.label || !placeField(entry, out)) return false;
  out.keepEntries(section, entry.children);
  return true;
}
