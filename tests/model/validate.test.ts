import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/load.ts";
import { VFile } from "vfile";
import { toDiagnostics } from "../../src/model/diagnostics.ts";
import { emptyRole, place } from "../../src/model/raw-role.ts";
import { validateRole } from "../../src/model/validate.ts";

function check(text: string, path = "role.md") {
  const { file, placed } = loadContent(text, path);
  return { role: placed?.role ?? null, diagnostics: toDiagnostics([file]).map((d) => ({ ruleId: d.ruleId, severity: d.severity, line: d.line, column: d.column, message: d.message })) };
}

describe("validation maps each problem to the line it is about", () => {
  it("rejects years whose min is above max, at the level heading", () => {
    const { role, diagnostics } = check("# Analyst\n\n## Levels\n\n### Junior (0-2 years)\n- SQL\n\n### Mid (4-2 years)\n- Python\n");
    expect(role).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: "level-years-range", severity: "error", line: 8, column: 1 })]);
    expect(diagnostics[0]!.message).toContain('Level "Mid"');
  });

  it("rejects hours a week whose min is above max, at the line that gives them", () => {
    const { diagnostics } = check("# Analyst\n\n## Transition Paths\n\n### From Teacher (3-month plan)\n**Months 1-3**: Basics\n• SQL\n\n**Time Commitment**: 20-10 hours/week\n");
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: "hours-range", severity: "error", line: 9, column: 1 })]);
  });

  it("rejects a phase that ends before it starts", () => {
    const { diagnostics } = check("# Analyst\n\n## Transition Paths\n\n### From Teacher (6-month plan)\n**Months 1-3**: Basics\n\n**Months 6-4**: More\n");
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: "phase-range", severity: "error", line: 8 }));
  });

  it("warns about phases with a gap, an overlap, or past the plan's end", () => {
    const { role, diagnostics } = check(
      "# Analyst\n\n## Transition Paths\n\n### From Teacher (6-month plan)\n**Months 1-2**: A\n\n**Months 4-5**: B\n\n**Months 5-7**: C\n",
    );
    expect(role).not.toBeNull();
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.line])).toEqual([
      ["plan-phase-gap", "warning", 8],
      ["plan-phase-overlap", "warning", 10],
      ["plan-phase-outside", "warning", 10],
    ]);
  });

  it("warns when a plan's phases stop before its end", () => {
    const { diagnostics } = check("# Analyst\n\n## Transition Paths\n\n### From Teacher (6-month plan)\n**Months 1-3**: A\n");
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: "plan-phase-gap", line: 5 })]);
  });

  it("rejects two level headings of one name in a role, at the second", () => {
    const { role, diagnostics } = check("# Analyst\n\n## Levels\n\n### Senior (4+ years)\n- SQL\n\n### Senior Level (5+ years)\n- Python\n");
    expect(role).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: "level-name-unique", severity: "error", line: 8, column: 1 })]);
  });

  it("warns when the overview and the headings disagree on a level's years", () => {
    const { role, diagnostics } = check(
      "# Analyst\n\n## Overview\n- **Experience Levels**: Mid (2-4 years)\n\n## Requirements by Level\n\n### Mid Level (3-5 years)\n#### Must-Have:\n- SQL\n",
    );
    expect(role!.levels).toEqual([expect.objectContaining({ name: "Mid", years: { min: 2, max: 4 } })]);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: "level-years-mismatch", severity: "warning", line: 8 })]);
  });

  it("takes the title from the file name when there is none, with a warning", () => {
    const { role, diagnostics } = check("## Overview\nCleans data for a living.\n", "guides/data-wrangler.md");
    expect(role!.title).toBe("Data Wrangler");
    expect(role!.slug).toBe("data-wrangler");
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: "title-from-filename", severity: "warning", line: 1, column: 1 })]);
  });

  it("reads title and summary from YAML front matter when the body has none", () => {
    const { role, diagnostics } = check("---\ntitle: Data Wrangler\nsummary: Cleans data.\n---\n\n## Skills\n- SQL\n");
    expect(role).toMatchObject({ title: "Data Wrangler", summary: "Cleans data." });
    expect(diagnostics).toEqual([]);
  });

  it("rejects a file in which no part of a role guide is found", () => {
    const { role, diagnostics } = check("# Shopping list\n\n## Fruit\n- apples\n");
    expect(role).toBeNull();
    expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ["no-role-content", "error"],
      ["unplaced-section", "warning"],
    ]);
    expect(diagnostics[0]!.line).toBe(1);
  });
});

describe("names that give no page address", () => {
  it("reports a title without letters or digits in the author's words, at the title", () => {
    const { role, diagnostics } = check("# !!!\n\n## Overview\nCleans data.\n");
    expect(role).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: "name-without-slug", severity: "error", line: 1, column: 1 })]);
    expect(diagnostics[0]!.message).toMatch(/^The role's title has no letter or digit/);
  });
});

describe("skill names without a letter or digit", () => {
  const guide = [
    "# Analyst",
    "",
    "## Overview",
    "Reads data.",
    "",
    "## Required Skills",
    "- Python",
    "- 🚀",
    "- **Tools**: Git, !!!, Docker",
    "",
    "## Tech Stack Requirements by Experience Level",
    "",
    "### Mid Level (2-4 years)",
    "",
    "#### Must-Have:",
    "- **SQL, ★★★** - Querying",
    "",
    "## Transition Plans",
    "",
    "### From Teacher",
    "**Key Skills**: Python, ✨",
    "",
    "**Months 1-3**: Basics",
    "",
  ].join("\n");

  it("reports each one left out, of the role's skills, a requirement's or a plan's key skills, at its line, and keeps the role", () => {
    const { role, diagnostics } = check(guide);
    expect(role).not.toBeNull();
    expect(diagnostics.filter((d) => d.ruleId === "skill-without-slug").map((d) => [d.severity, d.line, d.column])).toEqual([
      ["warning", 8, 1],
      ["warning", 9, 1],
      ["warning", 16, 1],
      ["warning", 21, 1],
    ]);
    expect(diagnostics.filter((d) => d.ruleId === "skill-without-slug").map((d) => d.message.match(/^Skill "([^"]*)"/)?.[1])).toEqual(["🚀", "!!!", "★★★", "✨"]);
    expect(role!.skills.map((s) => s.slug)).toEqual(["python", "git", "docker"]);
    expect(role!.levels[0]!.requirements[0]!.skills.map((s) => s.slug)).toEqual(["sql"]);
    expect(role!.transitions[0]!.keySkills.map((s) => s.slug)).toEqual(["python"]);
  });

  it("keeps the positions of the skills after one left out", () => {
    const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 9 } });
    const raw = emptyRole("Analyst", "analyst", "role.md", at(1));
    raw.data.skills = [
      place(raw, ["skills", 0], at(3), { name: "🚀", slug: "", category: "General", detail: null }),
      place(raw, ["skills", 1], at(4), { name: "SQL", slug: "sql", category: "General", detail: null }),
      // An empty category (no extractor gives one) makes a schema error at this skill's line.
      place(raw, ["skills", 2], at(5), { name: "Git", slug: "git", category: "", detail: null }),
    ];
    const file = new VFile({ path: "role.md" });
    expect(validateRole(raw, file)).toBeNull();
    expect(toDiagnostics([file]).map((d) => [d.ruleId, d.line])).toEqual([
      ["skill-without-slug", 3],
      ["model-invalid", 5],
    ]);
  });
});
