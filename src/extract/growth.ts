/**
 * Growth steps between levels: "### Mid → Experienced Level:" with the steps listed beneath,
 * "**Mid → Experienced**: learn X, lead Y" as one line, or a bare "Senior → Staff" line.
 */
import type { RootContent, Table } from "mdast";
import { splitArrows } from "./arrows.ts";
import { readBlocks } from "./blocks.ts";
import { entriesOf, flatten } from "./entries.ts";
import { gridOfTable } from "./html.ts";
import { looksLikeLevel } from "./level-names.ts";
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

/** The levels and ladders a role's growth steps name: see `levelsOfSteps`. */
export interface StepLevels {
  /** Every end of a step, in the order first named. */
  levels: string[];
  /** Each chain of steps from a level no step leads to, following each level's first step on. */
  ladders: string[][];
}

/**
 * The levels a role's growth steps go between, when most of their ends read as levels ("Senior →
 * Staff", "L1 → L2"), with the ladders the steps chain into; null for steps between roles ("Data
 * Analyst → Data Engineer"), which name no level.
 * @param steps the role's growth steps, in file order
 */
export function levelsOfSteps(steps: readonly { from: string; to: string }[]): StepLevels | null {
  const levels = [...new Set(steps.flatMap((s) => [s.from, s.to]))];
  if (levels.length < 2 || levels.filter((l) => looksLikeLevel(l, true)).length * 2 < levels.length) return null;
  const next = new Map<string, string>();
  for (const step of steps) if (!next.has(step.from)) next.set(step.from, step.to);
  const reached = new Set(steps.map((s) => s.to));
  const ladders: string[][] = [];
  for (const start of levels.filter((l) => next.has(l) && !reached.has(l))) {
    const chain = [start];
    const seen = new Set(chain);
    for (let at = next.get(start); at !== undefined && !seen.has(at); at = next.get(at)) {
      chain.push(at);
      seen.add(at);
    }
    ladders.push(chain);
  }
  return { levels, ladders };
}
