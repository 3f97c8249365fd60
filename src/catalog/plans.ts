/**
 * Transition plans as pages: phases by month, their topics as checklist items, the skills each phase
 * teaches, the hours the plan asks for, and, when the starting role is in the catalog, the gap.
 */
import type { Phase, Range, Role, Transition } from "../model/role.ts";
import { plural, rangeLabel } from "./format.ts";
import { skillGap } from "./gaps.ts";
import { skillLink, skillLinks, type RoleIndex, type SkillLink, type TitleLink } from "./links.ts";
import { IdSet, stableId, topicIds } from "./ids.ts";
import type { SkillMatcher } from "./match.ts";
import { sourceLinks, type SourceLinks } from "./sources.ts";
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
  /** How many of the plan's units the phase lasts. */
  months: number;
  /** "Months 1–3", "Weeks 1–2", "Year 3": in the plan's unit. */
  label: string;
  title: string;
  /** `id` is stable: made from the plan's id and the topic's text (see `topicIds`); `legacyId` is the id older releases saved ticks under. */
  topics: { id: string; legacyId: string; text: string }[];
  /** The known skills the phase's title or topics name. */
  skills: SkillLink[];
  /** Its line in the guides' repository ("suggest a change"); null without a repository or a known line. */
  editUrl: string | null;
}

export interface GapView {
  /** The level of the target whose must-haves are compared. */
  level: { name: string; url: string } | null;
  have: SkillLink[];
  left: { skill: SkillLink; keySkill: boolean; phases: { label: string; url: string }[] }[];
}

/** A plan's id and its topics' ids (and the ids they had before topic ids stopped depending on the phase title), space-separated as a page's data attributes hold them. */
export interface PlanProgress {
  id: string;
  topicIds: string;
  legacyIds: string;
}

export interface PlanView {
  /** "machine-learning-engineer/data-scientist". */
  id: string;
  /** What the browser's progress line needs (`my-plan.njk`); the role's page carries a copy in its own view. */
  progress: PlanProgress;
  slug: string;
  url: string;
  /** "From Data Scientist to Machine Learning Engineer", or to the role the plan names ("From Developer to DevOps"). */
  title: string;
  /** The role whose guide gives the plan. */
  role: { title: string; slug: string; url: string };
  from: TitleLink;
  /** Where the plan leads: the role it names (linked when it is in the catalog), else the guide's role. */
  to: TitleLink;
  /** What the author says about the move, as written. */
  summary: string | null;
  /** Steps given without dates, in order. */
  steps: string[];
  /** What the phases count: "month", "week" or "year". */
  unit: Transition["unit"];
  /** The plan's length in months: as given, or the end of its last phase. */
  months: number | null;
  monthsLabel: string | null;
  /** The length as the author wrote it ("3-6 months", "9-month plan"), else `monthsLabel`. */
  lengthLabel: string | null;
  /** "Phases by month", "Phases by week", "Phases by year". */
  phasesCaption: string;
  /** The phase table's column of dates: "Months", "Weeks" or "Years". */
  unitHeading: string;
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

/** The plan's length in months: as given, else the end of its last phase (in months), else null. */
export function planMonths(transition: Transition): number | null {
  if (transition.months !== null) return transition.months;
  if (transition.phases.length === 0) return null;
  const end = Math.max(...transition.phases.map((p) => p.end));
  return transition.unit === "week" ? Math.ceil(end / WEEKS_PER_MONTH) : transition.unit === "year" ? end * 12 : end;
}

const UNIT_NAMES = { month: ["Month", "Months"], week: ["Week", "Weeks"], year: ["Year", "Years"] } as const;

/** "6 weeks", "2 years": the length of a plan counted in weeks or years and given by its phases alone; null otherwise. */
function lengthInUnit(transition: Transition): string | null {
  if (transition.unit === "month" || transition.months !== null || transition.phases.length === 0) return null;
  return plural(Math.max(...transition.phases.map((p) => p.end)), transition.unit);
}

/** "Month 3", "Months 1–3", "Weeks 1–2", "Year 2". */
export function phaseLabel(unit: Transition["unit"], start: number, end: number): string {
  const [one, many] = UNIT_NAMES[unit];
  return start === end ? `${one} ${start}` : `${many} ${start}–${end}`;
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
 * @param links the links into the guides' repository
 */
export function buildPlans(role: Role, index: RoleIndex, matcher: SkillMatcher, names: ReadonlyMap<string, string>, links: SourceLinks = sourceLinks(null)): PlanView[] {
  const used = new Set<string>();
  return role.transitions.map((transition) => {
    let slug = transition.slug;
    for (let n = 2; used.has(slug); n++) slug = `${transition.slug}-${n}`;
    used.add(slug);
    const url = planUrl(role.slug, slug);
    const months = planMonths(transition);
    const phaseIds = new IdSet();
    const planId = `${role.slug}/${slug}`;
    const ids = topicIds(planId, transition.phases);
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
        label: phaseLabel(transition.unit, phase.start, phase.end),
        title: phase.title,
        topics: phase.topics.map((text, t) => ({ ...ids[i]![t]!, text })),
        skills: [...found].map((s) => skillLink({ slug: s, name: names.get(s) ?? s })),
        editUrl: links.line(phase.origin),
      };
    });
    const keySkills = skillLinks(transition.keySkills);
    const fromRole = index.find(transition.from) ?? index.find(transition.slug);
    // A plan into another role ("From SysAdmin to SRE" in a platform guide) is measured against that role, when the catalog has it.
    const target = transition.to === null ? role : index.find(transition.to);
    let gap: GapView | null = null;
    if (fromRole && target && fromRole.slug !== target.slug) {
      const found = skillGap(target, fromRole);
      gap = {
        level: found.level ? { name: found.level.name, url: `${roleUrl(target.slug)}#${levelAnchor(found.level.slug)}` } : null,
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
      id: planId,
      slug,
      url,
      title: `From ${transition.from} to ${transition.to ?? role.title}`,
      role: { title: role.title, slug: role.slug, url: roleUrl(role.slug) },
      from: { title: transition.from, url: fromRole ? roleUrl(fromRole.slug) : null },
      to: transition.to === null ? { title: role.title, url: roleUrl(role.slug) } : { title: transition.to, url: target ? roleUrl(target.slug) : null },
      summary: transition.summary,
      steps: transition.steps,
      unit: transition.unit,
      months,
      monthsLabel: months === null ? null : plural(months, "month"),
      lengthLabel: transition.duration?.trim() || lengthInUnit(transition) || (months === null ? null : plural(months, "month")),
      phasesCaption: `Phases by ${transition.unit}`,
      unitHeading: UNIT_NAMES[transition.unit][1],
      hoursPerWeek: transition.hoursPerWeek,
      hoursLabel: transition.hoursPerWeek ? `${rangeLabel(transition.hoursPerWeek, "hour")} a week` : null,
      weeks: months === null ? null : Math.round(months * WEEKS_PER_MONTH),
      totalHours: total,
      totalHoursLabel: total ? rangeLabel(total, "hour") : null,
      phases,
      topicCount: phases.reduce((n, p) => n + p.topics.length, 0),
      progress: {
        id: planId,
        topicIds: phases.flatMap((p) => p.topics.map((t) => t.id)).join(" "),
        legacyIds: phases.flatMap((p) => p.topics.map((t) => t.legacyId)).join(" "),
      },
      calendarFile: `${role.slug}-from-${slug}.ics`,
      keySkills,
      gap,
    };
  });
}
