// Career Atlas: where a reader stands in a plan on a given day. Pure functions, no DOM: plan.js
// uses them in the browser.
import { phaseDates } from "./calendar.js";

/** @typedef {import("./calendar.js").CalendarDate} CalendarDate */

/** @param {CalendarDate} date */
const dayNumber = (date) => Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;

/** Days from `a` to `b`. @param {CalendarDate} a @param {CalendarDate} b */
export function daysBetween(a, b) {
  return dayNumber(b) - dayNumber(a);
}

/** Today in the reader's time zone. @param {Date} now */
export function localDay(now) {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/**
 * @typedef {object} Standing
 * @property {"before" | "during" | "after"} when
 * @property {number} phase      1-based: the phase `today` falls in (during), else 0
 * @property {number} phases
 * @property {number} week       the plan's week `today` falls in, from 1 (during)
 * @property {number} weeks      the plan's length in weeks, rounded up
 * @property {number} daysToStart
 * @property {number} due        topics due by today: those of ended phases, and the current phase's in proportion
 * @property {number} ticked
 * @property {"ahead" | "on track" | "behind"} pace
 * @property {boolean[]} overdue per phase: ended with topics not ticked
 */

/**
 * @param {CalendarDate} start the plan's first day
 * @param {{ start: number, end: number, topics: number, ticked: number }[]} phases
 * @param {number} scale months per unit (see `phaseDates`)
 * @param {CalendarDate} today
 * @returns {Standing}
 */
export function standing(start, phases, scale, today) {
  const dates = phases.map((phase) => phaseDates(start, phase, scale));
  const end = dates.reduce((last, d) => Math.max(last, dayNumber(d.next)), dayNumber(start));
  const elapsed = daysBetween(start, today);
  const now = dayNumber(today);
  let due = 0;
  let current = 0;
  const overdue = phases.map((phase, i) => {
    const { first, next } = /** @type {{ first: CalendarDate, next: CalendarDate }} */ (dates[i]);
    if (dayNumber(next) <= now) {
      due += phase.topics;
      return phase.ticked < phase.topics;
    }
    if (dayNumber(first) <= now) {
      if (!current) current = i + 1;
      due += Math.floor((phase.topics * (now - dayNumber(first))) / (dayNumber(next) - dayNumber(first)));
    }
    return false;
  });
  const ticked = phases.reduce((n, p) => n + p.ticked, 0);
  return {
    when: elapsed < 0 ? "before" : now >= end ? "after" : "during",
    phase: current,
    phases: phases.length,
    week: Math.floor(Math.max(elapsed, 0) / 7) + 1,
    weeks: Math.ceil((end - dayNumber(start)) / 7),
    daysToStart: Math.max(-elapsed, 0),
    due,
    ticked,
    pace: ticked > due ? "ahead" : ticked < due ? "behind" : "on track",
    overdue,
  };
}

/**
 * What the status line says: "Phase 2 of 3, week 19 of 39: behind (2 of 4 topics due by today are ticked)."
 * @param {Standing} s
 */
export function standingText(s) {
  const topics = (/** @type {number} */ n) => `${n} ${n === 1 ? "topic" : "topics"}`;
  if (s.when === "before") return `Your plan starts in ${s.daysToStart} ${s.daysToStart === 1 ? "day" : "days"}.`;
  const tally = `${s.ticked} ticked of ${topics(s.due)} due by today`;
  if (s.when === "after") return `The plan’s dates are over: ${pace(s)} (${tally}).`;
  return `Phase ${s.phase} of ${s.phases}, week ${s.week} of ${s.weeks}: ${pace(s)} (${tally}).`;
}

/** @param {Standing} s */
function pace(s) {
  return s.pace === "on track" ? "on track" : s.pace === "ahead" ? "ahead of the dates" : "behind the dates";
}
