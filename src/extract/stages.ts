/**
 * Roadmap stages by years ("### Years 0-2: Foundations"): each joins, once every level is known,
 * the level those years fall in, as a group of its requirements.
 */
import type { RoleInput } from "../model/raw-role.ts";
import type { Range } from "../model/role.ts";
import { yearStage } from "./numbers.ts";
import { Out, type ReadEnv, type Result, type Value } from "./out.ts";
import { inContainer, readGroup } from "./requirements.ts";
import type { HeadingSection } from "./sections.ts";

export type StageValue = Extract<Value, { kind: "stage" }>;

/** A roadmap stage ("### Years 0-2: Foundations"), to be joined to its level once all levels are read; null for any other section. */
export function readStage(section: HeadingSection, env: ReadEnv): Result | null {
  const stage = yearStage(section.title);
  if (!stage) return null;
  const out = new Out();
  out.add({ kind: "stage", section, years: stage.years, title: inContainer(section, section.title, env, out) });
  return out.result();
}

/**
 * A finder of the level whose years hold a stage's years: the level starting at the same year, else
 * the one (latest starting) whose years hold the stage's start. Built once: linear however many stages.
 */
function levelsByYears(levels: RoleInput["levels"]): (years: Range) => number {
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

/** Joins each roadmap stage to the level its years fall in, given the levels read; a stage no level holds is left over. */
export function readStages(stages: readonly StageValue[], levels: RoleInput["levels"], env: ReadEnv): Result {
  const out = new Out();
  if (stages.length === 0) return out.result();
  const levelForYears = levelsByYears(levels);
  for (const stage of stages) {
    const index = levelForYears(stage.years);
    if (index < 0) {
      if (stage.section.parent) out.keepHeading(stage.section.parent, { ifUsed: true });
      out.keepHeading(stage.section);
      out.keepBlocks(stage.section, stage.section.blocks);
      out.readChildren(stage.section);
      continue;
    }
    out.merge(readGroup(index, stage.section, { priority: "other", group: stage.title, from: "list" }, env));
  }
  return out.result();
}
