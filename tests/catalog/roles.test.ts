import { describe, it, expect } from "vitest";
import { buildCatalog } from "../../src/catalog/index.ts";
import { skillsByCategory, yearsSpan } from "../../src/catalog/roles.ts";
import { dataScientist, mlEngineer } from "./seed-roles.ts";

const catalog = buildCatalog([mlEngineer, dataScientist]);
const ml = catalog.roles.find((r) => r.slug === "machine-learning-engineer")!;

describe("yearsSpan", () => {
  it("spans from the lowest start to the highest end, open when any level is", () => {
    expect(yearsSpan(mlEngineer)).toEqual({ min: 2, max: null });
    expect(yearsSpan(dataScientist)).toEqual({ min: 0, max: 2 });
    expect(yearsSpan({ ...mlEngineer, levels: [] })).toBeNull();
  });
});

describe("skillsByCategory", () => {
  it("groups role-wide skills by category in the author's order", () => {
    expect(skillsByCategory(mlEngineer).map((g) => [g.category, g.skills.length])).toEqual([
      ["Technical", 5],
      ["Tools", 6],
      ["Soft", 3],
    ]);
  });
});

describe("buildRoleView", () => {
  it("gives the role its addresses, labels and plans", () => {
    expect(ml).toMatchObject({
      url: "/roles/machine-learning-engineer/",
      levelsUrl: "/roles/machine-learning-engineer/levels/",
      jsonUrl: "/api/roles/machine-learning-engineer.json",
      yearsLabel: "2+ years",
      offers: "2 levels · 2 transition plans",
    });
    expect(ml.plans.map((p) => [p.from, p.url, p.meta])).toEqual([
      ["Data Scientist", "/roles/machine-learning-engineer/from/data-scientist/", "9 months, 12–18 hours a week"],
      ["Software Engineer", "/roles/machine-learning-engineer/from/software-engineer/", "10 months, 15–20 hours a week"],
    ]);
  });

  it("groups each level's requirements and anchors each level", () => {
    expect(ml.levels.map((l) => [l.anchor, l.yearsLabel, l.groups.map((g) => g.label)])).toEqual([
      ["level-mid", "2–4 years", ["Must-have", "Good-to-have"]],
      ["level-experienced", "4+ years", ["Must-have", "Good-to-have", "Production Support & Miscellaneous"]],
    ]);
  });

  it("links ladder titles and alternative paths that are roles", () => {
    expect(ml.ladders[1]!.map((t) => t.title)).toEqual(["Junior ML Engineer", "ML Engineer", "Senior ML Engineer", "Staff/Principal", "ML Engineering Manager"]);
    expect(ml.ladders[0]![0]).toEqual({ title: "ML Engineer", url: null, node: "/progression/#title-ml-engineer" });
    expect(ml.alternativePaths).toEqual([
      { title: "Data Scientist", url: "/roles/data-scientist/" },
      { title: "Research Scientist", url: null },
      { title: "Platform Engineer", url: null },
    ]);
  });

  it("links growth steps to the levels they name", () => {
    expect(ml.growth.map((g) => [g.from, g.fromUrl, g.to, g.toUrl])).toEqual([
      ["Mid", "#level-mid", "Experienced", "#level-experienced"],
      ["Experienced", "#level-experienced", "Senior/Lead", null],
      ["Experienced", "#level-experienced", "ML Lead/AI Architect", null],
    ]);
  });

  it("keeps unplaced sections as written and lists its sources", () => {
    const ds = catalog.roles.find((r) => r.slug === "data-scientist")!;
    // With no repository configured, no address to resolve a section's relative links against.
    expect(ds.sections).toEqual(dataScientist.sections.map((section) => ({ ...section, base: null })));
    expect(ml.sources.map((s) => s.path)).toEqual(["seeds/machine-learning-engineer-levels.md", "seeds/machine-learning-engineer-transitions.md"]);
    expect(ml.model).toEqual(mlEngineer);
  });
});
