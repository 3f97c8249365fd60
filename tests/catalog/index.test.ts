import { describe, it, expect } from "vitest";
import { buildCatalog, deepFreeze } from "../../src/catalog/index.ts";
import { dataScientist, mlEngineer } from "./seed-roles.ts";

describe("buildCatalog", () => {
  const catalog = buildCatalog([mlEngineer, dataScientist]);

  it("sorts roles by title and counts what it holds", () => {
    expect(catalog.roles.map((r) => r.title)).toEqual(["Data Scientist", "Machine Learning Engineer"]);
    expect(catalog.counts).toEqual({ roles: 2, levels: 3, skills: catalog.skills.length, plans: 2, ladders: 4 });
    expect(catalog.labels).toMatchObject({ roles: "2 roles", plans: "2 transition plans", ladders: "4 ladders" });
  });

  it("is frozen all the way down and leaves its input alone", () => {
    expect(Object.isFrozen(catalog.roles[0]!.levels[0]!.groups[0]!.requirements[0])).toBe(true);
    expect(Object.isFrozen(mlEngineer)).toBe(false);
    expect(() => (catalog.roles as unknown as unknown[]).push(1)).toThrow();
  });

  it("gives the same catalog for the same roles in any order", () => {
    expect(JSON.stringify(buildCatalog([dataScientist, mlEngineer]))).toBe(JSON.stringify(catalog));
  });

  it("refuses two roles with one slug", () => {
    expect(() => buildCatalog([mlEngineer, { ...mlEngineer, title: "ML Engineer" }])).toThrow(/machine-learning-engineer/);
  });

  it("handles an empty catalog", () => {
    expect(buildCatalog([])).toMatchObject({ roles: [], skills: [], plans: [], letters: [], counts: { roles: 0 } });
  });
});

describe("deepFreeze", () => {
  it("freezes nested objects and arrays", () => {
    const value = deepFreeze({ a: [{ b: 1 }] });
    expect(Object.isFrozen(value.a[0])).toBe(true);
  });
});
