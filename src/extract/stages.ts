/**
 * Roadmap stages by years ("### Years 0-2: Foundations"): each joins, once every level is known,
 * the level those years fall in, as a group of its requirements.
 */
import type { Range } from "../model/role.ts";
import type { Context } from "./context.ts";
import { yearStage } from "./numbers.ts";
import { inContainer, readGroup } from "./requirements.ts";
import type { HeadingSection } from "./sections.ts";

/** Notes a roadmap stage ("### Years 0-2: Foundations") to be joined to its level once all levels are read. */
export function addStage(section: HeadingSection, ctx: Context): boolean {
  const stage = yearStage(section.title);
  if (!stage) return false;
  ctx.stages.push({ section, years: stage.years, title: inContainer(section, section.title, ctx) });
  return true;
}

/**
 * A finder of the level whose years hold a stage's years: the level starting at the same year, else
 * the one (latest starting) whose years hold the stage's start. Built once: linear however many stages.
 */
function levelsByYears(ctx: Context): (years: Range) => number {
  const levels = ctx.raw.data.levels!;
  const starts = new Map<number, number>();
  const sorted: { min: number; max: number | null; index: number }[] = [];
  levels.forEach((level, index) => {
    if (!level.years) return;
    if (!starts.has(level.years.min)) starts.set(level.years.min, index);
    sorted.push({ min: level.years.min, max: level.years.max, index });
  });
  sorted.sort((a, b) => a.min - b.min || a.index - b.index);
  return (years) => {
    const exact = starts.get(years.min);
    if (exact !== undefined) return exact;
    let low = 0;
    let high = sorted.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (sorted[mid]!.min <= years.min) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    const candidate = sorted[found];
    return candidate && (candidate.max === null || years.min < candidate.max) ? candidate.index : -1;
  };
}

/** Joins each roadmap stage to the level its years fall in; a stage no level holds is kept unplaced. */
export function resolveStages(ctx: Context): void {
  if (ctx.stages.length === 0) return;
  const levelForYears = levelsByYears(ctx);
  for (const stage of ctx.stages) {
    const index = levelForYears(stage.years);
    if (index < 0) {
      if (stage.section.parent && ctx.headingsUsed.has(stage.section.parent)) ctx.keepHeading(stage.section.parent);
      ctx.keepHeading(stage.section);
      ctx.keepBlocks(stage.section, stage.section.blocks);
      ctx.readChildren(stage.section);
      continue;
    }
    readGroup(index, stage.section, { priority: "other", group: stage.title, from: "list" }, ctx);
  }
  ctx.stages.length = 0;
}
