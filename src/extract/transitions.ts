/**
 * Transition plans into the role: "### From Data Scientist (9-month plan)" followed by phases
 * ("**Months 1-3**: Title" and "•" topic lines), "**Key Skills**: ..." and
 * "**Time Commitment**: 12-18 hours/week".
 */
import type { Position } from "unist";
import { report } from "../model/diagnostics.ts";
import { toSlug } from "../model/slug.ts";
import { place, type RoleInput } from "../model/raw-role.ts";
import type { Context } from "./context.ts";
import { entriesOf, isProse, type Entry } from "./entries.ts";
import { conceptOf } from "./names.ts";
import { findHoursPerWeek, findMonths, phaseMonths } from "./numbers.ts";
import type { HeadingSection } from "./sections.ts";
import { skillsNamed, splitList } from "./skill-names.ts";

type TransitionInput = RoleInput["transitions"][number];

/** "From Data Scientist (9-month plan)" → "Data Scientist", 9. */
export function parsePlanHeading(text: string): { from: string; months: number | null } {
  const found = findMonths(text);
  const rest = (found ? found.rest : text).replace(/^\s*(?:from|de|desde|从)\s+/iu, "").replace(/[:：]\s*$/, "").trim();
  return { from: rest, months: found?.months ?? null };
}

function readPlanEntries(entries: readonly Entry[], plan: TransitionInput, path: (string | number)[], heading: string, ctx: Context): void {
  const phases = plan.phases!;
  for (const entry of entries) {
    const months = entry.label ? phaseMonths(entry.label) : null;
    if (months) {
      phases.push(place(ctx.raw, [...path, "phases", phases.length], entry.position, { ...months, title: entry.value, topics: [] }));
      readPlanEntries(entry.children, plan, path, heading, ctx);
      continue;
    }
    const concept = entry.label ? conceptOf(entry.label, ["keySkills", "hours", "duration", "skills"]) : null;
    if (concept === "keySkills" || concept === "skills") {
      plan.keySkills!.push(...skillsNamed(entry.value));
      place(ctx.raw, [...path, "keySkills"], entry.position, null);
    } else if (concept === "hours" && findHoursPerWeek(entry.value)) {
      plan.hoursPerWeek = place(ctx.raw, [...path, "hoursPerWeek"], entry.position, findHoursPerWeek(entry.value)!.range);
    } else if (concept === "duration" && findMonths(entry.value)) {
      plan.months = place(ctx.raw, [...path, "months"], entry.position, findMonths(entry.value)!.months);
    } else if (phases.length > 0 && (entry.bullet || !entry.label || entry.children.length === 0)) {
      // Lines after a phase label are its topics, whether "•" lines folded into a paragraph or list items.
      const phase = phases[phases.length - 1]!;
      phase.topics!.push(entry.text);
      readPlanEntries(entry.children, plan, path, heading, ctx);
    } else {
      ctx.keepEntries(heading, [entry]);
    }
  }
}

function readPlan(section: HeadingSection, ctx: Context): void {
  const { from, months } = parsePlanHeading(section.title);
  const position: Position = section.heading?.position ?? ctx.raw.position;
  const transitions = ctx.raw.data.transitions!;
  const index = transitions.length;
  const path = ["transitions", index];
  const plan: TransitionInput = { from, slug: toSlug(from), months, phases: [], keySkills: [], hoursPerWeek: null };
  transitions.push(place(ctx.raw, path, position, plan));
  place(ctx.raw, [...path, "months"], position, null);
  ctx.keepBlocks(section.title, section.blocks.filter((b) => !isProse(b)));
  readPlanEntries(entriesOf(section.blocks), plan, path, section.title, ctx);
  for (const child of section.children) {
    // A phase as its own heading: "#### Months 1-3: Foundations".
    const label = /^(.*?)\s*[:：\-–—]\s*(.*)$/u.exec(child.title);
    const phase = label ? phaseMonths(label[1]!) : phaseMonths(child.title);
    if (phase) {
      const phases = plan.phases!;
      phases.push(place(ctx.raw, [...path, "phases", phases.length], child.heading?.position, { ...phase, title: label?.[2] ?? "", topics: [] }));
      ctx.keepBlocks(child.title, child.blocks.filter((b) => !isProse(b)));
      readPlanEntries(entriesOf(child.blocks), plan, path, child.title, ctx);
      for (const grandchild of child.children) ctx.readSection(grandchild, ctx);
    } else ctx.readSection(child, ctx);
  }
  if (plan.months === null && plan.phases!.length > 0) {
    plan.months = Math.max(...plan.phases!.map((p) => p.end));
    report(ctx.file, "info", "plan-months-inferred", `The plan from "${from}" gives no length; took ${plan.months} months from its last phase.`, position);
  }
}

/** A plan's heading names where it starts ("From Data Scientist") or how long it lasts ("(9-month plan)"). */
function isPlanHeading(title: string): boolean {
  return /^\s*(?:from|de|desde|从)\s+/iu.test(title) || findMonths(title) !== null;
}

export function readTransitions(section: HeadingSection, ctx: Context): void {
  ctx.keepBlocks(section.title, section.blocks.filter((b) => !isProse(b)));
  ctx.keepEntries(section.title, entriesOf(section.blocks));
  for (const child of section.children) {
    if (isPlanHeading(child.title)) readPlan(child, ctx);
    else ctx.readSection(child, ctx);
  }
}
