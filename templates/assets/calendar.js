// Career Atlas: dates of a plan's phases and the iCalendar file (RFC 5545) with one event per
// phase. Pure functions, no DOM: plan.js uses them in the browser, the tests in Node.
//
// Month arithmetic. A phase written "Months a–b" of a plan that starts on day S begins on
// S + (a − 1) months and ends before S + b months: "Months 1–3" from 2027-01-15 runs from
// 2027-01-15 up to, not including, 2027-04-15 (its last day is 2027-04-14), and "Months 4–6"
// begins on 2027-04-15. Adding n months keeps the day of the month, or takes the last day of a
// shorter month (2027-01-31 + 1 month = 2027-02-28); every date is counted from S itself, so
// short months never make later phases drift.

/** @typedef {{ year: number, month: number, day: number }} CalendarDate  month 1–12 */

/**
 * @typedef {object} CalendarPhase
 * @property {string} uid      stable id of the phase (made from its title at build time)
 * @property {number} start    first month of the phase, 1 for the plan's first month
 * @property {number} end      last month of the phase
 * @property {string} summary  "Months 1–3: Software Engineering Fundamentals"
 * @property {string[]} topics
 * @property {string} [url]    the phase on the site, absolute
 */

/**
 * @typedef {object} CalendarPlan
 * @property {string} id       "machine-learning-engineer/data-scientist"
 * @property {string} title    "From Data Scientist to Machine Learning Engineer"
 * @property {CalendarPhase[]} phases
 */

/** @param {number} year @param {number} month 1–12 */
export function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads "YYYY-MM-DD" (what <input type="date"> gives); null for anything else or a day that does not exist.
 * @param {string} text
 * @returns {CalendarDate | null}
 */
export function parseDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const pad = (/** @type {number} */ n, /** @type {number} */ width = 2) => String(n).padStart(width, "0");

/** "2027-01-15". @param {CalendarDate} date */
export function formatDate(date) {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** "20270115", iCalendar's DATE. @param {CalendarDate} date */
export function icsDate(date) {
  return `${pad(date.year, 4)}${pad(date.month)}${pad(date.day)}`;
}

/**
 * `date` plus `months` calendar months; the day is kept, or cut to the end of a shorter month.
 * @param {CalendarDate} date
 * @param {number} months a whole number, may be negative
 * @returns {CalendarDate}
 */
export function addMonths(date, months) {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/**
 * `date` plus `days` days.
 * @param {CalendarDate} date
 * @param {number} days
 * @returns {CalendarDate}
 */
export function addDays(date, days) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Days in a month, on average (a Julian year over 12). */
export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * `date` plus a number of months that may have a fraction: the whole months by calendar (as
 * `addMonths`), the fraction as days of an average month. So a whole number gives `addMonths`.
 * @param {CalendarDate} date @param {number} months
 */
export function addScaledMonths(date, months) {
  const whole = Math.floor(months + 1e-9);
  return addDays(addMonths(date, whole), Math.round((months - whole) * DAYS_PER_MONTH));
}

/**
 * The dates of a phase for a plan that starts on `start` (see the month arithmetic above).
 * @param {CalendarDate} start the plan's first day
 * @param {{ start: number, end: number }} months the phase's first and last month (or unit)
 * @param {number} [scale] months per unit of the phase: 1 for a plan by months at the author's
 *   pace; 12/52 for one by weeks; more for a reader who gives it fewer hours a week than the author
 * @returns {{ first: CalendarDate, last: CalendarDate, next: CalendarDate }} its first day, its
 *   last day, and the day after it (iCalendar's exclusive DTEND)
 */
export function phaseDates(start, months, scale = 1) {
  const first = addScaledMonths(start, (months.start - 1) * scale);
  const next = addScaledMonths(start, months.end * scale);
  return { first, last: addDays(next, -1), next };
}

/**
 * The hours a week a plan's dates are written for: the middle of the author's range, to the hour.
 * @param {{ min: number, max: number }} range
 */
export function authorPace(range) {
  return Math.round((range.min + range.max) / 2);
}

/**
 * Months per unit of a plan's phases at a reader's pace: the author's hours (`authorPace`) over
 * the reader's, times the unit's length in months.
 * @param {"month" | "week" | "year"} unit
 * @param {{ min: number, max: number } | null} authorHours
 * @param {number | null} readerHours null for the author's pace
 */
export function paceScale(unit, authorHours, readerHours) {
  const perUnit = unit === "week" ? 12 / 52 : unit === "year" ? 12 : 1;
  if (!authorHours || !readerHours || readerHours <= 0) return perUnit;
  return perUnit * (authorPace(authorHours) / readerHours);
}

// What TEXT may not hold (RFC 5545 §3.3.11: CONTROL is %x00-08 / %x0A-1F / %x7F, tab allowed),
// newlines aside, and the C1 controls (U+0080–U+009F), which no calendar text needs: a calendar app
// may show them raw, or refuse the file.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Escapes TEXT for iCalendar (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines; drops
 * the control characters TEXT may not hold, which have no escape.
 * @param {string} text
 */
export function escapeText(text) {
  return text
    .replace(CONTROL, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): each further line starts with one space.
 * Never splits a UTF-8 sequence.
 * @param {string} line
 * @returns {string} the line, with CRLF + space between its parts, without a final CRLF
 */
export function foldLine(line) {
  const parts = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** "20270115T093000Z". @param {Date} when */
export function icsTimestamp(when) {
  return when.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * The iCalendar file of a plan: one all-day event per phase, from its first day to the day after
 * its last (DTEND is exclusive for dates).
 * @param {CalendarPlan} plan
 * @param {CalendarDate} start the plan's first day
 * @param {Date} now for DTSTAMP
 * @param {number} [scale] months per unit of the phases (see `phaseDates`)
 * @returns {string} the file, CRLF line ends, lines folded at 75 octets
 */
export function buildCalendar(plan, start, now, scale = 1) {
  const stamp = icsTimestamp(now);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Career Atlas//Transition plan//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(plan.title)}`,
  ];
  for (const phase of plan.phases) {
    const dates = phaseDates(start, phase, scale);
    const description = [plan.title, "", ...phase.topics.map((t) => `• ${t}`)];
    if (phase.url) description.push("", phase.url);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(`${phase.uid}.${plan.id.replace(/\//g, ".")}@career-atlas`)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(dates.first)}`,
      `DTEND;VALUE=DATE:${icsDate(dates.next)}`,
      `SUMMARY:${escapeText(phase.summary)}`,
      `DESCRIPTION:${escapeText(description.join("\n"))}`,
      ...(phase.url ? [`URL:${phase.url}`] : []),
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
