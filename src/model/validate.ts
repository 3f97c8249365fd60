/**
 * RawRole → Role, or diagnostics. Zod checks the shape; each zod issue is reported at the source
 * position of the value it is about. Checks that only warn (a plan's phases that leave a gap)
 * run after the shape is known to be right. Like Markdoc's validate, this never throws.
 */
import type { VFile } from "vfile";
import type { z } from "zod";
import type { RawRole } from "./raw-role.ts";
import { pathKey, positionOf } from "./raw-role.ts";
import { report } from "./diagnostics.ts";
import type { Raised, RuleArgs } from "./rules.ts";
import { addOrigins } from "./origins.ts";
import { Role, type Transition } from "./role.ts";

type Path = readonly PropertyKey[];

/**
 * The rule of a check the schema makes (by the last named key of the path, or the rule its
 * refinement names) and what it found. Zod's wording is for programmers: the issues an author
 * causes by naming things get their own; the rest name the value in the author's words.
 */
function raisedFor(issue: z.core.$ZodIssue, data: RawRole["data"]): Raised {
  const params = (issue as { params?: { ruleId?: unknown } & Partial<RuleArgs<"level-name-unique">> }).params;
  if (params?.ruleId === "level-name-unique") return { ruleId: "level-name-unique", args: { level: String(params.level), role: String(params.role), first: Number(params.first) } };
  const refused = { where: describePath(issue.path, data), problem: issue.message };
  const keys = issue.path.filter((k): k is string => typeof k === "string");
  const [parent, last] = [keys[keys.length - 2], keys[keys.length - 1]];
  if (parent === "years" || last === "years") return { ruleId: "level-years-range", args: refused };
  if (parent === "hoursPerWeek" || last === "hoursPerWeek") return { ruleId: "hours-range", args: refused };
  if (parent === "phases" || last === "end" || last === "start") return { ruleId: "phase-range", args: refused };
  if (last === "title") return { ruleId: "role-title", args: issue.code === "too_small" ? {} : refused };
  if (last === "slug") {
    const owner = describePath(issue.path.slice(0, -1), data);
    return { ruleId: "name-without-slug", args: { owner: owner === "role" ? "The role's title" : owner } };
  }
  return { ruleId: "model-invalid", args: refused };
}

/** "Level \"Mid\" › years › max": the path in the author's words, naming the level or plan it is in. */
function describePath(path: Path, data: RawRole["data"]): string {
  const words: string[] = [];
  let node: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = (node as Record<PropertyKey, unknown> | undefined)?.[key];
    if (typeof key === "number") {
      const item = next as { name?: string; from?: string; text?: string; start?: number; end?: number } | undefined;
      const owner = String(path[i - 1]);
      if (owner === "levels") words.pop(), words.push(`Level "${item?.name}"`);
      else if (owner === "transitions") words.pop(), words.push(`Plan from "${item?.from}"`);
      else if (owner === "phases") words.pop(), words.push(`phase ${key + 1} (${item?.start}-${item?.end})`);
      else if (owner === "requirements") words.pop(), words.push(`requirement "${item?.text}"`);
      else words.push(`item ${key + 1}`);
    } else words.push(String(key));
    node = next;
  }
  return words.join(" › ") || "role";
}

/** The whole months `weeks` weeks reach into (52 weeks make 12 months). */
const weeksToMonths = (weeks: number) => Math.max(1, Math.ceil((weeks * 12) / 52));

/** Phases should run from the first month (or week) to the plan's end, in order, without gaps or overlaps. */
function checkPhases(plan: Transition, planIndex: number, raw: RawRole, file: VFile): void {
  const unit = plan.unit;
  const inMonths = (n: number) => (unit === "week" ? weeksToMonths(n) : unit === "year" ? n * 12 : n);
  let expected = 1;
  plan.phases.forEach((phase, index) => {
    const at = positionOf(raw, ["transitions", planIndex, "phases", index]);
    const name = `Phase ${index + 1} (${unit}s ${phase.start}-${phase.end}) of the plan from "${plan.from}"`;
    if (phase.start > expected) {
      report(file, "plan-phase-gap", { phase: name, unit, start: phase.start, expected }, at);
    } else if (phase.start < expected) {
      report(file, "plan-phase-overlap", { phase: name, unit, start: phase.start, expected }, at);
    }
    if (plan.months !== null && inMonths(phase.end) > plan.months) {
      report(file, "plan-phase-outside", { phase: name, months: plan.months }, at);
    }
    expected = Math.max(expected, phase.end + 1);
  });
  if (plan.months !== null && plan.phases.length > 0 && inMonths(expected - 1) < plan.months) {
    report(file, "plan-phase-gap", { from: plan.from, months: plan.months, unit, last: expected - 1 }, positionOf(raw, ["transitions", planIndex, "months"]));
  }
}

/**
 * A skill name with no letter or digit ("🚀", "!!!") gives no page address, so it cannot be a
 * skill: extraction keeps it with an empty slug, and this reports each at its line and leaves it
 * out, keeping the rest of the role. The positions of the items after it move down with them.
 */
function dropUnnamedSkills(raw: RawRole, file: VFile): RawRole {
  const positions = new Map(raw.positions);
  let dropped = false;
  const keep = <T extends { name: string; slug: string }>(list: T[], path: (string | number)[], where: string): T[] => {
    if (!list?.some((skill) => skill.slug === "")) return list;
    dropped = true;
    const prefix = `${pathKey(path)}.`;
    const moved = [...positions].filter(([key]) => key.startsWith(prefix));
    for (const [key] of moved) positions.delete(key);
    const to: (number | null)[] = [];
    const kept: T[] = [];
    list.forEach((skill, index) => {
      if (skill.slug !== "") {
        to.push(kept.push(skill) - 1);
        return;
      }
      to.push(null);
      report(file, "skill-without-slug", { skill: skill.name, where }, positionOf(raw, [...path, index]));
    });
    for (const [key, position] of moved) {
      const [index, ...rest] = key.slice(prefix.length).split(".");
      const at = to[Number(index)];
      if (at !== null && at !== undefined) positions.set([`${prefix}${at}`, ...rest].join("."), position);
    }
    return kept;
  };
  const { data } = raw;
  const skills = keep(data.skills, ["skills"], "the role's skills");
  const levels = data.levels?.map((level, i) => ({
    ...level,
    requirements: level.requirements?.map((r, j) => ({ ...r, skills: keep(r.skills, ["levels", i, "requirements", j, "skills"], `the requirement "${r.text}" of level "${level.name}"`) })),
  }));
  const transitions = data.transitions?.map((plan, i) => ({ ...plan, keySkills: keep(plan.keySkills, ["transitions", i, "keySkills"], `the key skills of the plan from "${plan.from}"`) }));
  return dropped ? { ...raw, data: { ...data, skills, levels, transitions }, positions } : raw;
}

function hasContent(role: Role): boolean {
  return Boolean(
    role.summary || role.background || role.responsibilities.length || role.skills.length || role.levels.length ||
      role.ladders.length || role.alternativePaths.length || role.growth.length || role.transitions.length,
  );
}

/**
 * Validates an extracted role.
 * @param raw the extractor's output
 * @param file receives one diagnostic per problem
 * @returns the Role, or null when it has errors
 */
export function validateRole(extracted: RawRole, file: VFile): Role | null {
  const raw = dropUnnamedSkills(extracted, file);
  const result = Role.safeParse(raw.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const { ruleId, args } = raisedFor(issue, raw.data);
      report(file, ruleId, args, positionOf(raw, issue.path.map((k) => (typeof k === "symbol" ? String(k) : k))));
    }
    return null;
  }
  const role = addOrigins(result.data, raw);
  role.transitions.forEach((plan, index) => checkPhases(plan, index, raw, file));
  if (!hasContent(role)) {
    report(file, "no-role-content", { title: role.title }, raw.position);
    return null;
  }
  return role;
}
