/**
 * The catalog: everything the site shows, derived from the validated roles alone and handed to the
 * templates ready to print. Nothing here reads files or knows about Eleventy.
 */
import type { Role } from "../model/role.ts";
import { compareText, plural } from "./format.ts";
import { buildLadderGraph, type LadderGraph } from "./ladders.ts";
import { RoleIndex } from "./links.ts";
import { createSkillMatcher } from "./match.ts";
import { buildPlans, type PlanView } from "./plans.ts";
import { buildRoleView, type RoleView } from "./roles.ts";
import { buildSkillIndex, collectSkills, groupByLetter, type LetterGroup, type SkillEntry } from "./skills.ts";
import * as urls from "./urls.ts";

export interface Catalog {
  /** By title. */
  roles: RoleView[];
  /** A–Z by name. */
  skills: SkillEntry[];
  letters: LetterGroup[];
  /** Every transition plan, roles by title, plans in the order written. */
  plans: PlanView[];
  progression: LadderGraph;
  counts: { roles: number; levels: number; skills: number; plans: number; ladders: number };
  /** "1 role", "12 skills", … for headings. */
  labels: { roles: string; skills: string; plans: string; ladders: string };
  urls: {
    home: string;
    skills: string;
    progression: string;
    rolesJson: string;
    schema: string;
  };
}

/** Freezes `value` and everything it holds, so templates cannot change what they are handed. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * Derives the catalog.
 * @param input validated, merged roles (one per slug); they are copied, not changed
 * @throws Error when two roles share a slug (the merge step should have joined or reported them)
 */
export function buildCatalog(input: readonly Role[]): Catalog {
  const roles = structuredClone([...input]).sort((a, b) => compareText(a.title, b.title) || compareText(a.slug, b.slug));
  const seen = new Set<string>();
  for (const role of roles) {
    if (seen.has(role.slug)) throw new Error(`Two roles share the slug "${role.slug}"; merge them or give them distinct titles`);
    seen.add(role.slug);
  }
  const index = new RoleIndex(roles);
  const names = collectSkills(roles);
  const matcher = createSkillMatcher([...names].flatMap(([slug, spellings]) => spellings.map((name) => ({ slug, name }))));
  const displayNames = new Map([...names].map(([slug, spellings]) => [slug, spellings[0]!]));
  const plansByRole = roles.map((role) => buildPlans(role, index, matcher, displayNames));
  const plans = plansByRole.flat();
  const skills = buildSkillIndex(roles, plans);
  const progression = buildLadderGraph(roles);
  const catalog: Catalog = {
    roles: roles.map((role, i) => buildRoleView(role, index, plansByRole[i]!)),
    skills,
    letters: groupByLetter(skills),
    plans,
    progression,
    counts: {
      roles: roles.length,
      levels: roles.reduce((n, r) => n + r.levels.length, 0),
      skills: skills.length,
      plans: plans.length,
      ladders: progression.ladders,
    },
    labels: {
      roles: plural(roles.length, "role"),
      skills: plural(skills.length, "skill"),
      plans: plural(plans.length, "transition plan"),
      ladders: plural(progression.ladders, "ladder"),
    },
    urls: { home: urls.homeUrl, skills: urls.skillsUrl, progression: urls.progressionUrl, rolesJson: urls.rolesJsonUrl, schema: urls.schemaUrl },
  };
  return deepFreeze(catalog);
}

export type { RoleView } from "./roles.ts";
export type { PlanView, PhaseView } from "./plans.ts";
export type { SkillEntry, LetterGroup } from "./skills.ts";
export type { LadderGraph, LadderNode } from "./ladders.ts";
export type { LevelComparison, Step } from "./levels-diff.ts";
