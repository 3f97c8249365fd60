/**
 * Each section reader alone, on a section built in the test: the sub-sections and blocks it hands
 * on (to the extractor's dispatcher) are recorded, not read, so each test sees one reader's work.
 */
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { Context } from "../../src/extract/context.ts";
import { readGrowth } from "../../src/extract/growth.ts";
import { gridOfTable } from "../../src/extract/html.ts";
import { readLevelTable } from "../../src/extract/level-tables.ts";
import { readOverview, readResponsibilities } from "../../src/extract/overview.ts";
import { readProgression } from "../../src/extract/progression.ts";
import { readLevels } from "../../src/extract/requirements.ts";
import { sectionTree, type HeadingSection } from "../../src/extract/sections.ts";
import { readSkills } from "../../src/extract/skills.ts";
import { readTransitions } from "../../src/extract/transitions.ts";
import { emptyRole } from "../../src/model/raw-role.ts";
import { parseMarkdown } from "../../src/parse/index.ts";

const at = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** The first top section of `markdown`, a fresh role to read it into, and what the reader hands on. */
function setUp(markdown: string) {
  const file = new VFile({ path: "s.md", value: markdown });
  const tree = parseMarkdown(file);
  const section = sectionTree(tree).children[0]!;
  const raw = emptyRole("Analyst", "analyst", "s.md", at);
  const handed: string[] = [];
  const ctx = new Context(raw, file, markdown, {
    section: (s: HeadingSection) => void handed.push(`section ${s.title}`),
    field: () => false,
    blocks: (_s, blocks) => void blocks.forEach((b) => b.type !== "paragraph" && b.type !== "list" && handed.push(`block ${b.type}`)),
    children: (s: HeadingSection) => void s.children.forEach((c) => handed.push(`child ${c.title}`)),
  });
  ctx.tops.add(section);
  return { section, ctx, data: raw.data, handed, flush: () => (ctx.flushUnplaced("s.md"), raw.data.sections) };
}

describe("readOverview", () => {
  it("takes the prose as the summary and hands on the sub-sections", () => {
    const { section, ctx, data, handed } = setUp("## Overview\nTurns data\ninto decisions.\n\n### History\nOld.\n");
    readOverview(section, ctx);
    expect(data.summary).toBe("Turns data\ninto decisions.");
    expect(handed).toEqual(["child History"]);
  });
});

describe("readResponsibilities", () => {
  it("takes every line, those of groups beneath included, keeping the group headings", () => {
    const { section, ctx, data, handed, flush } = setUp("## Responsibilities\n- Reports\n#### Planning\n- Plans sprints\n### Skills\n- SQL\n");
    readResponsibilities(section, ctx);
    expect(data.responsibilities).toEqual(["Reports", "Plans sprints"]);
    expect(handed).toEqual(["section Skills"]);
    expect(flush()!.map((s) => s.text)).toEqual(["#### Planning"]);
  });
});

describe("readSkills", () => {
  it("files labelled lists under their label and plain items under General", () => {
    const { section, ctx, data } = setUp("## Required Skills\n- **Tools**: Git, Docker\n- SQL\n");
    readSkills(section, ctx);
    expect(data.skills!.map((s) => [s.name, s.category])).toEqual([
      ["Git", "Tools"],
      ["Docker", "Tools"],
      ["SQL", "General"],
    ]);
  });
});

describe("readProgression", () => {
  it("reads a chain as a ladder, and labelled level lines as levels and their ladder", () => {
    const { section, ctx, data } = setUp("## Career Path\nJunior → Mid → Senior\n\n- **Entry-Level:** Intern\n- **Mid-Level:** Analyst\n- **Senior-Level:** Lead Analyst\n");
    readProgression(section, ctx);
    expect(data.ladders).toEqual([["Entry-Level", "Mid-Level", "Senior-Level"], ["Junior", "Mid", "Senior"]]);
    expect(data.levels!.map((l) => [l.name, l.requirements!.map((r) => r.text)])).toEqual([
      ["Entry-Level", ["Intern"]],
      ["Mid-Level", ["Analyst"]],
      ["Senior-Level", ["Lead Analyst"]],
    ]);
  });
});

describe("readGrowth", () => {
  it("reads a step per arrow heading, with its lines as steps, and hands on other sub-sections", () => {
    const { section, ctx, data, handed } = setUp("## Growth\n### Mid → Senior\n- Lead a project\n### Notes\nText.\n");
    readGrowth(section, ctx);
    expect(data.growth).toEqual([{ from: "Mid", to: "Senior", steps: ["Lead a project"] }]);
    expect(handed).toEqual(["section Notes"]);
  });
});

describe("readTransitions", () => {
  it("reads a plan per From heading with its phases, fields and hours", () => {
    const { section, ctx, data } = setUp("## Transition Paths\n### From Teacher (6-month plan)\n**Months 1-3**: Foundations\n• SQL basics\n**Time Commitment**: 8-10 hours/week\n");
    readTransitions(section, ctx);
    const [plan] = data.transitions!;
    expect(plan).toMatchObject({ from: "Teacher", months: 6, hoursPerWeek: { min: 8, max: 10 } });
    expect(plan!.phases).toEqual([{ start: 1, end: 3, title: "Foundations", topics: ["SQL basics"] }]);
  });
});

describe("readLevels", () => {
  it("reads each sub-heading as a level, and bold lines under a tier heading as levels", () => {
    const { section, ctx, data } = setUp("## Levels\n### Mid (2-4 years)\n- Ships features\n### Upper Tier\n**Staff**\n- Sets direction\n");
    readLevels(section, ctx);
    expect(data.levels!.map((l) => [l.name, l.years, l.requirements!.map((r) => r.text)])).toEqual([
      ["Mid", { min: 2, max: 4 }, ["Ships features"]],
      ["Staff", null, ["Sets direction"]],
    ]);
  });
});

describe("readLevelTable", () => {
  it("reads levels as columns, a Skills column as the role's skills", () => {
    const { section, ctx, data } = setUp("## Matrix\n| Area | Junior | Senior | Skills |\n| --- | --- | --- | --- |\n| Code | basic | expert | Git, Docker |\n");
    const table = section.blocks.find((b) => b.type === "table")!;
    expect(readLevelTable(gridOfTable(table as Parameters<typeof gridOfTable>[0])!, section, ctx)).toBe(true);
    expect(data.levels!.map((l) => [l.name, l.requirements!.map((r) => [r.text, r.detail])])).toEqual([
      ["Junior", [["Code", "basic"]]],
      ["Senior", [["Code", "expert"]]],
    ]);
    expect(data.skills!.map((s) => s.name)).toEqual(["Git", "Docker"]);
  });
});
