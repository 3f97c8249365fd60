/**
 * Role[] → one Role per slug. Several files may describe one role (the seeds do): their parts are
 * joined, each kept once. Titles that differ only by a common abbreviation or alias ("ML Engineer",
 * "Machine Learning Engineer") are one role too (an `alias-merged` info); titles that are close but
 * not joined get a `near-duplicate-title` warning. Two different titles that give one slug are an
 * error, since their pages would overwrite each other. Every skill is given its canonical slug, so
 * that "K8s" and "Kubernetes" share one page.
 */
import type { Position } from "unist";
import type { VFile } from "vfile";
import { closeness, defaultAliases, titleShape, type Aliases, type TitleShape } from "./aliases.ts";
import { report } from "./diagnostics.ts";
import { positionOf, type RawRole } from "./raw-role.ts";
import type { Level, Role, SkillRef } from "./role.ts";

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
      report(file, "level-years-mismatch", { level: level.name, otherFile: true }, position);
    }
    same.years ??= level.years;
    same.code ??= level.code;
    // A requirement two files both give is kept once, wherever each wrote it.
    same.requirements = union(same.requirements, level.requirements, ({ origin: _, ...rest }) => JSON.stringify(rest));
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

/** Roles given their canonical skill slugs, by alias table: the same object comes back for the same input, so later stages can reuse what they derived from it. */
const canonical = new WeakMap<Aliases, WeakMap<Role, Role>>();

/** `role` with every skill reference under its canonical slug; `role` itself when none changes. */
export function canonicalSkills(role: Role, aliases: Aliases = defaultAliases): Role {
  let memo = canonical.get(aliases);
  if (!memo) canonical.set(aliases, (memo = new WeakMap()));
  const kept = memo.get(role);
  if (kept) return kept;
  let changed = false;
  const fix = <T extends SkillRef>(ref: T): T => {
    const slug = aliases.skillSlug(ref.slug);
    if (slug === ref.slug) return ref;
    changed = true;
    return { ...ref, slug };
  };
  const out: Role = {
    ...role,
    skills: role.skills.map(fix),
    levels: role.levels.map((level) => ({ ...level, requirements: level.requirements.map((r) => ({ ...r, skills: r.skills.map(fix) })) })),
    transitions: role.transitions.map((t) => ({ ...t, keySkills: t.keySkills.map(fix) })),
  };
  const result = changed ? out : role;
  memo.set(role, result);
  return result;
}

export interface MergeOptions {
  aliases?: Aliases;
  maxCompared?: number;
}

/** A role being joined from its files. */
interface Entry {
  role: Role;
  /** The file and position of its first part, where diagnostics about the whole role go. */
  file: VFile;
  position: Position;
  key: string;
  shape: TitleShape;
  /** Each plan's key (from, to) → the titles of the files that gave it. */
  plans: Map<string, Set<string>>;
  /** Each title it was written with, with its slug, in input order. */
  titles: { title: string; slug: string; file: VFile }[];
}

/**
 * Joins the roles that share a slug, or whose titles differ only by an alias, in input order.
 * @param placed validated roles, each with its file (which receives merge diagnostics)
 * @param options.aliases the alias tables (the built-in ones by default; a site's configuration adds to them)
 * @param options.maxCompared most roles compared for close titles (`MAX_COMPARED_ROLES`)
 */
export function mergeRoles(placed: readonly Placed[], options: MergeOptions = {}): Role[] {
  const aliases = options.aliases ?? defaultAliases;
  const byKey = new Map<string, Entry>();
  /** Slug → the title that first had it, and the role it went to. */
  const bySlug = new Map<string, { title: string; file: VFile; entry: Entry }>();
  const entries: Entry[] = [];
  for (const { role: written, file, raw } of placed) {
    const role = canonicalSkills(written, aliases);
    const position = raw.position;
    const owner = bySlug.get(role.slug);
    if (owner && owner.title !== role.title) {
      report(file, "slug-collision", { title: role.title, slug: role.slug, owner: owner.title, ownerPath: owner.file.path }, position);
      continue;
    }
    const key = aliases.titleKey(role.title);
    let entry = owner?.entry ?? byKey.get(key);
    const isNew = !entry;
    if (!entry) {
      entry = { role, file, position, key, shape: titleShape(aliases.expand(role.title)), plans: new Map(), titles: [] };
      byKey.set(key, entry);
      entries.push(entry);
    } else if (!entry.titles.some((t) => t.title === role.title)) {
      // A spelling new to the role: said once, on the first file that writes it.
      const other = entry.titles[0];
      if (other) {
        report(file, "alias-merged", { title: role.title, other: other.title, otherPath: other.file.path }, position);
      }
    }
    if (!owner) bySlug.set(role.slug, { title: role.title, file, entry });
    if (!entry.titles.some((t) => t.title === role.title)) entry.titles.push({ title: role.title, slug: role.slug, file });
    // Two plans from the same role into this one, in files of one title, are one plan written twice.
    // Guides joined by an alias may each have their plan: both are kept (the catalog gives each its page).
    role.transitions.forEach((plan, index) => {
      // Plans from one role to two different roles ("From DevOps to SRE", "From DevOps to Platform") are two plans.
      const planKey = `${plan.slug}\u0000${plan.to ?? ""}`;
      const titles = entry.plans.get(planKey) ?? new Set<string>();
      if (titles.has(role.title)) {
        report(file, "transition-duplicate", { role: role.title, from: plan.from }, positionOf(raw, ["transitions", index]));
      }
      entry.plans.set(planKey, titles.add(role.title));
    });
    if (!isNew) entry.role = mergeTwo(entry.role, role, file, position);
  }
  warnNearDuplicates(entries, options.maxCompared ?? MAX_COMPARED_ROLES);
  return entries.map((entry) => {
    // The merged role keeps the first title written out in full ("Machine Learning Engineer" over "ML Engineer").
    const chosen = entry.titles.find((t) => aliases.isWrittenOut(t.title)) ?? entry.titles[0]!;
    return chosen.title === entry.role.title ? entry.role : { ...entry.role, title: chosen.title, slug: chosen.slug };
  });
}

/**
 * Most roles compared pairwise for close titles: beyond it the check is skipped (a generated input
 * of 100,000 roles would take minutes), since it only warns.
 */
export const MAX_COMPARED_ROLES = 2_000;

/** Which roles' titles are close to an earlier one's: for each such later role, its index, the earlier's, and why. */
type Close = { later: number; earlier: number; why: NonNullable<ReturnType<typeof closeness>> }[];

/**
 * The last titles compared and what was found. The comparison is pairwise (160 ms for 1,000 roles),
 * and serve's rebuilds mostly change a guide's text, not the titles: the same titles in the same
 * order are close in the same pairs, so the answer is reused (the shape of a title follows from its
 * expanded words, `joined`). It holds strings and numbers only, never a role or a file.
 */
let lastCompared: { titles: string[]; close: Close } | null = null;

function closePairs(entries: readonly Entry[]): Close {
  const titles = entries.map((e) => e.shape.joined);
  if (lastCompared && lastCompared.titles.length === titles.length && lastCompared.titles.every((t, i) => t === titles[i])) return lastCompared.close;
  const close: Close = [];
  for (let j = 1; j < entries.length; j++) {
    for (let i = 0; i < j; i++) {
      const why = closeness(entries[i]!.shape, entries[j]!.shape);
      if (!why) continue;
      close.push({ later: j, earlier: i, why });
      break;
    }
  }
  lastCompared = { titles, close };
  return close;
}

/** A `near-duplicate-title` warning on the later of two roles whose titles are close (see `closeness`). */
function warnNearDuplicates(entries: readonly Entry[], max: number): void {
  if (entries.length > max) return;
  for (const { later: j, earlier: i, why } of closePairs(entries)) {
    const later = entries[j]!;
    const earlier = entries[i]!;
    report(later.file, "near-duplicate-title", { title: later.role.title, other: earlier.role.title, otherPath: earlier.file.path, why }, later.position);
  }
}
