/**
 * Extraction runs in linear time: no pattern backtracks over a long line, no step compares every
 * level or section with every other. The trees are built by hand, so the parser's own speed
 * (another stage) does not count here; a quadratic step would take hours at these sizes, so the
 * test timeout is the bound. How long each takes is the benchmark's business: the same long lines,
 * as markdown, are among the inputs `npm run bench:hostile` times (tests/hostile/generate.ts).
 */
import type { Root, RootContent } from "mdast";
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { extractRoles } from "../../src/extract/index.ts";
import type { RawRole } from "../../src/model/raw-role.ts";
import { validateRole } from "../../src/model/validate.ts";

const at = (line: number, column: number, offset = 0) => ({ line, column, offset });

/** A file of the given lines and a tree of one block per line (a heading when the line starts with "#"). */
function document(lines: string[]): { tree: Root; file: VFile } {
  let offset = 0;
  const children: RootContent[] = lines.map((text, index) => {
    const line = index + 1;
    const position = { start: at(line, 1, offset), end: at(line, text.length + 1, offset + text.length) };
    offset += text.length + 1;
    const heading = /^(#{1,6}) (.*)$/.exec(text);
    if (heading) return { type: "heading", depth: heading[1]!.length as 1, children: [{ type: "text", value: heading[2]!, position }], position };
    if (text.startsWith("- ")) {
      const paragraph = { type: "paragraph" as const, children: [{ type: "text" as const, value: text.slice(2), position }], position };
      return { type: "list", ordered: false, spread: false, children: [{ type: "listItem", spread: false, children: [paragraph], position }], position };
    }
    return { type: "paragraph", children: [{ type: "text", value: text, position }], position };
  });
  const file = new VFile({ path: "big.md", value: lines.join("\n") });
  return { tree: { type: "root", children }, file };
}

/** The roles extracted from `lines`, each validated too. */
function extract(lines: string[]): RawRole[] {
  const { tree, file } = document(lines);
  const raws = extractRoles(tree, file);
  for (const raw of raws) validateRole(raw, file);
  return raws;
}

/** 200 KB: a quadratic step would do 10^10 steps on such a line, minutes rather than the milliseconds it takes. */
const SIZE = 200_000;

describe("extraction in linear time", () => {
  it.each([
    ["spaces", `a${" ".repeat(SIZE)}b`],
    ["spaces before a year", `Mid${" ".repeat(SIZE)}1 year`],
    ["arrows", "a → ".repeat(SIZE / 4)],
    ["slashes", "abcd/".repeat(SIZE / 5)],
    ["commas", "x, ".repeat(SIZE / 3)],
    ["dots", `a${".".repeat(SIZE)}b`],
    ["spaced dashes", `a${" -".repeat(SIZE / 2)}`],
    ["colons", "a:".repeat(SIZE / 2)],
    ["brackets", "(".repeat(SIZE)],
    ["digits and dashes", `From X ${"1-".repeat(SIZE / 2)}`],
  ])("a 200 KB line of %s, in every kind of section", (_name, line) => {
    const lines = ["# Role", "## Overview", line, "## Required Skills", `- ${line}`, "## Levels", `### ${line}`, `- ${line}`, "## Transition Paths", `### ${line}`, `- ${line}`, "## Notes", line];
    expect(extract(lines).map((raw) => raw.data.title)).toEqual(["Role"]);
  });

  it("50,000 level headings", () => {
    const lines = ["# Role", "## Levels", ...Array.from({ length: 50_000 }, (_, i) => [`### L${i} (1-2 years)`, `- Skill ${i}`]).flat()];
    expect(extract(lines)[0]!.data.levels).toHaveLength(50_000);
  });

  it("50,000 unknown sections and roadmap stages", () => {
    const lines = ["# Role", "## Levels", "### A (0-2 years)", "- x", "### B (2-4 years)", "- y", ...Array.from({ length: 25_000 }, (_, i) => [`## Section ${i}`, `text ${i}`, `### Year ${i % 4}-${(i % 4) + 1}: Stage`, "- z"]).flat()];
    const [raw] = extract(lines);
    expect(raw!.data.levels).toHaveLength(2);
    expect(raw!.data.sections).toHaveLength(25_000);
  });
});
