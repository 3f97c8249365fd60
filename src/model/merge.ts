/**
 * Role[] → one Role per slug. Several files may describe one role (the seeds do): their parts are
 * joined, each kept once. Two different titles that give one slug are an error, since their pages
 * would overwrite each other.
 */
import type { Position } from "unist";
import type { VFile } from "vfile";
import { report } from "./diagnostics.ts";
import { positionOf, type RawRole } from "./raw-role.ts";
import type { Level, Role } from "./role.ts";

/** A validated role with the file it came from and the positions of its values. */
export interface Placed {
  role: Role;
  file: VFile;
  raw: RawRole;
}

function union<T>(a: readonly T[], b: readonly T[], key: (item: T) => string = (item) => JSON.stringify(item)): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((item) => !seen.has(key(item)) && seen.add(key(item)))];
}

function joinText(a: string | null, b: string | null): string | null {
  if (!a || !b || a === b) return a ?? b;
  return `${a}\n\n${b}`;
}

function mergeLevels(a: readonly Level[], b: readonly Level[], file: VFile, position: Position): Level[] {
  const levels = a.map((level) => ({ ...level, requirements: [...level.requirements] }));
  const bySlug = new Map(levels.map((level) => [level.slug, level]));
  for (const level of b) {
    const same = bySlug.get(level.slug);
    if (!same) {
      levels.push(level);
      bySlug.set(level.slug, level);
      continue;
    }
    if (same.years && level.years && (same.years.min !== level.years.min || same.years.max !== level.years.max)) {
      report(file, "warning", "level-years-mismatch", `Level "${level.name}" has other years here than in another file of the same role; kept the first file's years.`, position);
    }
    same.years ??= level.years;
    same.code ??= level.code;
    same.requirements = union(same.requirements, level.requirements);
  }
  return levels;
}

function mergeTwo(into: Role, next: Role, file: VFile, position: Position): Role {
  return {
    ...into,
    summary: joinText(into.summary, next.summary),
    background: joinText(into.background, next.background),
    responsibilities: union(into.responsibilities, next.responsibilities),
    skills: union(into.skills, next.skills, (s) => `${s.category.toLowerCase()}\u0000${s.slug}`),
    levels: mergeLevels(into.levels, next.levels, file, position),
    ladders: union(into.ladders, next.ladders),
    alternativePaths: union(into.alternativePaths, next.alternativePaths),
    growth: union(into.growth, next.growth),
    transitions: [...into.transitions, ...next.transitions],
    sections: [...into.sections, ...next.sections],
    sources: union(into.sources, next.sources),
  };
}

/**
 * Joins the roles that share a slug, in input order.
 * @param placed validated roles, each with its file (which receives merge diagnostics)
 */
export function mergeRoles(placed: readonly Placed[]): Role[] {
  const bySlug = new Map<string, { role: Role; file: VFile; plans: Set<string> }>();
  for (const { role, file, raw } of placed) {
    const position = raw.position;
    const first = bySlug.get(role.slug) ?? { role, file, plans: new Set<string>() };
    // Two plans from the same role into this one would share one page.
    role.transitions.forEach((plan, index) => {
      // Plans from one role to two different roles ("From DevOps to SRE", "From DevOps to Platform") are two plans.
      const key = `${plan.slug}\u0000${plan.to ?? ""}`;
      if (first.plans.has(key)) {
        report(file, "error", "transition-duplicate", `Role "${role.title}" already has a plan from "${plan.from}"; keep one, or name the starting roles apart.`, positionOf(raw, ["transitions", index]));
      }
      first.plans.add(key);
    });
    if (first.role === role) {
      bySlug.set(role.slug, first);
    } else if (first.role.title !== role.title) {
      report(
        file,
        "error",
        "slug-collision",
        `Role "${role.title}" gets the slug "${role.slug}", which "${first.role.title}" in ${first.file.path} already has; their pages would overwrite each other. Give one of them a distinct title, or the same title to merge them.`,
        position,
      );
    } else {
      first.role = mergeTwo(first.role, role, file, position);
    }
  }
  return [...bySlug.values()].map((entry) => entry.role);
}
