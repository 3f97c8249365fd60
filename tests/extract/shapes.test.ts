/**
 * The shapes real role guides come in, each from a small fixture in tests/extract/fixtures/: levels
 * from headings, codes and tables (markdown and HTML), front matter, skills, ladders, durations,
 * several roles in a file, and other languages.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, load, only } from "./fixture-roles.ts";
import { loadContent } from "../../src/load.ts";
import { toDiagnostics } from "../../src/model/diagnostics.ts";
import type { Level, Role } from "../../src/model/role.ts";
import { coverage } from "../../src/report/coverage.ts";


const levels = (role: Role) => role.levels.map((l) => [l.name, l.code, l.years]);
const requirements = (level: Level) => level.requirements.map((r) => [r.text, r.detail, r.priority, r.group]);

describe("levels from headings", () => {
  it("reads years in every notation and codes beside the name", () => {
    const { role, diagnostics } = only("levels-headings.md");
    expect(levels(role)).toEqual([
      ["Associate", "IC1", { min: 0, max: 2 }],
      ["Engineer", "L3", { min: 2, max: 4 }],
      ["Senior Engineer", "SWE-1", { min: 4, max: null }],
      ["Staff Engineer", "L6", { min: 10, max: null }],
      // "and Beyond" starts where the level before it ends.
      ["Principal Engineer", null, { min: 10, max: null }],
      ["Fellow", null, null],
    ]);
    expect(role.levels[0]!.requirements.map((r) => r.text)).toEqual(["Ships small fixes"]);
    expect(diagnostics).toEqual([]);
  });

  it('reads "## D1 - Developer 1" sections under the title as levels, their bold labels as requirements', () => {
    const { role, diagnostics } = only("levels-codes.md");
    expect(levels(role)).toEqual([
      ["Developer 1", "D1", null],
      ["Developer 2", "D2", null],
    ]);
    const [d1] = role.levels as [Level];
    expect(requirements(d1)).toEqual([
      ["Adopts", "learns the tools the team uses", "other", null],
      ["Tools", "Git, Docker", "other", null],
    ]);
    // A label over prose names no skill; a label over a list names each item.
    expect(d1.requirements.map((r) => r.skills.map((s) => s.slug))).toEqual([[], ["git", "docker"]]);
    expect(role.sections.map((s) => s.heading)).toEqual(["Other Pages"]);
    expect(diagnostics).toEqual([{ ruleId: "unplaced-section", severity: "warning", line: 16, column: 1 }]);
  });
});

describe("levels from tables", () => {
  it("reads a markdown table with levels as rows, a years column and cells grouped by their column", () => {
    const { role, diagnostics } = only("levels-table-rows.md");
    expect(levels(role)).toEqual([
      ["Junior Analyst", null, { min: 0, max: 2 }],
      ["Analyst", null, { min: 2, max: 5 }],
      ["Senior Analyst", null, { min: 5, max: null }],
    ]);
    expect(requirements(role.levels[0]!)).toEqual([
      ["Answers well-defined questions with SQL", null, "other", "Scope"],
      ["Senior", "No", "other", null],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it("reads a markdown table with levels as columns, a short cell as the detail of its row's skill", () => {
    const { role } = only("levels-table-columns.md");
    expect(levels(role)).toEqual([
      ["Junior", null, { min: 0, max: 2 }],
      ["Mid", null, { min: 2, max: 4 }],
      ["Senior", null, { min: 4, max: null }],
    ]);
    const senior = role.levels[2]!;
    expect(requirements(senior)).toEqual([
      ["SQL", "expert", "other", null],
      ["Sets what the team asks next", null, "other", "Stakeholders"],
    ]);
    expect(senior.requirements[0]!.skills).toEqual([{ name: "SQL", slug: "sql" }]);
  });

  it("reads an HTML table split by blank lines with a real HTML parser, list items as requirements", () => {
    const { roles, diagnostics, file } = load("levels-html.md");
    // Level 2's years run backwards: the error points at that very cell, line 25 column 5.
    expect(roles).toEqual([]);
    expect(diagnostics).toEqual([{ ruleId: "level-years-range", severity: "error", line: 25, column: 5 }]);
    const fixed = readFileSync(fixture("levels-html.md"), "utf8").replace("<td>4-2</td>", "<td>2-4</td>");
    const { placed } = loadContent(fixed, "levels-html.md");
    const role = placed!.role;
    expect(role.title).toBe("Support Engineer");
    expect(levels(role)).toEqual([
      ["Level 1", null, { min: 0, max: 2 }],
      ["Level 2", null, { min: 2, max: 4 }],
    ]);
    expect(requirements(role.levels[0]!)).toEqual([
      ["Solves tickets with help from the team", null, "other", "Scope"],
      ["Writes clear replies", null, "other", "Communication"],
      ["Asks when unsure", null, "other", "Communication"],
    ]);
    expect(coverage(file, roles).lost).toEqual(expect.arrayContaining(["solves"]));
  });
});

describe("front matter", () => {
  it("gives the title and summary when the body has none, levels with criteria, and names the keys it left out", () => {
    const { role, diagnostics } = only("front-matter.md");
    expect(role).toMatchObject({ title: "Data Wrangler", summary: "Cleans and shapes data for analysts." });
    expect(levels(role)).toEqual([
      ["Junior", null, { min: 0, max: 2 }],
      ["Senior", null, { min: 4, max: null }],
    ]);
    expect(role.levels[1]!.requirements.map((r) => r.text)).toEqual(["Designs the cleaning pipeline"]);
    expect(diagnostics).toEqual([{ ruleId: "front-matter-unread", severity: "info", line: 2, column: 1 }]);
  });

  it("reads a whole framework held in front matter: topics of criteria per level", () => {
    const { role, diagnostics } = only("front-matter-topics.md");
    expect(role.title).toBe("Data Engineering");
    expect(role.summary).toBe("It helps engineers plan their growth.");
    expect(levels(role)).toEqual([
      ["Level 1", null, null],
      ["Level 2", null, null],
    ]);
    expect(requirements(role.levels[1]!)).toEqual([
      ["Gives feedback to peers", null, "other", "Communication"],
      ["Writes helpful PR descriptions", "Explains why, not only what", "other", "Communication"],
    ]);
    expect(requirements(role.levels[0]!)[1]).toEqual(["Strong SQL skills", null, "other", "Mastery"]);
    expect(diagnostics).toEqual([]);
  });

  it("points a framework's error at its line in the front matter", () => {
    const text = "---\ntitle: Analyst\nlevels:\n  - name: Mid\n    years: 4-2\n    criteria:\n      - SQL\n---\n";
    const { diagnostics } = toDiagnosticsOf(text);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: "level-years-range", severity: "error", line: 4, column: 5 })]);
  });
});

function toDiagnosticsOf(text: string) {
  const { file, placed } = loadContent(text, "role.md");
  return { role: placed?.role ?? null, diagnostics: toDiagnostics([file]).map(({ ruleId, severity, line, column }) => ({ ruleId, severity, line, column })) };
}

describe("skills", () => {
  it("reads bold labels with the colon inside or outside, nested lists, and lists split outside brackets", () => {
    const { role, diagnostics } = only("skills.md");
    expect(role.skills.map((s) => [s.category, s.name, s.detail])).toEqual([
      ["Languages", "Go", null],
      ["Languages", "Python", null],
      ["Languages", "Bash", null],
      ["Languages", "C++", null],
      ["Cloud", "Cloud Platforms", "AWS/GCP"],
      ["Cloud", "Terraform", null],
      ["Practices · Delivery", "CI/CD", null],
      ["Practices · Delivery", "A/B testing", null],
      ["Practices", "Observability", null],
      ["General", "Programming", "Proficiency in Go is essential. Familiarity with Rust helps in systems work."],
      ["Soft Skills", "Clear writing", null],
      ["Soft Skills", "Mentoring", null],
    ]);
    expect(diagnostics).toEqual([]);
  });
});

describe("ladders, steps and transitions in prose", () => {
  it("reads arrow chains in every notation, in document order, and a bare two-title chain as a growth step", () => {
    const { role } = only("ladders.md");
    expect(role.ladders).toEqual([
      ["Junior SRE", "SRE", "Senior SRE"],
      ["SRE", "SRE Manager"],
      ["Associate SRE", "SRE", "Principal SRE"],
    ]);
    expect(role.growth).toEqual([{ from: "Senior", to: "Staff", steps: [] }]);
  });

  it("reads transitions described in one line, with or without a duration", () => {
    const { role, diagnostics } = only("ladders.md");
    expect(role.transitions.map((t) => [t.from, t.to, t.months, t.summary])).toEqual([
      ["Sysadmin", null, 18, "Automate what you used to do by hand (12-18 months)"],
      ["Developer", null, null, "Learn operations on call"],
    ]);
    expect(diagnostics).toEqual([]);
  });
});

describe("durations", () => {
  it("reads phases by month, week and year and hours a week in several spellings", () => {
    const { role, diagnostics } = only("durations.md");
    const [teacher, accountant, engineer, designer] = role.transitions;
    expect(teacher).toMatchObject({ from: "Teacher", months: 6, duration: "3-6 months", unit: "month", hoursPerWeek: { min: 8, max: 10 } });
    expect(teacher!.phases.map((p) => [p.start, p.end, p.title, p.topics])).toEqual([
      [1, 1, "Spreadsheets", ["Formulas"]],
      [2, 3, "SQL", ["Joins"]],
      [4, 6, "Dashboards", ["Tableau"]],
    ]);
    expect(accountant).toMatchObject({ unit: "week", months: 2, hoursPerWeek: { min: 5, max: 5 } });
    expect(accountant!.phases.map((p) => [p.start, p.end])).toEqual([[1, 3], [4, 6]]);
    expect(engineer).toMatchObject({ months: 24, duration: "18-24 months", unit: "year", hoursPerWeek: { min: 6, max: 8 } });
    expect(engineer!.phases.map((p) => [p.start, p.end, p.title])).toEqual([[1, 2, "Statistics"]]);
    expect(designer).toMatchObject({ months: null, phases: [], steps: ["Learn SQL", "Build a dashboard"] });
    expect(designer!.summary).toMatch(/^Designers already think about users/);
    expect(diagnostics).toEqual([{ ruleId: "plan-months-inferred", severity: "info", line: 14, column: 1 }]);
  });
});

describe("titles and roles per file", () => {
  it("reads one role per heading, keeping what belongs to none in the first role", () => {
    const { roles, diagnostics, file } = load("several-roles.md");
    expect(roles.map((r) => [r.title, r.summary, r.skills.map((s) => s.name)])).toEqual([
      ["Data Analyst", "Turns data into decisions.", ["SQL", "Excel"]],
      ["Data Engineer", "Builds pipelines.", ["Python", "Spark"]],
    ]);
    expect(roles[0]!.sections.map((s) => [s.heading, s.text])).toEqual([
      ["Data Careers", "# Data Careers\n\nThree roles for people who like data."],
      ["Salary Survey", "## Salary Survey\n\nRanges vary a lot."],
    ]);
    expect(diagnostics).toEqual([
      { ruleId: "unplaced-section", severity: "warning", line: 1, column: 1 },
      { ruleId: "unplaced-section", severity: "warning", line: 21, column: 1 },
    ]);
    expect(coverage(file, roles).lost).toEqual([]);
  });

  it("reads roles that each have an H1", () => {
    const text = "# Data Analyst\n## Overview\nA.\n## Skills\n- SQL\n\n# Data Engineer\n## Overview\nB.\n## Skills\n- Spark\n";
    const { file, roles } = loadContent(text, "two.md");
    expect(roles.map((p) => [p.role.title, p.role.summary])).toEqual([
      ["Data Analyst", "A."],
      ["Data Engineer", "B."],
    ]);
    expect(roles.map((p) => p.raw.position.start.line)).toEqual([1, 7]);
    expect(file.messages).toEqual([]);
  });

  it("drops the number of a numbered title", () => {
    expect(only("numbered-title.md").role.title).toBe("Machine Learning Engineer");
  });

  it("takes the title from a lone top heading when there is no H1, and strips words that frame it", () => {
    const { placed, file } = loadContent("## Site Reliability Engineer Levels\n\n### Junior (0-2 years)\n- Linux\n\n### Senior (4+ years)\n- Kubernetes\n", "sre.md");
    expect(placed!.role.title).toBe("Site Reliability Engineer");
    expect(placed!.role.levels.map((l) => l.name)).toEqual(["Junior", "Senior"]);
    expect(file.messages).toEqual([]);
  });
});

describe("other languages", () => {
  it("reads Spanish years, months and hours, keeping the headings as written", () => {
    const { role, diagnostics } = only("es.md");
    expect(role.title).toBe("Ingeniero de Datos");
    expect(levels(role)).toEqual([
      ["Junior", null, { min: 0, max: 2 }],
      ["Semi Senior", null, { min: 2, max: 5 }],
    ]);
    expect(role.transitions[0]).toMatchObject({ from: "Analista de Datos", slug: "analista-de-datos", months: 6, hoursPerWeek: { min: 5, max: 8 } });
    expect(role.transitions[0]!.phases.map((p) => [p.start, p.end, p.title])).toEqual([
      [1, 3, "Fundamentos de Python"],
      [4, 6, "Spark"],
    ]);
    expect(role.sections).toEqual([{ heading: "Consejos", text: "Practica todos los días.", source: "es.md" }]);
    expect(diagnostics).toEqual([{ ruleId: "unplaced-section", severity: "warning", line: 22, column: 1 }]);
  });

  it("reads Portuguese years", () => {
    expect(levels(only("pt.md").role)).toEqual([
      ["Júnior", null, { min: 0, max: 2 }],
      ["Pleno", null, { min: 2, max: 5 }],
      ["Sênior", null, { min: 5, max: null }],
    ]);
  });

  it("reads Korean years and months, with Korean slugs", () => {
    const { role } = only("ko.md");
    expect(role.slug).toBe("데이터-엔지니어");
    expect(levels(role)).toEqual([
      ["주니어", null, { min: 0, max: 2 }],
      ["시니어", null, { min: 5, max: null }],
    ]);
    expect(role.transitions[0]).toMatchObject({ from: "데이터 분석가", months: 6 });
    expect(role.transitions[0]!.phases.map((p) => [p.start, p.end])).toEqual([[1, 3], [4, 6]]);
  });

  it("reads Chinese years and months", () => {
    const { role } = only("zh.md");
    expect(levels(role)).toEqual([
      ["初级工程师", null, { min: 0, max: 2 }],
      ["高级工程师", null, { min: 3, max: 5 }],
    ]);
    expect(role.transitions[0]).toMatchObject({ from: "数据分析师", months: 6 });
    expect(role.transitions[0]!.phases.map((p) => [p.start, p.end, p.title])).toEqual([
      [1, 3, "Python"],
      [4, 6, "Spark"],
    ]);
  });
});
