/**
 * The roles a file describes, planned before any is read: one titled by its first H1 (or its one
 * top heading, front matter, or the file name; a title of framing words alone gives way to the
 * field its opening text names); one per section that holds parts of a role ("## 1. Data
 * Analyst", "## 2. Data Engineer"); one per heading that names a job over prose ("## Développeur
 * Frontend"); one per track of an index whose tracks list their levels' pages; or one whose top
 * headings are its levels written in full ("# OSPO Engineer I" … "# Distinguished OSPO Engineer"),
 * titled by what they share.
 */
import type { List, RootContent } from "mdast";
import type { VFile } from "vfile";
import { toString } from "mdast-util-to-string";
import { report } from "../model/diagnostics.ts";
import { isStageHeading } from "./classify.ts";
import { frontMatterTitle } from "./front-matter.ts";
import { sectionConcept } from "./heading-names.ts";
import { isTier, levelRun, looksLikeLevel } from "./level-names.ts";
import { htmlReadableText } from "./html.ts";
import { jobSections, pageList } from "./job-titles.ts";
import { isTemplateExpression } from "./markup.ts";
import { cleanHeading, conceptOf, normalizeName, TITLE_FRAMING, type Concept } from "./names.ts";
import { yearStage } from "./numbers.ts";
import { virtualSection, walkSections, type HeadingSection } from "./sections.ts";

/** The parts whose headings make a section a role of its own when two or more stand under it. */
const ROLE_PARTS = new Set<Concept>(["overview", "responsibilities", "skills", "background", "progression", "levels", "growth", "transitions", "alternatives"]);

/** Sibling headings that are the levels of one role written in full ("OSPO Engineer I", "Senior OSPO Engineer"), with that role's title. */
export function runOfLevels(sections: readonly HeadingSection[]): { title: string; sections: Set<HeadingSection> } | null {
  if (sections.length < 3) return null;
  const candidates = sections.filter((s) => !s.pseudo && !sectionConcept(s));
  const run = candidates.length < 3 ? null : levelRun(candidates.map((s) => s.title));
  const levels = run ? run.levels.map((i) => candidates[i]!).filter((s) => !isStageHeading(s.title)) : [];
  return run && levels.length >= 3 ? { title: run.title, sections: new Set(levels) } : null;
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
  // "Tech Lead - Engineering": the department a framework files the role under, not the role.
  const department = / [-–—] (?:engineering|product|design|operations)$/iu.exec(title);
  if (department && /\p{L}/u.test(title.slice(0, department.index))) title = title.slice(0, department.index);
  return title || cleanHeading(text);
}

/** Whether a heading is only words that frame a title ("Career Progression Guide", "Career Ladder"). */
function isFramingOnly(text: string): boolean {
  const key = normalizeName(text);
  return TITLE_FRAMING.some((f) => normalizeName(f) === key);
}

/** "…career paths in Platform Engineering, SRE, and DevOps…": the field named after "careers in", "roles in", "growth as". */
const SUBJECT = /\b(?:careers?|career paths?|career progression|progression|growth|roles?|jobs?) (?:in|for|as) (?:an? |the )?(\p{Lu}[\p{L}\p{N}&+-]*(?: \p{Lu}[\p{L}\p{N}&+-]*){0,3})/u;

/** The field the first text of a guide (a paragraph, or text in HTML) says it is about, or null. */
function subjectOf(blocks: readonly RootContent[]): string | null {
  for (const block of blocks) {
    const text = block.type === "paragraph" ? toString(block) : block.type === "html" ? htmlReadableText(block.value) : "";
    if (text.trim()) return SUBJECT.exec(text.replace(/\s+/g, " "))?.[1] ?? null;
  }
  return null;
}

function fileTitle(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.[^.]+$/, "").replace(/^\d+[-_. ]+/, "").replace(/[-_]+/g, " ").replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()).trim();
}

/** One role a file describes: where its title stands, the text under it and its own sections. */
export interface RolePlan {
  title: string;
  titleSection: HeadingSection | null;
  intro: HeadingSection;
  tops: HeadingSection[];
  /** Whether the role is described in prose only (a page of jobs, one heading each): its skills are those its prose names. */
  prose?: boolean;
  /** A track's list of its levels' pages, which names its levels (see `pageList`). */
  pages?: List;
  /** What belongs to no role of a file with several (its title, text before the roles, other sections): kept unplaced in the first. */
  rest: { sections: HeadingSection[]; blocks: RootContent[]; heading: HeadingSection | null };
}

const NO_REST: RolePlan["rest"] = { sections: [], blocks: [], heading: null };

function partCount(section: HeadingSection): number {
  return section.children.filter((c) => {
    const concept = sectionConcept(c);
    return concept !== null && ROLE_PARTS.has(concept);
  }).length;
}

function isRoleSection(section: HeadingSection): boolean {
  return !section.pseudo && !sectionConcept(section) && !looksLikeLevel(section.title) && !yearStage(section.title) && partCount(section) >= 2;
}

/** The heading that titles a file with one role: its first H1, else its one top heading when that comes first. */
function titleSectionOf(root: HeadingSection): HeadingSection | null {
  // "# {{page.title}}" is the generator's: the title is then the front matter's.
  const h1s = root.children.filter((s) => s.depth === 1 && !isTemplateExpression(s.title));
  // H1s that are levels ("# 1Y 基础 8-10k", "# 2-3Y …") are the role's levels, none its title.
  const levels = h1s.filter((s) => looksLikeLevel(s.title));
  const h1 = h1s[0];
  if (h1 && !(levels.length >= 2 && levels.includes(h1))) return h1;
  const [first] = root.children;
  if (!first) return null;
  const top = Math.min(...root.children.map((s) => s.depth));
  const atTop = root.children.filter((s) => s.depth === top);
  if (first.depth <= 2 && atTop.length === 1 && atTop[0] === first && !sectionConcept(first) && !looksLikeLevel(first.title) && !isTemplateExpression(first.title)) return first;
  return null;
}

/** One role per section of `roles`, among the siblings `list`; what is no role's is the first's to keep unplaced. */
function rolePlans(roles: readonly HeadingSection[], list: readonly HeadingSection[], root: HeadingSection, titleSection: HeadingSection | null): RolePlan[] {
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

export function planRoles(root: HeadingSection, file: VFile): RolePlan[] {
  const titleSection = titleSectionOf(root);
  // Several roles: two or more sibling sections that each hold parts of a role, at the top or under the one title.
  const lists = [root.children, titleSection?.children ?? []];
  for (const list of lists) {
    const roles = list.filter(isRoleSection);
    if (roles.length >= 2) return rolePlans(roles, list, root, titleSection);
  }
  // A page of jobs, one heading a job described in prose ("## Développeur Frontend", "## Data Scientist"): a role each.
  for (const list of lists) {
    const jobs = jobSections(list, root);
    if (jobs) return rolePlans(jobs, list, root, titleSection).map((plan) => ({ ...plan, prose: true }));
  }
  // Top headings that are all levels of one role ("# OSPO Engineer I" … "# Distinguished OSPO Engineer"): that role, titled by what they share.
  const top = runOfLevels(root.children);
  const firstTop = root.children.find((s) => !s.pseudo);
  if (top && firstTop && top.sections.has(firstTop)) {
    return [{ title: top.title, titleSection: null, intro: virtualSection("", [...root.blocks], null), tops: root.children, rest: NO_REST }];
  }
  const all = root.children.flatMap((s) => (s === titleSection ? s.children : [s]));
  // An index of tracks, each a job over its levels' pages ("### Developers", "### Managers"): the first is the file's role, the others roles of their own.
  const tracks = all.filter((s) => pageList(s) !== null);
  const pageTracks = tracks.length >= 2 ? tracks.slice(1) : [];
  const tops = all.filter((s) => !pageTracks.includes(s));
  const intro = virtualSection("", [...root.blocks, ...(titleSection?.blocks ?? [])], null);
  const plan = { titleSection, intro, tops, rest: NO_REST };
  const track = managerTrack(tops);
  const others: RolePlan[] = pageTracks.map((t) => ({ title: roleTitle(t.title), titleSection: t, intro: virtualSection("", [], null), tops: [t], rest: NO_REST, pages: pageList(t)! }));
  const withTrack = (main: RolePlan): RolePlan[] => [main, ...(track ? [track] : []), ...others];
  // "# Career Progression Guide" names no role: the opening text may name the field it is about.
  const subject = titleSection && isFramingOnly(titleSection.title) ? subjectOf(intro.blocks) : null;
  if (subject) return withTrack({ ...plan, title: subject });
  if (titleSection && roleTitle(titleSection.title)) return withTrack({ ...plan, title: roleTitle(titleSection.title) });
  const fromMatter = frontMatterTitle(file);
  if (fromMatter) return withTrack({ ...plan, title: roleTitle(fromMatter), titleSection: null });
  if (pageTracks.length > 0) return withTrack({ ...plan, title: roleTitle(tracks[0]!.title), titleSection: null });
  const title = fileTitle(file.path);
  report(file, "title-from-filename", { title }, { line: 1, column: 1 });
  return withTrack({ ...plan, title, titleSection: null });
}

/** A tier of levels that opens a management track: "### Management Level", "### Leadership Track", "### Gestão". */
const MANAGER_TIER = /^(?:management|manager|managers|people management|leadership|gestão|gestion|gestión|liderança|liderazgo|관리|管理)\b/iu;

/**
 * An IC and a management track in one levels section ("### Specialized Level" then "### Management
 * Level", "### Executive Level", each over bold-line levels): the tiers from the first management
 * one on are a role of their own, titled by that tier, and leave the first role's levels section.
 */
function managerTrack(tops: readonly HeadingSection[]): RolePlan | null {
  for (const top of tops) {
    for (const section of walkSections(top)) {
      if (sectionConcept(section) !== "levels") continue;
      const tiers = section.children.filter(isTier);
      const first = tiers.findIndex((t) => MANAGER_TIER.test(t.title));
      // Both tracks have tiers of their own, or this is one track of managers.
      if (first <= 0) continue;
      const track = section.children.slice(section.children.indexOf(tiers[first]!)).filter(isTier);
      section.children = section.children.filter((c) => !track.includes(c));
      const title = roleTitle(tiers[first]!.title);
      return { title, titleSection: tiers[first]!, intro: virtualSection("", [], null), tops: [virtualSection("Levels", [], null, track)], rest: NO_REST };
    }
  }
  return null;
}

