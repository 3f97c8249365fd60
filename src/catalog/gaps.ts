/**
 * What a reader moving from one role to another already brings and what is left to learn.
 */
import type { Level, Role, SkillRef } from "../model/role.ts";

/** The skills a person in `role` can be taken to have: its role-wide skills and the must-haves of every level. */
export function skillsHeld(role: Role): Set<string> {
  const held = new Set(role.skills.map((s) => s.slug));
  for (const level of role.levels) {
    for (const requirement of level.requirements) {
      if (requirement.priority === "must") for (const skill of requirement.skills) held.add(skill.slug);
    }
  }
  return held;
}

/** The must-have skills of `level`, each slug once, in order. */
export function mustHaveSkills(level: Level): SkillRef[] {
  const seen = new Set<string>();
  const skills: SkillRef[] = [];
  for (const requirement of level.requirements) {
    if (requirement.priority !== "must") continue;
    for (const skill of requirement.skills) {
      if (seen.has(skill.slug)) continue;
      seen.add(skill.slug);
      skills.push(skill);
    }
  }
  return skills;
}

export interface SkillGap {
  /** The level compared with: the target's first (entry) level; null when it has none. */
  level: Level | null;
  have: SkillRef[];
  left: SkillRef[];
}

/**
 * Splits the must-have skills of `target`'s entry level into those `from` already holds and those left.
 * @param target the role the plan leads to
 * @param from the role the reader starts from
 */
export function skillGap(target: Role, from: Role): SkillGap {
  const level = target.levels[0] ?? null;
  if (!level) return { level: null, have: [], left: [] };
  const held = skillsHeld(from);
  const must = mustHaveSkills(level);
  return { level, have: must.filter((s) => held.has(s.slug)), left: must.filter((s) => !held.has(s.slug)) };
}
