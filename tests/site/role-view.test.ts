/**
 * What the catalog prepares for the role and plan pages: the table of contents, the folds, skill
 * details, and plans of every shape (phases in weeks or years, steps only, a summary only, a plan
 * into another role).
 */
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/catalog/index.ts";
import { phaseLabel, planMonths } from "../../src/catalog/plans.ts";
import { OPEN_RESPONSIBILITIES, OPEN_SKILLS, splitProse } from "../../src/catalog/roles.ts";
import { Role, type Transition } from "../../src/model/role.ts";
import { dataScientist, mlEngineer } from "../catalog/seed-roles.ts";

const plan = (fields: Partial<Transition> & { from: string; slug: string }): Transition => ({
  to: null,
  months: null,
  duration: null,
  summary: null,
  phases: [],
  unit: "month",
  steps: [],
  keySkills: [],
  hoursPerWeek: null,
  ...fields,
});

const platform = Role.parse({
  ...dataScientist,
  slug: "platform-guide",
  title: "Platform Guide",
  levels: [],
  ladders: [],
  alternativePaths: [],
  growth: [],
  sections: [],
  skills: [
    { name: "Cloud Platforms", slug: "cloud-platforms", category: "Technical", detail: "AWS/GCP" },
    { name: "Terraform", slug: "terraform", category: "Technical", detail: null },
    ...Array.from({ length: OPEN_SKILLS + 1 }, (_, i) => ({ name: `Tool ${i}`, slug: `tool-${i}`, category: "Tools", detail: null })),
  ],
  responsibilities: Array.from({ length: OPEN_RESPONSIBILITIES + 1 }, (_, i) => `Duty ${i}`),
  summary: "First paragraph.\n\nSecond paragraph.\n\nThird.",
  transitions: [
    plan({ from: "Developer", to: "Data Scientist", slug: "developer", steps: ["Learn statistics", "Build a portfolio"] }),
    plan({ from: "SysAdmin", to: "SRE", slug: "sysadmin", summary: "Automate what you do by hand", duration: "3-6 months", months: 6 }),
    plan({ from: "Analyst", slug: "analyst", unit: "week", phases: [{ start: 1, end: 2, title: "Basics", topics: ["SQL"] }, { start: 3, end: 6, title: "Depth", topics: ["dbt"] }] }),
    plan({ from: "Student", slug: "student", unit: "year", phases: [{ start: 1, end: 1, title: "Degree", topics: ["Maths"] }] }),
  ],
});

const catalog = buildCatalog([mlEngineer, dataScientist, platform]);
const role = (slug: string) => catalog.roles.find((r) => r.slug === slug)!;
const planOf = (from: string) => catalog.plans.find((p) => p.role.slug === "platform-guide" && p.from.title === from)!;

describe("the role page's view", () => {
  it("lists in its table of contents the sections the page has, in its order, the levels under theirs", () => {
    const ml = role("machine-learning-engineer");
    expect(ml.levels.length).toBeGreaterThan(1);
    expect(ml.toc.map((e) => [e.id, e.children.map((c) => c.id)])).toEqual([
      ["about", []],
      ["levels", ml.model.levels.map((l) => `level-${l.slug}`)],
      ["plans", []],
      ["skills", []],
      ["ladders", []],
      ["sources", []],
    ]);
    expect(role("platform-guide").toc.map((e) => e.id)).toEqual(["about", "plans", "skills", "sources"]);
    expect(role("data-scientist").toc.map((e) => e.id)).toContain("more");
  });

  it("folds what is long: skill categories with details or many skills, many responsibilities; cuts the summary after its first paragraph", () => {
    const view = role("platform-guide");
    expect(view.skillGroups.map((g) => [g.category, g.detailed, g.open, g.countLabel])).toEqual([
      ["Technical", true, false, "2 skills"],
      ["Tools", false, false, `${OPEN_SKILLS + 1} skills`],
    ]);
    expect(view.skillGroups[0]!.skills.map((s) => [s.name, s.detail])).toEqual([
      ["Cloud Platforms", "AWS/GCP"],
      ["Terraform", null],
    ]);
    expect(view.responsibilitiesOpen).toBe(false);
    expect(role("machine-learning-engineer").responsibilitiesOpen).toBe(true);
    expect([view.lead, view.summaryRest]).toEqual(["First paragraph.", "Second paragraph.\n\nThird."]);
    expect(splitProse("One.")).toEqual({ first: "One.", rest: null });
    expect(splitProse(null)).toEqual({ first: null, rest: null });
  });

  it("names each plan as the page lists it, with its length as written and its shape", () => {
    expect(role("machine-learning-engineer").plans.map((p) => [p.label, p.meta, p.shape])).toEqual([
      ["From Data Scientist", "9 months, 12–18 hours a week", "3 phases"],
      ["From Software Engineer", "10 months, 15–20 hours a week", "3 phases"],
    ]);
    expect(role("platform-guide").plans.map((p) => [p.label, p.meta, p.shape, p.summary])).toEqual([
      ["From Developer to Data Scientist", "", "2 steps", null],
      ["From SysAdmin to SRE", "3-6 months", "", "Automate what you do by hand"],
      ["From Analyst", "6 weeks", "2 phases", null],
      ["From Student", "1 year", "1 phase", null],
    ]);
  });
});

describe("plans of every shape", () => {
  it("leads a plan into another role to that role, linked and measured against it when the catalog has it", () => {
    const developer = planOf("Developer");
    expect(developer.title).toBe("From Developer to Data Scientist");
    expect(developer.to).toEqual({ title: "Data Scientist", url: "/roles/data-scientist/" });
    expect(developer.role.url).toBe("/roles/platform-guide/");
    expect(developer.steps).toEqual(["Learn statistics", "Build a portfolio"]);
    const sre = planOf("SysAdmin");
    expect(sre.to).toEqual({ title: "SRE", url: null });
    expect(sre.gap).toBeNull();
    expect([sre.summary, sre.lengthLabel, sre.months]).toEqual(["Automate what you do by hand", "3-6 months", 6]);
  });

  it("counts phases in the plan's unit, and its length in months", () => {
    const weeks = planOf("Analyst");
    expect(weeks.phases.map((p) => p.label)).toEqual(["Weeks 1–2", "Weeks 3–6"]);
    expect([weeks.phasesCaption, weeks.unitHeading, weeks.months]).toEqual(["Phases by week", "Weeks", 2]);
    const years = planOf("Student");
    expect(years.phases.map((p) => p.label)).toEqual(["Year 1"]);
    expect([years.unitHeading, years.months, years.lengthLabel]).toEqual(["Years", 12, "1 year"]);
    expect(weeks.lengthLabel).toBe("6 weeks");
    expect(planMonths(plan({ from: "x", slug: "x", unit: "week", phases: [{ start: 1, end: 9, title: "", topics: [] }] }))).toBe(3);
    expect(phaseLabel("month", 4, 4)).toBe("Month 4");
  });
});
