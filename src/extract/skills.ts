/**
 * Role-wide skills by category: "**Tools**: TensorFlow, PyTorch, Kubernetes" files three skills
 * under "Tools". Unlabelled short list items are skills of a "General" category.
 */
import type { Position } from "unist";
import { place } from "../model/raw-role.ts";
import type { Context } from "./context.ts";
import { entriesOf, isProse, type Entry } from "./entries.ts";
import type { HeadingSection } from "./sections.ts";
import { skillsNamed } from "./skill-names.ts";

const GENERAL = "General";

/** Files every skill named in `list` under `category`, skipping one already filed there. */
export function addSkills(category: string, list: string, position: Position, ctx: Context): void {
  const skills = ctx.raw.data.skills!;
  for (const ref of skillsNamed(list)) {
    if (skills.some((s) => s.slug === ref.slug && s.category === category)) continue;
    skills.push(place(ctx.raw, ["skills", skills.length], position, { ...ref, category }));
  }
}

function readEntry(entry: Entry, category: string, heading: string, ctx: Context): void {
  if (entry.label && entry.value) {
    addSkills(entry.label, entry.value, entry.position, ctx);
  } else if (entry.label && entry.children.length > 0) {
    for (const child of entry.children) readEntry(child, entry.label, heading, ctx);
    return;
  } else if (!entry.label && entry.text && entry.text.length <= 80) {
    addSkills(category, entry.text, entry.position, ctx);
  } else {
    ctx.keepEntries(heading, [entry]);
    return;
  }
  for (const child of entry.children) readEntry(child, entry.label ?? category, heading, ctx);
}

export function readSkills(section: HeadingSection, ctx: Context, category = GENERAL): void {
  ctx.keepBlocks(section.title, section.blocks.filter((b) => !isProse(b)));
  for (const entry of entriesOf(section.blocks)) readEntry(entry, category, section.title, ctx);
  // A sub-heading under Skills ("### Technical") is a category unless it names a part of its own.
  for (const child of section.children) readSkills(child, ctx, child.title);
}
