/**
 * Growth steps that name levels: a "Current Level | Next" table is a step a row; a role that names
 * no level but steps between levels ("Senior → Staff") has those levels, and the ladders the steps
 * chain into; steps between roles name no level.
 */
import type { Table } from "mdast";
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { levelsOfSteps } from "../../src/extract/growth.ts";
import { gridOfTable } from "../../src/extract/html.ts";
import { readLevelTable } from "../../src/extract/level-tables.ts";
import { sectionTree } from "../../src/extract/sections.ts";
import { loadContent } from "../../src/load.ts";
import { parseMarkdown } from "../../src/parse/index.ts";
import { coverage } from "../../src/report/coverage.ts";

function load(markdown: string) {
  const { file, roles } = loadContent(Buffer.from(markdown), "steps.md");
  const read = roles.map((p) => p.role);
  return { roles: read, lost: coverage(file, read).lost };
}

describe("a Current Level table", () => {
  it("gives a step a row, from its first cell to its second, and keeps the other cells as written", () => {
    const markdown = "## Level Up\n\n| Current Level | Next | Also |\n|---|---|---|\n| L1 | L2 | Architect |\n| L2 | L3 | |\n| L3 | - | Manager |\n";
    const section = sectionTree(parseMarkdown(new VFile({ path: "t.md", value: markdown }))).children[0]!;
    const table = section.blocks.find((b): b is Table => b.type === "table")!;
    const result = readLevelTable(gridOfTable(table)!, section);
    expect(result.values.map((v) => (v.kind === "growth" ? `${v.from} → ${v.to}` : v.kind))).toEqual(["L1 → L2", "L2 → L3"]);
    expect(result.leftovers.map((l) => (l.kind === "piece" ? l.text : l.kind))).toEqual(["Current Level | Next | Also", "Architect", "L3", "-", "Manager"]);
  });
});

describe("levelsOfSteps", () => {
  it("names the steps' ends in order and follows each chain from a level no step leads to", () => {
    const steps = [
      { from: "L1", to: "L2" },
      { from: "L2", to: "L3" },
      { from: "Manager", to: "Director" },
      { from: "L3", to: "L5" },
    ];
    expect(levelsOfSteps(steps)).toEqual({
      levels: ["L1", "L2", "L3", "Manager", "Director", "L5"],
      ladders: [
        ["L1", "L2", "L3", "L5"],
        ["Manager", "Director"],
      ],
    });
  });

  it("names no level for steps between roles, and ends a chain that loops", () => {
    expect(levelsOfSteps([{ from: "Data Analyst", to: "Data Engineer" }])).toBeNull();
    expect(levelsOfSteps([{ from: "Junior", to: "Senior" }, { from: "Senior", to: "Junior" }])?.ladders).toEqual([]);
  });
});

describe("a role whose only levels are a step's", () => {
  it("has both levels and a ladder from a bare Senior → Staff line", () => {
    const { roles, lost } = load("# Data Engineer\nSenior → Staff\n\n## Responsibilities\n- Owns the pipelines\n");
    expect(roles[0]!.levels.map((l) => [l.name, l.code, l.years])).toEqual([
      ["Senior", null, null],
      ["Staff", null, null],
    ]);
    expect(roles[0]!.ladders).toEqual([["Senior", "Staff"]]);
    expect(roles[0]!.growth.map((g) => [g.from, g.to])).toEqual([["Senior", "Staff"]]);
    expect(lost).toEqual([]);
  });

  it("keeps the levels it names, and draws no ladder of its steps, when it has levels of its own", () => {
    const { roles } = load("# Data Engineer\nSenior → Staff\n\n## Levels\n### Senior Data Engineer\nA.\n### Staff Data Engineer\nB.\n");
    expect(roles[0]!.levels.map((l) => l.name)).toEqual(["Senior Data Engineer", "Staff Data Engineer"]);
    expect(roles[0]!.ladders).toEqual([]);
  });
});
