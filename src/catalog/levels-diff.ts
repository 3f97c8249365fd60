/**
 * A role's levels side by side: a row per skill with its priority at each level, and for each step
 * between adjacent levels what changes. Steps compare requirements by their text (case and
 * punctuation folded), so "TensorFlow / PyTorch" good-to-have at Mid and must-have at Experienced
 * is one requirement promoted, not two skills.
 */
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

export interface ChangedRequirement extends RequirementView {
  /** The label it had at the lower level. */
  fromLabel: string;
}

export interface Step {
  from: string;
  to: string;
  anchor: string;
  url: string;
  /** Listed at the higher level only. */
  added: RequirementView[];
  /** Good-to-have below, must-have above. */
  promoted: RequirementView[];
  /** Any other change of priority or group (must-have to good-to-have, into a named group). */
  changed: ChangedRequirement[];
  /** Listed at the lower level only. */
  removed: RequirementView[];
  /** How many requirements stay as they were. */
  unchanged: number;
}

export interface LevelComparison {
  url: string;
  levels: ComparedLevel[];
  rows: Row[];
  steps: Step[];
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

/** What changes from level `lower` to level `higher`. */
export function diffLevels(role: Role, lower: Level, higher: Level): Step {
  const before = byKey(lower);
  const after = byKey(higher);
  const step: Step = {
    from: lower.name,
    to: higher.name,
    anchor: stepAnchor(lower.slug, higher.slug),
    url: `${levelsUrl(role.slug)}#${stepAnchor(lower.slug, higher.slug)}`,
    added: [],
    promoted: [],
    changed: [],
    removed: [],
    unchanged: 0,
  };
  for (const [key, requirement] of after) {
    const was = before.get(key);
    if (!was) step.added.push(requirementView(requirement));
    else if (samePlace(was, requirement)) step.unchanged++;
    else if (was.priority === "good" && requirement.priority === "must") step.promoted.push(requirementView(requirement));
    else step.changed.push({ ...requirementView(requirement), fromLabel: priorityLabel(was.priority, was.group) });
  }
  for (const [key, requirement] of before) if (!after.has(key)) step.removed.push(requirementView(requirement));
  return step;
}

/** The table and the steps for one role; levels in the order the role gives them. */
export function compareLevels(role: Role): LevelComparison {
  const rows = new Map<string, Row>();
  const count = role.levels.length;
  role.levels.forEach((level, index) => {
    for (const requirement of level.requirements) {
      const targets: { key: string; skill: SkillLink | null; name: string }[] =
        requirement.skills.length > 0
          ? requirement.skills.map((s) => ({ key: `skill:${s.slug}`, skill: skillLink(s), name: s.name }))
          : [{ key: `text:${requirementKey(requirement)}`, skill: null, name: requirement.text }];
      for (const target of targets) {
        let row = rows.get(target.key);
        if (!row) {
          row = { skill: target.skill, name: target.name, cells: Array.from({ length: count }, () => ({ priority: null, label: "" })) };
          rows.set(target.key, row);
        }
        const cell = row.cells[index]!;
        if (cell.priority === null || priorityRank(requirement.priority) > priorityRank(cell.priority)) {
          row.cells[index] = { priority: requirement.priority, label: priorityLabel(requirement.priority, requirement.group) };
        }
      }
    }
  });
  const steps: Step[] = [];
  for (let i = 0; i + 1 < count; i++) steps.push(diffLevels(role, role.levels[i]!, role.levels[i + 1]!));
  return {
    url: levelsUrl(role.slug),
    levels: role.levels.map((level) => ({
      name: level.name,
      slug: level.slug,
      url: `${roleUrl(role.slug)}#${levelAnchor(level.slug)}`,
      yearsLabel: level.years ? rangeLabel(level.years, "year") : null,
    })),
    rows: [...rows.values()],
    steps,
  };
}
