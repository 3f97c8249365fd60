import { describe, it, expect } from "vitest";
import { buildCatalog } from "../../src/catalog/index.ts";
import { collectSkills, indexLetter } from "../../src/catalog/skills.ts";
import { Role } from "../../src/model/role.ts";
import { dataScientist, mlEngineer } from "./seed-roles.ts";

const catalog = buildCatalog([mlEngineer]);
const skill = (slug: string) => catalog.skills.find((s) => s.slug === slug)!;

describe("collectSkills", () => {
  it("gathers role-wide skills, requirement skills and key skills", () => {
    const names = collectSkills([mlEngineer]);
    expect(names.get("pytorch")).toEqual(["PyTorch"]);
    expect(names.has("production-support")).toBe(true);
    expect(names.has("ml-systems-design")).toBe(true);
    expect(names.has("docker")).toBe(true);
  });
});

describe("buildSkillIndex", () => {
  it("lists the roles and levels that ask for PyTorch, at what priority", () => {
    expect(skill("pytorch").askedFor.map((u) => [u.role, u.level, u.label, u.text, u.levelUrl])).toEqual([
      ["Machine Learning Engineer", "Mid", "Good-to-have", "TensorFlow / PyTorch", "/roles/machine-learning-engineer/#level-mid"],
      ["Machine Learning Engineer", "Experienced", "Must-have", "TensorFlow / PyTorch", "/roles/machine-learning-engineer/#level-experienced"],
    ]);
    expect(skill("pytorch").listedBy).toEqual([{ role: "Machine Learning Engineer", url: "/roles/machine-learning-engineer/", category: "Tools" }]);
  });

  it("lists the plan phases that teach PyTorch with their months", () => {
    expect(skill("pytorch").plans).toEqual([
      {
        title: "From Software Engineer to Machine Learning Engineer",
        url: "/roles/machine-learning-engineer/from/software-engineer/",
        role: "Machine Learning Engineer",
        from: "Software Engineer",
        keySkill: false,
        phases: [{ label: "Months 1–4", title: "ML Foundations", url: "/roles/machine-learning-engineer/from/software-engineer/#phase-1" }],
      },
    ]);
  });

  it("lists a plan that names the skill as a key skill even when no phase does", () => {
    expect(skill("ml-systems-design").plans.map((p) => [p.from, p.keySkill, p.phases.length])).toEqual([["Software Engineer", true, 0]]);
    expect(skill("software-engineering").plans.map((p) => [p.from, p.keySkill, p.phases.map((x) => x.title)])).toEqual([
      ["Data Scientist", true, ["Software Engineering Fundamentals"]],
    ]);
    expect(skill("kubernetes").plans.map((p) => [p.from, p.keySkill, p.phases.map((x) => x.label)])).toEqual([["Data Scientist", true, ["Months 7–9"]]]);
  });

  it("counts levels, roles and phases", () => {
    expect(skill("pytorch")).toMatchObject({ levelCount: 2, roleCount: 1, phaseCount: 1, summary: "2 levels in 1 role · 1 plan phase" });
    expect(skill("docker")).toMatchObject({ levelCount: 0, phaseCount: 1, summary: "listed by 1 role · 1 plan phase" });
    expect(skill("ml-systems-design").summary).toBe("named in a plan");
  });

  it("is sorted A–Z and grouped by letter", () => {
    const names = catalog.skills.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    expect(catalog.letters.map((l) => l.letter).join("")).toMatch(/^A.*C.*P.*T/);
    const p = catalog.letters.find((l) => l.letter === "P")!;
    expect(p.anchor).toBe("letter-p");
    expect(p.skills.map((s) => s.name)).toContain("PyTorch");
    expect(catalog.letters.reduce((n, l) => n + l.skills.length, 0)).toBe(catalog.skills.length);
  });

  it("joins a skill across roles", () => {
    const both = buildCatalog([mlEngineer, dataScientist]);
    const python = both.skills.find((s) => s.slug === "python")!;
    expect(new Set(python.askedFor.map((u) => u.role))).toEqual(new Set(["Data Scientist", "Machine Learning Engineer"]));
    expect(python.roleCount).toBe(2);
    expect(python.askedFor[0]!.role).toBe("Data Scientist");
  });
});

describe("indexLetter", () => {
  it("uses the first letter without accents, '#' for anything else", () => {
    expect(indexLetter("pytorch")).toBe("P");
    expect(indexLetter("Élan")).toBe("E");
    expect(indexLetter("3D modelling")).toBe("#");
    expect(indexLetter(".NET")).toBe("#");
    expect(indexLetter("데이터")).toBe("데");
  });
});

describe("groupByCategory", () => {
  const groups = catalog.skillGroups;
  const names = (name: string) => groups.categories.find((g) => g.name === name)?.skills.map((s) => s.name);

  it("puts each skill under the category its roles file it under, A–Z within", () => {
    expect(groups.categories.map((g) => g.name)).toEqual(["Soft", "Technical", "Tools", "Other skills"]);
    expect(names("Tools")).toEqual(["Airflow", "Docker", "Kubernetes", "MLflow", "PyTorch", "TensorFlow"]);
    expect(names("Soft")).toEqual(["Collaboration", "Debugging", "System design"]);
    expect(groups.categories.find((g) => g.name === "Tools")!.anchor).toBe("category-tools");
  });

  it("keeps uncategorized skills the guides name more than once apart from those named once, which fold", () => {
    // Advanced Data Structures: Mid only; Git: both levels.
    expect(names("Other skills")).toContain("Git");
    expect(names("Other skills")).not.toContain("Advanced Data Structures");
    expect(groups.once!.skills.map((s) => s.name)).toContain("Advanced Data Structures");
    expect(groups.once!.skills.map((s) => s.name)).toContain("ML Systems Design");
    expect(groups.once!.skills.map((s) => s.name)).not.toContain("Git");
    const all = [...groups.categories.flatMap((g) => g.skills), ...groups.once!.skills].map((s) => s.name);
    expect(all.sort()).toEqual(catalog.skills.map((s) => s.name).sort());
  });

  it("shows how many roles and levels ask for each", () => {
    expect(groups.categories.find((g) => g.name === "Tools")!.skills.find((s) => s.name === "PyTorch")!.summary).toBe("2 levels in 1 role · 1 plan phase");
  });

  it("takes the category most roles give, and names two categories whose slugs meet apart", () => {
    const skill = (name: string, category: string) => ({ name, slug: name.toLowerCase(), category, detail: null });
    const a = Role.parse({ ...dataScientist, slug: "a", title: "A", skills: [skill("Go", "Languages"), skill("Rust", "C++")] });
    const b = Role.parse({ ...dataScientist, slug: "b", title: "B", skills: [skill("Go", "languages"), skill("Zig", "C#")] });
    const c = Role.parse({ ...dataScientist, slug: "c", title: "C", skills: [skill("Go", "Tools")] });
    const grouped = buildCatalog([a, b, c]).skillGroups;
    expect(grouped.categories.find((g) => g.name === "Languages")!.skills.map((s) => s.name)).toContain("Go");
    expect(grouped.categories.filter((g) => g.name.startsWith("C")).map((g) => [g.name, g.anchor])).toEqual([
      ["C#", "category-c-sharp"],
      ["C++", "category-c-plus-plus"],
    ]);
  });
});
