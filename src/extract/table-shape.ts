/**
 * Whether a table holds levels, and how: as rows (a "Level" or "Position" column, or a first
 * column of level names), as columns (header cells that read as levels), or as steps (a "Current
 * Level" column, the next level beside it). Read by the classifier and by the table reader alike,
 * so it depends on neither.
 */
import type { Grid } from "./html.ts";
import { looksLikeLevel } from "./level-names.ts";
import { conceptOf, normalizeName } from "./names.ts";

/** Column headings that give a level's years ("Years", "Experience"). */
export function isYearsColumn(header: string): boolean {
  return ["year", "years of experience", "experience", "yoe", "year of experience"].includes(normalizeName(header));
}

/** Whether a header cell names the level column: "Level", "Level/Skill", "Position", "Title". */
export function levelColumnRank(header: string): number {
  const concept = conceptOf(header);
  if (concept === "levelColumn") return 2;
  if (concept === "levels") return 1;
  return 0;
}

export type TableShape = { kind: "rows"; nameColumn: number } | { kind: "columns" } | { kind: "steps" };

/** First column headings that say each row is where one stands, the next column where one goes ("Current Level | Next"). */
const CURRENT = new Set(["current level", "current role", "current position", "current title", "from", "from level", "niveau actuel", "nivel actual", "nível atual"].map(normalizeName));

/**
 * How a table holds levels: as rows (a "Level" or "Position" column, or a first column of level
 * names), as columns (header cells that read as levels) or as steps from one to the next (a first
 * column headed "Current Level"); null for any other table.
 */
export function tableShape(grid: Grid): TableShape | null {
  const header = grid.header.map((c) => c.text);
  if (header.length < 2 || grid.rows.length === 0) return null;
  const levelCells = grid.rows.filter((row) => row[0] && looksLikeLevel(row[0].text, true)).length;
  if (CURRENT.has(normalizeName(header[0]!)) && levelCells * 2 >= grid.rows.length) return { kind: "steps" };
  const ranks = header.map(levelColumnRank);
  const best = Math.max(...ranks);
  if (best > 0) return { kind: "rows", nameColumn: ranks.indexOf(best) };
  const levelHeaders = header.slice(1).filter((h) => looksLikeLevel(h, true)).length;
  if (levelHeaders >= 2 && levelHeaders * 2 >= header.length - 1) return { kind: "columns" };
  if (levelCells >= 2 && levelCells * 2 >= grid.rows.length) return { kind: "rows", nameColumn: 0 };
  return null;
}

/** Whether a table holds levels (see `readLevelTable`). */
export function isLevelTable(grid: Grid): boolean {
  return tableShape(grid) !== null;
}
