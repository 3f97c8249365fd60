/**
 * Each section reader alone, on a section built in the test: a pure function from the section to
 * its values (with positions) and its leftovers, the sub-sections it leaves to the dispatcher
 * among them. Nothing is stubbed; nothing is shared between two readings.
 */
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { extractRoles } from "../../src/extract/index.ts";
import { readGrowth } from "../../src/extract/growth.ts";
import { gridOfTable } from "../../src/extract/html.ts";
import { readLevelTable } from "../../src/extract/level-tables.ts";
import type { Leftover, ReadEnv, Result, Value } from "../../src/extract/out.ts";
import { readOverview, readResponsibilities } from "../../src/extract/overview.ts";
import { readProgression } from "../../src/extract/progression.ts";
import { readLevels } from "../../src/extract/requirements.ts";
import { sectionTree, type HeadingSection } from "../../src/extract/sections.ts";
import { readSkills } from "../../src/extract/skills.ts";
import { readTransitions } from "../../src/extract/transitions.ts";
import { parseMarkdown } from "../../src/parse/index.ts";

const at = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** The first top section of `markdown` and what a reader may look at. */
function setUp(markdown: string): { section: HeadingSection; env: ReadEnv } {
  const file = new VFile({ path: "s.md", value: markdown });
  const section = sectionTree(parseMarkdown(file)).children[0]!;
  return { section, env: { text: markdown, title: "Analyst", position: at, tops: new Set([section]), pageLevel: null } };
}

/** The values of one kind; a kind shared by several ("summary" | "responsibility") picks its member. */
type Of<K extends Value["kind"]> = Value extends infer V ? (V extends { kind: infer VK } ? (K extends VK ? V : never) : never) : never;
const of = <K extends Value["kind"]>(result: Result, kind: K) => result.values.filter((v) => v.kind === kind) as Of<K>[];
const line = (value: { position: { start: { line: number } } }) => value.position.start.line;

/** Leftovers as short strings: "section Skills", "children Overview", "piece 3", "heading Planning". */
function leftovers(result: Result): string[] {
  return result.leftovers.map((l: Leftover) =>
    l.kind === "section" ? `${l.childrenOnly ? "children" : "section"} ${l.section.title}` : l.kind === "piece" ? `piece ${l.position.start.line}` : `heading ${l.section.title}`,
  );
}

describe("readOverview", () => {
  it("takes the prose as the summary and leaves the sub-sections to the dispatcher", () => {
    const { section, env } = setUp("## Overview\nTurns data\ninto decisions.\n\n### History\nOld.\n");
    const result = readOverview(section, env);
    expect(of(result, "summary").map((v) => [v.text, line(v)])).toEqual([["Turns data\ninto decisions.", 2]]);
    expect(leftovers(result)).toEqual(["children Overview"]);
  });

  it("gives the same result read twice, and changes nothing it was given", () => {
    const { section, env } = setUp("## Overview\nTurns data into decisions.\n- a list\n");
    const blocks = [...section.blocks];
    const first = readOverview(section, env);
    expect(readOverview(section, env)).toEqual(first);
    expect(section.blocks).toEqual(blocks);
    expect(leftovers(first)).toEqual(["piece 3", "children Overview"]);
  });
});

describe("readResponsibilities", () => {
  it("takes every line, those of groups beneath included, leaving the group headings and other parts", () => {
    const { section, env } = setUp("## Responsibilities\n- Reports\n#### Planning\n- Plans sprints\n### Skills\n- SQL\n");
    const result = readResponsibilities(section, env);
    expect(of(result, "responsibility").map((v) => [v.text, line(v)])).toEqual([
      ["Reports", 2],
      ["Plans sprints", 4],
    ]);
    expect(leftovers(result)).toEqual(["heading Planning", "section Skills"]);
  });
});

describe("readSkills", () => {
  it("gives labelled lists under their label and plain items under General", () => {
    const { section, env } = setUp("## Required Skills\n- **Tools**: Git, Docker\n- SQL\n");
    const result = readSkills(section, env);
    expect(of(result, "skill").map((s) => [s.name, s.category, line(s)])).toEqual([
      ["Git", "Tools", 2],
      ["Docker", "Tools", 2],
      ["SQL", "General", 3],
    ]);
    expect(result.leftovers).toEqual([]);
  });

  it("gives a skill named twice twice: filing it once is the assembly's job", () => {
    const { section, env } = setUp("## Languages\n- Python\n- Python\n");
    const result = readSkills(section, env);
    expect(of(result, "skill").map((s) => s.name)).toEqual(["Python", "Python"]);
    // The heading is kept only if none of its skills is filed.
    expect(result.leftovers).toMatchObject([{ kind: "heading", unlessKept: true, unlessPlaced: of(result, "skill") }]);
  });
});

describe("readProgression", () => {
  it("reads a chain as a ladder, and labelled level lines as levels with their requirements and ladder", () => {
    const { section, env } = setUp("## Career Path\nJunior → Mid → Senior\n\n- **Entry-Level:** Intern\n- **Mid-Level:** Analyst\n- **Senior-Level:** Lead Analyst\n");
    const result = readProgression(section, env);
    expect(of(result, "ladder").map((v) => [v.titles, line(v)])).toEqual([
      [["Entry-Level", "Mid-Level", "Senior-Level"], 4],
      [["Junior", "Mid", "Senior"], 2],
    ]);
    const levels = of(result, "level");
    expect(levels.map((l) => l.text)).toEqual(["Entry-Level", "Mid-Level", "Senior-Level"]);
    expect(of(result, "requirement").map((r) => [levels.indexOf(r.level as (typeof levels)[number]), r.requirement.text])).toEqual([
      [0, "Intern"],
      [1, "Analyst"],
      [2, "Lead Analyst"],
    ]);
  });
});

describe("readGrowth", () => {
  it("reads a step per arrow heading, with its lines as steps, and leaves other sub-sections", () => {
    const { section, env } = setUp("## Growth\n### Mid → Senior\n- Lead a project\n### Notes\nText.\n");
    const result = readGrowth(section, env);
    expect(of(result, "growth").map(({ from, to, steps }) => ({ from, to, steps }))).toEqual([{ from: "Mid", to: "Senior", steps: ["Lead a project"] }]);
    expect(leftovers(result)).toEqual(["children Mid → Senior", "section Notes"]);
  });
});

describe("readTransitions", () => {
  it("reads a plan per From heading with its phases, fields and hours, each part's position with it", () => {
    const { section, env } = setUp("## Transition Paths\n### From Teacher (6-month plan)\n**Months 1-3**: Foundations\n• SQL basics\n**Time Commitment**: 8-10 hours/week\n");
    const [plan] = of(readTransitions(section, env), "plan");
    expect(plan!.plan).toMatchObject({ from: "Teacher", months: 6, hoursPerWeek: { min: 8, max: 10 } });
    expect(plan!.plan.phases).toEqual([{ start: 1, end: 3, title: "Foundations", topics: ["SQL basics"] }]);
    expect(plan!.places.map(([path, position]) => [path.join("."), position.start.line])).toEqual([
      ["months", 2],
      ["phases.0", 3],
      ["hoursPerWeek", 5],
    ]);
  });
});

describe("readLevels", () => {
  it("reads each sub-heading as a level, and bold lines under a tier heading as levels", () => {
    const { section, env } = setUp("## Levels\n### Mid (2-4 years)\n- Ships features\n### Upper Tier\n**Staff**\n- Sets direction\n");
    const result = readLevels(section, env);
    expect(of(result, "level").map((l) => [l.text, l.heading, line(l)])).toEqual([
      ["Mid (2-4 years)", true, 2],
      ["Staff", true, 5],
    ]);
    expect(of(result, "requirement").map((r) => r.requirement.text)).toEqual(["Ships features", "Sets direction"]);
    expect(leftovers(result)).toEqual(["heading Upper Tier"]);
    expect(result.diagnostics).toEqual([]);
  });

  it("says what a level looks like when the section gives none, as data", () => {
    const { section, env } = setUp("## Levels\nWe have several.\n");
    expect(readLevels(section, env).diagnostics).toMatchObject([{ ruleId: "levels-unread", args: { section: "Levels" }, place: { start: { line: 1 } } }]);
  });
});

describe("readLevelTable", () => {
  it("reads levels as columns, a Skills column as the role's skills", () => {
    const { section } = setUp("## Matrix\n| Area | Junior | Senior | Skills |\n| --- | --- | --- | --- |\n| Code | basic | expert | Git, Docker |\n");
    const table = section.blocks.find((b) => b.type === "table")!;
    const result = readLevelTable(gridOfTable(table as Parameters<typeof gridOfTable>[0])!, section);
    const levels = of(result, "level");
    expect(levels.map((l) => l.text)).toEqual(["Junior", "Senior"]);
    expect(of(result, "requirement").map((r) => [levels.indexOf(r.level as (typeof levels)[number]), r.requirement.text, r.requirement.detail])).toEqual([
      [0, "Code", "basic"],
      [1, "Code", "expert"],
    ]);
    expect(of(result, "skill").map((s) => s.name)).toEqual(["Git", "Docker"]);
  });
});

describe("assemble, over the readers' results", () => {
  function extract(markdown: string) {
    const file = new VFile({ path: "a.md", value: markdown });
    const [raw] = extractRoles(parseMarkdown(file), file);
    return { data: raw!.data, rules: file.messages.map((m) => m.ruleId) };
  }

  it("reports a levels section that names no level only when none of its sub-sections does", () => {
    expect(extract("# Eng\n## Levels\n### Engineering Levels\n#### Junior\n- Writes code\n").rules).not.toContain("levels-unread");
    expect(extract("# Eng\n## Levels\nWe have some.\n").rules).toContain("levels-unread");
  });

  it("makes one level of a level named twice, and files a skill once per category, in file order", () => {
    const { data, rules } = extract("# Eng\n**Levels**: Junior, Senior\n## Skills\n- Python\n## Levels\n### Junior\n- Writes code\n## Key Skills\n- Python, Go\n");
    expect(data.levels!.map((l) => [l.name, l.requirements!.map((r) => r.text)])).toEqual([
      ["Junior", ["Writes code"]],
      ["Senior", []],
    ]);
    expect(data.skills!.map((s) => [s.name, s.category])).toEqual([
      ["Python", "General"],
      ["Go", "General"],
    ]);
    expect(rules).toEqual([]);
  });
});
