/**
 * Experience levels and their requirements: "### Mid Level (2-4 years)" with "#### Must-Have:"
 * lists beneath, or a field "Experience Levels: Mid (2-4 years), Experienced (4+ years)". A level
 * named in both places is one level; years that disagree are a warning.
 */
import type { Position } from "unist";
import type { Range } from "../model/role.ts";
import { report } from "../model/diagnostics.ts";
import { toSlug } from "../model/slug.ts";
import { place } from "../model/raw-role.ts";
import type { Context } from "./context.ts";
import { entriesOf, isProse, type Entry } from "./entries.ts";
import { conceptOf } from "./names.ts";
import { findYears } from "./numbers.ts";
import type { HeadingSection } from "./sections.ts";
import { skillsNamed, splitList } from "./skill-names.ts";

type Priority = "must" | "good" | "other";

/** A level code written before the name: "IC1", "L3", "D1", "SWE-1", "E5". */
const CODE = /^(?:level\s+)?([A-Z]{1,4}-?\d{1,2}|\d{1,2})(?:\s*[:\-–—.)]\s*|\s+)(.+)$/u;

/** "Mid Level (2-4 years)" → Mid, 2–4; "Level IC1: Associate" → Associate, code IC1. */
export function parseLevelName(text: string): { name: string; code: string | null; years: Range | null } {
  const found = findYears(text);
  let name = (found ? found.rest : text).replace(/\s*[:：]\s*$/, "").trim();
  let code: string | null = null;
  const coded = CODE.exec(name);
  if (coded && /\p{L}/u.test(coded[2]!)) {
    code = coded[1]!;
    name = coded[2]!.trim();
  }
  name = name.replace(/^level\s+/i, "").replace(/\s+level$/i, "").trim() || name;
  return { name, code, years: found?.range ?? null };
}

function sameYears(a: Range | null | undefined, b: Range | null): boolean {
  return a?.min === b?.min && a?.max === b?.max;
}

function describe(years: Range): string {
  return years.max === null ? `${years.min}+ years` : `${years.min}-${years.max} years`;
}

/** Levels that have a heading of their own, per role draft: a second heading of one name is a second level. */
const headed = new WeakMap<object, Set<string>>();

/**
 * The index of the level named `text`, added when new; years that disagree with an earlier mention are reported.
 * @param heading whether `text` is a level's own heading; two headings of one name make two levels, which validation rejects
 */
export function levelFor(text: string, position: Position, ctx: Context, heading = false): number {
  const { name, code, years } = parseLevelName(text);
  const levels = ctx.raw.data.levels!;
  const slug = toSlug(name) || toSlug(code ?? "") || `level-${levels.length + 1}`;
  const seen = headed.get(ctx.raw) ?? new Set<string>();
  headed.set(ctx.raw, seen);
  const index = heading && seen.has(slug) ? -1 : levels.findIndex((l) => l.slug === slug);
  if (heading) seen.add(slug);
  if (index === -1) {
    levels.push({ name, slug, code, years, requirements: [] });
    place(ctx.raw, ["levels", levels.length - 1], position, null);
    place(ctx.raw, ["levels", levels.length - 1, "years"], position, null);
    return levels.length - 1;
  }
  const level = levels[index]!;
  if (years && !level.years) {
    level.years = years;
    place(ctx.raw, ["levels", index, "years"], position, null);
  } else if (years && !sameYears(level.years, years)) {
    report(
      ctx.file,
      "warning",
      "level-years-mismatch",
      `Level "${name}" is ${describe(years)} here but ${describe(level.years!)} where it was first named; kept ${describe(level.years!)}. Make the two agree.`,
      position,
    );
  }
  level.code ??= code;
  return index;
}

/** "Experience Levels: Mid (2-4 years), Experienced (4+ years)" names two levels. */
export function addLevelList(list: string, position: Position, ctx: Context): void {
  for (const name of splitList(list)) levelFor(name, position, ctx);
}

function requirementOf(entry: Entry, priority: Priority, group: string | null) {
  let text = entry.label ?? entry.text;
  let detail = entry.label ? entry.value || null : null;
  if (!entry.label) {
    const dash = /^(.+?)\s+[-–—]\s+(.+)$/u.exec(entry.text);
    if (dash) [text, detail] = [dash[1]!, dash[2]!];
  }
  return { text, detail, priority, group, skills: skillsNamed(text) };
}

function addRequirements(levelIndex: number, entries: readonly Entry[], priority: Priority, group: string | null, ctx: Context): void {
  const requirements = ctx.raw.data.levels![levelIndex]!.requirements!;
  for (const entry of entries) {
    const kind = entry.label && !entry.value && entry.children.length > 0 ? priorityOf(entry.label) : null;
    if (kind) {
      addRequirements(levelIndex, entry.children, kind.priority, kind.group, ctx);
      continue;
    }
    if (entry.text) {
      requirements.push(place(ctx.raw, ["levels", levelIndex, "requirements", requirements.length], entry.position, requirementOf(entry, priority, group)));
    }
    addRequirements(levelIndex, entry.children, priority, group, ctx);
  }
}

/** "Must-Have" → must; "Good-to-Have" → good; any other group heading keeps its name. */
function priorityOf(title: string): { priority: Priority; group: string | null } {
  const concept = conceptOf(title, ["mustHave", "goodToHave"]);
  if (concept === "mustHave") return { priority: "must", group: null };
  if (concept === "goodToHave") return { priority: "good", group: null };
  return { priority: "other", group: title };
}

function readLevel(section: HeadingSection, ctx: Context): void {
  const index = levelFor(section.title, section.heading?.position ?? ctx.raw.position, ctx, true);
  ctx.keepBlocks(section.title, section.blocks.filter((b) => !isProse(b)));
  addRequirements(index, entriesOf(section.blocks), "other", null, ctx);
  for (const child of section.children) {
    const { priority, group } = priorityOf(child.title);
    ctx.keepBlocks(child.title, child.blocks.filter((b) => !isProse(b)));
    addRequirements(index, entriesOf(child.blocks), priority, group, ctx);
    for (const grandchild of child.children) ctx.readSection(grandchild, ctx);
  }
}

/** A levels section: each sub-heading is a level, unless it names another part. */
export function readLevels(section: HeadingSection, ctx: Context): void {
  ctx.keepBlocks(section.title, section.blocks.filter((b) => !isProse(b)));
  for (const entry of entriesOf(section.blocks)) {
    if (!(entry.label && ctx.placeField(entry, ctx))) ctx.keepEntries(section.title, [entry]);
  }
  for (const child of section.children) {
    if (conceptOf(child.title)) ctx.readSection(child, ctx);
    else readLevel(child, ctx);
  }
}
