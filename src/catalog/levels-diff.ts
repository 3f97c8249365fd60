/**
 * A role's levels side by side, in the order a career climbs them: by years, then by their place on
 * the role's ladder, then as the files give them (never by name). For a role whose requirements are
 * skills, a row per skill with its priority at each level, and for each step between adjacent levels
 * what is new, what becomes a must-have and what is no longer mentioned. Steps compare requirements
 * by their text (case and punctuation folded), so "TensorFlow / PyTorch" good-to-have at Mid and
 * must-have at Experienced is one requirement promoted, not two skills. For a competency framework
 * (Monzo's topics × levels: every requirement filed under a competency), a matrix: competencies as
 * rows, levels as columns, the criteria in the cells.
 */
import { defaultAliases } from "../model/aliases.ts";
import type { Level, Priority, Requirement, Role } from "../model/role.ts";
import { toSlug } from "../model/slug.ts";
import { priorityLabel, priorityRank, rangeLabel } from "./format.ts";
import { skillLink, type SkillLink } from "./links.ts";
import { requirementView, type RequirementView } from "./requirements.ts";
import { levelAnchor, levelsUrl, roleUrl, stepAnchor } from "./urls.ts";

export interface ComparedLevel {
  name: string;
  slug: string;
  /** The level on the role page. */
  url: string;
  yearsLabel: string | null;
}

export interface Cell {
  priority: Priority | null;
  /** "Must-have", "Good-to-have", the group name, or "" when the level does not list it. */
  label: string;
}

export interface Row {
  /** The skill; null for a requirement that names no skill, shown by its text. */
  skill: SkillLink | null;
  name: string;
  /** One per level, in level order. */
  cells: Cell[];
}

/** A competency of a framework: its criteria at each level (an empty list where a level gives none). */
export interface MatrixRow {
  competency: string;
  cells: RequirementView[][];
}

export interface ChangedRequirement extends RequirementView {
  /** The label it had at the lower level. */
  fromLabel: string;
}

/** Requirements of one step under one label: "Must-have", or "Must-have → Good-to-have". */
export interface ChangeGroup {
  label: string;
  requirements: RequirementView[];
}

export interface Step {
  from: string;
  to: string;
  /** Positions of the two levels in the comparison's order. */
  fromIndex: number;
  toIndex: number;
  anchor: string;
  url: string;
  /** The comparison page with this pair chosen (`?from=mid&to=experienced`). */
  pairUrl: string;
  /** Listed at the higher level only. */
  added: RequirementView[];
  /** Good-to-have below, must-have above. */
  promoted: RequirementView[];
  /** Any other change of priority or group (must-have to good-to-have, into a named group). */
  changed: ChangedRequirement[];
  /** Listed at the lower level only: not mentioned at the higher one, which does not mean it stops mattering. */
  removed: RequirementView[];
  /** `added`, `changed` and `removed` under their labels, in the order first met. */
  addedGroups: ChangeGroup[];
  changedGroups: ChangeGroup[];
  removedGroups: ChangeGroup[];
  /** How many requirements stay as they were. */
  unchanged: number;
}

export interface LevelComparison {
  url: string;
  /** "skills": a table of skills by level, with steps; "matrix": a competency framework. */
  kind: "skills" | "matrix";
  /** In climbing order (see `orderLevels`). */
  levels: ComparedLevel[];
  rows: Row[];
  /** Competencies × levels, for a framework; empty otherwise. */
  matrix: MatrixRow[];
  steps: Step[];
  /** The pair shown first: the first two adjacent levels (slugs), or null with fewer than two. */
  pair: { from: string; to: string } | null;
}

function requirementKey(requirement: Requirement): string {
  return toSlug(requirement.text) || requirement.text.trim().toLowerCase();
}

/** The strongest requirement for each key at one level, in the order first written. */
function byKey(level: Level): Map<string, Requirement> {
  const map = new Map<string, Requirement>();
  for (const requirement of level.requirements) {
    const key = requirementKey(requirement);
    const seen = map.get(key);
    if (!seen || priorityRank(requirement.priority) > priorityRank(seen.priority)) map.set(key, requirement);
  }
  return map;
}

function samePlace(a: Requirement, b: Requirement): boolean {
  return a.priority === b.priority && (a.priority !== "other" || priorityLabel("other", a.group) === priorityLabel("other", b.group));
}

function groupsOf<T extends RequirementView>(list: readonly T[], label: (item: T) => string): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const item of list) {
    const key = label(item);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { label: key, requirements: [] }));
    group.requirements.push(item);
  }
  return [...groups.values()];
}

/** The comparison page with `from` and `to` chosen. */
export function pairUrl(role: string, from: string, to: string): string {
  return `${levelsUrl(role)}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}

/**
 * What changes from level `lower` to level `higher`.
 * @param indexes the two levels' positions in the comparison (their order in the role by default)
 */
export function diffLevels(role: Role, lower: Level, higher: Level, indexes?: { from: number; to: number }): Step {
  const before = byKey(lower);
  const after = byKey(higher);
  const added: RequirementView[] = [];
  const promoted: RequirementView[] = [];
  const changed: ChangedRequirement[] = [];
  const removed: RequirementView[] = [];
  let unchanged = 0;
  for (const [key, requirement] of after) {
    const was = before.get(key);
    if (!was) added.push(requirementView(requirement));
    else if (samePlace(was, requirement)) unchanged++;
    else if (was.priority === "good" && requirement.priority === "must") promoted.push(requirementView(requirement));
    else changed.push({ ...requirementView(requirement), fromLabel: priorityLabel(was.priority, was.group) });
  }
  for (const [key, requirement] of before) if (!after.has(key)) removed.push(requirementView(requirement));
  const anchor = stepAnchor(lower.slug, higher.slug);
  return {
    from: lower.name,
    to: higher.name,
    fromIndex: indexes?.from ?? role.levels.indexOf(lower),
    toIndex: indexes?.to ?? role.levels.indexOf(higher),
    anchor,
    url: `${levelsUrl(role.slug)}#${anchor}`,
    pairUrl: pairUrl(role.slug, lower.slug, higher.slug),
    added,
    promoted,
    changed,
    removed,
    addedGroups: groupsOf(added, (r) => r.label),
    changedGroups: groupsOf(changed, (r) => `${r.fromLabel} → ${r.label}`),
    removedGroups: groupsOf(removed, (r) => r.label),
    unchanged,
  };
}

/**
 * The ladder of `role` that names most of its levels, with each level's place on it: a level is on
 * a rung whose title is its name, or holds every word of it ("Senior" on "Senior ML Engineer").
 */
function ladderPlaces(role: Role): (number | null)[] {
  let best: (number | null)[] = role.levels.map(() => null);
  let bestCount = 0;
  for (const ladder of role.ladders) {
    const rungs = ladder.map((title) => defaultAliases.expand(title));
    const places = role.levels.map((level) => {
      const words = defaultAliases.expand(level.name);
      if (words.length === 0) return null;
      const exact = rungs.findIndex((rung) => rung.join(" ") === words.join(" "));
      if (exact >= 0) return exact;
      const holds = rungs.findIndex((rung) => words.every((w) => rung.includes(w)));
      return holds >= 0 ? holds : null;
    });
    const count = places.filter((p) => p !== null).length;
    if (count > bestCount) [best, bestCount] = [places, count];
  }
  return best;
}

/**
 * The levels of `role` in climbing order: by years (their first year, then their last, an open end
 * last), then by their place on the role's ladder, then in the order the files give them. A level
 * without years takes the years of the nearest level with years at or below its place on the ladder
 * ("Senior" goes after "Senior ML Engineer (4–7 years)"); one with neither comes after the levels
 * with years. Names never decide: "Senior" sorts before "Mid" by letter alone, and a level without
 * years must not open the comparison.
 */
export function orderLevels(role: Role): Level[] {
  const places = ladderPlaces(role);
  const years = role.levels.map((level, index) => {
    if (level.years) return level.years;
    const place = places[index];
    if (place === null || place === undefined) return null;
    let best: { place: number; years: NonNullable<Level["years"]> } | null = null;
    for (const [j, other] of role.levels.entries()) {
      const at = places[j];
      if (!other.years || at === null || at === undefined || at > place) continue;
      if (!best || at > best.place || (at === best.place && other.years.min > best.years.min)) best = { place: at, years: other.years };
    }
    return best?.years ?? null;
  });
  const key = (index: number): number[] => {
    const span = years[index];
    // On one rung with the same years, the level that gives them before the one that borrows them.
    const borrowed = role.levels[index]!.years ? 0 : 1;
    return [span ? 0 : 1, span?.min ?? 0, span ? (span.max ?? Number.MAX_SAFE_INTEGER) : 0, places[index] ?? Number.MAX_SAFE_INTEGER, borrowed, index];
  };
  return role.levels
    .map((level, index) => ({ level, key: key(index) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
      return 0;
    })
    .map((entry) => entry.level);
}

/**
 * Whether `levels` are a competency framework: two levels or more, and every requirement filed under
 * a named group (a competency) rather than a must-have or good-to-have.
 */
export function isFramework(levels: readonly Level[]): boolean {
  const all = levels.flatMap((level) => level.requirements);
  return levels.length > 1 && all.length > 0 && all.every((r) => r.priority === "other" && r.group !== null && r.group.trim() !== "");
}

function skillRows(levels: readonly Level[]): Row[] {
  const rows = new Map<string, Row>();
  levels.forEach((level, index) => {
    for (const requirement of level.requirements) {
      const targets: { key: string; skill: SkillLink | null; name: string }[] =
        requirement.skills.length > 0
          ? requirement.skills.map((s) => ({ key: `skill:${s.slug}`, skill: skillLink(s), name: s.name }))
          : [{ key: `text:${requirementKey(requirement)}`, skill: null, name: requirement.text }];
      for (const target of targets) {
        let row = rows.get(target.key);
        if (!row) {
          row = { skill: target.skill, name: target.name, cells: Array.from({ length: levels.length }, () => ({ priority: null, label: "" })) };
          rows.set(target.key, row);
        }
        const cell = row.cells[index]!;
        if (cell.priority === null || priorityRank(requirement.priority) > priorityRank(cell.priority)) {
          row.cells[index] = { priority: requirement.priority, label: priorityLabel(requirement.priority, requirement.group) };
        }
      }
    }
  });
  return [...rows.values()];
}

function matrixRows(levels: readonly Level[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  levels.forEach((level, index) => {
    for (const requirement of level.requirements) {
      const competency = priorityLabel(requirement.priority, requirement.group);
      let row = rows.get(competency);
      if (!row) rows.set(competency, (row = { competency, cells: levels.map(() => []) }));
      row.cells[index]!.push(requirementView(requirement));
    }
  });
  return [...rows.values()];
}

/** What the role page and the whole-catalog pages read of a comparison: its address and its levels in order. */
export type LevelOutline = Pick<LevelComparison, "url" | "kind" | "levels" | "pair">;

function outline(role: Role, levels: readonly Level[], matrix: boolean): LevelOutline {
  return {
    url: levelsUrl(role.slug),
    kind: matrix ? "matrix" : "skills",
    levels: levels.map((level) => ({
      name: level.name,
      slug: level.slug,
      url: `${roleUrl(role.slug)}#${levelAnchor(level.slug)}`,
      yearsLabel: level.years ? rangeLabel(level.years, "year") : null,
    })),
    pair: levels.length > 1 ? { from: levels[0]!.slug, to: levels[1]!.slug } : null,
  };
}

/** The comparison's outline alone (see `LevelOutline`), without its table and steps. */
export function outlineLevels(role: Role): LevelOutline {
  const levels = orderLevels(role);
  return outline(role, levels, isFramework(levels));
}

/** The table (or matrix) and the steps for one role, levels in climbing order (see `orderLevels`). */
export function compareLevels(role: Role): LevelComparison {
  const levels = orderLevels(role);
  const matrix = isFramework(levels);
  const steps: Step[] = [];
  if (!matrix) for (let i = 0; i + 1 < levels.length; i++) steps.push(diffLevels(role, levels[i]!, levels[i + 1]!, { from: i, to: i + 1 }));
  return { ...outline(role, levels, matrix), rows: matrix ? [] : skillRows(levels), matrix: matrix ? matrixRows(levels) : [], steps };
}
