/**
 * Growth steps between levels: "### Mid → Experienced Level:" with the steps listed beneath,
 * "**Mid → Experienced**: learn X, lead Y" as one line, or a bare "Senior → Staff" line.
 */
import type { Position } from "unist";
import { place } from "../model/raw-role.ts";
import type { Context } from "./context.ts";
import { splitArrows } from "./arrows.ts";
import { entriesOf, flatten } from "./entries.ts";
import type { HeadingSection } from "./sections.ts";
import { splitList } from "./skill-names.ts";

const stripLevel = (title: string) => title.replace(/\s+level$/i, "").trim();

/** Adds the growth step a "From → To" title names; false when the title is no such pair. */
export function addGrowth(title: string, steps: string[], position: Position, ctx: Context): boolean {
  const titles = splitArrows(title);
  if (!titles) return false;
  const growth = ctx.raw.data.growth!;
  growth.push(place(ctx.raw, ["growth", growth.length], position, { from: stripLevel(titles[0]!), to: stripLevel(titles[titles.length - 1]!), steps }));
  return true;
}

export function readGrowth(section: HeadingSection, ctx: Context): void {
  ctx.readBlocks(section, section.blocks);
  for (const entry of entriesOf(section.blocks)) {
    const steps = [...(entry.value ? splitList(entry.value) : []), ...flatten(entry.children).map((e) => e.text)];
    if (!(entry.label && addGrowth(entry.label, steps, entry.position, ctx))) ctx.keepEntries(section, [entry]);
  }
  for (const child of section.children) {
    const steps = flatten(entriesOf(child.blocks)).map((e) => e.text).filter(Boolean);
    if (addGrowth(child.title, steps, child.position ?? ctx.raw.position, ctx)) {
      ctx.readBlocks(child, child.blocks);
      ctx.readChildren(child);
    } else {
      ctx.readSection(child, ctx);
    }
  }
}
