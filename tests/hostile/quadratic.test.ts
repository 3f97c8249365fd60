/**
 * Markdown that micromark parses in time by the square of its size (setext underlines, containers
 * closed inside others, lazy lines: see src/parse/scan.ts), and a site too large to render. Each
 * limit is proven with a low configured limit on a small input: the refusal comes at the line where
 * the limit is passed, and ordinary documents with the same constructs are read.
 */
import { readdirSync, readFileSync } from "node:fs";
import { readFile, rm, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { VFile } from "vfile";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSiteBudget, roleSize } from "../../src/catalog/budget.ts";
import { DEFAULT_LIMITS, type Limits } from "../../src/limits.ts";
import { loadContent } from "../../src/load.ts";
import { toDiagnostics } from "../../src/model/diagnostics.ts";
import { parseMarkdown } from "../../src/parse/index.ts";
import { parseGuard } from "../../src/parse/limits.ts";
import { explainInputs } from "../../src/explain.ts";
import { coverage } from "../../src/report/coverage.ts";
import { scanBlockWork } from "../../src/parse/scan.ts";
import { runBuild } from "../../src/cli.ts";
import { buildOk, Capture } from "../site/helpers.ts";
import { HEAD } from "./generate.ts";
import { listAll, tempDir } from "./helpers.ts";

const LOW: Limits = { ...DEFAULT_LIMITS, blockWork: 3_000 };

/** The errors of loading `text`, as rule id and line. */
function errorsOf(text: string, limits: Limits = LOW): { ruleId: string; line: number | null }[] {
  const { file } = loadContent(text, "hostile.md", limits);
  return toDiagnostics([file])
    .filter((d) => d.severity === "error")
    .map((d) => ({ ruleId: d.ruleId, line: d.line }));
}

/** The text's first `lines` lines. */
function firstLines(text: string, lines: number): string {
  return text.split("\n").slice(0, lines).join("\n") + "\n";
}

// Each shape repeated 300 times after a guide's head: a few hundred lines, a few kilobytes.
const SHAPES: [name: string, unit: string, kind: RegExp][] = [
  ["setext underlines (a / =)", "a\n=\n", /setext/],
  ["= lines alone (every other one an underline)", "=\n", /setext/],
  ["--- under paragraph lines", "text\nmore text\n---\n", /setext/],
  ["- > a lines (a quote closed by each new item)", "- > a\n", /closed inside others/],
  ["1. > a lines", "1. > a\n", /closed inside others/],
  ["quotes ended by blank lines", "> a\n\n", /closed inside others/],
  ["nested lists (- a / - b)", "- a\n  - b\n", /closed inside others/],
  ["list items with a quote (- a / > b)", "- a\n  > b\n", /closed inside others/],
];

describe("shapes the parser reads by the square of their number", () => {
  it.each(SHAPES)("%s: input-too-complex at the line where the limit is passed", (_name, unit, kind) => {
    const text = `${HEAD}## Notes\n${unit.repeat(300)}`;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    const { ruleId, line } = errors[0]!;
    expect(ruleId).toBe("input-too-complex");
    expect(line).toBeGreaterThan(6);
    // The limit is passed at that line: the text up to the line before is read, up to it is not.
    expect(errorsOf(firstLines(text, line! - 1))).toEqual([]);
    expect(errorsOf(firstLines(text, line!))).toEqual([{ ruleId: "input-too-complex", line }]);
    const { file } = loadContent(text, "hostile.md", LOW);
    expect(String(file.messages[0]!.reason)).toMatch(kind);
    expect(String(file.messages[0]!.reason)).toMatch(/square/);
  });

  it("lazy lines in a quoted paragraph: refused at the line where the limit is passed", () => {
    const text = `${HEAD}## Notes\n> a quoted paragraph\n${"that goes on without its marker\n".repeat(300)}`;
    const [error] = errorsOf(text);
    expect(error?.ruleId).toBe("input-too-complex");
    expect(errorsOf(firstLines(text, error!.line! - 1))).toEqual([]);
    expect(loadContent(text, "hostile.md", LOW).file.messages[0]!.reason).toMatch(/lazy lines/);
  });

  it("the same shapes in a guide's amounts are read, at the same low limit", () => {
    const text =
      `Data Engineer\n=============\n\n## Overview\nBuilds pipelines.\n\n## Responsibilities\n- Build pipelines\n  - batch\n  - streaming\n- Review designs\n  > keep them small\n- Mentor\n\n` +
      `> A quote that runs on\nlazily for a line or two\nand ends.\n\n## Required Skills\n- **Python** - code\n- **SQL** - queries\n\nNotes\n-----\nSome text.\n`;
    expect(errorsOf(text)).toEqual([]);
    const { roles } = loadContent(text, "guide.md", LOW);
    expect(roles[0]!.role.title).toBe("Data Engineer");
    expect(roles[0]!.role.responsibilities.length).toBeGreaterThanOrEqual(3);
  });

  it("thematic breaks, tables and indented code cost nothing of the budget", () => {
    const text = `${HEAD}## Notes\n${"* * *\n\n".repeat(200)}| a | b |\n|---|---|\n${"| c | d |\n".repeat(200)}\n${"    code\n".repeat(200)}`;
    expect(errorsOf(text)).toEqual([]);
  });

  it("in a document parsed in chunks, the error names the line of the file, and the work of every chunk adds up", () => {
    // Cut into chunks at its headings; the shape is in the third section.
    const text = `# A\n\n${"Text.\n".repeat(30)}\n# B\n\n${"Text.\n".repeat(30)}\n# C\n\n${"> a\n\n".repeat(300)}`;
    const file = new VFile({ path: "chunked.md", value: text });
    expect(parseMarkdown(file, { from: 100, size: 50 }, parseGuard(file, LOW))).toBeNull();
    const line = file.messages[0]!.line!;
    expect(text.split("\n")[line - 1]).toBe("");
    expect(line).toBeGreaterThan(68);
    // In one parse of the whole text, each quote costs the lines of every section before it: the limit is met no later.
    const whole = new VFile({ path: "whole.md", value: text });
    expect(parseMarkdown(whole, undefined, parseGuard(whole, LOW))).toBeNull();
    expect(whole.messages[0]!.line).toBeLessThanOrEqual(line);
    // Chunks of 16 "> a" quotes each: no chunk is over the limit, but the file is.
    const many = `${"# Part\n\n> a\n\n".repeat(200)}`;
    const perChunk = scanBlockWork(`# Part\n\n${"> a\n\n".repeat(16)}`, LOW.blockWork);
    expect(perChunk.over).toBeNull();
    const parts = new VFile({ path: "parts.md", value: many });
    expect(parseMarkdown(parts, { from: 100, size: 60 }, parseGuard(parts, LOW))).toBeNull();
  });

  it("no guide of the corpus or the seeds comes within a fiftieth of the default budget", () => {
    const dirs = ["tests/fixtures/corpus", "seeds"];
    const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".md")).map((f) => path.join(dir, f)));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const { work, over } = scanBlockWork(readFileSync(file, "utf8"), DEFAULT_LIMITS.blockWork);
      expect(over, file).toBeNull();
      expect(work, file).toBeLessThan(DEFAULT_LIMITS.blockWork / 50);
    }
  });
});

/** A guide of `roles` roles of `levels` levels, each level naming `skills` skills of its own. */
function guideOf(roles: number, levels: number, skills = 2, name = "Role"): string {
  return Array.from({ length: roles }, (_, r) => {
    const body = Array.from(
      { length: levels },
      (_, l) => `### Level ${l + 1} (${l}-${l + 1} years)\n${Array.from({ length: skills }, (_, s) => `- **Skill ${r}-${l}-${s}** - use it`).join("\n")}\n`,
    ).join("");
    return `# ${name} ${r + 1}\n\n## Overview\nA role.\n\n## Experience Levels\n${body}`;
  }).join("\n");
}

describe("the other commands that parse a guide", () => {
  // 40,000 setext underlines: the load refuses them in milliseconds; parsed without the scan, they take minutes.
  const text = `# Role\n\n${"a\n=\n".repeat(40_000)}`;

  it("check --explain refuses what the load refuses, instead of parsing it", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "setext.md");
    await writeFile(file, text);
    expect(await explainInputs([file])).toBe("");
  });

  it("the corpus report counts a refused file's words as not reached, without parsing it", () => {
    const { file, roles } = loadContent(text, "setext.md");
    expect(toDiagnostics([file]).map((d) => d.ruleId)).toContain("input-too-complex");
    const measured = coverage(file, roles.map((r) => r.role));
    expect(measured.share).toBeLessThan(0.01);
  });
});

describe("levels one file may give", () => {
  it("3 roles of 5 levels with a limit of 10: an error at the 11th level", () => {
    const text = guideOf(3, 5);
    const errors = errorsOf(text, { ...DEFAULT_LIMITS, fileLevels: 10 });
    const eleventh = text.split("\n").findIndex((l, i, all) => l === "### Level 1 (0-1 years)" && all.slice(0, i).filter((x) => x.startsWith("### Level")).length === 10);
    expect(errors).toEqual([{ ruleId: "input-too-complex", line: eleventh + 1 }]);
    expect(errorsOf(text, { ...DEFAULT_LIMITS, fileLevels: 15 })).toEqual([]);
  });
});

describe("the site's size, before rendering", () => {
  let root: string;
  beforeAll(async () => {
    root = await tempDir();
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("estimates a role's comparison as its rows by its levels", () => {
    const { roles } = loadContent(guideOf(1, 5, 2), "one.md");
    expect(roles[0]!.role.levels).toHaveLength(5);
    expect(roleSize(roles[0]!.role).cells).toBe(10 * 5);
    expect(checkSiteBudget([roles[0]!.role], { comparisonCells: 50, siteItems: 10_000 })).toEqual([]);
    const [finding] = checkSiteBudget([roles[0]!.role], { comparisonCells: 49, siteItems: 10_000 });
    // At the role's first level.
    const first = guideOf(1, 5, 2).split("\n").indexOf("### Level 1 (0-1 years)") + 1;
    expect(finding).toMatchObject({ role: "Role 1", path: "one.md", line: first });
  });

  it("a site over the limit: a site-too-large error naming the file, exit 1, the previous site intact", async () => {
    const input = path.join(root, "guides");
    await mkdir(input, { recursive: true });
    await writeFile(path.join(input, "small.md"), guideOf(1, 2, 1, "Small"));
    const output = path.join(root, "site");
    await buildOk({ inputs: [input], output });
    const before = await listAll(output);
    const home = await readFile(path.join(output, "index.html"), "utf8");

    await writeFile(path.join(input, "big.md"), guideOf(3, 5));
    const stderr = new Capture();
    const code = await runBuild({ inputs: [input], output, stdout: new Capture(), stderr, limits: { comparisonCells: 1_000, siteItems: 100 } });
    expect(code).toBe(1);
    expect(stderr.text).toMatch(/big\.md/);
    expect(stderr.text).toMatch(/site-too-large/);
    expect(stderr.text).toMatch(/Build stopped/);
    expect(await listAll(output)).toEqual(before);
    expect(await readFile(path.join(output, "index.html"), "utf8")).toBe(home);

    // One role's comparison over its own limit: the error is at that role's first level.
    const one = new Capture();
    expect(await runBuild({ inputs: [input], output, stdout: new Capture(), stderr: one, limits: { comparisonCells: 40, siteItems: 1_000_000 } })).toBe(1);
    const first = guideOf(3, 5).split("\n").indexOf("### Level 1 (0-1 years)") + 1;
    expect(one.text).toContain(`big.md:${first}:1 `);
    expect(await listAll(output)).toEqual(before);

    // Within the limits, the same guides build.
    await buildOk({ inputs: [input], output });
    expect((await listAll(output)).length).toBeGreaterThan(before.length);
  }, 60_000);
});
