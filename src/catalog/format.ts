/**
 * Short labels computed once in TypeScript so that templates only print them.
 */
import type { Priority, Range } from "../model/role.ts";

/** "1 role", "2 roles". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * A range of whole numbers with its unit: "2–4 years", "4+ years", "1 year", "12–18 hours".
 * @param range the range; `max` null means open-ended
 * @param one the unit for exactly one ("year")
 * @param many the unit otherwise ("years")
 */
export function rangeLabel(range: Range, one: string, many = `${one}s`): string {
  if (range.max === null) return `${range.min}+ ${many}`;
  if (range.min === range.max) return `${range.min} ${range.min === 1 ? one : many}`;
  return `${range.min}–${range.max} ${many}`;
}

/** "Month 3", "Months 1–3". */
export function monthsLabel(start: number, end: number): string {
  return start === end ? `Month ${start}` : `Months ${start}–${end}`;
}

/** The heading a priority is shown under: "Must-have", "Good-to-have", or the author's group name. */
export function priorityLabel(priority: Priority, group: string | null): string {
  if (priority === "must") return "Must-have";
  if (priority === "good") return "Good-to-have";
  return group && group.trim() ? group.trim() : "Other";
}

/** Higher is stronger: must 3, good 2, other 1. */
export function priorityRank(priority: Priority): number {
  return priority === "must" ? 3 : priority === "good" ? 2 : 1;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** A stable order for names: case- and accent-insensitive, then by code point so that no two differ only by chance. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
