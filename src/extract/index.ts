/**
 * mdast → RawRole[]. A file usually describes one role, titled by its first H1 (or its one top
 * heading, or front matter, or the file name); a file with one heading per role ("## 1. Data
 * Analyst", "## 2. Data Engineer", each with parts of its own) describes several. Every section goes
 * to the extractor its heading names, runs of level headings become levels, and what none claims
 * is kept unplaced.
 */
import type { Html, Root, RootContent } from "mdast";
import type { Position } from "unist";
import type { VFile } from "vfile";
import { report } from "../model/diagnostics.ts";
import { toSlug } from "../model/slug.ts";
import { emptyRole, place, type RawRole } from "../model/raw-role.ts";
import { Context } from "./context.ts";
import { hoistFromLists, inOrder, isProse, type Entry } from "./entries.ts";
import { frontMatterTitle, readFrontMatterLevels, readFrontMatterSummary, reportUnreadFrontMatter } from "./front-matter.ts";
import { readGrowth } from "./growth.ts";
import { gridOfTable, gridsOf, hasMedia, isMediaOnly, parseHtmlRun, textOutsideTables } from "./html.ts";
import {
  addLevelList, addStage, isLevelTable, levelGroupHeading, levelSections, looksLikeLevel, readLevel, readLevelGroup, readLevels, readLevelTable,
  resolveStages,
} from "./levels.ts";
import { isMarkupBlock } from "./markup.ts";
import { cleanHeading, conceptOf, isStructuralText, normalizeName, TITLE_FRAMING, type Concept } from "./names.ts";
import { yearStage } from "./numbers.ts";
import { addBackground, addResponsibility, addSummary, readBackground, readOverview, readResponsibilities } from "./overview.ts";
import { addAlternatives, addChain, addLadder, ladderFromCode, readAlternatives, readProgression } from "./progression.ts";
import { sectionTree, virtualSection, walkSections, type HeadingSection } from "./sections.ts";
import { addSkills, categoryOf, readSkills } from "./skills.ts";
import { readStandalonePlan, readTransitions } from "./transitions.ts";

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

/** The parts whose headings make a section a role of its own when two or more stand under it. */
const ROLE_PARTS = new Set<Concept>(["overview", "responsibilities", "skills", "background", "progression", "levels", "growth", "transitions", "alternatives"]);

/**
 * A section by the part its heading names. A section that names none keeps its own text, places
 * the labelled fields and arrow chains in it, and has its sub-sections read on their merits.
 */
function readSection(section: HeadingSection, ctx: Context): void {
  const concept = conceptOf(section.title);
  const reader = concept ? SECTION_READERS[concept] : undefined;
  if (reader) return reader(section, ctx);
  const named = levelGroupHeading(section.title);
  if (named) return readLevelGroup(section, named, ctx);
  inOrder(section.blocks, (others) => ctx.readBlocks(section, others), (entry) => {
    if (ctx.placeEntry(section, entry)) return;
    if (addChain(entry, ctx)) return;
    ctx.keepEntries(section, [entry]);
  });
  readChildren(section, ctx);
  // A heading over text that was all placed elsewhere (or over nothing) is still the author's: keep it.
  if (!ctx.hasKept(section) && !ctx.headingsUsed.has(section) && section.position && !isStructuralText(section.title)) ctx.keepHeading(section);
}

/** The sub-sections of a section: a run of level headings are levels, roadmap stages wait for their level, the rest by heading. */
function readChildren(section: HeadingSection, ctx: Context): void {
  readList(section.children, ctx);
}

function readList(sections: readonly HeadingSection[], ctx: Context): void {
  const levels = levelSections(sections);
  for (const child of sections) {
    if (levels.has(child)) readLevel(child, ctx);
    else if (!conceptOf(child.title) && (addStage(child, ctx) || readStandalonePlan(child, ctx))) continue;
    else readSection(child, ctx);
  }
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
      return addSkills(categoryOf(entry.label!), value, position, ctx);
    default:
      return false;
  }
}

/**
 * Reads the non-prose blocks among `blocks`: ladders drawn in code, level tables (markdown or
 * HTML), text in HTML (to `onText`), images; keeps the rest unplaced.
 */
function readBlocks(section: HeadingSection, blocks: readonly RootContent[], ctx: Context, onText?: (text: string, position: Position) => boolean): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (isProse(block)) continue;
    if (block.type === "html") {
      const run: Html[] = [block];
      while (blocks[i + 1]?.type === "html") run.push(blocks[++i] as Html);
      readHtml(section, run, ctx, onText);
      continue;
    }
    if (block.type === "code" && ladderFromCode(block, ctx)) continue;
    if (block.type === "table") {
      const grid = gridOfTable(block);
      if (grid && isLevelTable(grid)) {
        readLevelTable(grid, section, ctx);
        continue;
      }
    }
    ctx.keepBlocks(section, [block]);
  }
}

function readHtml(section: HeadingSection, run: Html[], ctx: Context, onText?: (text: string, position: Position) => boolean): void {
  if (run.some((node) => !node.position)) return ctx.keepBlocks(section, run);
  const parsed = parseHtmlRun(run, ctx.text);
  const grids = gridsOf(parsed);
  const text = textOutsideTables(parsed);
  if (grids.length > 0) {
    if (!grids.every(isLevelTable)) return ctx.keepBlocks(section, run);
    for (const grid of grids) readLevelTable(grid, section, ctx);
    // Text or images beside the tables stay with them, as written.
    if (text || hasMedia(parsed)) ctx.keepBlocks(section, run);
    return;
  }
  if (isMediaOnly(parsed)) return ctx.keepBlocks(section, run, true);
  // Text beside an image stays with it, as written; text alone (a component like <GitHubButtons />) is prose.
  if (text && !hasMedia(parsed) && onText?.(text, parsed.position)) return;
  ctx.keepBlocks(section, run);
}

/** "Career Path: ML Engineer" → "ML Engineer"; "Data Engineer Career Progression Ladder" → "Data Engineer"; numbering and emoji go too. */
export function roleTitle(text: string): string {
  let title = cleanHeading(text);
  const colon = title.indexOf(": ");
  if (colon > 0) {
    const before = title.slice(0, colon);
    if (conceptOf(before) || TITLE_FRAMING.some((f) => normalizeName(f) === normalizeName(before))) title = title.slice(colon + 2).trim();
  }
  const words = title.split(" ");
  const key = normalizeName(title);
  const framing = [...TITLE_FRAMING].sort((a, b) => b.length - a.length).find((f) => key.endsWith(` ${normalizeName(f)}`));
  if (framing) {
    const kept = words.slice(0, words.length - normalizeName(framing).split(" ").length).join(" ").replace(/[\s\-–—:,]+$/, "");
    if (/\p{L}/u.test(kept)) title = kept;
  }
  return title || cleanHeading(text);
}

function fileTitle(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.[^.]+$/, "").replace(/^\d+[-_. ]+/, "").replace(/[-_]+/g, " ").replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()).trim();
}

/** One role a file describes: where its title stands, the text under it and its own sections. */
interface RolePlan {
  title: string;
  titleSection: HeadingSection | null;
  intro: HeadingSection;
  tops: HeadingSection[];
  /** What belongs to no role of a file with several (its title, text before the roles, other sections): kept unplaced in the first. */
  rest: { sections: HeadingSection[]; blocks: RootContent[]; heading: HeadingSection | null };
}

const NO_REST: RolePlan["rest"] = { sections: [], blocks: [], heading: null };

function partCount(section: HeadingSection): number {
  return section.children.filter((c) => {
    const concept = conceptOf(c.title);
    return concept !== null && ROLE_PARTS.has(concept);
  }).length;
}

function isRoleSection(section: HeadingSection): boolean {
  return !section.pseudo && !conceptOf(section.title) && !looksLikeLevel(section.title) && !yearStage(section.title) && partCount(section) >= 2;
}

/** The heading that titles a file with one role: its first H1, else its one top heading when that comes first. */
function titleSectionOf(root: HeadingSection): HeadingSection | null {
  const h1 = root.children.find((s) => s.depth === 1);
  if (h1) return h1;
  const [first] = root.children;
  if (!first) return null;
  const top = Math.min(...root.children.map((s) => s.depth));
  const atTop = root.children.filter((s) => s.depth === top);
  if (first.depth <= 2 && atTop.length === 1 && atTop[0] === first && !conceptOf(first.title) && !looksLikeLevel(first.title)) return first;
  return null;
}

function planRoles(root: HeadingSection, file: VFile): RolePlan[] {
  const titleSection = titleSectionOf(root);
  // Several roles: two or more sibling sections that each hold parts of a role, at the top or under the one title.
  for (const list of [root.children, titleSection?.children ?? []]) {
    const roles = list.filter(isRoleSection);
    if (roles.length < 2) continue;
    const underTitle = list !== root.children;
    const plans: RolePlan[] = roles.map((section) => ({
      title: roleTitle(section.title),
      titleSection: section,
      intro: virtualSection("", [...section.blocks], null),
      tops: section.children,
      rest: NO_REST,
    }));
    plans[0]!.rest = {
      heading: underTitle ? titleSection : null,
      blocks: [...root.blocks, ...(underTitle ? titleSection!.blocks : [])],
      sections: [...list.filter((s) => !roles.includes(s)), ...(underTitle ? root.children.filter((s) => s !== titleSection) : [])],
    };
    return plans;
  }
  const tops = root.children.flatMap((s) => (s === titleSection ? s.children : [s]));
  const intro = virtualSection("", [...root.blocks, ...(titleSection?.blocks ?? [])], null);
  const plan = { titleSection, intro, tops, rest: NO_REST };
  if (titleSection && roleTitle(titleSection.title)) return [{ ...plan, title: roleTitle(titleSection.title) }];
  const fromMatter = frontMatterTitle(file);
  if (fromMatter) return [{ ...plan, title: roleTitle(fromMatter), titleSection: null }];
  const title = fileTitle(file.path);
  report(file, "warning", "title-from-filename", `The file has no "# Title" heading and no front matter title; took "${title}" from the file name. Add a "# Role Title" line at the top.`, { line: 1, column: 1 });
  return [{ ...plan, title, titleSection: null }];
}

/** Keeps a whole section tree unplaced, heading lines included. */
function keepAll(section: HeadingSection, ctx: Context): void {
  for (const s of walkSections(section)) {
    if (s.position) ctx.keepHeading(s);
    ctx.keepBlocks(s, s.blocks);
  }
}

/**
 * Extracts the roles a parsed file describes: one, or one per role heading.
 * @param tree the file's mdast, positions included
 * @param file the file, whose `value` is the text the tree was parsed from and which receives the diagnostics
 */
export function extractRoles(tree: Root, file: VFile): RawRole[] {
  const text = String(file.value);
  const content: Root = { ...tree, children: hoistFromLists(tree.children.filter((block) => !isMarkupBlock(block))) };
  const root = sectionTree(content);
  const plans = planRoles(root, file);
  const roles = plans.map((plan, index) => {
    const start: Position = plan.titleSection?.position ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    const raw = emptyRole(plan.title, toSlug(plan.title), file.path, start);
    place(raw, ["title"], start, null);
    place(raw, ["slug"], start, null);
    const ctx = new Context(raw, file, text, { section: readSection, field: placeField, blocks: readBlocks, children: readChildren });
    for (const s of [plan.intro, ...plan.tops, ...plan.rest.sections]) ctx.tops.add(s);
    if (index === 0) readFrontMatterLevels(ctx);
    readOverview(plan.intro, ctx);
    readList(plan.tops, ctx);
    const { heading, blocks, sections } = plan.rest;
    const restIntro = heading ?? virtualSection("", [], null);
    if (heading) ctx.keepHeading(heading);
    ctx.keepBlocks(restIntro, blocks);
    for (const section of sections) keepAll(section, ctx);
    resolveStages(ctx);
    if (plans.length === 1) readFrontMatterSummary(ctx, start);
    ctx.flushUnplaced(file.path);
    return raw;
  });
  reportUnreadFrontMatter(file);
  return roles;
}
