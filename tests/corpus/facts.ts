/**
 * The hand-written facts of a corpus guide (tests/fixtures/corpus/expected/<guide>.json, format in
 * /tmp/ca/FACTS.md: written by reading the guide, never its output) and the check of exported roles
 * against them. Each fact is one claim a careful reader makes: how many roles, a role's title, a
 * level with its code and years, a ladder, a growth step, a plan, a lower bound on skills or
 * responsibilities, or that the guide holds no role. Each fact has a stable id, which
 * expected/misses.json uses to list the facts the code does not meet yet.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Role } from "../../src/model/role.ts";
import { toSlug } from "../../src/model/slug.ts";

const Years = z.object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative().nullable() });

const LevelFact = z.object({
  name: z.string().min(1),
  names: z.array(z.string().min(1)).optional(),
  code: z.string().nullable().default(null),
  years: Years.nullable().default(null),
});

const PlanFact = z.object({
  from: z.string().min(1),
  phases: z.number().int().nonnegative(),
  unit: z.enum(["month", "week", "year"]).nullable(),
  hoursPerWeek: Years.nullable().default(null),
});

const RoleFacts = z.object({
  title: z.string().min(1),
  titles: z.array(z.string().min(1)).optional(),
  levels: z.array(LevelFact).default([]),
  ladders: z.array(z.array(z.string().min(1)).min(1)).default([]),
  growth: z.array(z.object({ from: z.string().min(1), to: z.string().min(1) })).default([]),
  plans: z.array(PlanFact).default([]),
  minSkills: z.number().int().nonnegative().default(0),
  minResponsibilities: z.number().int().nonnegative().default(0),
});

export const Facts = z
  .object({
    guide: z.string().regex(/\.md$/),
    reader: z.string(),
    roles: z.array(RoleFacts),
    noRole: z.string().nullable().default(null),
  })
  .refine((f) => (f.roles.length === 0) === (f.noRole !== null), { message: "a guide gives roles, or no role and a noRole reason", path: ["noRole"] });

export type Facts = z.infer<typeof Facts>;
export type RoleFacts = z.infer<typeof RoleFacts>;

export interface FactResult {
  /** Stable within a guide: "roles", "Software Engineer: level Junior", … */
  id: string;
  matched: boolean;
  /** What was found: why it holds or does not. */
  why: string;
}

/** Case-insensitive, whitespace collapsed, the markup the facts strip (bold, emoji) ignored. */
export function same(a: string, b: string): boolean {
  return key(a) === key(b);
}

function key(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}*_`]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Level codes compare without spaces or case: "IC 2" is "IC2". */
function sameCode(a: string | null, b: string | null): boolean {
  return (a ?? "").replace(/\s+/g, "").toUpperCase() === (b ?? "").replace(/\s+/g, "").toUpperCase();
}

const showYears = (y: { min: number; max: number | null } | null) => (y ? `${y.min}-${y.max ?? "+"}` : "none");
const list = (items: readonly string[]) => (items.length ? items.map((t) => `"${t}"`).join(", ") : "none");

/**
 * Distinct skills, technologies and competencies a role names: role-wide skills, those its levels'
 * requirements and its plans name, and the competencies its levels' requirements are grouped by
 * ("Communication", "Impact": a ladder's competencies are the groups of each level's expectations).
 */
export function skillCount(role: Role): number {
  const slugs = new Set(role.skills.map((s) => s.slug));
  for (const level of role.levels) {
    for (const r of level.requirements) {
      for (const s of r.skills) slugs.add(s.slug);
      // "Practices · Delivery" is two competencies' worth of grouping, of which the inner one is named.
      const group = r.group?.split(" · ").pop()?.trim().toLowerCase();
      // Keyed as a skill's slug is, so a competency that is also a named skill counts once.
      if (group) slugs.add(toSlug(group));
    }
  }
  for (const plan of role.transitions) for (const s of plan.keySkills) slugs.add(s.slug);
  return slugs.size;
}

/**
 * What a role asks a person to do: its own responsibilities, and what each of its levels expects
 * (a ladder lists each level's responsibilities as that level's requirements).
 */
export function responsibilityCount(role: Role): number {
  return role.responsibilities.length + role.levels.reduce((n, l) => n + l.requirements.length, 0);
}

/**
 * Pairs expected roles with exported ones: by title (or one of `titles`) first; the expected roles
 * left then take the exported roles left, in order, so that a role read with a wrong title still
 * has its other facts judged (its title fact fails).
 */
function pairRoles(expected: readonly RoleFacts[], roles: readonly Role[]): (Role | null)[] {
  const used = new Set<Role>();
  const pairs = expected.map((facts) => {
    const found = roles.find((r) => !used.has(r) && [facts.title, ...(facts.titles ?? [])].some((t) => same(t, r.title)));
    if (found) used.add(found);
    return found ?? null;
  });
  const rest = roles.filter((r) => !used.has(r));
  return pairs.map((found) => found ?? rest.shift() ?? null);
}

function roleFacts(facts: RoleFacts, role: Role | null, ids: Set<string>): FactResult[] {
  const out: FactResult[] = [];
  const add = (id: string, matched: boolean, why: string) => {
    let unique = id;
    for (let n = 2; ids.has(unique); n++) unique = `${id} #${n}`;
    ids.add(unique);
    out.push({ id: unique, matched, why });
  };
  const name = facts.title;
  const none = "no exported role left to pair with";
  const titles = [facts.title, ...(facts.titles ?? [])];
  add(`${name}: title`, role !== null && titles.some((t) => same(t, role.title)), role ? `exported title "${role.title}"` : none);

  for (const level of facts.levels) {
    const names = [level.name, ...(level.names ?? [])];
    const found = role?.levels.find((l) => names.some((n) => same(n, l.name)));
    const wanted = `code ${level.code ?? "none"}, years ${showYears(level.years)}`;
    if (!role) add(`${name}: level ${level.name}`, false, none);
    else if (!found) add(`${name}: level ${level.name}`, false, `no level of that name; levels are ${list(role.levels.map((l) => l.name))}`);
    else {
      const ok = sameCode(found.code, level.code) && showYears(found.years) === showYears(level.years);
      add(`${name}: level ${level.name}`, ok, `found with code ${found.code ?? "none"}, years ${showYears(found.years)}; expected ${wanted}`);
    }
  }

  for (const ladder of facts.ladders) {
    const found = role?.ladders.some((l) => l.length === ladder.length && l.every((t, i) => same(t, ladder[i]!)));
    const shown = (role?.ladders ?? []).map((l) => l.join(" → "));
    add(`${name}: ladder ${ladder.join(" → ")}`, Boolean(found), role ? `ladders are ${list(shown)}` : none);
  }

  for (const step of facts.growth) {
    const found = role?.growth.some((g) => same(g.from, step.from) && same(g.to, step.to));
    add(`${name}: growth ${step.from} → ${step.to}`, Boolean(found), role ? `growth steps are ${list(role.growth.map((g) => `${g.from} → ${g.to}`))}` : none);
  }

  for (const plan of facts.plans) {
    const id = `${name}: plan from ${plan.from}`;
    const found = role?.transitions.find((t) => same(t.from, plan.from));
    if (!role) add(id, false, none);
    else if (!found) add(id, false, `no plan from there; plans start from ${list(role.transitions.map((t) => t.from))}`);
    else {
      // A fact's null unit says the phases carry none; the model always names one, so only a stated unit is compared.
      const ok = found.phases.length === plan.phases && (plan.unit === null || found.unit === plan.unit) && showYears(found.hoursPerWeek) === showYears(plan.hoursPerWeek);
      add(id, ok, `found ${found.phases.length} ${found.unit} phases, ${showYears(found.hoursPerWeek)} hours a week; expected ${plan.phases} ${plan.unit ?? "untimed"} phases, ${showYears(plan.hoursPerWeek)}`);
    }
  }

  if (facts.minSkills > 0) {
    const count = role ? skillCount(role) : 0;
    add(`${name}: at least ${facts.minSkills} skills`, count >= facts.minSkills, role ? `${count} distinct skills` : none);
  }
  if (facts.minResponsibilities > 0) {
    const count = role ? responsibilityCount(role) : 0;
    add(`${name}: at least ${facts.minResponsibilities} responsibilities`, count >= facts.minResponsibilities, role ? `${count} responsibilities` : none);
  }
  return out;
}

/**
 * Judges the roles exported from a guide against its facts.
 * @param expected the guide's facts
 * @param roles the roles exported from the guide alone
 * @returns every fact, matched or not, with why
 */
export function matchFacts(expected: Facts, roles: readonly Role[]): FactResult[] {
  const titles = list(roles.map((r) => r.title));
  if (expected.noRole !== null) return [{ id: "no role", matched: roles.length === 0, why: `${roles.length} roles exported (${titles})` }];
  const ids = new Set<string>(["roles"]);
  const out: FactResult[] = [
    { id: "roles", matched: roles.length === expected.roles.length, why: `${roles.length} roles exported (${titles}); expected ${expected.roles.length}` },
  ];
  const pairs = pairRoles(expected.roles, roles);
  expected.roles.forEach((facts, index) => out.push(...roleFacts(facts, pairs[index] ?? null, ids)));
  return out;
}

/** misses.json: per guide, the ids of the facts the code does not meet yet, each with a one-line reason. */
export const Misses = z.record(z.string(), z.record(z.string(), z.string().min(1)));
export type Misses = z.infer<typeof Misses>;

/** The facts of `guide` in `expectedDir`, or null when it has no facts file. Throws on a file that is not valid facts. */
export function readFacts(expectedDir: string, guide: string): Facts | null {
  const file = path.join(expectedDir, guide.replace(/\.md$/, ".json"));
  if (!existsSync(file)) return null;
  const parsed = Facts.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: not valid facts: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

export function readMisses(expectedDir: string): Misses {
  const file = path.join(expectedDir, "misses.json");
  return existsSync(file) ? Misses.parse(JSON.parse(readFileSync(file, "utf8"))) : {};
}

/** The guides of a corpus folder (its notes, SOURCES.md and README.md, left out), sorted. */
export function guidesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md") && name !== "SOURCES.md" && name !== "README.md")
    .sort();
}
