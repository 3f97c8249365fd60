// Career Atlas: how far a reader's evidence covers a role's levels. Pure functions, no DOM:
// assess.js (the level comparison page) and progress.js (role page, home page, "My progress") use them.
import { requirementKey } from "./storage.js";

/** @typedef {{ name: string, must: string[], all: string[] }} LevelTexts a level's requirements, as written */
/** @typedef {{ name: string, shown: number, total: number, unit: string, marked: number }} LevelCount */

/**
 * How far each level is shown: its must-haves, or every requirement of a level that lists none.
 * @param {LevelTexts[]} levels in climbing order
 * @param {Record<string, import("./storage.js").Mark>} marks the role's answers, by requirement key
 * @returns {LevelCount[]}
 */
export function countLevels(levels, marks) {
  return levels.map((level) => {
    const keys = [...new Set((level.must.length ? level.must : level.all).map(requirementKey))];
    const all = [...new Set(level.all.map(requirementKey))];
    return {
      name: level.name,
      shown: keys.filter((key) => marks[key]?.state === "shown").length,
      total: keys.length,
      unit: level.must.length ? "must-haves" : "requirements",
      marked: all.filter((key) => marks[key]?.state).length,
    };
  });
}

/** "9 of 11 must-haves shown". @param {LevelCount} count */
export const shownText = (count) => `${count.shown} of ${count.total} ${count.total === 1 ? count.unit.replace(/s$/, "") : count.unit} shown`;

/** "Mid: 9 of 11 must-haves shown". @param {LevelCount} count */
export const countText = (count) => `${count.name}: ${shownText(count)}`;

/** What the reader's answers say of all levels: the highest fully shown, and the next. @param {LevelCount[]} counts */
export function closestText(counts) {
  if (!counts.some((c) => c.marked)) return "Nothing placed yet: answer a requirement to start.";
  let highest = -1;
  counts.forEach((c, i) => {
    if (c.total > 0 && c.shown === c.total) highest = i;
  });
  const next = counts[highest + 1];
  if (highest < 0) {
    const ratio = (/** @type {LevelCount} */ c) => (c.total ? c.shown / c.total : -1);
    const nearest = counts.reduce((best, c) => (ratio(c) > ratio(best) ? c : best), /** @type {LevelCount} */ (counts[0]));
    return `No level has evidence for every ${nearest.unit.replace(/s$/, "")} yet. Nearest: ${countText(nearest)}.`;
  }
  const full = /** @type {LevelCount} */ (counts[highest]);
  return `Closest level fully shown: ${full.name} (evidence for all ${full.total} ${full.unit}).${next ? ` Next: ${countText(next)}.` : ""}`;
}
