/**
 * Page groups: a rebuild renders only the groups whose fingerprint changed, which is sound only if
 * a group's pages read nothing but the item fingerprinted, if every address maps to the group
 * that writes it, and if fingerprints change exactly when their items do.
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, CatalogMemo, type Catalog } from "../../src/catalog/index.ts";
import { Role } from "../../src/model/role.ts";
import { renderSite } from "../../src/site/render-runs.ts";
import { pageGroups, SITE_GROUP, type Selection } from "../../src/site/groups.ts";
import { loadRealRoles } from "../catalog/real-roles.ts";
import { evilRole } from "./fixture-roles.ts";
import { listFiles, tempDir } from "./helpers.ts";

const ML = "machine-learning-engineer";
const PLAN = `/roles/${ML}/from/data-scientist/`;

let roles: Role[];
let catalog: Catalog;
let root: string;
beforeAll(async () => {
  roles = await loadRealRoles();
  catalog = buildCatalog(roles);
  root = await tempDir("career-atlas-groups-");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const roleOf = (c: Catalog, slug = ML) => c.roles.find((r) => r.slug === slug)!;
const planOf = (c: Catalog, url = PLAN) => c.plans.find((p) => p.url === url)!;
const skillOf = (c: Catalog, slug = "python") => c.skills.find((s) => s.slug === slug)!;

/** Renders `selection` of `from` into a new folder and returns every file there with its text. */
async function render(from: Catalog, selection: Selection, name: string): Promise<Map<string, string>> {
  const out = path.join(root, name);
  const logged: string[] = [];
  await renderSite(from, out, (m) => logged.push(m), { selection, copyAssets: false });
  expect(logged).toEqual([]);
  const files = new Map<string, string>();
  for (const file of await listFiles(out)) files.set(file, await readFile(path.join(out, file), "utf8"));
  return files;
}

describe("a per-item page reads nothing but its item", () => {
  it("renders the same bytes from a catalog in which everything else differs", async () => {
    const selection: Selection = { roles: [roleOf(catalog)], plans: [planOf(catalog)], skills: [skillOf(catalog)], site: false };
    // Every list, count, label and drawing of another catalog; the three items alone are kept.
    const other = buildCatalog([evilRole]);
    const elsewhere: Catalog = { ...other, roles: [...selection.roles], plans: [...selection.plans], skills: [...selection.skills] };
    expect(other.letters).not.toEqual(catalog.letters);
    expect(other.progression).not.toEqual(catalog.progression);
    expect(other.labels).not.toEqual(catalog.labels);
    const full = await render(catalog, selection, "full");
    const alone = await render(elsewhere, selection, "alone");
    expect([...full.keys()]).toEqual([
      "api/roles/machine-learning-engineer.json",
      "roles/machine-learning-engineer/from/data-scientist/index.html",
      "roles/machine-learning-engineer/index.html",
      "roles/machine-learning-engineer/levels/index.html",
      "skills/python/index.html",
    ]);
    expect([...alone.keys()]).toEqual([...full.keys()]);
    for (const [file, text] of full) expect(alone.get(file), file).toBe(text);
  });
});

describe("groupOf", () => {
  it("maps every item's addresses to its group and the rest to the site", () => {
    const groups = pageGroups(catalog);
    for (const role of catalog.roles) for (const url of [role.url, role.levelsUrl, role.jsonUrl]) expect(groups.groupOf(url)).toBe(`role:${role.slug}`);
    for (const plan of catalog.plans) expect(groups.groupOf(plan.url)).toBe(`plan:${plan.url}`);
    for (const skill of catalog.skills) expect(groups.groupOf(skill.url)).toBe(`skill:${skill.slug}`);
    for (const url of ["/", "/skills/", "/progression/", "/404.html", "/api/roles.json", "/api/role.schema.json", "/roles/nobody/"]) expect(groups.groupOf(url)).toBe(SITE_GROUP);
  });

  it("agrees with what rendering a group writes", async () => {
    const groups = pageGroups(catalog);
    const key = `plan:${PLAN}`;
    const written = await render(catalog, groups.select(new Set([key, `role:${ML}`])), "two-groups");
    const byGroup = [...written.keys()].map((file) => groups.groupOf(`/${file.replace(/index\.html$/, "")}`));
    expect(byGroup.sort()).toEqual([key, `role:${ML}`, `role:${ML}`, `role:${ML}`]);
  });
});

describe("select", () => {
  it("returns exactly the items of the keys given", () => {
    const groups = pageGroups(catalog);
    const keys = new Set([`role:${ML}`, "role:developer", `plan:${PLAN}`, "skill:python", "skill:git", "role:nobody"]);
    const picked = groups.select(keys);
    // The catalog's own objects, in catalog order (not copies: templates get them frozen as they are).
    const same = <T>(got: readonly T[], want: readonly T[]) => {
      expect(got).toHaveLength(want.length);
      got.forEach((item, i) => expect(item).toBe(want[i]));
    };
    same(picked.roles, catalog.roles.filter((r) => r.slug === ML || r.slug === "developer"));
    same(picked.plans, [planOf(catalog)]);
    same(picked.skills, catalog.skills.filter((s) => s.slug === "git" || s.slug === "python"));
    expect(picked.site).toBe(false);
    expect(groups.select(new Set([SITE_GROUP]))).toEqual({ roles: [], plans: [], skills: [], site: true });
    const all = groups.select(new Set(groups.hashes.keys()));
    expect(all).toEqual({ roles: catalog.roles, plans: catalog.plans, skills: catalog.skills, site: true });
  });
});

describe("fingerprints", () => {
  it("are the same for two catalogs of the same roles", () => {
    const again = pageGroups(buildCatalog(roles)).hashes;
    expect(again).toEqual(pageGroups(catalog).hashes);
    expect(again.size).toBe(catalog.roles.length + catalog.plans.length + catalog.skills.length + 1);
  });

  it("change for the edited role's group and the site alone after a summary edit", () => {
    const ml = roles.find((r) => r.slug === ML)!;
    const edited = Role.parse({ ...structuredClone(ml), summary: "Ships models." });
    const next = roles.map((r) => (r === ml ? edited : r));
    const before = pageGroups(catalog).hashes;
    const memo = new CatalogMemo();
    buildCatalog(roles, memo);
    for (const after of [pageGroups(buildCatalog(next)).hashes, pageGroups(buildCatalog(next, memo)).hashes]) {
      expect([...after.keys()]).toEqual([...before.keys()]);
      const changed = [...after.keys()].filter((key) => after.get(key) !== before.get(key));
      expect(changed.sort()).toEqual([`role:${ML}`, SITE_GROUP]);
    }
  });
});
