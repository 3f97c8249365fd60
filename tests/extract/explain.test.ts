/**
 * `career-atlas check --explain`: every section of a file with its line, what it was read as and
 * why; on a fixture, and on every corpus guide (every heading is listed, in order).
 */
import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "../cli-run.ts";
import { explainSections } from "../../src/extract/explain.ts";
import { parseMarkdown } from "../../src/parse/index.ts";
import { readRoleText } from "../../src/read/index.ts";
import { guidesIn } from "../corpus/facts.ts";
import { corpusDir } from "../seeds.ts";

const typos = fileURLToPath(new URL("./fixtures/typos.md", import.meta.url));


describe("check --explain", () => {
  it("prints every section's line, what it was read as, and the signals with their weights", async () => {
    const { code, stdout, stderr } = await run("check", "--explain", typos);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toContain("typos.md");
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 3))).toEqual([
      ["1:1", "other", "0.00"],
      ["3:1", "overview", "0.70"],
      ["6:1", "skills", "0.70"],
      ["10:1", "responsibilities", "0.70"],
      ["13:1", "other", "0.00"],
    ]);
    expect(lines[3]).toContain('heading is 1 edit from "Required Skills" → skills +0.7');
    // The diagnostics still print, as check prints them.
    expect(stderr).toContain("heading-typo");
  });

  it("escapes control characters of the headings it prints", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "career-atlas-explain-"));
    const file = path.join(dir, "escape.md");
    await writeFile(file, "# Analyst\n\n## Skills \u001b[31mred\n- SQL\n");
    const { stdout } = await run("check", "--explain", file);
    expect(stdout).toContain("Skills");
    expect(stdout).not.toContain("\u001b");
  });

  it("takes no other value: --explain is a flag", async () => {
    const { code, stderr } = await run("check", "--explain=yes", typos);
    expect(code).toBe(2);
    expect(stderr).toContain("--explain");
  });
});

describe("explainSections on every corpus guide", () => {
  for (const guide of guidesIn(corpusDir)) {
    it(guide, () => {
      const file = readRoleText(readFileSync(path.join(corpusDir, guide)), guide);
      const tree = parseMarkdown(file);
      const rows = explainSections(tree);
      const headings = tree.children.filter((n) => n.type === "heading").map((n) => n.position!.start.line);
      // Every heading is a section (bold-line pseudo-headings come on top), in document order.
      expect(rows.filter((r) => !r.pseudo).map((r) => r.line)).toEqual(headings);
      for (const r of rows) expect(r.score).toBeCloseTo(r.signals.filter((s) => s.kind === r.kind).reduce((n, s) => n + s.weight, 0), 5);
    });
  }
});
