/**
 * One registry of rules (src/model/rules.ts): every diagnostic Career Atlas gives on the seeds, the
 * corpus and the hostile fixtures names a rule of it, at the rule's severity; the README's table
 * and `career-atlas rules` list exactly the registry.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.ts";
import { loadRoles } from "../../src/load.ts";
import { report, toDiagnostics } from "../../src/model/diagnostics.ts";
import { RULES, RULES_DOC, isRuleId, ruleUrl, type RuleId } from "../../src/model/rules.ts";
import { corpusDir, root } from "../seeds.ts";
import { Capture } from "../site/helpers.ts";

const FIXTURES = path.join(root, "tests/hostile/fixtures");

describe("the rule registry", () => {
  it("is what every diagnostic on the seeds, the corpus and the hostile fixtures names, at its severity", async () => {
    const { files } = await loadRoles([path.join(root, "seeds"), corpusDir, ...["pages", "errors", "collision"].map((dir) => path.join(FIXTURES, dir))]);
    const diagnostics = toDiagnostics(files);
    expect(diagnostics.length).toBeGreaterThan(50);
    const wrong = diagnostics.filter((d) => !isRuleId(d.ruleId) || RULES[d.ruleId].severity !== d.severity).map((d) => `${d.file}:${d.line} ${d.ruleId} ${d.severity}`);
    expect(wrong).toEqual([]);
  });

  it("words, grades and documents a message from its rule and arguments: reason, severity, note, url, actual and expected", () => {
    const file = new VFile({ path: "a.md" });
    report(file, "heading-typo", { written: "Requried Skills", known: "Required Skills" }, { line: 3, column: 1 });
    report(file, "transition-from-unknown", { from: "Teacher" }, { line: 9, column: 1 });
    const [typo, plan] = file.messages;
    expect(typo).toMatchObject({ fatal: false, ruleId: "heading-typo", note: RULES["heading-typo"].hint, url: "README.md#rule-heading-typo", actual: "Requried Skills", expected: ["Required Skills"] });
    expect(typo!.reason).toContain('"Requried Skills"');
    // A hint that depends on what was found; an info is neither fatal nor not.
    expect(plan).toMatchObject({ fatal: undefined, note: 'Add a guide for "Teacher" to enable that.', url: "README.md#rule-transition-from-unknown" });
    expect(plan!.actual).toBeUndefined();
    const [json, planJson] = toDiagnostics([file]);
    expect(json).toMatchObject({ ruleId: "heading-typo", severity: "warning", message: typo!.reason, note: typo!.note, url: typo!.url, actual: "Requried Skills", expected: ["Required Skills"] });
    expect(planJson).toMatchObject({ severity: "info", note: plan!.note, url: plan!.url });
    expect(planJson).not.toHaveProperty("actual");
  });

  it("is the README's table of rules, row for row, each row the anchor its diagnostics' url points at", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const lines = readme.split("\n");
    const rows = lines.flatMap((line) => {
      const m = /^\| (?:<a id="([a-z0-9-]+)"><\/a>)?`([a-z0-9-]+)` \| (error|warning|info) \| ([^|]+) \| (.+) \|$/.exec(line);
      return m ? [[m[2], m[3], m[4]!.trim(), m[5]!.trim().replace(/\\\|/g, "|")]] : [];
    });
    expect(rows).toEqual(Object.entries(RULES).map(([id, rule]) => [id, rule.severity, rule.title, rule.hint]));
    for (const id of Object.keys(RULES) as RuleId[]) {
      const [doc, anchor] = ruleUrl(id).split("#");
      expect(doc).toBe(RULES_DOC);
      // The one element of the README with that id is on the rule's own row.
      const holders = lines.filter((line) => line.includes(`id="${anchor}"`));
      expect(holders, id).toHaveLength(1);
      expect(holders[0]!.startsWith(`| <a id="${anchor}"></a>\`${id}\` |`), id).toBe(true);
    }
  });

  it("is listed by career-atlas rules, one line a rule", async () => {
    const stdout = new Capture();
    expect(await main(["rules"], { stdout, stderr: new Capture() })).toBe(0);
    const lines = stdout.text.trimEnd().split("\n");
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(Object.keys(RULES));
    expect(lines[0]).toMatch(/^input-missing\s+error\s+No such file or folder$/);
  });

  it("is listed as JSON for tools, each rule with its hint and the README row that documents it", async () => {
    const stdout = new Capture();
    expect(await main(["rules", "--format", "json"], { stdout, stderr: new Capture() })).toBe(0);
    const listed = JSON.parse(stdout.text) as { id: string; severity: string; title: string; hint: string; url: string }[];
    expect(listed.map((r) => r.id)).toEqual(Object.keys(RULES));
    expect(listed[0]).toEqual({
      id: "input-missing",
      severity: "error",
      title: "No such file or folder",
      hint: RULES["input-missing"].hint,
      url: "README.md#rule-input-missing",
    });
  });
});
