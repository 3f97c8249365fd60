/**
 * Every limit that keeps the load of hostile input bounded, in one `Limits` object that `load.ts`
 * passes down, each part owned by the stage that checks it: the read stage's file size
 * (`src/read/decode.ts`), the parse stage's nesting, marks, parser work, tree depth and chunking
 * (`src/parse/limits.ts`), and here what a file may ask of the site once extracted, checked before
 * validation: every distinct skill is a page, every plan is a page, and a skill's page shows each
 * requirement that names it, so one line naming 100,000 skills would make 100,000 pages
 * (gigabytes); and the site's size before rendering (`src/catalog/budget.ts`). No role guide comes
 * near these limits; a file beyond them gets one `input-too-complex` error at the line where it
 * goes too far, and is not read further. Every value is in `DEFAULT_LIMITS`; each check takes other
 * `Limits`, so that tests prove a limit on a small input.
 */
import type { Position } from "unist";
import type { VFile } from "vfile";
import { z } from "zod";
import { report } from "./model/diagnostics.ts";
import { positionOf, type RawRole } from "./model/raw-role.ts";
import { DEFAULT_PARSE_LIMITS, ParseLimits } from "./parse/limits.ts";
import { DEFAULT_READ_LIMITS, ReadLimits } from "./read/decode.ts";

/** Most roles one file may describe. */
export const MAX_ROLES = 100;
/** Most distinct skills one file may name (each is a page of the site). */
export const MAX_SKILLS = 1_000;
/** Most skill names one file may give in all (each puts its requirement on a skill's page). */
export const MAX_SKILL_NAMES = 100_000;
/** Most levels one role may have (the level comparison is a table of skills by levels). */
export const MAX_LEVELS = 200;
/** Most transition plans one file may give (each is a page of the site). */
export const MAX_PLANS = 200;
/** Most characters of a title or name (role, skill, category, level, plan, phase): each is shown on other pages than its own. */
export const MAX_NAME_LENGTH = 2_000;

/** What a file may ask of the site once extracted (`checkAfterExtract`), and the site's size (`src/catalog/budget.ts`). */
export const SiteLimits = z.object({
  /** See `MAX_ROLES`. */
  roles: z.number().int().positive(),
  /** See `MAX_SKILLS`. */
  skills: z.number().int().positive(),
  /** See `MAX_SKILL_NAMES`. */
  skillNames: z.number().int().positive(),
  /** See `MAX_LEVELS`. */
  levels: z.number().int().positive(),
  /** Most levels one file may give in all roles together (100 roles of 200 levels would be 20,000 level comparisons' worth). */
  fileLevels: z.number().int().positive(),
  /** See `MAX_PLANS`. */
  plans: z.number().int().positive(),
  /** See `MAX_NAME_LENGTH`. */
  nameLength: z.number().int().positive(),
  /** Most cells one role's level comparison may hold: its rows (skills and requirements) times its levels (see `src/catalog/budget.ts`). */
  comparisonCells: z.number().int().positive(),
  /** Most items the whole site may show: comparison cells, requirements as listed on role, level and skill pages, plan topics (see `src/catalog/budget.ts`). */
  siteItems: z.number().int().positive(),
});
export type SiteLimits = z.infer<typeof SiteLimits>;

/**
 * Every limit, by name: `DEFAULT_LIMITS` is what a build uses; tests (and later a site's own
 * configuration) pass lower ones, so that a limit is proven on a small input.
 */
export const Limits = z.object({ ...ReadLimits.shape, ...ParseLimits.shape, ...SiteLimits.shape });
export type Limits = z.infer<typeof Limits>;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  ...DEFAULT_READ_LIMITS,
  ...DEFAULT_PARSE_LIMITS,
  roles: MAX_ROLES,
  skills: MAX_SKILLS,
  skillNames: MAX_SKILL_NAMES,
  levels: MAX_LEVELS,
  fileLevels: 1_000,
  plans: MAX_PLANS,
  nameLength: MAX_NAME_LENGTH,
  comparisonCells: 50_000,
  // Four times what the benchmark's 5,000 generated guides make (about 500,000): a large site builds,
  // one that would exhaust memory before it is written does not.
  siteItems: 2_000_000,
});

/**
 * Checks what a file asks of the site once extracted: roles, distinct skills, skill names, levels,
 * plans (see the limits above).
 * @param raws the roles the file describes
 * @param file receives an `input-too-complex` error at the first thing over a limit
 * @returns whether the roles may be validated and built
 */
export function checkAfterExtract(raws: readonly RawRole[], file: VFile, limits: SiteLimits = DEFAULT_LIMITS): boolean {
  const over = (what: string, limit: number, place: Position): boolean => {
    report(file, "input-too-complex", { kind: "count", what, limit }, place);
    return false;
  };
  if (raws.length > limits.roles) return over("roles", limits.roles, raws[limits.roles]!.position);
  const skills = new Set<string>();
  let names = 0;
  let plans = 0;
  let fileLevels = 0;
  for (const raw of raws) {
    const long = longName(raw, limits.nameLength);
    if (long) {
      report(file, "input-too-complex", { kind: "name", what: long.what, length: long.length, limit: limits.nameLength }, positionOf(raw, long.path));
      return false;
    }
    const { title, skills: roleSkills = [], levels = [], transitions = [] } = raw.data;
    if (levels.length > limits.levels) return over(`levels in role "${title}"`, limits.levels, positionOf(raw, ["levels", limits.levels]));
    if (fileLevels + levels.length > limits.fileLevels) return over("levels in all its roles", limits.fileLevels, positionOf(raw, ["levels", limits.fileLevels - fileLevels]));
    fileLevels += levels.length;
    if (plans + transitions.length > limits.plans) return over("transition plans", limits.plans, positionOf(raw, ["transitions", limits.plans - plans]));
    plans += transitions.length;
    const named: { slug: string; path: (string | number)[] }[] = [];
    roleSkills.forEach((skill, i) => named.push({ slug: skill.slug, path: ["skills", i] }));
    levels.forEach((level, i) =>
      (level.requirements ?? []).forEach((requirement, j) =>
        requirement.skills.forEach((skill) => named.push({ slug: skill.slug, path: ["levels", i, "requirements", j] })),
      ),
    );
    transitions.forEach((plan, i) => (plan.keySkills ?? []).forEach((skill) => named.push({ slug: skill.slug, path: ["transitions", i] })));
    for (const { slug, path } of named) {
      names++;
      skills.add(slug);
      if (names > limits.skillNames) return over("skill names", limits.skillNames, positionOf(raw, path));
      if (skills.size > limits.skills) return over("distinct skills", limits.skills, positionOf(raw, path));
    }
  }
  return true;
}

/** The first title or name of `raw` over `max` characters, or null. */
function longName(raw: RawRole, max: number): { what: string; length: number; path: (string | number)[] } | null {
  const { title, skills = [], levels = [], transitions = [] } = raw.data;
  const names: { what: string; text: string | null | undefined; path: (string | number)[] }[] = [{ what: "The role's title", text: title, path: ["title"] }];
  skills.forEach((skill, i) => names.push({ what: "A skill's name", text: skill.name, path: ["skills", i] }, { what: "A skill category", text: skill.category, path: ["skills", i] }));
  levels.forEach((level, i) => {
    names.push({ what: "A level's name", text: level.name, path: ["levels", i] });
    (level.requirements ?? []).forEach((requirement, j) =>
      requirement.skills.forEach((skill) => names.push({ what: "A skill's name", text: skill.name, path: ["levels", i, "requirements", j] })),
    );
  });
  transitions.forEach((plan, i) => {
    names.push({ what: "The role a plan starts from", text: plan.from, path: ["transitions", i] });
    (plan.phases ?? []).forEach((phase, k) => names.push({ what: "A phase's title", text: phase.title, path: ["transitions", i, "phases", k] }));
    (plan.keySkills ?? []).forEach((skill) => names.push({ what: "A skill's name", text: skill.name, path: ["transitions", i] }));
  });
  const found = names.find((n) => (n.text?.length ?? 0) > max);
  return found ? { what: found.what, length: found.text!.length, path: found.path } : null;
}
