import { describe, it, expect } from "vitest";
import { z } from "zod";
import { buildCatalog } from "../../src/catalog/index.ts";
import { compareLevels } from "../../src/catalog/levels-diff.ts";
import { Role } from "../../src/model/role.ts";
import { catalogPlugin, pageTitle, roleSchema, toJson, toJsonList } from "../../src/site/plugin.ts";
import { loadRealRoles } from "../catalog/real-roles.ts";
import { mlEngineer } from "../catalog/seed-roles.ts";
import { evilRole } from "./fixture-roles.ts";

describe("pageTitle", () => {
  it("adds the site name while the title stays short", () => {
    expect(pageTitle("PyTorch")).toBe("PyTorch · Career Atlas");
  });

  it("shortens a long title so that its escaped HTML fits", () => {
    const long = pageTitle("x".repeat(100));
    expect([...long]).toHaveLength(70);
    expect(long.endsWith("…")).toBe(true);
    const escaped = pageTitle("<&>".repeat(30));
    const html = escaped.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    expect(html.length).toBeLessThanOrEqual(70);
  });
});

describe("toJson and roleSchema", () => {
  it("writes indented JSON ending in a newline", () => {
    expect(toJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });

  it("is the JSON Schema of a Role", () => {
    expect(roleSchema()).toEqual(z.toJSONSchema(Role, { io: "output" }));
  });
});

describe("catalogPlugin", () => {
  it("hands the catalog, drawings and API texts to Eleventy as global data, and adds its filters", () => {
    const catalog = buildCatalog([mlEngineer]);
    const data = new Map<string, unknown>();
    const filters = new Map<string, (...args: never[]) => unknown>();
    catalogPlugin(catalog)({
      addGlobalData: (name, value) => data.set(name, (value as () => unknown)()),
      addFilter: (name, filter) => filters.set(name, filter),
    });
    expect(data.get("catalog")).toBe(catalog);
    expect(String((data.get("drawings") as { progression: string }).progression)).toMatch(/^<svg/);
    const api = data.get("api") as { roles: string; schema: string };
    expect(JSON.parse(api.roles)).toEqual([JSON.parse(JSON.stringify(mlEngineer))]);
    expect(JSON.parse(api.schema)).toEqual(roleSchema());
    expect([...filters.keys()].sort()).toEqual(["absoluteUrl", "inlineHtml", "json", "levelComparison", "pageTitle", "proseHtml", "requirementHtml", "sectionHtml", "timeline"]);
    // The comparison's table and steps are made for its page, from the role alone; the view holds its outline.
    const levelComparison = filters.get("levelComparison") as unknown as (role: unknown) => { rows: unknown[]; steps: unknown[]; url: string };
    const role = catalog.roles[0]!;
    const full = levelComparison(role);
    expect(full).toEqual(compareLevels(mlEngineer));
    expect(full.rows.length).toBeGreaterThan(0);
    expect(full.steps.length).toBeGreaterThan(0);
    expect(role.comparison).toEqual({ url: full.url, kind: "skills", levels: compareLevels(mlEngineer).levels, pair: compareLevels(mlEngineer).pair });
    const timeline = filters.get("timeline") as unknown as (plan: unknown) => string;
    expect(timeline(catalog.plans[0])).toMatch(/^<svg[^>]+class="timeline"/);
  });
});

describe("toJsonList", () => {
  // Strings JSON escapes or leaves as they are: a newline inside a string must not be indented.
  const awkward = Role.parse({
    ...structuredClone(mlEngineer),
    slug: "awkward",
    title: 'Quote " and \\ backslash',
    summary: "Line one\n  line two\r\n\ttabbed \u2028 sep \u0000 nul",
    background: "Ünïcödé 🤖 数据 \ud83e\udd16 ‘curly’ — and </script>",
    responsibilities: ["[\n  {", "}\n]"],
  });

  it("is toJson of an empty list", () => {
    expect(toJsonList([])).toBe(toJson([]));
  });

  it("is toJson of the real roles' models, frozen as the catalog holds them", async () => {
    const models = buildCatalog([...(await loadRealRoles()), evilRole, awkward]).roles.map((r) => r.model);
    expect(models.every((m) => Object.isFrozen(m))).toBe(true);
    expect(toJsonList(models)).toBe(toJson(models));
    // Again, from the kept texts, and in another order and number.
    expect(toJsonList(models)).toBe(toJson(models));
    const some = [models[3]!, models[0]!, models[3]!];
    expect(toJsonList(some)).toBe(toJson(some));
    expect(toJsonList([models[1]!])).toBe(toJson([models[1]!]));
  });

  it("is toJson of unfrozen items, and follows them when they change", () => {
    const items: object[] = [structuredClone(awkward), structuredClone(mlEngineer), {}, [], [[1, "a\nb"], { a: null }]];
    expect(toJsonList(items)).toBe(toJson(items));
    (items[0] as Role).summary = "changed";
    expect(toJsonList(items)).toBe(toJson(items));
    expect(toJsonList(items)).toContain('"summary": "changed"');
  });
});
