/**
 * mdast → RawRole. The title comes from the first H1 (or front matter, or the file name); every
 * other section goes to the extractor its heading names, and what none claims is kept unplaced.
 */
import type { Heading, Root } from "mdast";
import type { Position } from "unist";
import type { VFile } from "vfile";
import { toString } from "mdast-util-to-string";
import { report } from "../model/diagnostics.ts";
import { toSlug } from "../model/slug.ts";
import { Context } from "./context.ts";
import { emptyRole, place, type RawRole } from "../model/raw-role.ts";
import type { Entry } from "./entries.ts";
import { readGrowth } from "./growth.ts";
import { addLevelList, readLevels } from "./levels.ts";
import { cleanHeading, conceptOf, type Concept } from "./names.ts";
import { addBackground, addResponsibility, addSummary, readBackground, readOverview, readResponsibilities } from "./overview.ts";
import { addAlternatives, addLadder, readAlternatives, readProgression } from "./progression.ts";
import { sectionTree, type HeadingSection } from "./sections.ts";
import { addSkills, readSkills } from "./skills.ts";
import { readTransitions } from "./transitions.ts";

export type { RawRole } from "../model/raw-role.ts";

const SECTION_READERS: Partial<Record<Concept, (section: HeadingSection, ctx: Context) => void>> = {
  overview: readOverview,
  responsibilities: readResponsibilities,
  skills: readSkills,
  keySkills: readSkills,
  background: readBackground,
  progression: readProgression,
  alternatives: readAlternatives,
  levels: readLevels,
  growth: readGrowth,
  transitions: readTransitions,
};

/** A section whose heading names no part: its own text is kept, and its sub-sections are read on their merits. */
function readSection(section: HeadingSection, ctx: Context): void {
  const concept = conceptOf(section.title);
  const reader = concept ? SECTION_READERS[concept] : undefined;
  if (reader) return reader(section, ctx);
  ctx.keepBlocks(section.title, section.blocks);
  for (const child of section.children) readSection(child, ctx);
}

/** Places a labelled line ("**Career Progression**: A → B") wherever it stands. */
function placeField(entry: Entry, ctx: Context): boolean {
  const concept = entry.label ? conceptOf(entry.label) : null;
  const { value, position } = entry;
  if (!concept || !value) return false;
  switch (concept) {
    case "overview":
      addSummary(value, position, ctx);
      return true;
    case "responsibilities":
      addResponsibility(value, position, ctx);
      return true;
    case "background":
      addBackground(value, position, ctx);
      return true;
    case "levels":
      addLevelList(value, position, ctx);
      return true;
    case "progression":
      return addLadder(value, position, ctx);
    case "alternatives":
      addAlternatives(value, position, ctx);
      return true;
    case "skills":
    case "keySkills":
      addSkills("General", value, position, ctx);
      return true;
    default:
      return false;
  }
}

function fileTitle(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.[^.]+$/, "").replace(/^\d+[-_. ]+/, "").replace(/[-_]+/g, " ").replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()).trim();
}

function titleFrom(tree: Root, file: VFile): { title: string; heading: Heading | null } {
  const heading = tree.children.find((n): n is Heading => n.type === "heading" && n.depth === 1) ?? null;
  if (heading) {
    const title = cleanHeading(toString(heading));
    if (title) return { title, heading };
  }
  const fromMatter = file.data.frontMatter?.["title"];
  if (typeof fromMatter === "string" && cleanHeading(fromMatter)) return { title: cleanHeading(fromMatter), heading: null };
  const title = fileTitle(file.path);
  report(file, "warning", "title-from-filename", `The file has no "# Title" heading and no front matter title; took "${title}" from the file name. Add a "# Role Title" line at the top.`, { line: 1, column: 1 });
  return { title, heading: null };
}

/**
 * Extracts the role a parsed file describes.
 * @param tree the file's mdast, positions included
 * @param file the file, whose `value` is the text the tree was parsed from and which receives the diagnostics
 */
export function extractRole(tree: Root, file: VFile): RawRole {
  const { title, heading } = titleFrom(tree, file);
  const start: Position = heading?.position ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  const raw = emptyRole(title, toSlug(title), file.path, start);
  place(raw, ["title"], start, null);
  place(raw, ["slug"], start, null);
  const lines = String(file.value).split("\n");
  const ctx = new Context(raw, file, lines, { section: readSection, field: placeField });

  const summary = file.data.frontMatter?.["summary"] ?? file.data.frontMatter?.["description"];
  if (typeof summary === "string" && summary.trim()) addSummary(summary.trim(), start, ctx);

  const root = sectionTree(tree);
  // Text under the title (or before any heading) is read like an overview: prose is the summary.
  const top: HeadingSection[] = [];
  const intro: HeadingSection = { heading: null, title: "", depth: 0, blocks: [...root.blocks], children: [] };
  for (const section of root.children) {
    if (section.heading === heading) {
      intro.blocks.push(...section.blocks);
      top.push(...section.children);
    } else top.push(section);
  }
  readOverview(intro, ctx);
  for (const section of top) readSection(section, ctx);
  ctx.flushUnplaced(file.path);
  return raw;
}
