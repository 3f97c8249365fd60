/**
 * Role-wide skills by category: "**Tools**: TensorFlow, PyTorch, Kubernetes" files three skills
 * under "Tools" (the colon inside or outside the bold); "Cloud Platforms (AWS/GCP)" is one skill with
 * the detail "AWS/GCP". A sub-heading or bold line ("**Soft Skills:**") is a category, and so is a
 * bold item with a nested list, two deep or more. A label followed by prose ("**Programming
 * Languages:** Proficiency in Python is essential…") is one skill with that prose as its detail,
 * and a sub-heading described by fields ("### SQL" with "**Current Level**: Advanced") is one skill
 * with those fields as its detail. Unlabelled short list items are skills of the section's category.
 */
import type { Position } from "unist";
import { place } from "../model/raw-role.ts";
import type { Context } from "./context.ts";
import { sectionConcept } from "./heading-names.ts";
import { entriesOf, flatten, type Entry } from "./entries.ts";
import { conceptOf, isStructuralText, normalizeName } from "./names.ts";
import type { HeadingSection } from "./sections.ts";
import { skillItem, skillItems, type SkillItem } from "./skill-names.ts";
import { toSlug } from "../model/slug.ts";

const GENERAL = "General";
/** Headings that say "skills" and nothing more: their skills are of the "General" category. */
const GENERIC = new Set(
  ["required skills", "skills", "core skills", "skill requirements", "skills required", "competencies", "key skills", "key skills required"].map(normalizeName),
);

/** The category a skills heading gives its skills: "General" for a plain "Skills", else the heading. */
export function categoryOf(title: string): string {
  return GENERIC.has(normalizeName(title)) ? GENERAL : title;
}

/** Files one skill under `category`, skipping one already filed there. */
function addSkill(item: SkillItem, category: string, position: Position, ctx: Context): void {
  const slug = toSlug(item.name);
  const key = `${category.toLowerCase()}\u0000${slug}`;
  // A name with no letter or digit ("🚀") is kept with an empty slug: validation reports it and leaves it out.
  if (!item.name || (slug && ctx.skillKeys.has(key))) return;
  if (slug) ctx.skillKeys.add(key);
  const skills = ctx.raw.data.skills!;
  skills.push(place(ctx.raw, ["skills", skills.length], position, { name: item.name, slug, category, detail: item.detail }));
}

/**
 * Files every skill named in `list` under `category`.
 * @returns false, filing nothing, when the list is prose rather than names
 */
export function addSkills(category: string, list: string, position: Position, ctx: Context): boolean {
  const items = skillItems(list);
  if (!items) return false;
  for (const item of items) addSkill(item, category, position, ctx);
  return true;
}

/**
 * Reads one entry of a skills section.
 * @param nested whether `category` came from a label above (then a label below adds to it: "Practices · Delivery")
 */
function readEntry(entry: Entry, category: string, section: HeadingSection, ctx: Context, nested = false): void {
  const inner = entry.label && nested ? `${category} · ${entry.label}` : entry.label;
  if (entry.label && entry.value) {
    // "**Tools**: Git, Docker" files two skills under "Tools"; "**Programming Languages:** Proficiency in…" is one skill described.
    if (!addSkills(inner!, entry.value, entry.position, ctx)) {
      const named = skillItem(entry.label);
      addSkill({ name: named.name || entry.label, detail: named.detail ? `${named.detail}: ${entry.value}` : entry.value }, category, entry.position, ctx);
    }
    for (const child of entry.children) readEntry(child, inner!, section, ctx, true);
    return;
  }
  if (entry.label && entry.children.length > 0) {
    for (const child of entry.children) readEntry(child, inner!, section, ctx, true);
    return;
  }
  if (entry.label) {
    addSkill(skillItem(entry.label), category, entry.position, ctx);
    return;
  }
  if (!entry.text || !addSkills(category, entry.text, entry.position, ctx)) ctx.keepEntries(section, [entry], false);
  for (const child of entry.children) readEntry(child, category, section, ctx, nested);
}

/** Whether a sub-heading describes one skill by fields ("**Current Level**: Advanced", "**Priority**: High"). */
function isSkillProfile(section: HeadingSection): boolean {
  return entriesOf(section.blocks).some((e) => e.label !== null && conceptOf(e.label) === "skillDetail");
}

/** The lines of a skill profile, sub-groups included, in document order, as one detail. */
function profileText(section: HeadingSection, ctx: Context): string {
  const lines: { line: number; text: string }[] = flatten(entriesOf(section.blocks)).map((e) => ({ line: e.position.start.line, text: e.text }));
  for (const child of section.children) {
    const at = child.position?.start.line ?? 0;
    lines.push({ line: at, text: `${child.title}:` });
    for (const e of flatten(entriesOf(child.blocks))) lines.push({ line: e.position.start.line, text: `- ${e.text}` });
    ctx.readBlocks(child, child.blocks);
    ctx.readChildren(child);
  }
  return lines
    .filter((l) => l.text.trim() !== "")
    .sort((a, b) => a.line - b.line)
    .map((l) => l.text)
    .join("\n");
}

function readProfile(section: HeadingSection, category: string, ctx: Context): void {
  ctx.readBlocks(section, section.blocks);
  const detail = profileText(section, ctx);
  const position = section.position ?? ctx.raw.position;
  const items = skillItems(section.title) ?? [skillItem(section.title)];
  for (const item of items) addSkill({ name: item.name, detail: item.detail ? `${item.detail}\n${detail}` : detail || null }, category, position, ctx);
}

export function readSkills(section: HeadingSection, ctx: Context, category = categoryOf(section.title)): void {
  const before = ctx.raw.data.skills!.length;
  ctx.readBlocks(section, section.blocks);
  for (const entry of entriesOf(section.blocks)) readEntry(entry, category, section, ctx);
  for (const child of section.children) {
    if (isSkillProfile(child)) readProfile(child, category, ctx);
    // A sub-heading under Skills ("### Technical", "**Soft Skills:**") is a category, unless it names another part.
    else if (sectionConcept(child) && sectionConcept(child) !== "skills" && sectionConcept(child) !== "keySkills") ctx.readSection(child, ctx);
    else readSkills(child, ctx, child.title);
  }
  // A heading that names no skill's category (it holds none, or only labelled lists of its own) is still the author's.
  const named = ctx.raw.data.skills!.slice(before).some((s) => s.category === category || s.category.startsWith(`${category} · `));
  if (!named && !ctx.hasKept(section) && !isStructuralText(section.title) && category !== GENERAL) ctx.keepHeading(section);
}

export { GENERAL };
