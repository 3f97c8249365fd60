/**
 * Number ranges as authors write them: "2-4 years", "(4+ years)", "12–18 hours/week",
 * "Months 1-3", "(9-month plan)". Each reader finds the first range with its unit word and
 * returns it with the text around it removed, so callers can keep what is left (the level name).
 */
import type { Range } from "../model/role.ts";

export interface Found {
  range: Range;
  /** The text with the range, its unit and any brackets around them taken out. */
  rest: string;
}

const DASH = "\\s*(?:-|–|—|to)\\s*";
const YEARS = "(?:years?|yrs?|y|años|anos|년차|년|年)";
const MONTHS = "(?:months?|mos?|meses|개월|个月|か月)";
const HOURS = "(?:hours?|hrs?|h)\\s*(?:/|per|a|an|each)\\s*(?:week|wk)";

/** Builds a matcher for "N-M unit", "N+ unit" and "N unit", optionally wrapped in brackets. */
function rangeMatcher(unit: string): RegExp {
  return new RegExp(`\\(?\\s*(\\d{1,4})(?:${DASH}(\\d{1,4})|\\s*(\\+))?[\\s-]*${unit}(?![\\p{L}])(?:\\s*experience)?\\s*\\)?`, "iu");
}

const YEARS_RANGE = rangeMatcher(YEARS);
const HOURS_RANGE = rangeMatcher(HOURS);
const MONTHS_TOTAL = new RegExp(`\\(?\\s*(\\d{1,4})[\\s-]*${MONTHS}(?:\\s+plan)?\\s*\\)?`, "iu");

function toRange(min: string, max: string | undefined, plus: string | undefined): Range {
  const low = Number(min);
  return { min: low, max: plus ? null : max === undefined ? low : Number(max) };
}

function found(match: RegExpExecArray, text: string): Found {
  const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.replace(/\s+/g, " ").trim();
  return { range: toRange(match[1]!, match[2], match[3]), rest };
}

/** "Mid (2-4 years)" → {2, 4} and "Mid"; "Experienced (4+ years)" → {4, null}. */
export function findYears(text: string): Found | null {
  const match = YEARS_RANGE.exec(text);
  return match ? found(match, text) : null;
}

/** "12-18 hours/week" → {12, 18}. */
export function findHoursPerWeek(text: string): Found | null {
  const match = HOURS_RANGE.exec(text);
  return match ? found(match, text) : null;
}

/** "From Data Scientist (9-month plan)" → 9 and "From Data Scientist". */
export function findMonths(text: string): { months: number; rest: string } | null {
  const match = MONTHS_TOTAL.exec(text);
  if (!match) return null;
  const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.replace(/\s+/g, " ").trim();
  return { months: Number(match[1]), rest };
}

const PHASE = new RegExp(`^\\s*(?:months?|meses|mes)\\s*(\\d{1,4})(?:${DASH}(\\d{1,4}))?\\s*$`, "iu");

/** A phase label: "Months 1-3" → {1, 3}; "Month 4" → {4, 4}. */
export function phaseMonths(label: string): { start: number; end: number } | null {
  const match = PHASE.exec(label);
  if (!match) return null;
  const start = Number(match[1]);
  return { start, end: match[2] === undefined ? start : Number(match[2]) };
}
