/**
 * A table of skill names that a sentence introduces ("Below is the list of competencies for each
 * track."): a column a category, each cell's names its skills; any other table is left as written.
 */
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { readBlocks } from "../../src/extract/blocks.ts";
import type { ReadEnv, Result } from "../../src/extract/out.ts";
import { sectionTree } from "../../src/extract/sections.ts";
import { parseMarkdown } from "../../src/parse/index.ts";

const at = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

function read(markdown: string): Result {
  const section = sectionTree(parseMarkdown(new VFile({ path: "s.md", value: markdown }))).children[0]!;
  const env: ReadEnv = { text: markdown, title: "Engineer", position: at, tops: new Set([section]), pageLevel: null };
  return readBlocks(section, section.blocks, env);
}

const skills = (result: Result) => result.values.flatMap((v) => (v.kind === "skill" ? [`${v.category}: ${v.name}`] : []));
const TABLE = "| Craft | Impact |\n|---|---|\n| Delivery Process | Ownership |\n| System Thinking | |\n";

describe("a table of skills", () => {
  it("files each cell's names under its column's heading when a sentence above names skills", () => {
    const result = read(`## Tracks\nBelow is the list of competencies for each track.\n\n${TABLE}`);
    expect(skills(result)).toEqual(["Craft: Delivery Process", "Impact: Ownership", "Craft: System Thinking"]);
    expect(result.leftovers).toEqual([]);
  });

  it("is kept as written with no such sentence, or when a cell is prose", () => {
    expect(skills(read(`## Tracks\nBelow is the list of teams.\n\n${TABLE}`))).toEqual([]);
    const prose = read("## Tracks\nThe skills:\n\n| Craft |\n|---|\n| Ships every change behind a flag and watches it in production for a week. |\n");
    expect(skills(prose)).toEqual([]);
    expect(prose.leftovers.map((l) => l.kind)).toEqual(["piece"]);
  });
});
