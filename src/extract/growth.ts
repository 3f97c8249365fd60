/**
 * Growth steps between levels: "### Mid → Experienced Level:" with the steps listed beneath,
 * "**Mid → Experienced**: learn X, lead Y" as one line, or a bare "Senior → Staff" line.
 */
import type { RootContent, Table } from "mdast";
import { splitArrows } from "./arrows.ts";
import { readBlocks } from "./blocks.ts";
import { entriesOf, flatten } from "./entries.ts";
import { gridOfTable } from "./html.ts";
import { Out, type ReadEnv, type Result } from "./out.ts";
import type { HeadingSection } from "./sections.ts";
import { splitList } from "./skill-names.ts";
import { addGrowth, growthTitles } from "./values.ts";

/**
 * A table whose rows are steps ("| Junior → Mid | Lead a project |"): each row a step, its other
 * cells the step's requirements; the header kept as written. False, reading nothing, for any other table.
 */
function readGrowthTable(table: Table, section: HeadingSection, out: Out): boolean {
  const grid = gridOfTable(table);
  if (!grid || grid.rows.length === 0 || !grid.rows.every((row) => splitArrows(row[0]?.text ?? "")?.length === 2)) return false;
  const header = grid.header.map((c) => c.text).filter(Boolean).join(" | ");
  if (header) out.keep(section, grid.header[0]!.position, header);
  for (const row of grid.rows) addGrowth(row[0]!.text, row.slice(1).flatMap((c) => c.items), row[0]!.position, out);
  return true;
}

/** The blocks of `section` but its tables of steps, which are read into `out`. */
function otherBlocks(blocks: readonly RootContent[], section: HeadingSection, out: Out): RootContent[] {
  return blocks.filter((b) => !(b.type === "table" && readGrowthTable(b, section, out)));
}

export function readGrowth(section: HeadingSection, env: ReadEnv): Result {
  const out = new Out();
  out.merge(readBlocks(section, otherBlocks(section.blocks, section, out), env));
  for (const entry of entriesOf(section.blocks)) {
    const steps = [...(entry.value ? splitList(entry.value) : []), ...flatten(entry.children).map((e) => e.text)];
    if (!(entry.label && addGrowth(entry.label, steps, entry.position, out))) out.keepEntries(section, [entry]);
  }
  for (const child of section.children) {
    const steps = flatten(entriesOf(child.blocks)).map((e) => e.text).filter(Boolean);
    if (addGrowth(child.title, steps, child.position ?? env.position, out)) {
      // The names the heading gives beside the codes are the author's: kept, as written.
      if (growthTitles(child.title)?.named) out.keepHeading(child);
      out.merge(readBlocks(child, otherBlocks(child.blocks, child, out), env));
      out.readChildren(child);
    } else {
      out.read(child);
    }
  }
  return out.result();
}
