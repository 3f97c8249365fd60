/**
 * mdast → RawRole[]. The roles a file describes are planned first (`roles.ts`: one titled by its
 * first H1, one per section holding parts of a role, or one whose top headings are its levels);
 * each section is then read by the part its heading names (`heading-names.ts`, the classifier's
 * heading half: known names, bilingual halves, misspellings), runs of level headings become levels,
 * and what none claims is kept unplaced. A file whose only part is its opening text and that reads
 * as a page about roles gives none (`no-role.ts`).
 */
import type { Html, Root, RootContent } from "mdast";
import type { Position } from "unist";
import type { VFile } from "vfile";
import { report } from "../model/diagnostics.ts";
import { toSlug } from "../model/slug.ts";
import { emptyRole, place, type RawRole } from "../model/raw-role.ts";
import { Context } from "./context.ts";
import { hoistFromLists, inOrder, isMediaParagraph, isProse, type Entry } from "./entries.ts";
import { readFrontMatterLevels, readFrontMatterSummary, reportUnreadFrontMatter } from "./front-matter.ts";
import { readGrowth } from "./growth.ts";
import { gridOfTable, gridsOf, hasMedia, isMediaOnly, parseHtmlRun, textOutsideTables } from "./html.ts";
import { addLevelList, isLevelTitle, levelFor, levelGroupHeading, levelListOf, levelSections } from "./level-names.ts";
import { isLevelTable, readLevelTable } from "./level-tables.ts";
import { readLevel, readLevelGroup, readLevels, readPageGroup } from "./requirements.ts";
import { addStage, resolveStages } from "./stages.ts";
import { proseLinks, type ProseLink } from "./links.ts";
import { isMarkupBlock } from "./markup.ts";
import { hasParts, readsAsNoRole, reportNoRole } from "./no-role.ts";
import { planRoles, runOfLevels } from "./roles.ts";
import { sectionConcept, typoOf } from "./heading-names.ts";
import { conceptOf, isStructuralText, type Concept } from "./names.ts";
import { addBackground, addResponsibility, addSummary, readBackground, readOverview, readResponsibilities } from "./overview.ts";
import { addAlternatives, addChain, addLadder, ladderFromCode, readAlternatives, readProgression } from "./progression.ts";
import { sectionTree, virtualSection, walkSections, type HeadingSection } from "./sections.ts";
import { addSkills, categoryOf, readSkills } from "./skills.ts";
import { readStandalonePlan, readTransitions } from "./transitions.ts";

export type { RawRole } from "../model/raw-role.ts";
export { roleTitle } from "./roles.ts";

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

/**
 * A section by the part its heading names. A section that names none keeps its own text, places
 * the labelled fields and arrow chains in it, and has its sub-sections read on their merits.
 */
function readSection(section: HeadingSection, ctx: Context): void {
  const concept = sectionConcept(section);
  const reader = concept ? SECTION_READERS[concept] : undefined;
  if (reader) return reader(section, ctx);
  const named = levelGroupHeading(section.title);
  if (named) return readLevelGroup(section, named, ctx);
  if (ctx.pageLevel !== null && !section.pseudo) return readPageGroup(section, ctx.pageLevel, ctx);
  inOrder(readLevelLists(section, ctx), (others) => ctx.readBlocks(section, others), (entry) => {
    if (ctx.placeEntry(section, entry)) return;
    if (addChain(entry, ctx)) return;
    ctx.keepEntries(section, [entry]);
  });
  readChildren(section, ctx);
  // A heading over text that was all placed elsewhere (or over nothing) is still the author's: keep it.
  if (!ctx.hasKept(section) && !ctx.headingsUsed.has(section) && section.position && !isStructuralText(section.title)) ctx.keepHeading(section);
}

/**
 * Reads the lists of a section that are a role's levels, one title an item; a list of links keeps
 * its targets, as written, unplaced. Returns the other blocks.
 */
function readLevelLists(section: HeadingSection, ctx: Context): RootContent[] {
  const rest: RootContent[] = [];
  for (const block of section.blocks) {
    const list = block.type === "list" ? levelListOf(block) : null;
    if (!list) {
      rest.push(block);
      continue;
    }
    for (const { name, position } of list.names) levelFor(name, position, ctx);
    if (list.linked) ctx.keepBlocks(section, [block]);
  }
  return rest;
}

/** The sub-sections of a section: a run of level headings are levels, roadmap stages wait for their level, the rest by heading. */
function readChildren(section: HeadingSection, ctx: Context): void {
  readList(section.children, ctx);
}

function readList(sections: readonly HeadingSection[], ctx: Context): void {
  // On a page about one level, its sub-headings are that level's groups, never levels of their own.
  const levels = ctx.pageLevel !== null ? new Set<HeadingSection>() : new Set([...levelSections(sections), ...(runOfLevels(sections)?.sections ?? [])]);
  for (const child of sections) {
    if (levels.has(child)) readLevel(child, ctx);
    else if (!sectionConcept(child) && (addStage(child, ctx) || readStandalonePlan(child, ctx))) continue;
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
    ctx.keepBlocks(section, [block], isMediaParagraph(block));
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
  const mayLink = text.includes("](") || text.includes("]:") || text.includes("<") || text.includes("://");
  const content: Root = { ...tree, children: hoistFromLists(tree.children.filter((block) => !isMarkupBlock(block))) };
  const root = sectionTree(content);
  reportTypos(root, file);
  const plans = planRoles(root, file);
  const roles = plans.map((plan, index) => {
    const start: Position = plan.titleSection?.position ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    const raw = emptyRole(plan.title, toSlug(plan.title), file.path, start);
    place(raw, ["title"], start, null);
    place(raw, ["slug"], start, null);
    const ctx = new Context(raw, file, text, { section: readSection, field: placeField, blocks: readBlocks, children: readChildren });
    for (const s of [plan.intro, ...plan.tops, ...plan.rest.sections]) ctx.tops.add(s);
    if (index === 0) readFrontMatterLevels(ctx);
    // A page about one level ("# L3", "# Senior II Engineer") that gives no levels otherwise: that level, its sections that name no part its groups.
    if (plans.length === 1 && raw.data.levels!.length === 0 && isLevelTitle(plan.title)) ctx.pageLevel = levelFor(plan.title, start, ctx, true);
    readOverview(plan.intro, ctx);
    const opening = raw.data.summary;
    readList(plan.tops, ctx);
    const untouched = raw.data.summary === opening;
    const { heading, blocks, sections } = plan.rest;
    const restIntro = heading ?? virtualSection("", [], null);
    if (heading) ctx.keepHeading(heading);
    ctx.keepBlocks(restIntro, blocks);
    for (const section of sections) keepAll(section, ctx);
    resolveStages(ctx);
    addLevelLadder(raw);
    // A file with no link syntax has no links to walk its prose for.
    if (mayLink) addLinks(raw, proseLinks([plan.intro, ...plan.tops, ...plan.rest.sections], plan.rest.blocks));
    if (plans.length === 1) readFrontMatterSummary(ctx, start);
    // Opening text (or a front matter summary) and nothing else: maybe a page about roles.
    const noRole = untouched && Boolean(raw.data.summary) && !hasParts(raw) ? readsAsNoRole(plan, file) : null;
    ctx.flushUnplaced(file.path);
    return { raw, noRole };
  });
  reportUnreadFrontMatter(file);
  // A page whose only part is its opening text (an essay, an FAQ, a quoted guide) describes no role.
  const kept = roles.filter((r) => r.noRole === null).map((r) => r.raw);
  if (kept.length === 0 && roles.length > 0) reportNoRole(file, roles[0]!.noRole!);
  return kept;
}

/** The links of the role's prose, with the position of each. */
function addLinks(raw: RawRole, links: readonly ProseLink[]): void {
  raw.data.links = links.map((link, index) => place(raw, ["links", index], link.position, { text: link.text, url: link.url }));
}

/**
 * A role that draws no ladder but lists three levels or more in order (headings, a table read top
 * to bottom, a list) gives that order as its ladder, as a reader takes it.
 */
function addLevelLadder(raw: RawRole): void {
  const levels = raw.data.levels ?? [];
  if ((raw.data.ladders?.length ?? 0) > 0 || levels.length < 3) return;
  raw.data.ladders = [place(raw, ["ladders", 0], raw.positions.get("levels.0"), levels.map((l) => l.name))];
}

/** A heading read as the known name it misspells: a warning at the heading, naming that name. */
function reportTypos(root: HeadingSection, file: VFile): void {
  for (const section of walkSections(root)) {
    const typo = section.position ? typoOf(section) : null;
    if (!typo) continue;
    report(
      file,
      "warning",
      "heading-typo",
      `Heading "${typo.written}" names no known part but is a letter or two from "${typo.known}", so it was read as that: did you mean "${typo.known}"? Correct the heading (or rename it) to silence this.`,
      section.position!,
      { actual: typo.written, expected: [typo.known] },
    );
  }
}
