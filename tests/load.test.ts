import { beforeAll, describe, expect, it } from "vitest";
import { loadRoles } from "../src/load.ts";
import { hasErrors, toDiagnostics } from "../src/model/diagnostics.ts";
import type { Level, Role } from "../src/model/role.ts";
import { levelsSeed, seedsDir, transitionsSeed } from "./seeds.ts";

const byCategory = (role: Role) =>
  Object.fromEntries(["technical", "tools", "soft"].map((c) => [c, role.skills.filter((s) => s.category.toLowerCase() === c).map((s) => s.name)]));
const count = (level: Level, priority: string, group: string | null = null) =>
  level.requirements.filter((r) => r.priority === priority && r.group === group).length;

describe("the seed with transition paths", () => {
  let role: Role;
  beforeAll(async () => {
    const { roles, files } = await loadRoles([transitionsSeed]);
    expect(hasErrors(files)).toBe(false);
    expect(roles).toHaveLength(1);
    role = roles[0]!;
  });

  it("reads title, summary, responsibilities and background", () => {
    expect(role.title).toBe("Machine Learning Engineer");
    expect(role.summary).toMatch(/^Builds scalable ML systems and deploys models to production\. Focuses on infrastructure/);
    expect(role.responsibilities).toEqual([
      "Design ML pipelines and training infrastructure",
      "Deploy models to production with monitoring",
      "Optimize model performance and latency",
      "Collaborate with data scientists and engineers",
      "Implement MLOps best practices",
    ]);
    expect(role.background).toMatch(/^Bachelor's or Master's in Computer Science.*production infrastructure\.$/);
  });

  it("files role-wide skills by category", () => {
    expect(byCategory(role)).toEqual({
      technical: ["Python", "Machine Learning", "Deep Learning", "Software Engineering", "DevOps"],
      tools: ["TensorFlow", "PyTorch", "Kubernetes", "Docker", "MLflow", "Airflow"],
      soft: ["System design", "Debugging", "Collaboration"],
    });
  });

  it("reads a ladder of five titles and three alternative paths", () => {
    expect(role.ladders).toEqual([["Junior ML Engineer", "ML Engineer", "Senior ML Engineer", "Staff/Principal", "ML Engineering Manager"]]);
    expect(role.alternativePaths).toEqual(["Data Scientist", "Research Scientist", "Platform Engineer"]);
  });

  it("reads the plan from Data Scientist with phases, topics, key skills and hours", () => {
    const plan = role.transitions.find((t) => t.from === "Data Scientist")!;
    expect(plan).toMatchObject({ slug: "data-scientist", months: 9, hoursPerWeek: { min: 12, max: 18 } });
    expect(plan.phases.map((p) => [p.start, p.end, p.title])).toEqual([
      [1, 3, "Software Engineering Fundamentals"],
      [4, 6, "ML Production"],
      [7, 9, "Infrastructure & Scale"],
    ]);
    expect(plan.phases.map((p) => p.topics.length)).toEqual([3, 3, 3]);
    expect(plan.phases[0]!.topics).toEqual(["Object-oriented programming patterns", "Version control (Git), testing (pytest)", "API design (REST, FastAPI)"]);
    expect(plan.keySkills.map((s) => s.slug)).toEqual(["software-engineering", "kubernetes", "mlops"]);
  });

  it("reads the plan from Software Engineer", () => {
    const plan = role.transitions.find((t) => t.from === "Software Engineer")!;
    expect(plan.months).toBe(10);
    expect(plan.phases.map((p) => [p.start, p.end])).toEqual([[1, 4], [5, 7], [8, 10]]);
    expect(plan.phases[0]!.topics).toContain("Frameworks: TensorFlow, PyTorch");
    expect(plan.hoursPerWeek).toEqual({ min: 15, max: 20 });
    expect(plan.keySkills.map((s) => s.name)).toEqual(["Machine Learning", "Deep Learning", "ML Systems Design"]);
  });

  it("places every section: nothing is left unplaced", () => {
    expect(role.sections).toEqual([]);
  });
});

describe("the seed with emoji headings", () => {
  let role: Role;
  let diagnostics: ReturnType<typeof toDiagnostics>;
  beforeAll(async () => {
    const { roles, files } = await loadRoles([levelsSeed]);
    diagnostics = toDiagnostics(files);
    role = roles[0]!;
  });

  it("repairs the mojibake with one warning naming the first repaired line", () => {
    const repairs = diagnostics.filter((d) => d.ruleId === "mojibake-repaired");
    expect(repairs).toHaveLength(1);
    expect(repairs[0]).toMatchObject({ severity: "warning", line: 1, file: expect.stringContaining("machine-learning-engineer-levels.md") });
    expect(role.title).toBe("Machine Learning Engineer");
    expect(role.ladders[0]!.join(" → ")).toBe("ML Engineer → Senior ML Engineer → ML Lead → AI Architect");
    expect(JSON.stringify(role)).not.toMatch(/ü§ñ|‚Üí|Ô∏è/);
  });

  it("reconciles levels from the overview line and the level headings", () => {
    expect(role.levels.map((l) => [l.name, l.slug, l.years])).toEqual([
      ["Mid", "mid", { min: 2, max: 4 }],
      ["Experienced", "experienced", { min: 4, max: null }],
    ]);
    expect(diagnostics.filter((d) => d.ruleId === "level-years-mismatch")).toEqual([]);
  });

  it("reads the responsibility line and a ladder of four titles", () => {
    expect(role.responsibilities).toEqual([expect.stringMatching(/^Builds and deploys machine learning models.*predictions or decisions$/)]);
    expect(role.ladders).toEqual([["ML Engineer", "Senior ML Engineer", "ML Lead", "AI Architect"]]);
  });

  it("groups each level's requirements by priority", () => {
    const [mid, experienced] = role.levels as [Level, Level];
    expect([count(mid, "must"), count(mid, "good"), count(mid, "other", "Production Support & Miscellaneous")]).toEqual([7, 4, 0]);
    expect([count(experienced, "must"), count(experienced, "good"), count(experienced, "other", "Production Support & Miscellaneous")]).toEqual([10, 5, 10]);
  });

  it("keeps each requirement's text, detail and the skills it names", () => {
    const [mid, experienced] = role.levels as [Level, Level];
    expect(mid.requirements[0]).toEqual({
      text: "Python with NumPy, Pandas, Scikit-learn",
      detail: "Programming Language and ML Libraries",
      priority: "must",
      group: null,
      skills: [
        { name: "Python", slug: "python" },
        { name: "NumPy", slug: "numpy" },
        { name: "Pandas", slug: "pandas" },
        { name: "Scikit-learn", slug: "scikit-learn" },
      ],
      // The line it was written on (line 15 of the guide: "- **Python with NumPy, …** - …").
      origin: { path: expect.stringMatching(/machine-learning-engineer-levels\.md$/), line: 15 },
    });
    const frameworks = mid.requirements.find((r) => r.text === "TensorFlow / PyTorch")!;
    expect(frameworks).toMatchObject({ detail: "Deep Learning Frameworks", priority: "good" });
    expect(frameworks.skills.map((s) => s.slug)).toEqual(["tensorflow", "pytorch"]);
    expect(experienced.requirements.find((r) => r.text === "TensorFlow / PyTorch")!.priority).toBe("must");
    // The detail after a colon counts as well as the one after " - ".
    expect(mid.requirements.find((r) => r.text === "System Design Basics")!.detail).toBe("Understanding of ML pipeline architecture");
    expect(experienced.requirements.find((r) => r.text === "Compliance")).toMatchObject({
      detail: "GDPR, HIPAA, SOX compliance for ML systems",
      priority: "other",
      group: "Production Support & Miscellaneous",
    });
  });

  it("reads three growth paths with their steps", () => {
    expect(role.growth.map((g) => [g.from, g.to, g.steps.length])).toEqual([
      ["Mid", "Experienced", 4],
      ["Experienced", "Senior/Lead", 5],
      ["Experienced", "ML Lead/AI Architect", 5],
    ]);
    expect(role.growth[0]!.steps[0]).toBe("Master ML algorithms and frameworks");
  });
});

describe("both seeds together", () => {
  it("give one merged role with both ladders, both sources and every part", async () => {
    const { roles, files } = await loadRoles([seedsDir]);
    expect(hasErrors(files)).toBe(false);
    expect(roles).toHaveLength(1);
    const role = roles[0]!;
    expect(role.slug).toBe("machine-learning-engineer");
    expect(role.ladders.map((l) => l.length).sort()).toEqual([4, 5]);
    expect(role.sources.map((s) => s.path.replace(/\\/g, "/")).sort()).toEqual([
      "seeds/machine-learning-engineer-levels.md",
      "seeds/machine-learning-engineer-transitions.md",
    ]);
    expect(role.responsibilities).toHaveLength(6);
    expect(role.levels.map((l) => l.requirements.length)).toEqual([11, 25]);
    expect(role.transitions.map((t) => t.from)).toEqual(["Data Scientist", "Software Engineer"]);
    expect(role.growth).toHaveLength(3);
    expect(role.skills).toHaveLength(14);
    expect(role.alternativePaths).toHaveLength(3);
    expect(role.summary).not.toBeNull();
    expect(role.background).not.toBeNull();
  });

  it("reports plans from roles no input describes as information only, at the plan's heading", async () => {
    const { files } = await loadRoles([seedsDir]);
    const infos = toDiagnostics(files).filter((d) => d.ruleId === "transition-from-unknown");
    expect(infos.map((d) => [d.severity, d.line])).toEqual([
      ["info", 28],
      ["info", 47],
    ]);
  });
});
