/**
 * A role as its page shows it: the model's fields, plus every link, label and grouping computed.
 */
import type { Range, Role, Section, Source } from "../model/role.ts";
import { toSlug } from "../model/slug.ts";
import { compareText, plural, rangeLabel } from "./format.ts";
import { compareLevels, type LevelComparison } from "./levels-diff.ts";
import { titleUrl } from "./ladders.ts";
import { skillLinks, type RoleIndex, type SkillLink, type TitleLink } from "./links.ts";
import type { PlanView } from "./plans.ts";
import { groupRequirements, type RequirementGroup } from "./requirements.ts";
import { levelAnchor, levelsUrl, roleJsonUrl, roleUrl } from "./urls.ts";

export interface LevelView {
  name: string;
  slug: string;
  code: string | null;
  anchor: string;
  yearsLabel: string | null;
  groups: RequirementGroup[];
}

export interface GrowthView {
  from: string;
  to: string;
  /** The level on this page the step starts from or leads to, when it is one. */
  fromUrl: string | null;
  toUrl: string | null;
  steps: string[];
}

export interface RoleView {
  slug: string;
  title: string;
  summary: string | null;
  background: string | null;
  responsibilities: string[];
  url: string;
  levelsUrl: string;
  jsonUrl: string;
  /** The span of all its levels: "2+ years"; null when no level gives years. */
  years: Range | null;
  yearsLabel: string | null;
  /** "2 levels · 2 transition plans". */
  offers: string;
  skillGroups: { category: string; skills: SkillLink[] }[];
  levels: LevelView[];
  /** Each ladder's titles bottom up; `node` is the title on the progression page. */
  ladders: (TitleLink & { node: string })[][];
  alternativePaths: TitleLink[];
  growth: GrowthView[];
  /** `meta`: "9 months, 12–18 hours a week" (empty when the plan gives neither). */
  plans: { title: string; from: string; url: string; monthsLabel: string | null; hoursLabel: string | null; meta: string }[];
  sections: Section[];
  sources: Source[];
  comparison: LevelComparison;
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

/** Role-wide skills under their categories, categories in the order the author gave them. */
export function skillsByCategory(role: Role): { category: string; skills: SkillLink[] }[] {
  const groups = new Map<string, typeof role.skills>();
  for (const skill of role.skills) {
    const list = groups.get(skill.category) ?? [];
    list.push(skill);
    groups.set(skill.category, list);
  }
  return [...groups].map(([category, skills]) => ({ category, skills: skillLinks(skills) }));
}

function levelUrlFor(role: Role, name: string): string | null {
  const slug = toSlug(name.replace(/\s+level$/i, ""));
  const level = role.levels.find((l) => l.slug === slug);
  return level ? `#${levelAnchor(level.slug)}` : null;
}

export function buildRoleView(role: Role, index: RoleIndex, plans: readonly PlanView[]): RoleView {
  const years = yearsSpan(role);
  const offers = [plural(role.levels.length, "level"), plural(plans.length, "transition plan")];
  return {
    slug: role.slug,
    title: role.title,
    summary: role.summary,
    background: role.background,
    responsibilities: role.responsibilities,
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
      groups: groupRequirements(level.requirements),
    })),
    ladders: role.ladders.map((ladder) => ladder.map((title) => ({ ...index.link(title), node: titleUrl(title) }))),
    alternativePaths: role.alternativePaths.map((title) => index.link(title)),
    growth: role.growth.map((g) => ({ from: g.from, to: g.to, fromUrl: levelUrlFor(role, g.from), toUrl: levelUrlFor(role, g.to), steps: g.steps })),
    plans: plans.map((p) => ({
      title: p.title,
      from: p.from.title,
      url: p.url,
      monthsLabel: p.monthsLabel,
      hoursLabel: p.hoursLabel,
      meta: [p.monthsLabel, p.hoursLabel].filter(Boolean).join(", "),
    })),
    sections: role.sections,
    sources: [...role.sources].sort((a, b) => compareText(a.path, b.path)),
    comparison: compareLevels(role),
    model: role,
  };
}
