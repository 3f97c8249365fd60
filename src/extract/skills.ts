/**
 * Role-wide skills by category: "**Tools**: TensorFlow, PyTorch, Kubernetes" files three skills
 * under "Tools" (the colon inside or outside the bold); "Cloud Platforms (AWS/GCP)" is one skill with
 * the detail "AWS/GCP". A sub-heading or bold line ("**Soft Skills:**") is a category, and so is a
 * bold item with a nested list, two deep or more. A label followed by prose ("**Programming
 * Languages:** Proficiency in Python is essential…") is one skill with that prose as its detail,
 * and a sub-heading described by fields ("### SQL" with "**Current Level**: Advanced") is one skill
 * with those fields as its detail. Unlabelled short list items are skills of the section's category.
 */
import { readBlocks } from "./blocks.ts";
import { sectionConcept } from "./heading-names.ts";
import { entriesOf, flatten, type Entry } from "./entries.ts";
import { conceptOf, isStructuralText } from "./names.ts";
import { Out, type ReadEnv, type Result } from "./out.ts";
import type { HeadingSection } from "./sections.ts";
import { skillItem, skillItems } from "./skill-names.ts";
import { addSkill, addSkills, categoryOf, GENERAL } from "./values.ts";

/**
 * Reads one entry of a skills section.
 * @param nested whether `category` came from a label above (then a label below adds to it: "Practices · Delivery")
 */
function readEntry(entry: Entry, category: string, section: HeadingSection, out: Out, nested = false): void {
  const inner = entry.label && nested ? `${category} · ${entry.label}` : entry.label;
  if (entry.label && entry.value) {
    // "**Tools**: Git, Docker" files two skills under "Tools"; "**Programming Languages:** Proficiency in…" is one skill described.
    if (!addSkills(inner!, entry.value, entry.position, out)) {
      const named = skillItem(entry.label);
      addSkill({ name: named.name || entry.label, detail: named.detail ? `${named.detail}: ${entry.value}` : entry.value }, category, entry.position, out);
    }
    for (const child of entry.children) readEntry(child, inner!, section, out, true);
    return;
  }
  if (entry.label && entry.children.length > 0) {
    for (const child of entry.children) readEntry(child, inner!, section, out, true);
    return;
  }
  if (entry.label) {
    addSkill(skillItem(entry.label), category, entry.position, out);
    return;
  }
  if (!entry.text || !addSkills(category, entry.text, entry.position, out)) out.keepEntries(section, [entry], false);
  for (const child of entry.children) readEntry(child, category, section, out, nested);
}

/** Whether a sub-heading describes one skill by fields ("**Current Level**: Advanced", "**Priority**: High"). */
function isSkillProfile(section: HeadingSection): boolean {
  return entriesOf(section.blocks).some((e) => e.label !== null && conceptOf(e.label) === "skillDetail");
}

/** The lines of a skill profile, sub-groups included, in document order, as one detail. */
function profileText(section: HeadingSection, env: ReadEnv, out: Out): string {
  const lines: { line: number; text: string }[] = flatten(entriesOf(section.blocks)).map((e) => ({ line: e.position.start.line, text: e.text }));
  for (const child of section.children) {
    const at = child.position?.start.line ?? 0;
    lines.push({ line: at, text: `${child.title}:` });
    for (const e of flatten(entriesOf(child.blocks))) lines.push({ line: e.position.start.line, text: `- ${e.text}` });
    out.merge(readBlocks(child, child.blocks, env));
    out.readChildren(child);
  }
  return lines
    .filter((l) => l.text.trim() !== "")
    .sort((a, b) => a.line - b.line)
    .map((l) => l.text)
    .join("\n");
}

function readProfile(section: HeadingSection, category: string, env: ReadEnv, out: Out): void {
  out.merge(readBlocks(section, section.blocks, env));
  const detail = profileText(section, env, out);
  const position = section.position ?? env.position;
  const items = skillItems(section.title) ?? [skillItem(section.title)];
  for (const item of items) addSkill({ name: item.name, detail: item.detail ? `${item.detail}\n${detail}` : detail || null }, category, position, out);
}

export function readSkills(section: HeadingSection, env: ReadEnv, category = categoryOf(section.title)): Result {
  const out = new Out();
  out.merge(readBlocks(section, section.blocks, env));
  for (const entry of entriesOf(section.blocks)) readEntry(entry, category, section, out);
  for (const child of section.children) {
    if (isSkillProfile(child)) readProfile(child, category, env, out);
    // A sub-heading under Skills ("### Technical", "**Soft Skills:**") is a category, unless it names another part.
    else if (sectionConcept(child) && sectionConcept(child) !== "skills" && sectionConcept(child) !== "keySkills") out.read(child);
    else out.merge(readSkills(child, env, child.title));
  }
  // A heading that names no skill's category (it holds none, or only labelled lists of its own) is still the author's.
  // Whether one was named is for the assembly to tell: a skill already filed under its category is not filed again.
  const named = out.given.filter((v) => v.kind === "skill" && (v.category === category || v.category.startsWith(`${category} · `)));
  if (!isStructuralText(section.title) && category !== GENERAL) out.keepHeading(section, { unlessKept: true, unlessPlaced: named });
  return out.result();
}
