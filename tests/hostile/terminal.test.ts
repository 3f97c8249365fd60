/**
 * Text from the input printed on a terminal: escape sequences in a heading, a plan name, a skill
 * name and the file's own name (OSC 52 sets the clipboard, CSI 2J clears the screen, BEL, the C1
 * CSI, a bidi override) reach `check` and `build` output as visible escapes, and a newline in a
 * file name cannot forge a line of its own; the JSON output keeps the exact text.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/model/diagnostics.ts";
import { forTerminal, jsonForTerminal } from "../../src/model/terminal.ts";
import { cli, exportRoles, tempDir } from "./helpers.ts";

const OSC52 = "\u001b]52;c;SGVsbG8=\u0007";
const CLEAR = "\u001b[2J";
const C1_CSI = "\u009b2J";
const RLO = "\u202e";
const LINE = "1:1 error forged line";
// A skill name of no letter or digit, escapes inside: reported (skill-without-slug), and quoted.
const SKILL = `🚀\u0007\u001b${RLO}★`;

const GUIDE = [
  `# Data Wrangler`,
  ``,
  `## Overview`,
  `Cleans data for a living.`,
  ``,
  `## Required Skills`,
  `- Python`,
  `- ${SKILL}`,
  ``,
  `## Team ${CLEAR}Size${C1_CSI}${RLO}`,
  `Five people.`,
  ``,
  `## Transition Plans`,
  ``,
  `### From Analyst${OSC52}${RLO}`,
  `**Timeline**: 2 months`,
  ``,
  `- **Months 1-2: Basics**`,
  `  - Learn Python`,
  ``,
].join("\n");

// The reporter's own colours, when stderr is a terminal (or FORCE_COLOR is set): the only escapes allowed.
const COLOURS = /\u001b\[(?:1|4|22|24|31|32|33|36|39)m/g;

/** Whether `text`, the reporter's colours aside, holds anything a terminal would obey. */
function unsafe(text: string): string[] {
  return [...text.replace(COLOURS, "").matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g)].map((m) => forTerminal(m[0]));
}

let root: string;
let input: string;
let file: string;
beforeAll(async () => {
  root = await tempDir("career-atlas-terminal-");
  input = path.join(root, "in");
  await mkdir(input);
  // Linux allows every byte but "/" and NUL in a file name, newlines and escapes included.
  file = path.join(input, `guide${OSC52}${CLEAR}${C1_CSI}${RLO}\n${LINE}.md`);
  await writeFile(file, GUIDE);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("forTerminal", () => {
  it("writes controls, DEL, C1 controls and bidi controls as visible escapes, and keeps all else", () => {
    expect(forTerminal(`a${OSC52}b\nc\td\r\u007f${C1_CSI}${RLO}\u2066\u2069\u2028`)).toBe("a\\x1b]52;c;SGVsbG8=\\x07b\\nc\\td\\r\\x7f\\x9b2J\\u202e\\u2066\\u2069\\u2028");
    expect(forTerminal("Müller → 🤖 C:\\guides\\x.md")).toBe("Müller → 🤖 C:\\guides\\x.md");
  });

  it("keeps JSON exact: every string parses back to the same text", () => {
    const value = { text: `a${OSC52}${C1_CSI}${RLO}\u2028\u007f` };
    const json = jsonForTerminal(JSON.stringify(value));
    expect(unsafe(json)).toEqual([]);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("check", () => {
  it("prints the file name, the headings, plan and skill names quoted in diagnostics as escapes, each diagnostic on one line", async () => {
    const run = await cli("check", input);
    expect(run.code).toBe(0);
    expect(unsafe(run.stderr)).toEqual([]);
    const lines = run.stderr.replace(COLOURS, "").split("\n");
    // The file name, newline and all, starts each of its diagnostics' lines; the text after its newline forges none.
    const named = lines.filter((line) => line.startsWith(`${forTerminal(path.relative(process.cwd(), file))}:`));
    expect(named.length).toBeGreaterThan(0);
    expect(named.length).toBe(lines.filter((line) => /\s(?:error|warning|info)\s/.test(line)).length);
    expect(lines.filter((line) => line.startsWith(LINE))).toEqual([]);
    expect(run.stderr).toContain(forTerminal(`Team ${CLEAR}Size${C1_CSI}${RLO}`));
    expect(run.stderr).toContain(forTerminal(`Analyst${OSC52}${RLO}`));
    expect(run.stderr).toContain(forTerminal(SKILL));
    expect(run.stderr).toMatch(/unplaced-section/);
    expect(run.stderr).toMatch(/transition-from-unknown/);
    expect(run.stderr).toMatch(/skill-without-slug/);
  });

  it("keeps the exact characters in --format json, escaped as JSON", async () => {
    const run = await cli("check", input, "--format", "json");
    expect(unsafe(run.stdout)).toEqual([]);
    expect(run.stdout).toContain("\\u001b]52;c;SGVsbG8=\\u0007");
    expect(run.stdout).toContain("\\u009b2J\\u202e");
    const diagnostics = JSON.parse(run.stdout) as Diagnostic[];
    expect(new Set(diagnostics.map((d) => d.file))).toEqual(new Set([path.relative(process.cwd(), file)]));
    const byRule = (rule: string) => diagnostics.find((d) => d.ruleId === rule)!.message;
    expect(byRule("unplaced-section")).toContain(`Team ${CLEAR}Size${C1_CSI}${RLO}`);
    expect(byRule("transition-from-unknown")).toContain(`Analyst${OSC52}${RLO}`);
    expect(byRule("skill-without-slug")).toContain(SKILL);
  });

  it("keeps the exact characters in export", async () => {
    const { code, roles } = await exportRoles(input);
    expect(code).toBe(0);
    expect(roles[0]!.transitions[0]!.from).toBe(`Analyst${OSC52}${RLO}`);
    expect(roles[0]!.sections.map((s) => s.heading)).toContain(`Team ${CLEAR}Size${C1_CSI}${RLO}`);
  });
});

describe("build", () => {
  it("prints the diagnostics and the output folder's name as escapes", async () => {
    const output = path.join(root, `site${CLEAR}${RLO}\nout`);
    const run = await cli("build", "--input", input, "--output", output, "--no-cache");
    expect(run.code, run.stderr).toBe(0);
    expect(unsafe(run.stdout)).toEqual([]);
    expect(unsafe(run.stderr)).toEqual([]);
    expect(run.stderr.replace(COLOURS, "").split("\n").some((line) => line.startsWith(`${forTerminal(path.relative(process.cwd(), file))}:`))).toBe(true);
    expect(run.stderr).toContain(forTerminal(`Team ${CLEAR}Size${C1_CSI}${RLO}`));
    expect(run.stdout).toMatch(/^Built 1 role, .* → (.*)\n$/);
    expect(run.stdout).toContain(`→ ${forTerminal(output)}\n`);
  }, 60_000);

  it("prints the output folder's name as escapes when the build stops on errors", async () => {
    const bad = path.join(root, `bad${OSC52}`);
    await mkdir(bad);
    await writeFile(path.join(bad, `empty${RLO}.md`), "");
    const run = await cli("build", "--input", bad, "--output", path.join(root, `stopped${OSC52}`), "--no-cache");
    expect(run.code).toBe(1);
    expect(unsafe(run.stderr)).toEqual([]);
    expect(run.stderr).toContain(`Build stopped: the input has errors; ${forTerminal(path.join(root, `stopped${OSC52}`))} was left as it was.`);
    expect(run.stderr).toContain(forTerminal(`empty${RLO}.md`));
  }, 60_000);
});
