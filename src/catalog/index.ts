/**
 * The catalog: everything the site shows, derived from the validated roles alone and handed to the
 * templates ready to print. Nothing here reads files or knows about Eleventy.
 */
import type { Role } from "../model/role.ts";
import { compareText, plural } from "./format.ts";
import { buildLadderGraph, type LadderGraph } from "./ladders.ts";
import { RoleIndex } from "./links.ts";
import { createSkillMatcher, type SkillMatcher } from "./match.ts";
import { buildPlans, type PlanView } from "./plans.ts";
import { buildRoleView, type RoleView } from "./roles.ts";
import { buildSkillIndex, collectSkills, groupByCategory, groupByLetter, type LetterGroup, type SkillEntry, type SkillGroups } from "./skills.ts";
import { renameSources, sourceLinks, type Repository } from "./sources.ts";
import * as urls from "./urls.ts";

export interface Catalog {
  /** By title. */
  roles: RoleView[];
  /** A–Z by name. */
  skills: SkillEntry[];
  letters: LetterGroup[];
  /** The skills by category, and the names mentioned once (see `groupByCategory`). */
  skillGroups: SkillGroups;
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
    search: string;
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

/** What a catalog derived from one role kept, for the next catalog to reuse. */
interface Derived {
  /** The skill names and role slugs it was derived with (see `contextOf`). */
  context: string;
  /** The roles its plans start from, as found then. */
  from: (Role | undefined)[];
  plans: PlanView[];
  view: RoleView;
}

/**
 * Lets one catalog reuse what the previous one derived (serve: a rebuild after an edit derives the
 * edited role's pages alone). A role's plans and page depend on the role itself, the roles its plans
 * start from, the set of role slugs (for links) and every skill's spellings (to find skills in
 * plan text): when none of these changed (the same role objects, the same context), they are
 * reused. Roles are looked up by identity: the load stage hands over the same object for a file
 * that did not change.
 */
export class CatalogMemo {
  readonly #copies = new WeakMap<Role, Role>();
  readonly #derived = new WeakMap<Role, Derived>();

  /**
   * The catalog's own copy of an input role (made once per role object), its source paths renamed
   * by `name` (one memo serves builds of the same inputs, so `name` does not change in its life).
   */
  copy(role: Role, name?: (path: string) => string): Role {
    let copy = this.#copies.get(role);
    if (!copy) {
      copy = structuredClone(role);
      if (name) renameSources(copy, name);
      this.#copies.set(role, copy);
    }
    return copy;
  }

  derived(role: Role, context: string, from: readonly (Role | undefined)[]): Derived | undefined {
    const kept = this.#derived.get(role);
    return kept && kept.context === context && kept.from.length === from.length && kept.from.every((r, i) => r === from[i]) ? kept : undefined;
  }

  keep(role: Role, derived: Derived): void {
    this.#derived.set(role, derived);
  }

  /** The roles (copies) of the last catalog with what was derived from them, and its skill entries. */
  #lastRoles = new Map<Role, Derived>();
  #lastSkills = new Map<string, SkillEntry>();

  /**
   * The skill entries of a new catalog, each replaced by the last catalog's entry for the same skill
   * when nothing it is made of changed: a skill's entry is made of the roles that name it and the
   * plans whose phases teach it, so only skills that a role derived anew, new to the catalog, or gone
   * names (in its old or new version) can differ. The entries kept are the same (frozen) objects as before.
   */
  reuseSkills(entries: SkillEntry[], roles: ReadonlyMap<Role, Derived>, made: ReadonlySet<Role>): SkillEntry[] {
    let out = entries;
    if (this.#lastRoles.size > 0) {
      const touched = new Set<string>();
      // Roles derived anew, and roles that were not in the last catalog (a role object handed back
      // after an absence keeps its derived views, but the last entries were made without it).
      for (const [role, derived] of roles) if (made.has(role) || !this.#lastRoles.has(role)) skillsOf(role, derived, touched);
      for (const [role, derived] of this.#lastRoles) if (!roles.has(role)) skillsOf(role, derived, touched);
      out = entries.map((entry) => (touched.has(entry.slug) ? entry : (this.#lastSkills.get(entry.slug) ?? entry)));
    }
    this.#lastRoles = new Map(roles);
    this.#lastSkills = new Map(out.map((entry) => [entry.slug, entry]));
    return out;
  }
}

/** Adds to `into` every skill a role names, and every skill its plans' phases teach. */
function skillsOf(role: Role, derived: Derived, into: Set<string>): void {
  for (const skill of role.skills) into.add(skill.slug);
  for (const level of role.levels) for (const requirement of level.requirements) for (const skill of requirement.skills) into.add(skill.slug);
  for (const transition of role.transitions) for (const skill of transition.keySkills) into.add(skill.slug);
  for (const plan of derived.plans) for (const phase of plan.phases) for (const skill of phase.skills) into.add(skill.slug);
}

/** How the catalog names and links the roles' source files (see `sources.ts`). */
export interface CatalogOptions {
  /** Renames each source path (relative to the input folder); paths are kept as they are without it. */
  sourcePath?: (path: string) => string;
  /** The guides' repository, for links to each file and line; none without it. */
  repository?: Repository | null;
}

/**
 * Derives the catalog.
 * @param input validated, merged roles (one per slug); they are copied, not changed
 * @param memo what an earlier catalog derived, to reuse (none by default)
 * @param options how source files are named and linked
 * @throws Error when two roles share a slug (the merge step should have joined or reported them)
 */
export function buildCatalog(input: readonly Role[], memo: CatalogMemo = new CatalogMemo(), options: CatalogOptions = {}): Catalog {
  const links = sourceLinks(options.repository);
  const roles = input.map((role) => memo.copy(role, options.sourcePath)).sort((a, b) => compareText(a.title, b.title) || compareText(a.slug, b.slug));
  const seen = new Set<string>();
  for (const role of roles) {
    if (seen.has(role.slug)) throw new Error(`Two roles share the slug "${role.slug}"; merge them or give them distinct titles`);
    seen.add(role.slug);
  }
  const index = new RoleIndex(roles);
  const names = collectSkills(roles);
  const context = JSON.stringify([[...seen].sort(), [...names], links.key]);
  let matcher: SkillMatcher | null = null;
  const displayNames = new Map([...names].map(([slug, spellings]) => [slug, spellings[0]!]));
  const fresh = new Set<Role>();
  const derived = roles.map((role): Derived => {
    const from = role.transitions.map((t) => index.find(t.from) ?? index.find(t.slug));
    const kept = memo.derived(role, context, from);
    if (kept) return kept;
    matcher ??= createSkillMatcher([...names].flatMap(([slug, spellings]) => spellings.map((name) => ({ slug, name }))));
    const plans = buildPlans(role, index, matcher, displayNames, links);
    const made = { context, from, plans, view: buildRoleView(role, index, plans, links) };
    memo.keep(role, made);
    fresh.add(role);
    return made;
  });
  const plansByRole = derived.map((d) => d.plans);
  const plans = plansByRole.flat();
  const skills = memo.reuseSkills(buildSkillIndex(roles, plans), new Map(roles.map((role, i) => [role, derived[i]!])), fresh);
  const progression = buildLadderGraph(roles);
  const catalog: Catalog = {
    roles: derived.map((d) => d.view),
    skills,
    letters: groupByLetter(skills),
    skillGroups: groupByCategory(skills),
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
    urls: { home: urls.homeUrl, skills: urls.skillsUrl, progression: urls.progressionUrl, rolesJson: urls.rolesJsonUrl, schema: urls.schemaUrl, search: urls.searchUrl },
  };
  return deepFreeze(catalog);
}

export type { RoleView } from "./roles.ts";
export type { PlanView, PhaseView } from "./plans.ts";
export type { SkillEntry, LetterGroup } from "./skills.ts";
export type { LadderGraph, LadderNode } from "./ladders.ts";
export type { LevelComparison, LevelOutline, Step } from "./levels-diff.ts";
