/** The merge stage: one role per title (aliases included), one slug per skill, close titles warned about. */
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { buildCatalog } from "../../src/catalog/index.ts";
import { Aliases, aliasesFor, closeness, defaultAliases, editDistance, titleShape } from "../../src/model/aliases.ts";
import { toDiagnostics } from "../../src/model/diagnostics.ts";
import { canonicalSkills, mergeRoles, type Placed } from "../../src/model/merge.ts";
import { emptyRole } from "../../src/model/raw-role.ts";
import { Role } from "../../src/model/role.ts";
import { toSlug } from "../../src/model/slug.ts";

const ref = (name: string) => ({ name, slug: toSlug(name) });

/** A hand-built role from its own file, its title on line `line`. */
function guide(title: string, options: { path?: string; line?: number; skills?: string[]; level?: string } = {}): Placed {
  const path = options.path ?? `${toSlug(title)}.md`;
  const line = options.line ?? 1;
  const raw = emptyRole(title, toSlug(title), path, { start: { line, column: 1 }, end: { line, column: title.length + 3 } });
  const role = Role.parse({
    ...raw.data,
    skills: (options.skills ?? []).map((name) => ({ ...ref(name), category: "Tools" })),
    levels: options.level
      ? [{ name: options.level, slug: toSlug(options.level), code: null, years: null, requirements: (options.skills ?? []).map((name) => ({ text: name, detail: `${name} detail`, priority: "must", group: null, skills: [ref(name)] })) }]
      : [],
  });
  return { role, file: new VFile({ path }), raw };
}

const diagnostics = (placed: readonly Placed[]) => toDiagnostics(placed.map((p) => p.file)).map((d) => ({ file: d.file, ruleId: d.ruleId, severity: d.severity, line: d.line, column: d.column }));

describe("roles whose titles differ by an alias", () => {
  it.each([
    ["ML Engineer", "Machine Learning Engineer", "Machine Learning Engineer"],
    ["Sr. Data Engineer", "Senior Data Engineer", "Senior Data Engineer"],
    ["SRE", "Site Reliability Engineer", "Site Reliability Engineer"],
    ["Front-end Developer", "Frontend Developer", "Frontend Developer"],
  ])("%s and %s are one role, titled %s, with an alias-merged info on the second file", (first, second, kept) => {
    const placed = [guide(first, { level: "Mid", skills: ["Python"] }), guide(second, { line: 3, level: "Senior", skills: ["Go"] })];
    const roles = mergeRoles(placed);
    expect(roles.map((r) => [r.title, r.slug])).toEqual([[kept, toSlug(kept)]]);
    expect(roles[0]!.levels.map((l) => l.name)).toEqual(["Mid", "Senior"]);
    expect(roles[0]!.sources.map((s) => s.path)).toEqual([placed[0]!.file.path, placed[1]!.file.path]);
    expect(diagnostics(placed)).toEqual([{ file: placed[1]!.file.path, ruleId: "alias-merged", severity: "info", line: 3, column: 1 }]);
  });

  it("keeps the first title when none is written out, and says nothing when the titles are the same", () => {
    const aliased = [guide("Sr ML Engineer"), guide("Senior ML Engineer", { path: "b.md" })];
    expect(mergeRoles(aliased).map((r) => r.title)).toEqual(["Sr ML Engineer"]);
    const same = [guide("Data Engineer", { path: "a.md" }), guide("Data Engineer", { path: "b.md" })];
    expect(mergeRoles(same)).toHaveLength(1);
    expect(diagnostics(same)).toEqual([]);
  });

  it("leaves a word alone inside another word, and titles of other roles apart", () => {
    expect(defaultAliases.titleKey("HTML Developer")).toBe("html developer");
    expect(defaultAliases.titleKey("Sr. ML-Engineer")).toBe("senior machine learning engineer");
    const placed = [guide("ML Engineer"), guide("ML Researcher")];
    expect(mergeRoles(placed)).toHaveLength(2);
  });

  it("still refuses two different titles that give one slug", () => {
    const placed = [guide("Data Engineer", { path: "a.md" }), guide("Data-Engineer!", { path: "b.md" })];
    expect(mergeRoles(placed).map((r) => r.title)).toEqual(["Data Engineer"]);
    expect(diagnostics(placed)).toEqual([expect.objectContaining({ file: "b.md", ruleId: "slug-collision", severity: "error" })]);
  });

  it("takes a site's own aliases beside the built-in ones", () => {
    // As a configuration's `aliases` key gives them: each other name → the name the guides use.
    const aliases = new Aliases({ roles: { DPE: "Data Platform Engineer" }, skills: { "Data Build Tool": "dbt" } });
    const placed = [guide("DPE", { skills: ["Data Build Tool"] }), guide("Data Platform Engineer", { path: "b.md", skills: ["dbt", "K8s"] })];
    const roles = mergeRoles(placed, { aliases });
    expect(roles.map((r) => r.title)).toEqual(["Data Platform Engineer"]);
    // One skill once a role lists it: "dbt" of the second file is the first file's "Data Build Tool".
    expect(roles[0]!.skills.map((s) => [s.name, s.slug])).toEqual([
      ["Data Build Tool", "dbt"],
      ["K8s", "kubernetes"],
    ]);
    // Without them, the two are two roles.
    expect(mergeRoles([guide("DPE"), guide("Data Platform Engineer", { path: "b.md" })])).toHaveLength(2);
  });
});

describe("skill aliases", () => {
  it.each([
    ["Airflow", "Apache Airflow"],
    ["Kubernetes", "K8s"],
    ["JavaScript", "JS"],
    ["PostgreSQL", "Postgres"],
  ])("%s and %s share one slug and one page, named %s", (name, alias) => {
    const roles = mergeRoles([guide("Data Engineer", { level: "Mid", skills: [alias] }), guide("Backend Engineer", { level: "Mid", skills: [name] })]);
    const slugs = new Set(roles.flatMap((r) => r.levels.flatMap((l) => l.requirements.flatMap((q) => q.skills.map((s) => s.slug)))));
    expect([...slugs]).toEqual([toSlug(name)]);
    const catalog = buildCatalog(roles);
    expect(catalog.skills.map((s) => [s.name, s.aliases, s.roleCount])).toEqual([[name, [alias], 2]]);
    // Requirements keep the name as written.
    expect(roles[0]!.levels[0]!.requirements[0]!.skills[0]!.name).toBe(alias);
  });

  it("compiles a site's aliases once", () => {
    expect(aliasesFor(undefined)).toBe(defaultAliases);
    expect(aliasesFor({ roles: {}, skills: {} })).toBe(defaultAliases);
    const once = aliasesFor({ roles: { MLE: "Machine Learning Engineer" } });
    expect(aliasesFor({ roles: { MLE: "Machine Learning Engineer" } })).toBe(once);
    expect(once).not.toBe(defaultAliases);
  });

  it("lets a site's alias turn a built-in name around", () => {
    expect(defaultAliases.skillSlug("apache-spark")).toBe("spark");
    const turned = new Aliases({ skills: { Spark: "Apache Spark" } });
    expect([turned.skillSlug("spark"), turned.skillSlug("apache-spark"), turned.skillSlug("k8s")]).toEqual(["apache-spark", "apache-spark", "kubernetes"]);
    expect(new Aliases({ roles: { MLE: "Machine Learning Engineer" } }).titleKey("Senior MLE")).toBe("senior machine learning engineer");
  });

  it("hands back the same role object when no skill is an alias, and the same copy on a second call", () => {
    const plain = guide("Data Engineer", { skills: ["Python"] }).role;
    expect(canonicalSkills(plain)).toBe(plain);
    const aliased = guide("Data Engineer", { skills: ["K8s"] }).role;
    const once = canonicalSkills(aliased);
    expect(once).not.toBe(aliased);
    expect(canonicalSkills(aliased)).toBe(once);
    expect(aliased.skills[0]!.slug).toBe("k8s");
  });
});

describe("near-duplicate titles", () => {
  it.each([
    ["Data Engineer", "Data Engineering", "same words"],
    ["Data Engineer", "Data Engineers", "same words"],
    ["Engineer, Data", "Data Engineer", "same words"],
    ["DevOps Engineer", "DevOps Enginer", "spelling"],
    ["Senior Machine Learning Platform Engineer", "Machine Learning Platform Engineer Senior Staff", "most words"],
  ])("%s and %s: two roles, a near-duplicate-title warning on the second (%s)", (first, second) => {
    const placed = [guide(first, { path: "a.md" }), guide(second, { path: "b.md", line: 2 })];
    expect(mergeRoles(placed)).toHaveLength(2);
    expect(diagnostics(placed)).toEqual([{ file: "b.md", ruleId: "near-duplicate-title", severity: "warning", line: 2, column: 1 }]);
  });

  it.each([
    ["Data Engineer", "Data Scientist"],
    ["Frontend Engineer", "Backend Engineer"],
    ["Senior Engineer", "Staff Engineer"],
    ["Developer 1", "Developer 2"],
    ["L3", "L5"],
    ["Machine Learning Engineer", "Machine Learning Platform Engineer"],
  ])("%s and %s: no warning", (first, second) => {
    const placed = [guide(first, { path: "a.md" }), guide(second, { path: "b.md" })];
    expect(mergeRoles(placed)).toHaveLength(2);
    expect(diagnostics(placed)).toEqual([]);
  });

  it("gives the reason it found", () => {
    const words = (t: string) => titleShape(defaultAliases.expand(t));
    expect(closeness(words("Data Engineer"), words("Data Engineering"))).toBe("same words");
    expect(closeness(words("DevOps Engineer"), words("DevOps Enginer"))).toBe("spelling");
    expect(closeness(words("Data Engineer"), words("Data Scientist"))).toBeNull();
  });

  it("bounds the edit distance it computes", () => {
    expect(editDistance("kitten", "sitting", 5)).toBe(3);
    expect(editDistance("kitten", "sitting", 2)).toBe(3);
    expect(editDistance("abc", "abc", 0)).toBe(0);
    expect(editDistance("a", "abcd", 2)).toBe(3);
  });

  it("warns again on a second merge of the same titles (serve's rebuild), on that merge's own files", () => {
    mergeRoles([guide("Data Engineer", { path: "a.md" }), guide("Data Engineering", { path: "b.md" })]);
    const again = [guide("Data Engineer", { path: "c.md" }), guide("Data Engineering", { path: "d.md", line: 3 })];
    mergeRoles(again);
    expect(diagnostics(again)).toEqual([{ file: "d.md", ruleId: "near-duplicate-title", severity: "warning", line: 3, column: 1 }]);
  });

  it("compares anew when a title changes or the order does", () => {
    const far = [guide("Data Engineer", { path: "a.md" }), guide("Data Scientist", { path: "b.md" })];
    mergeRoles(far);
    expect(diagnostics(far)).toEqual([]);
    const near = [guide("Data Engineer", { path: "a.md" }), guide("Data Engineering", { path: "b.md" })];
    mergeRoles(near);
    expect(diagnostics(near).map((d) => d.file)).toEqual(["b.md"]);
    const turned = [guide("Data Engineering", { path: "b.md" }), guide("Data Engineer", { path: "a.md" })];
    mergeRoles(turned);
    expect(diagnostics(turned).map((d) => d.file)).toEqual(["a.md"]);
  });

  it("skips the comparison beyond the configured number of roles", () => {
    const placed = [guide("Data Engineer", { path: "a.md" }), guide("Data Engineering", { path: "b.md" })];
    mergeRoles(placed, { maxCompared: 1 });
    expect(diagnostics(placed)).toEqual([]);
  });
});

describe("plans of a role joined from several guides", () => {
  const withPlan = (placed: Placed): Placed => {
    const role = Role.parse({ ...placed.role, transitions: [{ from: "Data Scientist", slug: "data-scientist", months: 6, phases: [], keySkills: [], hoursPerWeek: null }] });
    return { ...placed, role };
  };

  it("keeps a plan from each guide joined by an alias, and says so once per spelling", () => {
    const placed = [withPlan(guide("Machine Learning Engineer", { path: "a.md" })), withPlan(guide("ML Engineer", { path: "b.md" })), guide("ML Engineer", { path: "c.md" })];
    const roles = mergeRoles(placed);
    expect(roles[0]!.transitions).toHaveLength(2);
    expect(diagnostics(placed)).toEqual([{ file: "b.md", ruleId: "alias-merged", severity: "info", line: 1, column: 1 }]);
  });

  it("refuses the same plan twice in guides of one title", () => {
    const placed = [withPlan(guide("Data Engineer", { path: "a.md" })), withPlan(guide("Data Engineer", { path: "b.md" }))];
    mergeRoles(placed);
    expect(diagnostics(placed)).toEqual([expect.objectContaining({ file: "b.md", ruleId: "transition-duplicate", severity: "error" })]);
  });
});
