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
import { RULES, RULES_DOC, isRuleId } from "../../src/model/rules.ts";
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

  it("fills each message's note with the rule's hint and its url with where the rules are documented", () => {
    const file = new VFile({ path: "a.md" });
    report(file, "warning", "heading-typo", 'Heading "Requried Skills" is close to "Required Skills"', { line: 3, column: 1 }, { actual: "Requried Skills", expected: ["Required Skills"] });
    const [message] = file.messages;
    expect(message).toMatchObject({ note: RULES["heading-typo"].hint, url: RULES_DOC, actual: "Requried Skills", expected: ["Required Skills"] });
  });

  it("is the README's table of rules, row for row", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const rows = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|info) \| ([^|]+) \| (.+) \|$/gm)].map((m) => [m[1], m[2], m[3]!.trim(), m[4]!.trim().replace(/\\\|/g, "|")]);
    expect(rows).toEqual(Object.entries(RULES).map(([id, rule]) => [id, rule.severity, rule.title, rule.hint]));
  });

  it("is listed by career-atlas rules, one line a rule", async () => {
    const stdout = new Capture();
    expect(await main(["rules"], { stdout, stderr: new Capture() })).toBe(0);
    const lines = stdout.text.trimEnd().split("\n");
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(Object.keys(RULES));
    expect(lines[0]).toMatch(/^input-missing\s+error\s+No such file or folder$/);
  });
});
