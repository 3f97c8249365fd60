/**
 * A level's requirements: its own section's lines, and the groups beneath it ("#### Must-Have:",
 * "**Required Skills:**", "Leadership Expectations at Senior Level"), each line a requirement with
 * its priority, group and the skills it names.
 */
import type { Position } from "unist";
import { report } from "../model/diagnostics.ts";
import { place } from "../model/raw-role.ts";
import type { Range } from "../model/role.ts";
import type { Context } from "./context.ts";
import { headingConceptOf, sectionConcept } from "./heading-names.ts";
import { entriesOf, splitDash, type Entry } from "./entries.ts";
import { experienceField, isLevelCode, isTier, levelFor } from "./level-names.ts";
import { isStructuralText, namesOf, startsWithName, type Concept } from "./names.ts";
import type { HeadingSection } from "./sections.ts";
import { skillItems, skillsNamed } from "./skill-names.ts";

export type Priority = "must" | "good" | "other";

/**
 * How a requirement names skills: by its text; by the list after its label ("**Tools**: Git, Docker");
 * by its text unless a colon label is followed by prose ("**Adopts**: actively learns…" names none), as
 * for a level's own lines; or not at all.
 */
export type SkillsFrom = "text" | "list" | "line" | "none";

export function requirementOf(entry: Entry, priority: Priority, group: string | null, from: SkillsFrom) {
  let text = entry.label ?? entry.text;
  let detail = entry.label ? entry.value || null : null;
  if (!entry.label) {
    const dash = splitDash(entry.text);
    if (dash) [text, detail] = dash;
  }
  const labelled = entry.label !== null && detail !== null;
  const skills =
    from === "none"
      ? []
      : from === "list" && labelled
        ? skillsNamed(detail!)
        : from === "line" && labelled && entry.separator === ":"
          ? (skillItems(detail!)?.length ?? 0) >= 2 ? skillsNamed(detail!) : []
          : skillsNamed(text);
  return { text, detail, priority, group, skills };
}

export function addRequirement(levelIndex: number, position: Position, requirement: ReturnType<typeof requirementOf>, ctx: Context): void {
  const requirements = ctx.raw.data.levels![levelIndex]!.requirements!;
  requirements.push(place(ctx.raw, ["levels", levelIndex, "requirements", requirements.length], position, requirement));
}

/** Adds a requirement per entry (groups nested in entries included); returns how many. */
function addRequirements(levelIndex: number, entries: readonly Entry[], priority: Priority, group: string | null, from: SkillsFrom, ctx: Context): number {
  let added = 0;
  for (const entry of entries) {
    const kind = entry.label && !entry.value && entry.children.length > 0 ? groupOf(entry.label) : null;
    if (kind) {
      // A group inside a group keeps both names: "Practices · Delivery".
      const named = kind.priority === "other" && group ? `${group} · ${kind.group}` : kind.group;
      added += addRequirements(levelIndex, entry.children, kind.priority === "other" ? priority : kind.priority, named, kind.from, ctx);
      continue;
    }
    // "Experience: 4+" gives the level's years; it is no requirement.
    const experience = entry.text ? experienceField(entry.text) : null;
    if (experience) setExperience(levelIndex, experience, entry.position, ctx);
    else if (entry.text) {
      setCodeFromSynonyms(levelIndex, entry, ctx);
      addRequirement(levelIndex, entry.position, requirementOf(entry, priority, group, from), ctx);
      added++;
    }
    added += addRequirements(levelIndex, entry.children, priority, group, from, ctx);
  }
  return added;
}

/** Labels of a list of other names for a level, which may hold its code ("**Synonyms**: Junior Engineer, E3, Engineer I"). */
const SYNONYMS = /^(?:synonyms|level synonyms|also known as|aka|equivalent titles|other titles|codes?|level codes?)$/iu;

/** A level's code from a synonyms field that names exactly one code; the field stays a requirement, as written. */
function setCodeFromSynonyms(levelIndex: number, entry: Entry, ctx: Context): void {
  const level = ctx.raw.data.levels![levelIndex]!;
  if (level.code || !entry.label || !SYNONYMS.test(entry.label.trim())) return;
  const codes = entry.value.split(/[,;、]/).map((t) => t.trim()).filter(isLevelCode);
  if (codes.length === 1) level.code = place(ctx.raw, ["levels", levelIndex, "code"], entry.position, codes[0]!);
}

/** Gives a level the years and the text of its experience field (the years only when it has none yet). */
function setExperience(levelIndex: number, experience: { years: Range | null; text: string }, position: Position, ctx: Context): void {
  const level = ctx.raw.data.levels![levelIndex]!;
  level.experience = place(ctx.raw, ["levels", levelIndex, "experience"], position, level.experience ? `${level.experience}\n${experience.text}` : experience.text);
  if (experience.years && !level.years) level.years = place(ctx.raw, ["levels", levelIndex, "years"], position, experience.years);
}

/**
 * A group of requirements by its heading: "Must-Have" and "Required Skills" → must; "Good-to-Have" →
 * good; any other name is kept as the group of an "other" priority. Skills groups name skills by
 * the list after each label; responsibilities name none.
 */
export function groupOf(title: string, concept: Concept | null = headingConceptOf(title)?.concept ?? null): { priority: Priority; group: string | null; from: SkillsFrom } {
  const from: SkillsFrom = concept === "skills" || concept === "keySkills" ? "list" : concept === "responsibilities" ? "none" : "text";
  if (concept === "mustHave" || startsWithName(title, namesOf("mustHave"))) return { priority: "must", group: null, from };
  if (concept === "goodToHave" || startsWithName(title, namesOf("goodToHave"))) return { priority: "good", group: null, from };
  return { priority: "other", group: title, from };
}

/**
 * Reads a group of a level (a sub-heading or bold line) and the groups nested in it.
 * @returns how many requirements it added
 */
export function readGroup(levelIndex: number, section: HeadingSection, kind: ReturnType<typeof groupOf>, ctx: Context): number {
  const requirements = ctx.raw.data.levels![levelIndex]!.requirements!;
  const before = requirements.length;
  ctx.readBlocks(section, section.blocks);
  let added = addRequirements(levelIndex, entriesOf(section.blocks), kind.priority, kind.group, kind.from, ctx);
  for (const child of section.children) {
    const inner = groupOf(child.title, sectionConcept(child));
    // A plain sub-group keeps its parent's priority ("#### Must-Have" › "**Languages:**") and its name ("Roadmap · Languages").
    const group = inner.priority === "other" && kind.group ? `${kind.group} · ${child.title}` : inner.group;
    added += readGroup(levelIndex, child, inner.priority === "other" && kind.priority !== "other" ? { ...inner, priority: kind.priority, group: child.title } : { ...inner, group }, ctx);
  }
  // A group whose name no requirement carries (it holds nothing, or only a table or a Must-Have group) is still a heading the author wrote.
  const named = kind.group !== null && requirements.slice(before).some((r) => r.group !== null && r.group !== undefined && r.group.startsWith(kind.group!));
  if (!named && !ctx.hasKept(section) && !isStructuralText(section.title)) ctx.keepHeading(section);
  return added;
}

/** Reads a section that names no part, on a page about one level, as a group of that level's requirements. */
export function readPageGroup(section: HeadingSection, level: number, ctx: Context): void {
  readGroup(level, section, groupOf(section.title, sectionConcept(section)), ctx);
}

/** Reads a level's own section: its heading names it, its lines and groups are its requirements. */
export function readLevel(section: HeadingSection, ctx: Context, title = section.title): void {
  const index = levelFor(title, section.position ?? ctx.raw.position, ctx, true);
  ctx.readBlocks(section, section.blocks);
  addRequirements(index, entriesOf(section.blocks), "other", null, "line", ctx);
  for (const child of section.children) readGroup(index, child, groupOf(child.title, sectionConcept(child)), ctx);
}

/**
 * A levels section: each sub-heading is a level, unless it names another part; a sub-heading over
 * bold lines only ("### Base Level" over "**Junior**", "**Senior**") is a tier, each bold line in
 * it a level, the tier's heading kept as written.
 */
export function readLevels(section: HeadingSection, ctx: Context): void {
  // Levels this section gives: a heading each, or a table or field of them (which add levels or name known ones).
  let given = 0;
  const before = ctx.raw.data.levels!.length;
  ctx.readBlocks(section, section.blocks);
  for (const entry of entriesOf(section.blocks)) {
    if (!ctx.placeEntry(section, entry)) ctx.keepEntries(section, [entry]);
  }
  for (const child of section.children) {
    if (sectionConcept(child)) ctx.readSection(child, ctx);
    else if (isTier(child)) {
      if (!isStructuralText(child.title)) ctx.keepHeading(child);
      ctx.readBlocks(child, child.blocks);
      for (const level of child.children) readLevel(level, ctx);
      given += child.children.length;
    } else {
      readLevel(child, ctx);
      given++;
    }
  }
  // A section that names levels but gives none: tell the author what a level looks like.
  const tables = section.blocks.some((b) => b.type === "table" || b.type === "html");
  if (given === 0 && !tables && ctx.raw.data.levels!.length === before && section.position) {
    report(
      ctx.file,
      "warning",
      "levels-unread",
      `Section "${section.title}" names levels but gives none that could be read: expected a heading per level, a list or a table of them, e.g. "### Junior (0-2 years)" / "- Writes tested code". Its text is kept as written.`,
      section.position,
    );
  }
}


/**
 * A group name that keeps the heading above it when that heading names no part ("On Being a Senior
 * Engineer · Leadership"), so that heading is not lost; the heading is then marked as used.
 */
export function inContainer(section: HeadingSection, name: string, ctx: Context): string {
  const parent = section.parent;
  if (!parent || ctx.tops.has(section) || !parent.parent || !parent.position || sectionConcept(parent)) return name;
  ctx.headingsUsed.add(parent);
  return `${parent.title} · ${name}`;
}

/** Reads a section whose heading names a level and a group of it ("Leadership Expectations at Senior Level"). */
export function readLevelGroup(section: HeadingSection, named: { group: string; level: string }, ctx: Context): void {
  const index = levelFor(named.level, section.position ?? ctx.raw.position, ctx);
  const kind = groupOf(named.group);
  readGroup(index, section, { ...kind, group: kind.group === null ? null : inContainer(section, kind.group, ctx) }, ctx);
}
