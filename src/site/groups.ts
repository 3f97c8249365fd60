/**
 * The site's pages in groups that change together, each with a fingerprint of everything its
 * templates read, so that a rebuild renders only the groups whose fingerprint changed:
 * - `role:<slug>`: the role page, its level comparison and its JSON (all three read the role's view
 *   alone, which holds its plans' summaries);
 * - `plan:<url>`: one transition plan (it reads its own view alone);
 * - `skill:<slug>`: one skill page (its own entry alone);
 * - `site`: the pages that read the whole catalog (home, skill index, progression, roles.json, 404,
 *   schema), fingerprinted by every other group and the catalog's own lists.
 * The per-item templates must read nothing but their item (a test renders each page kind from a
 * catalog in which everything else differs and compares): that is what makes a fingerprint whole.
 */
import { createHash } from "node:crypto";
import type { Catalog, PlanView, RoleView, SkillEntry } from "../catalog/index.ts";

export const SITE_GROUP = "site";

export type GroupKind = "role" | "plan" | "skill" | "site";

/** Which parts of the catalog one render writes; a full build writes every one. */
export interface Selection {
  roles: readonly RoleView[];
  plans: readonly PlanView[];
  skills: readonly SkillEntry[];
  /** Whether the whole-catalog pages are written. */
  site: boolean;
}

export interface PageGroups {
  /** Fingerprint by group key. */
  hashes: Map<string, string>;
  /** The group of every page address the catalog's items own; the rest belong to `site`. */
  groupOf(url: string): string;
  /** The selection that renders the groups `keys`. */
  select(keys: ReadonlySet<string>): Selection;
}

/** Fingerprints of frozen views, which cannot change: a view a later catalog reuses is not serialised again. */
const known = new WeakMap<object, string>();

function fingerprintOf(value: object): string {
  let hash = known.get(value);
  if (hash === undefined) {
    hash = createHash("sha256").update(JSON.stringify(value)).digest("base64url").slice(0, 22);
    if (Object.isFrozen(value)) known.set(value, hash);
  }
  return hash;
}

export const roleKey = (role: RoleView): string => `role:${role.slug}`;
export const planKey = (plan: PlanView): string => `plan:${plan.url}`;
export const skillKey = (skill: SkillEntry): string => `skill:${skill.slug}`;

/**
 * Fingerprints every group of `catalog`.
 * @param fingerprints false to leave every fingerprint empty, when no manifest will keep them (`--no-cache`)
 */
export function pageGroups(catalog: Catalog, fingerprints = true): PageGroups {
  const fingerprint = fingerprints ? fingerprintOf : () => "";
  const hashes = new Map<string, string>();
  const owners = new Map<string, string>();
  const roles = new Map<string, RoleView>();
  const plans = new Map<string, PlanView>();
  const skills = new Map<string, SkillEntry>();
  for (const role of catalog.roles) {
    const key = roleKey(role);
    hashes.set(key, fingerprint(role));
    roles.set(key, role);
    for (const url of [role.url, role.levelsUrl, role.jsonUrl]) owners.set(url, key);
  }
  for (const plan of catalog.plans) {
    const key = planKey(plan);
    hashes.set(key, fingerprint(plan));
    plans.set(key, plan);
    owners.set(plan.url, key);
  }
  for (const skill of catalog.skills) {
    const key = skillKey(skill);
    hashes.set(key, fingerprint(skill));
    skills.set(key, skill);
    owners.set(skill.url, key);
  }
  // The whole-catalog pages: every item (through its fingerprint, in catalog order) and the rest.
  const { roles: _r, plans: _p, skills: _s, ...rest } = catalog;
  hashes.set(SITE_GROUP, fingerprint([[...hashes.entries()], rest]));
  return {
    hashes,
    groupOf: (url) => owners.get(url) ?? SITE_GROUP,
    select(keys) {
      const pick = <T>(items: Map<string, T>): T[] => [...items].flatMap(([key, item]) => (keys.has(key) ? [item] : []));
      return { roles: pick(roles), plans: pick(plans), skills: pick(skills), site: keys.has(SITE_GROUP) };
    },
  };
}

/** Everything: what a build with no earlier site to reuse renders. */
export function selectAll(catalog: Catalog): Selection {
  return { roles: catalog.roles, plans: catalog.plans, skills: catalog.skills, site: true };
}
