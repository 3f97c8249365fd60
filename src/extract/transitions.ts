/**
 * Transition plans into the role: "### From Data Scientist (9-month plan)" followed by phases
 * ("**Months 1-3**: Title" and "•" topic lines; also "Month 1 –", "Weeks 1–3", "Year 1-2", "第1-3个月"),
 * "**Key Skills**: ...", "**Time Commitment**: 12-18 hours/week". A plan with no phases lists its
 * steps ("### From Developer to DevOps" then "1. Learn infrastructure basics"). A plan may lead to
 * another role than the guide's ("From SysAdmin to SRE"). Plans may also be one line of prose:
 * "**From Data Scientist to ML Engineer:** Shift focus from experimentation to production". A
 * section about moving *out* of the role ("From Machine Learning Engineer to other roles") lists
 * alternative paths, not plans.
 */
import type { Position } from "unist";
import { toSlug } from "../model/slug.ts";
import { readBlocks } from "./blocks.ts";
import { entriesOf, flatten, type Entry } from "./entries.ts";
import { conceptOf } from "./names.ts";
import { findHoursPerWeek, findMonths, phaseInMonths, phaseRange } from "./numbers.ts";
import { Out, type ReadEnv, type Result, type TransitionInput } from "./out.ts";
import { readAlternatives } from "./progression.ts";
import type { HeadingSection } from "./sections.ts";
import { skillRefsAsWritten } from "./skill-names.ts";
import { addPath } from "./values.ts";

/** A plan being read, and where its parts stand, by their path inside it. */
interface Draft {
  plan: TransitionInput;
  places: [(string | number)[], Position][];
}

const FROM = /^(?:(?:from|de|desde|da|do) |从|從)/iu;
const TO = / (?:to|into|→|->) /iu;
/** "De Professor a Cientista de Dados", "Desde Analista para …": only after a Spanish or Portuguese "from". */
const TO_ROMANCE = / (?:a|para|até|hasta) /iu;

/** "From Data Scientist (9-month plan)" → "Data Scientist", 9; "From Developer to DevOps" → "Developer", "DevOps". */
export function parsePlanHeading(text: string): { from: string; to: string | null; months: number | null; duration: string | null } {
  const found = findMonths(text);
  const squeezed = (found ? found.rest : text).replace(/\s+/g, " ").trim();
  const romance = /^(?:de|desde|da|do) /iu.test(squeezed);
  // "From X", "Desde X", "从X", and Korean's "X에서" (from X).
  const rest = squeezed.replace(FROM, "").replace(/ ?[:：]$/, "").replace(/에서$/u, "").trim();
  const to = TO.exec(rest) ?? (romance ? TO_ROMANCE.exec(rest) : null);
  if (to && to.index > 0) {
    return { from: rest.slice(0, to.index).trim(), to: rest.slice(to.index + to[0].length).trim() || null, months: found?.months ?? null, duration: found?.written ?? null };
  }
  return { from: rest, to: null, months: found?.months ?? null, duration: found?.written ?? null };
}

/** A plan's heading names where it starts ("From Data Scientist") or how long it lasts in months or weeks ("(9-month plan)"); years alone name a level. */
function isPlanHeading(title: string): boolean {
  return FROM.test(title.trim()) || findMonths(title, { years: false }) !== null;
}

/** The same role, however spelled: "ML Engineer" in a guide titled "ML Engineer". */
function sameRole(a: string, b: string): boolean {
  return toSlug(a) === toSlug(b);
}

/** A section about leaving the role: "Common Transition Paths (From Machine Learning Engineer to other roles)". */
function isOutward(title: string, roleTitle: string): boolean {
  // indexOf, not a regex: linear however long the heading.
  const lower = title.toLowerCase();
  const other = Math.max(lower.lastIndexOf(" to other role"), lower.lastIndexOf(" into other role"));
  if (other > 0 && /\bfrom\b/.test(lower.slice(0, other))) return true;
  const open = title.search(/[(（]/u);
  const close = open < 0 ? -1 : title.slice(open).search(/[)）]/u);
  const inner = close > 0 ? title.slice(open + 1, open + close) : title;
  const { from } = parsePlanHeading(inner);
  return FROM.test(inner.trim()) && sameRole(from, roleTitle);
}

function newPlan(heading: string, position: Position, env: ReadEnv, out: Out): Draft {
  const { from, to, months, duration } = parsePlanHeading(heading);
  const plan: TransitionInput = {
    from,
    to: to && !sameRole(to, env.title) ? to : null,
    slug: toSlug(from),
    months,
    duration,
    summary: null,
    phases: [],
    unit: "month",
    steps: [],
    keySkills: [],
    hoursPerWeek: null,
  };
  const draft: Draft = { plan, places: [[["months"], position]] };
  out.add({ kind: "plan", plan, position, places: draft.places });
  return draft;
}

/** Reads a plan field ("**Key Skills**: …", "**Time Commitment**: …", "**Duration**: …"); false when `label` names none. */
function readPlanField(label: string, value: string, position: Position, { plan, places }: Draft): boolean {
  const concept = conceptOf(label, ["keySkills", "hours", "duration", "skills"]);
  const keySkills = concept === "keySkills" || concept === "skills" ? skillRefsAsWritten(value) : null;
  if (keySkills) {
    plan.keySkills!.push(...keySkills);
    places.push([["keySkills"], position]);
    return true;
  }
  // "**Tiempo**: 5-8 horas por semana": a line that is only hours a week gives them, whatever its label.
  const hours = concept === "hours" || concept === null ? findHoursPerWeek(value) : null;
  if (hours && (concept === "hours" || hours.rest === "")) {
    plan.hoursPerWeek = hours.range;
    places.push([["hoursPerWeek"], position]);
    return true;
  }
  const months = concept === "duration" ? findMonths(value) : null;
  if (months) {
    plan.months = months.months;
    places.push([["months"], position]);
    plan.duration = months.written;
    return true;
  }
  return false;
}

function addPhase({ plan, places }: Draft, label: string, title: string, position: Position | undefined): boolean {
  const range = phaseRange(label);
  if (!range) return false;
  const phases = plan.phases!;
  let { start, end } = range;
  let named = title;
  if (phases.length === 0) plan.unit = range.unit;
  else if (plan.unit !== range.unit) {
    // A plan that mixes units counts months; a phase written in another unit keeps its label in its title.
    const label = (unit: string, p: { start: number; end: number }) => `${unit[0]!.toUpperCase()}${unit.slice(1)}s ${p.start}-${p.end}`;
    if (plan.unit !== "month") {
      for (const phase of phases) Object.assign(phase, phaseInMonths(phase, plan.unit!), { title: [label(plan.unit!, phase), phase.title].filter(Boolean).join(": ") });
      plan.unit = "month";
    }
    if (range.unit !== "month") named = [label(range.unit, range), title].filter(Boolean).join(": ");
    ({ start, end } = phaseInMonths(range, range.unit));
  }
  if (position) places.push([["phases", phases.length], position]);
  phases.push({ start, end, title: named, topics: [] });
  return true;
}

function readPlanEntries(entries: readonly Entry[], draft: Draft, section: HeadingSection, out: Out): void {
  const { plan } = draft;
  const phases = plan.phases!;
  for (const entry of entries) {
    if (entry.label && addPhase(draft, entry.label, entry.value, entry.position)) {
      readPlanEntries(entry.children, draft, section, out);
      continue;
    }
    if (entry.label && readPlanField(entry.label, entry.value, entry.position, draft)) {
      readPlanEntries(entry.children, draft, section, out);
      continue;
    }
    if (phases.length > 0 && (entry.bullet || !entry.label || entry.children.length === 0)) {
      // Lines after a phase label are its topics, whether "•" lines folded into a paragraph or list items.
      phases[phases.length - 1]!.topics!.push(entry.text);
      readPlanEntries(entry.children, draft, section, out);
    } else if (phases.length === 0 && entry.text) {
      plan.steps!.push(entry.text);
      draft.places.push([["steps", plan.steps!.length - 1], entry.position]);
      readPlanEntries(entry.children, draft, section, out);
    } else {
      out.keepEntries(section, [entry]);
    }
  }
}

function readPlan(section: HeadingSection, env: ReadEnv): Result {
  const out = new Out();
  const position: Position = section.position ?? env.position;
  const draft = newPlan(section.title, position, env, out);
  const { plan } = draft;
  out.merge(
    readBlocks(section, section.blocks, env, (text) => {
      plan.summary = plan.summary ? `${plan.summary}\n\n${text}` : text;
      return true;
    }),
  );
  // A paragraph of plain prose under the heading, before any phase or list, describes the plan.
  const [lead, ...others] = section.blocks;
  const leadEntries = lead?.type === "paragraph" ? entriesOf([lead]) : [];
  const describes = leadEntries.length > 0 && leadEntries.every((e) => !e.label && !e.bullet);
  if (describes) {
    plan.summary = [plan.summary, leadEntries.map((e) => e.text).join("\n")].filter(Boolean).join("\n\n");
    draft.places.push([["summary"], leadEntries[0]!.position]);
  }
  readPlanEntries(entriesOf(describes ? others : section.blocks), draft, section, out);
  for (const child of section.children) {
    // A phase as its own heading or bold line: "#### Months 1-3: Foundations", "**Months 1-3:**".
    const label = /^(.*?) ?[:：\-–—] ?(.*)$/u.exec(child.title);
    const childPosition = child.position ?? position;
    if ((label && addPhase(draft, label[1]!, label[2]!, childPosition)) || addPhase(draft, child.title, "", childPosition)) {
      out.merge(readBlocks(child, child.blocks, env));
      readPlanEntries(entriesOf(child.blocks), draft, child, out);
      out.readChildren(child);
      continue;
    }
    // "**Key Skills:**" over a list is the plan's, not the role's.
    const concept = conceptOf(child.title, ["keySkills", "skills", "hours", "duration"]);
    if (concept) {
      const lines = flatten(entriesOf(child.blocks)).map((e) => e.text).join(", ");
      if (readPlanField(child.title, lines, childPosition, draft)) {
        out.merge(readBlocks(child, child.blocks, env));
        out.readChildren(child);
        continue;
      }
    }
    out.read(child);
  }
  const phases = plan.phases!;
  if (plan.months === null && phases.length > 0) {
    plan.months = phaseInMonths({ start: 1, end: Math.max(...phases.map((p) => p.end)) }, plan.unit!).end;
    out.report("plan-months-inferred", { from: plan.from, months: plan.months }, position);
  }
  return out.result();
}

/** "**From Data Scientist to ML Engineer:** Shift focus…" as a plan of one line. */
function readProsePlan(entry: Entry, env: ReadEnv, out: Out): boolean {
  if (!entry.label || !FROM.test(entry.label) || !entry.value) return false;
  const { plan, places } = newPlan(entry.label, entry.position, env, out);
  plan.summary = entry.value;
  const months = findMonths(entry.value);
  if (months) [plan.months, plan.duration] = [months.months, months.written];
  const hours = findHoursPerWeek(entry.value);
  if (hours) {
    plan.hoursPerWeek = hours.range;
    places.push([["hoursPerWeek"], entry.position]);
  }
  for (const child of entry.children) plan.steps!.push(child.text);
  return true;
}

/** Words of plans and their phases: a section that uses them but reads as no plan was meant to be one. */
const PLAN_WORDS = /\b(?:plan|phase|months?|weeks?|meses|semanas?)\b|개월|个月/iu;

function looksLikePlan(section: HeadingSection): boolean {
  return PLAN_WORDS.test(section.title) || entriesOf(section.blocks).some((e) => e.label !== null && PLAN_WORDS.test(e.label));
}

export function readTransitions(section: HeadingSection, env: ReadEnv): Result {
  const out = new Out();
  out.merge(readBlocks(section, section.blocks, env));
  for (const entry of entriesOf(section.blocks)) {
    if (!readProsePlan(entry, env, out)) out.keepEntries(section, [entry]);
  }
  for (const child of section.children) {
    if (isOutward(child.title, env.title)) out.merge(readOutward(child, env));
    else if (isPlanHeading(child.title)) out.merge(readPlan(child, env));
    else {
      // A sub-section of plans that names neither a start nor a length is read by its name, and the author told what a plan looks like.
      if (!child.pseudo && child.position && !conceptOf(child.title) && looksLikePlan(child)) {
        out.report("plan-unread", { section: child.title, parent: section.title }, child.position);
      }
      out.read(child);
    }
  }
  return out.result();
}

/**
 * A plan heading outside a transitions section counts only when it says both where the plan starts
 * and how long it lasts ("## Desde Analista de Datos (plan de 6 meses)").
 * @returns the plan, or null when the section is none
 */
export function readStandalonePlan(section: HeadingSection, env: ReadEnv): Result | null {
  if (section.pseudo || !FROM.test(section.title.trim()) || findMonths(section.title) === null || isOutward(section.title, env.title)) return null;
  return readPlan(section, env);
}

/** Moves out of the role: each item is an alternative path, as written. */
function readOutward(section: HeadingSection, env: ReadEnv): Result {
  const out = new Out();
  out.merge(readBlocks(section, section.blocks, env));
  for (const entry of entriesOf(section.blocks)) {
    if (entry.text) addPath(entry.text, entry.position, out);
    for (const child of entry.children) if (child.text) addPath(child.text, child.position, out);
  }
  for (const child of section.children) out.merge(readAlternatives(child, env));
  return out.result();
}
