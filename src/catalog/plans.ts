/**
 * Transition plans as pages: phases by month, their topics as checklist items, the skills each phase
 * teaches, the hours the plan asks for, and, when the starting role is in the catalog, the gap.
 */
import type { Phase, Range, Role, Transition } from "../model/role.ts";
import { monthsLabel, plural, rangeLabel } from "./format.ts";
import { skillGap } from "./gaps.ts";
import { skillLink, skillLinks, type RoleIndex, type SkillLink, type TitleLink } from "./links.ts";
import { IdSet, stableId } from "./ids.ts";
import type { SkillMatcher } from "./match.ts";
import { levelAnchor, phaseAnchor, planUrl, roleUrl } from "./urls.ts";

/** Weeks in a month, on average: 52 weeks over 12 months. */
export const WEEKS_PER_MONTH = 52 / 12;

export interface PhaseView {
  /** Stable: made from the phase's title (see `ids.ts`), so it survives edits elsewhere in the plan. */
  id: string;
  number: number;
  anchor: string;
  url: string;
  start: number;
  end: number;
  months: number;
  /** "Months 1–3". */
  label: string;
  title: string;
  /** `id` is stable: made from the phase's title and the topic's text, not their places. */
  topics: { id: string; text: string }[];
  /** The known skills the phase's title or topics name. */
  skills: SkillLink[];
}

export interface GapView {
  /** The level of the target whose must-haves are compared. */
  level: { name: string; url: string } | null;
  have: SkillLink[];
  left: { skill: SkillLink; keySkill: boolean; phases: { label: string; url: string }[] }[];
}

export interface PlanView {
  /** "machine-learning-engineer/data-scientist". */
  id: string;
  slug: string;
  url: string;
  /** "From Data Scientist to Machine Learning Engineer". */
  title: string;
  role: { title: string; slug: string; url: string };
  from: TitleLink;
  /** The plan's length: as given, or the end of its last phase. */
  months: number | null;
  monthsLabel: string | null;
  hoursPerWeek: Range | null;
  /** "12–18 hours a week". */
  hoursLabel: string | null;
  weeks: number | null;
  /** hoursPerWeek × weeks, rounded. */
  totalHours: Range | null;
  /** "468–702 hours". */
  totalHoursLabel: string | null;
  phases: PhaseView[];
  /** How many topics the phases list in all. */
  topicCount: number;
  /** The name of the plan's downloaded calendar: "machine-learning-engineer-from-data-scientist.ics". */
  calendarFile: string;
  keySkills: SkillLink[];
  gap: GapView | null;
}

/**
 * The hours a plan asks for in all.
 * @param hoursPerWeek the weekly range
 * @param months the plan's length
 */
export function totalHours(hoursPerWeek: Range, months: number): Range {
  const weeks = months * WEEKS_PER_MONTH;
  return { min: Math.round(hoursPerWeek.min * weeks), max: hoursPerWeek.max === null ? null : Math.round(hoursPerWeek.max * weeks) };
}

/** The plan's length in months: as given, else the end of its last phase, else null. */
export function planMonths(transition: Transition): number | null {
  if (transition.months !== null) return transition.months;
  return transition.phases.length > 0 ? Math.max(...transition.phases.map((p) => p.end)) : null;
}

/** Every text of a phase that may name a skill: its title and its topics. */
export function phaseText(phase: Phase): string[] {
  return [phase.title, ...phase.topics];
}

/**
 * The indexes of the phases of `transition` that teach a skill, found by `matcher` in their title or topics.
 * @param skill the slug of the skill
 */
export function phasesTeaching(skill: string, transition: Transition, matcher: SkillMatcher): number[] {
  const found: number[] = [];
  transition.phases.forEach((phase, index) => {
    if (phaseText(phase).some((text) => matcher.find(text).includes(skill))) found.push(index);
  });
  return found;
}

/**
 * The plan pages of one role.
 * @param role the target role
 * @param index the catalog's roles, to find the starting role
 * @param matcher finds the catalog's skills in phase text
 * @param names the display name of every skill slug in the catalog
 */
export function buildPlans(role: Role, index: RoleIndex, matcher: SkillMatcher, names: ReadonlyMap<string, string>): PlanView[] {
  const used = new Set<string>();
  return role.transitions.map((transition) => {
    let slug = transition.slug;
    for (let n = 2; used.has(slug); n++) slug = `${transition.slug}-${n}`;
    used.add(slug);
    const url = planUrl(role.slug, slug);
    const months = planMonths(transition);
    const phaseIds = new IdSet();
    const topicIds = new IdSet();
    const phases: PhaseView[] = transition.phases.map((phase, i) => {
      const found = new Set<string>();
      for (const text of phaseText(phase)) for (const s of matcher.find(text)) found.add(s);
      return {
        id: phaseIds.claim(stableId(phase.title)),
        number: i + 1,
        anchor: phaseAnchor(i),
        url: `${url}#${phaseAnchor(i)}`,
        start: phase.start,
        end: phase.end,
        months: phase.end - phase.start + 1,
        label: monthsLabel(phase.start, phase.end),
        title: phase.title,
        topics: phase.topics.map((text) => ({ id: topicIds.claim(stableId(phase.title, text)), text })),
        skills: [...found].map((s) => skillLink({ slug: s, name: names.get(s) ?? s })),
      };
    });
    const keySkills = skillLinks(transition.keySkills);
    const fromRole = index.find(transition.from) ?? index.find(transition.slug);
    let gap: GapView | null = null;
    if (fromRole && fromRole.slug !== role.slug) {
      const found = skillGap(role, fromRole);
      gap = {
        level: found.level ? { name: found.level.name, url: `${roleUrl(role.slug)}#${levelAnchor(found.level.slug)}` } : null,
        have: skillLinks(found.have),
        left: found.left.map((s) => ({
          skill: skillLink(s),
          keySkill: keySkills.some((k) => k.slug === s.slug),
          phases: phases.filter((p) => p.skills.some((k) => k.slug === s.slug)).map((p) => ({ label: p.label, url: `#${p.anchor}` })),
        })),
      };
    }
    const total = transition.hoursPerWeek && months !== null ? totalHours(transition.hoursPerWeek, months) : null;
    return {
      id: `${role.slug}/${slug}`,
      slug,
      url,
      title: `From ${transition.from} to ${role.title}`,
      role: { title: role.title, slug: role.slug, url: roleUrl(role.slug) },
      from: { title: transition.from, url: fromRole ? roleUrl(fromRole.slug) : null },
      months,
      monthsLabel: months === null ? null : plural(months, "month"),
      hoursPerWeek: transition.hoursPerWeek,
      hoursLabel: transition.hoursPerWeek ? `${rangeLabel(transition.hoursPerWeek, "hour")} a week` : null,
      weeks: months === null ? null : Math.round(months * WEEKS_PER_MONTH),
      totalHours: total,
      totalHoursLabel: total ? rangeLabel(total, "hour") : null,
      phases,
      topicCount: phases.reduce((n, p) => n + p.topics.length, 0),
      calendarFile: `${role.slug}-from-${slug}.ics`,
      keySkills,
      gap,
    };
  });
}
