/**
 * A level's requirements: its own section's lines, and the groups beneath it ("#### Must-Have:",
 * "**Required Skills:**", "Leadership Expectations at Senior Level"), each line a requirement with
 * its priority, group and the skills it names.
 */
import type { Position } from "unist";
import type { Range } from "../model/role.ts";
import { readBlocks } from "./blocks.ts";
import { sectionConcept } from "./heading-names.ts";
import { entriesOf, type Entry } from "./entries.ts";
import { groupOf, requirementOf, type Priority, type SkillsFrom } from "./groups.ts";
import { experienceField, isLevelCode, isTier, payOf, withoutPay } from "./level-names.ts";
import { isStructuralText } from "./names.ts";
import { Out, type LevelRef, type ReadEnv, type Result } from "./out.ts";
import type { HeadingSection } from "./sections.ts";
import { placeEntry } from "./values.ts";

/** Adds a requirement per entry (groups nested in entries included); returns how many. */
function addRequirements(level: LevelRef, entries: readonly Entry[], priority: Priority, group: string | null, from: SkillsFrom, out: Out): number {
  let added = 0;
  for (const entry of entries) {
    const kind = entry.label && !entry.value && entry.children.length > 0 ? groupOf(entry.label) : null;
    if (kind) {
      // A group inside a group keeps both names: "Practices · Delivery".
      const named = kind.priority === "other" && group ? `${group} · ${kind.group}` : kind.group;
      added += addRequirements(level, entry.children, kind.priority === "other" ? priority : kind.priority, named, kind.from, out);
      continue;
    }
    // "Experience: 4+" gives the level's years; it is no requirement.
    const experience = entry.text ? experienceField(entry.text) : null;
    if (experience) setExperience(level, experience, entry.position, out);
    else if (entry.text) {
      setCodeFromSynonyms(level, entry, out);
      out.requirement(level, entry.position, requirementOf(entry, priority, group, from));
      added++;
    }
    added += addRequirements(level, entry.children, priority, group, from, out);
  }
  return added;
}

/** Labels of a list of other names for a level, which may hold its code ("**Synonyms**: Junior Engineer, E3, Engineer I"). */
const SYNONYMS = /^(?:synonyms|level synonyms|also known as|aka|equivalent titles|other titles|codes?|level codes?)$/iu;

/** A level's code (when it has none) from a synonyms field that names exactly one code; the field stays a requirement, as written. */
function setCodeFromSynonyms(level: LevelRef, entry: Entry, out: Out): void {
  if (!entry.label || !SYNONYMS.test(entry.label.trim())) return;
  const codes = entry.value.split(/[,;、]/).map((t) => t.trim()).filter(isLevelCode);
  if (codes.length === 1) out.add({ kind: "code", level, code: codes[0]!, position: entry.position });
}

/** Gives a level the years and the text of its experience field (the years only when it has none yet). */
function setExperience(level: LevelRef, experience: { years: Range | null; text: string }, position: Position, out: Out): void {
  out.add({ kind: "experience", level, text: experience.text, years: experience.years, position });
}

/** Reads a group of a level (a sub-heading or bold line) and the groups nested in it. */
export function readGroup(level: LevelRef, section: HeadingSection, kind: ReturnType<typeof groupOf>, env: ReadEnv): Result {
  const out = new Out();
  out.merge(readBlocks(section, section.blocks, env));
  addRequirements(level, entriesOf(section.blocks), kind.priority, kind.group, kind.from, out);
  for (const child of section.children) {
    const inner = groupOf(child.title, sectionConcept(child));
    // A plain sub-group keeps its parent's priority ("#### Must-Have" › "**Languages:**") and its name ("Roadmap · Languages").
    const group = inner.priority === "other" && kind.group ? `${kind.group} · ${child.title}` : inner.group;
    out.merge(readGroup(level, child, inner.priority === "other" && kind.priority !== "other" ? { ...inner, priority: kind.priority, group: child.title } : { ...inner, group }, env));
  }
  // A group whose name no requirement carries (it holds nothing, or only a table or a Must-Have group) is still a heading the author wrote.
  const named =
    kind.group !== null &&
    out.given.some((v) => v.kind === "requirement" && v.level === level && v.requirement.group !== null && v.requirement.group.startsWith(kind.group!));
  if (!named && !isStructuralText(section.title)) out.keepHeading(section, { unlessKept: true });
  return out.result();
}

/** Reads a section that names no part, on a page about one level, as a group of that level's requirements. */
export function readPageGroup(section: HeadingSection, level: LevelRef, env: ReadEnv): Result {
  return readGroup(level, section, groupOf(section.title, sectionConcept(section)), env);
}

/** Reads a level's own section: its heading names it, its lines and groups are its requirements. */
export function readLevel(section: HeadingSection, env: ReadEnv, title = section.title): Result {
  const out = new Out();
  // The pay a heading gives beside the level ("1Y 基础 8-10k") is no part of its name: the heading is kept as written.
  const pay = payOf(title) !== null;
  const level = out.level(pay ? withoutPay(title) : title, section.position ?? env.position, true);
  if (pay) out.keepHeading(section);
  out.merge(readBlocks(section, section.blocks, env));
  addRequirements(level, entriesOf(section.blocks), "other", null, "line", out);
  for (const child of section.children) out.merge(readGroup(level, child, groupOf(child.title, sectionConcept(child)), env));
  return out.result();
}

/**
 * A levels section: each sub-heading is a level, unless it names another part; a sub-heading over
 * bold lines only ("### Base Level" over "**Junior**", "**Senior**") is a tier, each bold line in
 * it a level, the tier's heading kept as written.
 */
export function readLevels(section: HeadingSection, env: ReadEnv): Result {
  const out = new Out();
  // Levels this section gives: a heading each, or a table or field of them.
  let given = 0;
  out.merge(readBlocks(section, section.blocks, env));
  for (const entry of entriesOf(section.blocks)) {
    if (!placeEntry(section, entry, out)) out.keepEntries(section, [entry]);
  }
  for (const child of section.children) {
    if (sectionConcept(child)) out.read(child);
    else if (isTier(child)) {
      if (!isStructuralText(child.title)) out.keepHeading(child);
      out.merge(readBlocks(child, child.blocks, env));
      for (const level of child.children) out.merge(readLevel(level, env));
      given += child.children.length;
    } else {
      out.merge(readLevel(child, env));
      given++;
    }
  }
  // A section that names levels but gives none: tell the author what a level looks like.
  const tables = section.blocks.some((b) => b.type === "table" || b.type === "html");
  if (given === 0 && !tables && section.position) {
    out.report(
      "levels-unread",
      { section: section.title },
      section.position,
      // Unless the section's fields or sub-sections name a level the role did not know.
      { unlessNewLevel: "section" },
    );
  }
  return out.result();
}

/**
 * A group name that keeps the heading above it when that heading names no part ("On Being a Senior
 * Engineer · Leadership"), so that heading is not lost; the heading is then marked as used.
 */
export function inContainer(section: HeadingSection, name: string, env: ReadEnv, out: Out): string {
  const parent = section.parent;
  if (!parent || env.tops.has(section) || !parent.parent || !parent.position || sectionConcept(parent)) return name;
  out.add({ kind: "used", section: parent });
  return `${parent.title} · ${name}`;
}

/** Reads a section whose heading names a level and a group of it ("Leadership Expectations at Senior Level"). */
export function readLevelGroup(section: HeadingSection, named: { group: string; level: string }, env: ReadEnv): Result {
  const out = new Out();
  const level = out.level(named.level, section.position ?? env.position);
  const kind = groupOf(named.group);
  out.merge(readGroup(level, section, { ...kind, group: kind.group === null ? null : inContainer(section, kind.group, env, out) }, env));
  return out.result();
}
