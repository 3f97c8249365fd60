/**
 * Growth steps between levels: "### Mid → Experienced Level:" with the steps listed beneath,
 * "**Mid → Experienced**: learn X, lead Y" as one line, or a bare "Senior → Staff" line.
 */
import type { Table } from "mdast";
import type { Position } from "unist";
import { place } from "../model/raw-role.ts";
import type { Context } from "./context.ts";
import { splitArrows } from "./arrows.ts";
import { entriesOf, flatten } from "./entries.ts";
import { gridOfTable } from "./html.ts";
import type { HeadingSection } from "./sections.ts";
import { splitList } from "./skill-names.ts";

const stripLevel = (title: string) => title.replace(/\s+level$/i, "").trim();

/**
 * The titles a step's heading names: "Mid → Senior"; of "SWE-1 → SWE-2: Junior I → Junior II", the
 * first pair (the levels by code), with `named` true since the heading names them twice.
 */
export function growthTitles(title: string): { titles: string[]; named: boolean } | null {
  const colon = title.indexOf(": ");
  if (colon > 0) {
    const codes = splitArrows(title.slice(0, colon));
    const names = splitArrows(title.slice(colon + 2));
    if (codes?.length === 2 && names?.length === 2) return { titles: codes, named: true };
  }
  const titles = splitArrows(title);
  return titles ? { titles, named: false } : null;
}

/** Adds the growth step a "From → To" title names; false when the title is no such pair. */
export function addGrowth(title: string, steps: string[], position: Position, ctx: Context): boolean {
  const titles = growthTitles(title)?.titles;
  if (!titles) return false;
  const growth = ctx.raw.data.growth!;
  growth.push(place(ctx.raw, ["growth", growth.length], position, { from: stripLevel(titles[0]!), to: stripLevel(titles[titles.length - 1]!), steps }));
  return true;
}

/**
 * A table whose rows are steps ("| Junior → Mid | Lead a project |"): each row a step, its other
 * cells the step's requirements; the header kept as written. False, reading nothing, for any other table.
 */
function readGrowthTable(table: Table, section: HeadingSection, ctx: Context): boolean {
  const grid = gridOfTable(table);
  if (!grid || grid.rows.length === 0 || !grid.rows.every((row) => splitArrows(row[0]?.text ?? "")?.length === 2)) return false;
  const header = grid.header.map((c) => c.text).filter(Boolean).join(" | ");
  if (header) ctx.keep(section, { text: header, position: grid.header[0]!.position });
  for (const row of grid.rows) addGrowth(row[0]!.text, row.slice(1).flatMap((c) => c.items), row[0]!.position, ctx);
  return true;
}

export function readGrowth(section: HeadingSection, ctx: Context): void {
  const blocks = section.blocks.filter((b) => !(b.type === "table" && readGrowthTable(b, section, ctx)));
  ctx.readBlocks(section, blocks);
  for (const entry of entriesOf(section.blocks)) {
    const steps = [...(entry.value ? splitList(entry.value) : []), ...flatten(entry.children).map((e) => e.text)];
    if (!(entry.label && addGrowth(entry.label, steps, entry.position, ctx))) ctx.keepEntries(section, [entry]);
  }
  for (const child of section.children) {
    const steps = flatten(entriesOf(child.blocks)).map((e) => e.text).filter(Boolean);
    if (addGrowth(child.title, steps, child.position ?? ctx.raw.position, ctx)) {
      // The names the heading gives beside the codes are the author's: kept, as written.
      if (growthTitles(child.title)?.named) ctx.keepHeading(child);
      ctx.readBlocks(child, child.blocks.filter((b) => !(b.type === "table" && readGrowthTable(b, child, ctx))));
      ctx.readChildren(child);
    } else {
      ctx.readSection(child, ctx);
    }
  }
}
