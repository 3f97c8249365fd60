/**
 * Tables of levels, markdown or HTML: levels as rows (a "Level" or "Position" column, or a first
 * column of level names, with an experience column for years) or as columns (header cells that
 * read as levels), every other cell a requirement grouped by its column's or row's heading; or
 * steps, a row each ("| Current Level | Next |": "| L1 | L2 |" is a step from L1 to L2).
 */
import type { Position } from "unist";
import { groupOf } from "./groups.ts";
import type { Grid } from "./html.ts";
import { conceptOf, isStructuralText } from "./names.ts";
import { findYears } from "./numbers.ts";
import { Out, type LevelRef, type Result } from "./out.ts";
import type { HeadingSection } from "./sections.ts";
import { skillsNamed } from "./skill-names.ts";
import { addSkills, categoryOf } from "./values.ts";
import { isYearsColumn, levelColumnRank, tableShape } from "./table-shape.ts";

export { isLevelTable } from "./table-shape.ts";

/** A cell of this many words or fewer is a value ("expert", "Yes"), not a statement of its own. */
const SHORT_CELL = 2;

/**
 * Reads a table of levels, levels as rows or as columns. Every other cell is a requirement grouped
 * by its column's or row's heading. Reads nothing of any other table.
 */
export function readLevelTable(grid: Grid, section: HeadingSection): Result {
  const out = new Out();
  const shape = tableShape(grid);
  if (shape?.kind === "rows") readLevelRows(grid, shape.nameColumn, out);
  else if (shape?.kind === "steps") readStepRows(grid, section, out);
  else if (shape) readLevelColumns(grid, section, out);
  return out.result();
}

/** A cell that says there is no next level: "-", "—", "n/a". */
const NONE = /^(?:[-–—]+|n\/?a|none)?$/iu;

/**
 * Each row a step from its first cell to its second (none where that says "-"); the header and
 * the other cells (alternatives to the usual next level) are the author's, kept as written.
 */
function readStepRows(grid: Grid, section: HeadingSection, out: Out): void {
  const header = grid.header.map((c) => c.text).filter(Boolean).join(" | ");
  if (header) out.keep(section, grid.header[0]!.position, header);
  for (const row of grid.rows) {
    const [from, to, ...others] = row;
    if (from && to && from.text && !NONE.test(to.text)) out.add({ kind: "growth", from: from.text, to: to.text, steps: [], position: from.position });
    else for (const cell of [from, to]) if (cell?.text) out.keep(section, cell.position, cell.text);
    for (const cell of others) if (cell.text) out.keep(section, cell.position, cell.text);
  }
}

function readLevelRows(grid: Grid, nameColumn: number, out: Out): void {
  const header = grid.header.map((c) => c.text);
  // A "Level" column of numbers beside a "Position" column is the level's number, not a requirement.
  const numberColumn = header.findIndex((h, i) => i !== nameColumn && levelColumnRank(h) === 1 && grid.rows.every((r) => /^\d*$/.test(r[i]?.text ?? "")));
  grid.rows.forEach((row, rowIndex) => {
    const nameCell = row[nameColumn];
    const number = numberColumn >= 0 ? row[numberColumn]?.text : undefined;
    if (row.every((c) => c.text === "")) return;
    const name = nameCell?.text || (number ? number : `${rowIndex + 1}`);
    const level = out.level(name, nameCell?.position ?? grid.position);
    if (number) out.add({ kind: "code", level, code: number, position: null });
    row.forEach((cell, column) => {
      if (column === nameColumn || column === numberColumn) return;
      const heading = header[column] ?? "";
      const years = isYearsColumn(heading) ? (findYears(cell.text) ?? findYears(`${cell.text} years`)) : null;
      if (years) {
        out.add({ kind: "years", level, range: years.range, position: cell.position });
        return;
      }
      addCell(level, cell, heading, false, out);
    });
  });
}

function readLevelColumns(grid: Grid, section: HeadingSection, out: Out): void {
  // A column headed by a part of the role ("Skills") is that part, not a level.
  const partColumn = (text: string) => conceptOf(text) === "skills" || conceptOf(text) === "keySkills";
  const levels = grid.header.map((cell, column) => (column === 0 || partColumn(cell.text) ? null : out.level(cell.text || `${column}`, cell.position)));
  // The corner cell names the rows' aspect ("scope/level"): the author's words, kept as written.
  const corner = grid.header[0];
  if (corner?.text && !isStructuralText(corner.text)) out.keep(section, corner.position, corner.text);
  for (const row of grid.rows) {
    const area = row[0]?.text ?? "";
    const cells = row.filter((cell, column) => column > 0 && levels[column] !== undefined && cell.items.length > 0);
    // A row with nothing under any level (a line run on into the table) is kept as written.
    if (cells.length === 0 && row[0] && area) out.keep(section, row[0].position, area);
    row.forEach((cell, column) => {
      const heading = grid.header[column]?.text ?? "";
      if (column > 0 && partColumn(heading)) {
        // Its cells are skills of the role, or text kept as written when they are prose.
        for (const item of cell.items) if (!addSkills(categoryOf(heading), item, cell.position, out)) out.keep(section, cell.position, item);
        return;
      }
      const level = levels[column];
      if (column === 0 || !level) return;
      addCell(level, cell, area, true, out);
    });
  }
}

/**
 * One cell of a level table as requirements: a short cell under a heading ("Python" › "basic") is
 * that heading with the cell as its detail; a longer one is a requirement of its own, grouped by
 * the heading. Headings of rows name skills; headings of columns are aspects ("Scope"), not skills.
 */
function addCell(level: LevelRef, cell: { items: string[]; position: Position }, heading: string, headingIsSkill: boolean, out: Out): void {
  const kind = groupOf(heading || "Requirements");
  for (const item of cell.items) {
    const short = cell.items.length === 1 && item.split(" ").length <= SHORT_CELL && heading !== "";
    const skillList = kind.from === "list";
    const requirement = short
      ? { text: heading, detail: item, priority: kind.priority, group: null, skills: headingIsSkill ? skillsNamed(heading) : skillList ? skillsNamed(item) : [] }
      : { text: item, detail: null, priority: kind.priority, group: kind.priority === "other" ? kind.group : null, skills: skillList ? skillsNamed(item) : [] };
    out.requirement(level, cell.position, requirement);
  }
}
