/**
 * Number ranges as authors write them: "2-4 years", "(4+ years)", "(0-2년차)", "12–18 hours/week",
 * "Months 1-3", "Weeks 1–3", "Year 1-2", "(9-month plan)", "3-6 meses", "第1-3个月". Each reader finds
 * the first range with its unit word and returns it with the text around it removed (brackets
 * that held only the range go too), so callers can keep what is left: the level name, the plan's
 * starting role. Whitespace is collapsed before matching, so every pattern runs in linear time.
 */
import type { Range } from "../model/role.ts";

export interface Found {
  range: Range;
  /** The text with the range, its unit and any brackets around them taken out. */
  rest: string;
  /** The range with its unit, as written, without brackets ("9-month plan", "2-3 years"). */
  written: string;
}

const DASH = " ?(?:-|–|—|~|to|a|até|까지) ?";
const YEARS = "(?:years?|yrs?|y|años?|anos?|년차|년|年)";
const MONTHS = "(?:months?|mos?|meses|mes|mês|개월|个月|か月|ヶ月|月)";
const WEEKS = "(?:weeks?|wks?|semanas?|주|周|週)";
const HOURS = "(?:hours?|hrs?|h|horas?|시간|小时|时) ?(?:/|per|a|an|each|por|por semana|a la|每) ?(?:week|wk|semana|주|周)";
/** Words that may follow a duration inside its brackets and go with it: "(9-month plan)", "(2-4 years experience)". */
const AFTER = "(?: ?(?:of )?(?:experience|exp|plan|de experiencia|de experiência|경력|经验|计划|계획))?";
/** Words that may precede it: "(plan de 9 meses)", "(경력 3-5년)". */
const BEFORE = "(?:(?:plan de|plano de|경력|经验|计划) ?)?";

/** Collapses runs of whitespace, so no pattern meets a long run of it. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, " ");
}

/**
 * "N-M unit", "N+ unit", "N unit or more" and "N unit", optionally with a leading "第" or filler
 * words, optionally in brackets. Groups: min, max, "+" before the unit, "+" after it (bracketed
 * alternative 1-4, bare one 5-8).
 */
function rangeMatcher(unit: string): RegExp {
  const core = `${BEFORE}第?(\\d{1,4})(?:${DASH}(\\d{1,4})|( ?\\+))?[ -]?${unit}(?: ?(\\+|以上|이상|or more|and above))?${AFTER}(?![\\p{L}])`;
  return new RegExp(`[(（] ?${core} ?[)）]|${core}`, "iu");
}

const YEARS_RANGE = rangeMatcher(YEARS);
const MONTHS_RANGE = rangeMatcher(MONTHS);
const WEEKS_RANGE = rangeMatcher(WEEKS);
const HOURS_RANGE = rangeMatcher(HOURS);

function toRange(min: string, max: string | undefined, open: boolean): Range {
  const low = Number(min);
  return { min: low, max: open ? null : max === undefined ? low : Number(max) };
}

function find(pattern: RegExp, input: string): Found | null {
  const text = squeeze(input);
  const match = pattern.exec(text);
  if (!match) return null;
  const at = match[1] !== undefined ? 1 : 5;
  const open = match[at + 2] !== undefined || match[at + 3] !== undefined;
  const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.replace(/\s+/g, " ").trim();
  const written = match[0].replace(/^[(（] ?/u, "").replace(/ ?[)）]$/u, "").trim();
  return { range: toRange(match[at]!, match[at + 1], open), rest, written };
}

/** "Mid (2-4 years)" → {2, 4} and "Mid"; "Experienced (4+ years)" → {4, null}; "주니어 (0-2년차)" → {0, 2}. */
export function findYears(text: string): Found | null {
  return find(YEARS_RANGE, text);
}

/** "12-18 hours/week", "12 hrs per week" → {12, 18}. */
export function findHoursPerWeek(text: string): Found | null {
  return find(HOURS_RANGE, text);
}

/**
 * A length in months: "(9-month plan)" → 9; "3-6 months" → 3–6; "2-3 years" → 24–36; "(12 semanas)" → 3.
 * @returns the range in months and the text without it, or null
 */
export function findDuration(text: string, options: { years?: boolean } = {}): Found | null {
  const months = find(MONTHS_RANGE, text);
  if (months) return months;
  const years = options.years === false ? null : find(YEARS_RANGE, text);
  if (years) return { ...years, range: { min: years.range.min * 12, max: years.range.max === null ? null : years.range.max * 12 } };
  const weeks = find(WEEKS_RANGE, text);
  if (weeks) return { ...weeks, range: { min: weeksToMonths(weeks.range.min), max: weeks.range.max === null ? null : weeksToMonths(weeks.range.max) } };
  return null;
}

/** The whole months that `weeks` weeks reach into (52 weeks make 12 months). */
export function weeksToMonths(weeks: number): number {
  return Math.max(1, Math.ceil((weeks * 12) / 52));
}

/**
 * A plan's length in months: "From Data Scientist (9-month plan)" → 9 and "From Data Scientist".
 * A range ("3-6 months") gives its upper end, an open one ("6+ months") its lower.
 */
export function findMonths(text: string, options: { years?: boolean } = {}): { months: number; written: string; rest: string } | null {
  const found = findDuration(text, options);
  if (!found) return null;
  const months = found.range.max ?? found.range.min;
  return months > 0 ? { months, written: found.written, rest: found.rest } : null;
}

export type PhaseUnit = "month" | "week" | "year";

export interface PhaseRange {
  start: number;
  end: number;
  unit: PhaseUnit;
}

/** A phase's span in months: "Year 2" is months 13-24, "Weeks 5-9" months 2-3. */
export function phaseInMonths(range: { start: number; end: number }, unit: PhaseUnit): { start: number; end: number } {
  if (unit === "year") return { start: Math.max(range.start - 1, 0) * 12 + 1, end: Math.max(range.end, 1) * 12 };
  if (unit === "week") return { start: weeksToMonths(range.start), end: weeksToMonths(range.end) };
  return { start: range.start, end: range.end };
}

const PHASE_UNITS: { unit: string; kind: "month" | "week" | "year" }[] = [
  { unit: MONTHS, kind: "month" },
  { unit: WEEKS, kind: "week" },
  { unit: YEARS, kind: "year" },
];

const PHASE_PATTERNS = PHASE_UNITS.flatMap(({ unit, kind }) => [
  // "Months 1-3", "Month 1 –", "Weeks 1–3", "Year 1-2", "Meses 1-3"
  { kind, pattern: new RegExp(`^${unit} ?(\\d{1,4})(?:${DASH}(\\d{1,4}))?(?: ?[-–—:：])?$`, "iu") },
  // "1-3 months", "1-3개월", "第1-3个月", "1-2년차"
  { kind, pattern: new RegExp(`^第?(\\d{1,4})(?:${DASH}(\\d{1,4}))? ?${unit}(?: ?[-–—:：])?$`, "iu") },
]);

/**
 * A phase label: "Months 1-3" → months 1–3; "Month 4" → 4–4; "Weeks 1–3" → weeks 1–3;
 * "Year 1-2" → years 1–2; "3-6 months" → months 3–6; "第1-3个月" → months 1–3.
 * @param label a bold label or heading, as written
 */
export function phaseRange(label: string): PhaseRange | null {
  const text = squeeze(label).trim();
  for (const { kind, pattern } of PHASE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const start = Number(match[1]);
    const end = match[2] === undefined ? start : Number(match[2]);
    return { start, end, unit: kind };
  }
  return null;
}

/** A phase label in months only: "Months 1-3" → {1, 3}; "Month 4" → {4, 4}. */
export function phaseMonths(label: string): { start: number; end: number } | null {
  const found = phaseRange(label);
  return found && found.unit === "month" ? { start: found.start, end: found.end } : null;
}

/**
 * A stage of a roadmap by years of experience: "Years 0-2: ML Foundations" → 0–2 and
 * "ML Foundations"; "Year 8+: Mastery" → 8 and up; "1-2년차: 기초" → 1–2.
 */
export function yearStage(title: string): { years: Range; title: string } | null {
  const text = squeeze(title).trim();
  const match =
    new RegExp(`^${YEARS} ?(\\d{1,2})(?:${DASH}(\\d{1,2})|( ?\\+))?(?: ?[:：\\-–—] ?(.*))?$`, "iu").exec(text) ??
    new RegExp(`^(\\d{1,2})(?:${DASH}(\\d{1,2})|( ?\\+))? ?${YEARS}(?: ?[:：\\-–—] ?(.*))?$`, "iu").exec(text);
  if (!match) return null;
  return { years: toRange(match[1]!, match[2], match[3] !== undefined), title: (match[4] ?? "").trim() };
}
