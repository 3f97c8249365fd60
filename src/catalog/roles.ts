/**
 * A role as its page shows it: the model's fields, plus every link, label and grouping computed.
 */
import type { Range, Role, Section } from "../model/role.ts";
import { toSlug } from "../model/slug.ts";
import { compareText, plural, rangeLabel } from "./format.ts";
import { outlineLevels, type LevelOutline } from "./levels-diff.ts";
import { titleUrl } from "./ladders.ts";
import { skillLinks, type RoleIndex, type SkillLink, type TitleLink } from "./links.ts";
import type { PlanProgress, PlanView } from "./plans.ts";
import { groupRequirements, type RequirementGroup } from "./requirements.ts";
import { sourceLinks, type SourceLinks } from "./sources.ts";
import { levelAnchor, levelsUrl, roleJsonUrl, roleUrl } from "./urls.ts";

export interface LevelView {
  name: string;
  slug: string;
  code: string | null;
  anchor: string;
  yearsLabel: string | null;
  groups: RequirementGroup[];
  /** The line that gave the level's experience, as written; null when none did. */
  experience: string | null;
  /** "12 requirements". */
  countLabel: string;
  /** Its line in the guides' repository ("suggest a change"); null without a repository or a known line. */
  editUrl: string | null;
}

/** A source file: its path relative to the input folder, and its page in the guides' repository when one is configured. */
export interface SourceView {
  path: string;
  url: string | null;
}

export interface GrowthView {
  from: string;
  to: string;
  /** "5 steps". */
  countLabel: string;
  /** The level on this page the step starts from or leads to, when it is one. */
  fromUrl: string | null;
  toUrl: string | null;
  steps: string[];
}

/** A role-wide skill with what the author wrote about it ("AWS/GCP" of "Cloud Platforms (AWS/GCP)"). */
export type SkillItem = SkillLink & { detail: string | null };

/** A category of role-wide skills. */
export interface SkillGroup {
  category: string;
  skills: SkillItem[];
  detailed: boolean;
  open: boolean;
  /** "12 skills". */
  countLabel: string;
}

/** Most skills a category shows unfolded, when none has a detail. */
export const OPEN_SKILLS = 12;

/** Most responsibilities shown unfolded. */
export const OPEN_RESPONSIBILITIES = 8;

/** A plan as the role page lists it. */
export interface PlanItem {
  title: string;
  from: string;
  to: TitleLink;
  url: string;
  monthsLabel: string | null;
  hoursLabel: string | null;
  /** "3-6 months, 12–18 hours a week" (empty when the plan gives neither). */
  meta: string;
  summary: string | null;
  /** "3 phases", "5 steps", "3 phases · 2 steps"; empty when the plan gives neither. */
  shape: string;
  /** How a list of this role's plans names it: "From Data Scientist", or its title when it leads to another role. */
  label: string;
  /** What the browser's progress line needs (`my-plan.njk`): kept in the role's own view, so its page reads nothing else. */
  progress: PlanProgress;
}


/** An entry of the page's table of contents: a section id and its heading, with the entries under it. */
export interface TocEntry {
  id: string;
  label: string;
  children: { id: string; label: string }[];
}

export interface RoleView {
  slug: string;
  title: string;
  summary: string | null;
  background: string | null;
  /** The summary's first paragraph, shown first; the rest (null when there is none) follows, folded. */
  lead: string | null;
  summaryRest: string | null;
  /** The same cut of the background. */
  backgroundLead: string | null;
  backgroundRest: string | null;
  responsibilities: string[];
  /** Whether the responsibilities are few enough to show unfolded. */
  responsibilitiesOpen: boolean;
  url: string;
  levelsUrl: string;
  jsonUrl: string;
  /** The span of all its levels: "2+ years"; null when no level gives years. */
  years: Range | null;
  yearsLabel: string | null;
  /** "2 levels · 2 transition plans". */
  offers: string;
  /** `detailed`: some skill has a detail (shown as a list, not as tags); `open`: short enough to show unfolded. */
  skillGroups: SkillGroup[];
  levels: LevelView[];
  /** Each ladder's titles bottom up; `node` is the title on the progression page. */
  ladders: (TitleLink & { node: string })[][];
  alternativePaths: TitleLink[];
  /** Whether the alternative paths are few and short enough to show unfolded. */
  alternativesOpen: boolean;
  growth: GrowthView[];
  plans: PlanItem[];
  /** `base`: the guide's page in its repository, against which the section's relative links resolve (null without a repository). */
  sections: (Section & { base: string | null })[];
  /** The page's sections in order, those it has only. */
  toc: TocEntry[];
  sources: SourceView[];
  /**
   * The level comparison's address and levels. Its table and steps are worked out when its page is
   * rendered (`compareLevels`, a function of `model`): held for every role at once, they were a third
   * of the catalog's memory.
   */
  comparison: LevelOutline;
  /** The role as the model gives it, for the JSON API. */
  model: Role;
}

/** The span from the lowest level's start to the highest level's end (open when any level is). */
export function yearsSpan(role: Role): Range | null {
  const ranges = role.levels.flatMap((l) => (l.years ? [l.years] : []));
  if (ranges.length === 0) return null;
  const min = Math.min(...ranges.map((r) => r.min));
  const max = ranges.some((r) => r.max === null) ? null : Math.max(...ranges.map((r) => r.max!));
  return { min, max };
}

/** Role-wide skills under their categories, categories in the order the author gave them; a skill given twice in a category once, with the first detail given. */
export function skillsByCategory(role: Role): SkillGroup[] {
  const groups = new Map<string, typeof role.skills>();
  for (const skill of role.skills) {
    const list = groups.get(skill.category) ?? [];
    list.push(skill);
    groups.set(skill.category, list);
  }
  return [...groups].map(([category, skills]) => {
    const items = skillLinks(skills).map((link) => ({ ...link, detail: skills.find((s) => s.slug === link.slug && s.detail)?.detail ?? null }));
    const detailed = items.some((s) => s.detail);
    return { category, skills: items, detailed, open: !detailed && items.length <= OPEN_SKILLS, countLabel: plural(items.length, "skill") };
  });
}

/** The table of contents of a role page: its sections in the page's order, the levels under theirs. */
function tableOfContents(role: Role, view: Pick<RoleView, "levels" | "plans" | "skillGroups" | "ladders" | "alternativePaths" | "growth" | "sections">): TocEntry[] {
  const entries: TocEntry[] = [];
  const add = (id: string, label: string, children: TocEntry["children"] = []) => entries.push({ id, label, children });
  if (role.responsibilities.length > 0 || role.background) add("about", "About the role");
  if (view.levels.length > 0) add("levels", "Levels", view.levels.map((l) => ({ id: l.anchor, label: l.name })));
  if (view.plans.length > 0) add("plans", "Transition plans");
  if (view.skillGroups.length > 0) add("skills", "Skills");
  if (view.ladders.length > 0 || view.alternativePaths.length > 0 || view.growth.length > 0) add("ladders", "Ladders and growth");
  if (view.sections.length > 0) add("more", "More from the guides");
  add("sources", "Sources");
  return entries;
}

/** Prose cut after its first paragraph: the rest (null when there is none) is shown folded. */
export function splitProse(text: string | null): { first: string | null; rest: string | null } {
  if (!text) return { first: null, rest: null };
  const [first, ...rest] = text.split(/\n\s*\n/);
  const more = rest.join("\n\n").trim();
  return { first: first!.trim(), rest: more || null };
}

/** Most alternative paths shown unfolded, and the longest each may be. */
const OPEN_PATHS = { count: 6, length: 80 };

function planShape(plan: PlanView): string {
  const parts: string[] = [];
  if (plan.phases.length > 0) parts.push(plural(plan.phases.length, "phase"));
  if (plan.steps.length > 0) parts.push(plural(plan.steps.length, "step"));
  return parts.join(" · ");
}

function levelUrlFor(role: Role, name: string): string | null {
  const slug = toSlug(name.replace(/\s+level$/i, ""));
  const level = role.levels.find((l) => l.slug === slug);
  return level ? `#${levelAnchor(level.slug)}` : null;
}

export function buildRoleView(role: Role, index: RoleIndex, plans: readonly PlanView[], links: SourceLinks = sourceLinks(null)): RoleView {
  const years = yearsSpan(role);
  const offers = [plural(role.levels.length, "level"), plural(plans.length, "transition plan")];
  const view: Omit<RoleView, "toc"> = {
    slug: role.slug,
    title: role.title,
    summary: role.summary,
    background: role.background,
    lead: splitProse(role.summary).first,
    summaryRest: splitProse(role.summary).rest,
    backgroundLead: splitProse(role.background).first,
    backgroundRest: splitProse(role.background).rest,
    responsibilities: role.responsibilities,
    responsibilitiesOpen: role.responsibilities.length <= OPEN_RESPONSIBILITIES,
    url: roleUrl(role.slug),
    levelsUrl: levelsUrl(role.slug),
    jsonUrl: roleJsonUrl(role.slug),
    years,
    yearsLabel: years ? rangeLabel(years, "year") : null,
    offers: offers.join(" · "),
    skillGroups: skillsByCategory(role),
    levels: role.levels.map((level) => ({
      name: level.name,
      slug: level.slug,
      code: level.code,
      anchor: levelAnchor(level.slug),
      yearsLabel: level.years ? rangeLabel(level.years, "year") : null,
      groups: groupRequirements(level.requirements, links),
      editUrl: links.line(level.origin),
      experience: level.experience ?? null,
      countLabel: plural(level.requirements.length, "requirement"),
    })),
    ladders: role.ladders.map((ladder) => ladder.map((title) => ({ ...index.link(title), node: titleUrl(title) }))),
    alternativePaths: role.alternativePaths.map((title) => index.link(title)),
    alternativesOpen: role.alternativePaths.length <= OPEN_PATHS.count && role.alternativePaths.every((p) => p.length <= OPEN_PATHS.length),
    growth: role.growth.map((g) => ({ from: g.from, to: g.to, countLabel: plural(g.steps.length, "step"), fromUrl: levelUrlFor(role, g.from), toUrl: levelUrlFor(role, g.to), steps: g.steps })),
    plans: plans.map((p) => ({
      title: p.title,
      from: p.from.title,
      to: p.to,
      url: p.url,
      monthsLabel: p.monthsLabel,
      hoursLabel: p.hoursLabel,
      meta: [p.lengthLabel, p.hoursLabel].filter(Boolean).join(", "),
      summary: p.summary,
      shape: planShape(p),
      label: p.to.url === roleUrl(role.slug) ? `From ${p.from.title}` : p.title,
      progress: p.progress,
    })),
    sections: role.sections.map((s) => ({ ...s, base: links.file(s.source) })),
    sources: [...role.sources].sort((a, b) => compareText(a.path, b.path)).map((s) => ({ path: s.path, url: links.file(s.path) })),
    comparison: outlineLevels(role),
    model: role,
  };
  return { ...view, toc: tableOfContents(role, view) };
}
