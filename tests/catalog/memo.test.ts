/**
 * CatalogMemo: a catalog built with the memo of earlier catalogs must equal the catalog built
 * from scratch, whatever changed in between (the memo finds roles by object identity, so every
 * edit here is a new object, as the load stage hands over for a changed file); and it must reuse
 * what did not change, or it saves nothing.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, CatalogMemo, type Catalog } from "../../src/catalog/index.ts";
import { Role } from "../../src/model/role.ts";
import { toSlug } from "../../src/model/slug.ts";
import { loadRealRoles } from "./real-roles.ts";

let roles: Role[];
beforeAll(async () => {
  roles = await loadRealRoles();
});

const bySlug = (slug: string): Role => roles.find((r) => r.slug === slug)!;
const ML = "machine-learning-engineer";

/** A new role object: `role` copied, changed, and validated again. */
function edit(role: Role, change: (copy: Role) => void): Role {
  const copy = structuredClone(role);
  change(copy);
  return Role.parse(copy);
}

const replace = (set: readonly Role[], old: Role, next: Role): Role[] => set.map((r) => (r === old ? next : r));

/** Builds `set` with `memo`, checks it against a build from scratch, and returns it. */
function build(set: readonly Role[], memo: CatalogMemo): Catalog {
  const catalog = buildCatalog(set, memo);
  expect(catalog).toEqual(buildCatalog(set));
  return catalog;
}

/** Every skill slug a role names. */
function skillSlugs(role: Role): Set<string> {
  const slugs = new Set(role.skills.map((s) => s.slug));
  for (const level of role.levels) for (const r of level.requirements) for (const s of r.skills) slugs.add(s.slug);
  for (const t of role.transitions) for (const s of t.keySkills) slugs.add(s.slug);
  return slugs;
}

/** Every skill slug a role names, with those its plans' phases teach in `catalog`. */
function skillsNamed(role: Role, catalog: Catalog): Set<string> {
  const slugs = skillSlugs(role);
  for (const plan of catalog.plans) if (plan.role.slug === role.slug) for (const p of plan.phases) for (const s of p.skills) slugs.add(s.slug);
  return slugs;
}

/** Removes every mention of the skill `slug` from `role`. */
function dropEverywhere(role: Role, slug: string): void {
  role.skills = role.skills.filter((s) => s.slug !== slug);
  for (const level of role.levels) for (const r of level.requirements) r.skills = r.skills.filter((s) => s.slug !== slug);
  for (const t of role.transitions) t.keySkills = t.keySkills.filter((s) => s.slug !== slug);
}

const mustHave = (name: string) => ({ text: name, detail: null, priority: "must" as const, group: null, skills: [{ name, slug: toSlug(name) }] });

describe("a catalog built with a memo equals one built from scratch", () => {
  it("after a role's summary is edited, reusing every other role's view and skill", () => {
    const memo = new CatalogMemo();
    const before = build(roles, memo);
    const ml = bySlug(ML);
    const after = build(replace(roles, ml, edit(ml, (r) => void (r.summary = "Ships models."))), memo);
    expect(after.roles.find((r) => r.slug === ML)!.summary).toBe("Ships models.");
    for (const view of after.roles) if (view.slug !== ML) expect(view).toBe(before.roles.find((r) => r.slug === view.slug));
    for (const plan of after.plans) if (plan.role.slug !== ML) expect(plan).toBe(before.plans.find((p) => p.id === plan.id));
    const named = skillsNamed(ml, before);
    const untouched = after.skills.filter((s) => !named.has(s.slug));
    expect(untouched.length).toBeGreaterThan(50);
    for (const entry of untouched) expect(entry).toBe(before.skills.find((s) => s.slug === entry.slug));
  });

  it("after a requirement gains a skill and another loses one", () => {
    const memo = new CatalogMemo();
    build(roles, memo);
    const dev = bySlug("developer");
    const gained = edit(dev, (r) => r.levels[0]!.requirements.push(mustHave("Quokka Herding")));
    const after = build(replace(roles, dev, gained), memo);
    expect(after.skills.find((s) => s.slug === "quokka-herding")!.askedFor.map((u) => u.role)).toEqual(["Developer"]);
    const ml = bySlug(ML);
    const lost = edit(ml, (r) => {
      const requirement = r.levels[0]!.requirements.find((q) => q.skills.length > 0)!;
      requirement.skills.pop();
    });
    build(replace(replace(roles, dev, gained), ml, lost), memo);
  });

  it("after a title changes the roles' order", () => {
    const memo = new CatalogMemo();
    const before = build(roles, memo);
    const dev = bySlug("developer");
    const after = build(replace(roles, dev, edit(dev, (r) => void (r.title = "Zz Developer"))), memo);
    expect(after.roles.at(-1)!.slug).toBe("developer");
    expect(after.roles.map((r) => r.slug)).not.toEqual(before.roles.map((r) => r.slug));
  });

  it("after a role is removed, and after one is added", () => {
    const memo = new CatalogMemo();
    build(roles, memo);
    const without = roles.filter((r) => r.slug !== "data-scientist");
    const removed = build(without, memo);
    expect(removed.plans.find((p) => p.id === `${ML}/data-scientist`)!.from.url).toBeNull();
    const added = build(roles, memo);
    expect(added.plans.find((p) => p.id === `${ML}/data-scientist`)!.from.url).toBe("/roles/data-scientist/");
  });

  it("after a role that plans start from changes, updating the plans' gap", () => {
    const memo = new CatalogMemo();
    const before = build(roles, memo);
    const planId = `${ML}/data-scientist`;
    const gapOf = (catalog: Catalog) => catalog.plans.find((p) => p.id === planId)!.gap!;
    const left = gapOf(before).left.map((l) => l.skill.name);
    expect(left).toContain("Git");
    const ds = bySlug("data-scientist");
    const after = build(replace(roles, ds, edit(ds, (r) => r.levels[0]!.requirements.push(mustHave("Git")))), memo);
    expect(gapOf(after).have.map((s) => s.name)).toContain("Git");
    expect(gapOf(after).left.map((l) => l.skill.name)).not.toContain("Git");
  });

  it("after a new skill spelling appears, which other roles' plan phases name", () => {
    const memo = new CatalogMemo();
    const before = build(roles, memo);
    const teaching = (catalog: Catalog) => catalog.plans.flatMap((p) => p.phases.flatMap((ph) => ph.skills.map((s) => s.slug)));
    expect(teaching(before)).not.toContain("experiment-tracking");
    const de = bySlug("data-engineer");
    const spelled = edit(de, (r) => r.skills.push({ name: "Experiment tracking", slug: "experiment-tracking", category: "Tools", detail: null }, { name: "PYTORCH", slug: "pytorch", category: "Tools", detail: null }));
    const after = build(replace(roles, de, spelled), memo);
    expect(teaching(after)).toContain("experiment-tracking");
    const pytorch = after.skills.find((s) => s.slug === "pytorch")!;
    expect([pytorch.name, ...pytorch.aliases]).toEqual(expect.arrayContaining(["PyTorch", "PYTORCH"]));
  });

  it("after a role is edited and then put back as the very object it was", () => {
    // The memo promises equality for any sequence of role sets, so an earlier object may come back
    // (an undo). NumPy is named by the Data Scientist first, so dropping it from the ML engineer
    // leaves the context (slugs, spellings in order) as it was: the kept parts are eligible again.
    const memo = new CatalogMemo();
    build(roles, memo);
    const ml = bySlug(ML);
    build(replace(roles, ml, edit(ml, (r) => dropEverywhere(r, "numpy"))), memo);
    const back = build(roles, memo);
    expect(back.skills.find((s) => s.slug === "numpy")!.askedFor.map((u) => u.role)).toContain("Machine Learning Engineer");
  });
});

type Change =
  | { kind: "summary"; at: number; text: string }
  | { kind: "addSkill" | "mustHave"; at: number; name: string }
  | { kind: "dropSkill"; at: number; which: number }
  | { kind: "remove"; at: number }
  | { kind: "rename"; at: number; title: string }
  | { kind: "restore"; at: number; version: number }
  | { kind: "undo" };

const NAMES = ["Python", "python", "PYTORCH", "Kubernetes", "Experiment tracking", "Incident response", "Git", "SQL", "Quokka Herding"];
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant("summary" as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constantFrom("addSkill" as const, "mustHave" as const), at: fc.nat(), name: fc.constantFrom(...NAMES) }),
  { arbitrary: fc.record({ kind: fc.constant("dropSkill" as const), at: fc.nat(), which: fc.nat() }), weight: 3 },
  fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("rename" as const), at: fc.nat(), title: fc.constantFrom("Aardvark Wrangler", "Data Scientist", "Zz Last") }),
  fc.record({ kind: fc.constant("restore" as const), at: fc.nat(), version: fc.nat() }),
  // Undone edits are where an earlier object comes back: weighted to follow edits often.
  { arbitrary: fc.constant({ kind: "undo" as const }), weight: 4 },
);

/**
 * Applies `c` to the current roles by slug; `versions` holds every object each slug has had, `undo`
 * the objects edits replaced, last first (an editor's undo hands the earlier object back).
 */
function apply(c: Change, current: Map<string, Role>, versions: Map<string, Role[]>, undo: Role[]): void {
  if (c.kind === "undo" || c.kind === "restore") {
    const list = c.kind === "restore" ? [...versions.values()][c.at % versions.size]! : undo.splice(-1);
    const role = c.kind === "restore" ? list[c.version % list.length] : list[0];
    if (role) current.set(role.slug, role);
    return;
  }
  const live = [...current.values()];
  if (live.length === 0) return;
  const role = live[c.at % live.length]!;
  if (c.kind === "remove") {
    current.delete(role.slug);
    return;
  }
  const next = edit(role, (r) => {
    if (c.kind === "summary") r.summary = c.text;
    else if (c.kind === "rename") r.title = c.title;
    else if (c.kind === "addSkill") r.skills.push({ name: c.name, slug: toSlug(c.name), category: "Tools", detail: null });
    else if (c.kind === "mustHave") (r.levels[0]?.requirements ?? []).push(mustHave(c.name));
    else if (c.kind === "dropSkill") {
      // A skill other roles name too: its entry is where the roles' derived parts meet.
      const others = new Set([...current.values()].filter((o) => o !== role).flatMap((o) => [...skillSlugs(o)]));
      const named = [...skillSlugs(r)];
      const pick = named.some((slug) => others.has(slug)) ? named.filter((slug) => others.has(slug)) : named;
      if (pick.length > 0) dropEverywhere(r, pick[c.which % pick.length]!);
    }
  });
  undo.push(role);
  current.set(next.slug, next);
  versions.get(next.slug)!.push(next);
}

describe("any sequence of edits", () => {
  // (Shrinking a failure takes longer than the default timeout allows.)
  it("gives, at every step, the catalog a build from scratch gives", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 6 }), (changes) => {
        const current = new Map(roles.map((r) => [r.slug, r]));
        const versions = new Map(roles.map((r) => [r.slug, [r]]));
        const undo: Role[] = [];
        const memo = new CatalogMemo();
        buildCatalog([...current.values()], memo);
        for (const c of changes) {
          apply(c, current, versions, undo);
          const set = [...current.values()];
          const [memoed, fresh] = [buildCatalog(set, memo), buildCatalog(set)];
          // Comparing the JSON first is much faster; toEqual then shows what differs.
          if (JSON.stringify(memoed) !== JSON.stringify(fresh)) expect(memoed).toEqual(fresh);
        }
      }),
      { numRuns: 30 },
    );
  });
});
