/**
 * mdast → RawRole[]. The roles a file describes are planned first (`roles.ts`: one titled by its
 * first H1, one per section holding parts of a role or naming a job, or one whose top headings are
 * its levels); each section is then read by the part its heading names (`heading-names.ts`, the
 * classifier's heading half: known names, bilingual halves, misspellings), runs of level headings
 * become levels.
 * Every reader is a pure function of its section (`out.ts`); this dispatcher reads in place the
 * sub-sections a reader leaves to it, and `assemble.ts` builds the role from the results, keeping
 * what none placed as unplaced. A file whose only part is its opening text and that reads as a page
 * about roles gives none (`no-role.ts`).
 */
import type { Root, RootContent } from "mdast";
import type { Position } from "unist";
import type { VFile } from "vfile";
import { report } from "../model/diagnostics.ts";
import { toSlug } from "../model/slug.ts";
import { emptyRole, place, type RawRole } from "../model/raw-role.ts";
import { assemble } from "./assemble.ts";
import { readBlocks } from "./blocks.ts";
import { hoistFromLists, inOrder } from "./entries.ts";
import { frontMatterSummary, readFrontMatterLevels, reportUnreadFrontMatter } from "./front-matter.ts";
import { levelsOfSteps, readGrowth } from "./growth.ts";
import { isLevelTitle, levelGroupHeading, levelListOf, levelSections, parseLevelName } from "./level-names.ts";
import { readLevel, readLevelGroup, readLevels, readPageGroup } from "./requirements.ts";
import { readStage, readStages } from "./stages.ts";
import { proseLinks, type ProseLink } from "./links.ts";
import { isDirectiveBlock, isMarkupBlock } from "./markup.ts";
import { hasParts, namesNoJob, readsAsNoRole, reportNoRole } from "./no-role.ts";
import { Out, type LevelValue, type ReadEnv, type Result } from "./out.ts";
import { planRoles, runOfLevels } from "./roles.ts";
import { sectionConcept, typoOf } from "./heading-names.ts";
import { isStructuralText, type Concept } from "./names.ts";
import { readBackground, readOverview, readResponsibilities } from "./overview.ts";
import { readAlternatives, readProgression } from "./progression.ts";
import { sectionTree, virtualSection, walkSections, type HeadingSection } from "./sections.ts";
import { readPageList } from "./job-titles.ts";
import { readProse } from "./prose.ts";
import { readSkills } from "./skills.ts";
import { readStandalonePlan, readTransitions } from "./transitions.ts";
import { addChain, placeEntry } from "./values.ts";

export type { RawRole } from "../model/raw-role.ts";
export { roleTitle } from "./roles.ts";

type Reader = (section: HeadingSection, env: ReadEnv) => Result;

const SECTION_READERS: Partial<Record<Concept, Reader>> = {
  overview: readOverview,
  responsibilities: readResponsibilities,
  skills: (section, env) => readSkills(section, env),
  keySkills: (section, env) => readSkills(section, env),
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
function readSection(section: HeadingSection, env: ReadEnv): Result {
  const concept = sectionConcept(section);
  const reader = concept ? SECTION_READERS[concept] : undefined;
  if (reader) return reader(section, env);
  const named = levelGroupHeading(section.title);
  if (named) return readLevelGroup(section, named, env);
  if (env.pageLevel !== null && !section.pseudo) return readPageGroup(section, env.pageLevel, env);
  const out = new Out();
  inOrder(readLevelLists(section, out), (others) => out.merge(readBlocks(section, others, env)), (entry) => {
    if (placeEntry(section, entry, out)) return;
    if (addChain(entry, out)) return;
    out.keepEntries(section, [entry]);
  });
  out.readChildren(section);
  // A heading over text that was all placed elsewhere (or over nothing) is still the author's: keep it.
  if (section.position && !isStructuralText(section.title)) out.keepHeading(section, { unlessKept: true, unlessUsed: true });
  return out.result();
}

/**
 * Reads the lists of a section that are a role's levels, one title an item; a list of links keeps
 * its targets, as written, unplaced. Returns the other blocks.
 */
function readLevelLists(section: HeadingSection, out: Out): RootContent[] {
  const rest: RootContent[] = [];
  for (const block of section.blocks) {
    const list = block.type === "list" ? levelListOf(block) : null;
    if (!list) {
      rest.push(block);
      continue;
    }
    for (const { name, position } of list.names) out.level(name, position);
    if (list.linked) out.keepBlocks(section, [block]);
  }
  return rest;
}

/** Sibling sections: a run of level headings are levels, roadmap stages wait for their level, the rest by heading. */
function readList(sections: readonly HeadingSection[], env: ReadEnv): Result {
  const out = new Out();
  // On a page about one level, its sub-headings are that level's groups, never levels of their own.
  const levels = env.pageLevel !== null ? new Set<HeadingSection>() : new Set([...levelSections(sections), ...(runOfLevels(sections)?.sections ?? [])]);
  for (const child of sections) {
    // Each child read whole, its sub-sections in place, before the next.
    if (levels.has(child)) out.merge(expand(readLevel(child, env), env));
    else out.merge(expand((!sectionConcept(child) && (readStage(child, env) ?? readStandalonePlan(child, env))) || readSection(child, env), env));
  }
  return out.result();
}

/**
 * A section's result with the sub-sections its reader left to the dispatcher read in place: their
 * values where the reader left them, their leftovers where it left the section; a finding that
 * holds unless the section names a new level gets the levels it names.
 */
function expand(result: Result, env: ReadEnv): Result {
  if (!result.leftovers.some((l) => l.kind === "section")) return withLevels(result);
  const values: Result["values"] = [];
  const leftovers: Result["leftovers"] = [];
  const diagnostics = [...result.diagnostics];
  let next = 0;
  for (const left of result.leftovers) {
    if (left.kind !== "section") {
      leftovers.push(left);
      continue;
    }
    const read = expand(left.childrenOnly ? readList(left.section.children, env) : readSection(left.section, env), env);
    for (; next < left.at; next++) values.push(result.values[next]!);
    values.push(...read.values);
    leftovers.push(...read.leftovers);
    diagnostics.push(...read.diagnostics);
  }
  for (; next < result.values.length; next++) values.push(result.values[next]!);
  return withLevels({ values, leftovers, diagnostics });
}

function withLevels(result: Result): Result {
  if (!result.diagnostics.some((d) => d.unlessNewLevel === "section")) return result;
  const levels = result.values.filter((v) => v.kind === "level");
  return { ...result, diagnostics: result.diagnostics.map((d) => (d.unlessNewLevel === "section" ? { ...d, unlessNewLevel: levels } : d)) };
}

/** A whole section tree left over, heading lines included. */
function keepAll(section: HeadingSection, out: Out): void {
  for (const s of walkSections(section)) {
    out.keepHeading(s);
    out.keepBlocks(s, s.blocks);
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
    const tops = new Set([plan.intro, ...plan.tops, ...plan.rest.sections]);
    const results: Result[] = [];
    if (index === 0) results.push(readFrontMatterLevels(file));
    // A page about one level ("# L3", "# Senior II Engineer") that gives no levels otherwise: that level, its sections that name no part its groups.
    let pageLevel: LevelValue | null = null;
    if (plans.length === 1 && !results.some((r) => r.values.some((v) => v.kind === "level")) && isLevelTitle(plan.title)) {
      pageLevel = { kind: "level", text: plan.title, position: start, heading: true };
      results.push({ values: [pageLevel], leftovers: [], diagnostics: [] });
    }
    const env: ReadEnv = { text, title: plan.title, position: start, tops, pageLevel };
    results.push(expand(readOverview(plan.intro, env), env));
    if (plan.prose) results.push(readProse(plan.intro));
    if (plan.pages) results.push(readPageList(plan.pages));
    const body = expand(readList(plan.tops, env), env);
    const untouched = !body.values.some((v) => v.kind === "summary");
    results.push(body);
    const rest = new Out();
    const { heading, blocks, sections } = plan.rest;
    if (heading) rest.keepHeading(heading);
    rest.keepBlocks(heading ?? virtualSection("", [], null), blocks);
    for (const section of sections) keepAll(section, rest);
    results.push(rest.result());
    const complete = (raw: RawRole) => {
      addStepLevels(raw);
      addLevelLadder(raw);
      // A file with no link syntax has no links to walk its prose for.
      if (mayLink) addLinks(raw, proseLinks([plan.intro, ...plan.tops, ...plan.rest.sections], plan.rest.blocks));
      if (plans.length === 1 && !raw.data.summary) {
        const summary = frontMatterSummary(file);
        if (summary) raw.data.summary = place(raw, ["summary"], start, summary);
      }
      // One of several roles was planned as a role by its heading.
      if (plans.length > 1) return null;
      // Opening text (or a front matter summary) and nothing else: maybe a page about roles.
      if (untouched) return raw.data.summary && !hasParts(raw) ? readsAsNoRole(plan, file) : null;
      // A "Summary" section and nothing else, under a title that names no job: a curriculum, a story.
      return namesNoJob(raw, plan);
    };
    const noRole = assemble({ raw, file, text, tops, results, stages: (stages, levels) => expand(readStages(stages, levels, env), env), complete });
    return { raw, noRole };
  });
  reportUnreadFrontMatter(file);
  // A page whose only part is its opening text (an essay, an FAQ, a quoted guide) describes no role.
  const kept = roles.filter((r) => r.noRole === null).map((r) => r.raw);
  if (kept.length === 0 && roles.length > 0) reportNoRole(file, roles[0]!.noRole!);
  if (kept.length > 0) keepDirectives(kept[0]!, tree, text, file);
  return kept;
}

/**
 * Keeps a generator's directives ("{{% include "x" %}}", ":::tip", "{% raw %}") as one unplaced
 * section of the file's first role, with a `generator-markup` info at the first: they are never a
 * title or a summary, and never vanish either.
 */
function keepDirectives(raw: RawRole, tree: Root, text: string, file: VFile): void {
  const blocks = tree.children.filter(isDirectiveBlock);
  const first = blocks[0]?.position;
  if (!first) return;
  const written = blocks.flatMap((b) => (b.position?.start.offset !== undefined && b.position.end.offset !== undefined ? [text.slice(b.position.start.offset, b.position.end.offset)] : []));
  const index = raw.data.sections!.length;
  raw.data.sections!.push({ heading: "Site generator markup", text: written.join("\n\n"), source: file.path });
  raw.positions.set(`sections.${index}`, first);
  report(file, "generator-markup", { blocks: blocks.length, line: first.start.line }, first);
}

/** The links of the role's prose, with the position of each. */
function addLinks(raw: RawRole, links: readonly ProseLink[]): void {
  raw.data.links = links.map((link, index) => place(raw, ["links", index], link.position, { text: link.text, url: link.url }));
}

/**
 * A role that names no level and draws no ladder, but whose growth steps go between levels
 * ("Senior → Staff", a "Current Level | Next" table): those are its levels, and the steps' chains its ladders.
 */
function addStepLevels(raw: RawRole): void {
  const growth = raw.data.growth ?? [];
  if ((raw.data.levels?.length ?? 0) > 0 || (raw.data.ladders?.length ?? 0) > 0 || growth.length === 0) return;
  const found = levelsOfSteps(growth);
  if (!found) return;
  const position = (name: string) => raw.positions.get(`growth.${growth.findIndex((g) => g.from === name || g.to === name)}`);
  raw.data.levels = found.levels.map((text, index) => {
    const { name, code } = parseLevelName(text);
    place(raw, ["levels", index, "years"], position(text), null);
    return place(raw, ["levels", index], position(text), { name, slug: toSlug(name) || toSlug(code ?? "") || `level-${index + 1}`, code, years: null, requirements: [] });
  });
  raw.data.ladders = found.ladders.map((titles, index) => place(raw, ["ladders", index], position(titles[0]!), titles));
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
    report(file, "heading-typo", { written: typo.written, known: typo.known }, section.position!);
  }
}
