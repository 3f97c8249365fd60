import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadRoles } from "../../src/load.ts";
import { buildText } from "../../src/report/build-report.ts";
import { formatReport } from "../../src/report/format.ts";
import { build, exitCode, type BuildOutcome } from "../../src/site/build.ts";
import { OutputRefused } from "../../src/site/output-guard.ts";
import { listFiles, tempDir } from "./helpers.ts";

// One role with one section no reader places: a warning, which does not stop the build.
const GUIDE = "# Data Wrangler\n\n## Overview\nCleans data.\n\n## Required Skills\n- **Tools**: SQL, Python\n\n## Team Size\nFour people.\n";

let dir: string;
let guides: string;

beforeAll(async () => {
  dir = await tempDir("career-atlas-result-");
  guides = path.join(dir, "guides");
  await mkdir(guides);
  await writeFile(path.join(guides, "wrangler.md"), GUIDE);
});

/** Runs `build` with every write to the process's own streams recorded, to prove it prints nothing. */
async function quietBuild(options: Parameters<typeof build>[0]): Promise<BuildOutcome> {
  const stdout = vi.spyOn(process.stdout, "write");
  const stderr = vi.spyOn(process.stderr, "write");
  try {
    return await build(options);
  } finally {
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("build returns what it did and prints nothing", () => {
  it("built: the counts of the site it wrote and the diagnostics to show", async () => {
    const output = path.join(dir, "site");
    const outcome = await quietBuild({ inputs: [guides], output });
    expect(outcome.kind).toBe("built");
    if (outcome.kind !== "built") return;
    expect(exitCode(outcome)).toBe(0);
    const html = (await listFiles(output)).filter((f) => f.endsWith(".html"));
    expect(outcome.roles).toBe(1);
    expect(outcome.pages).toBe(html.length);
    expect(outcome.rendered).toBe(html.length);
    expect(outcome.indexed).toBeGreaterThan(0);
    expect(outcome.warnings).toBe(1);
    expect(outcome.diagnostics.files.flatMap((f) => f.messages.map((m) => m.ruleId))).toEqual(["unplaced-section"]);
    expect(outcome.leftovers).toEqual([]);
    expect(outcome.notices).toEqual([]);
    const text = buildText(outcome, output);
    expect(text.stdout).toMatch(new RegExp(`^Built 1 role, ${html.length} pages, 1 warning in \\d+\\.\\d\\d s \\(search index: ${outcome.indexed} pages?, `));
    expect(text.stderr).toBe(formatReport(outcome.diagnostics));
  }, 30_000);

  it("kept: a second build with the cache repeats the first one's report and counts", async () => {
    const output = path.join(dir, "kept");
    const cacheDir = path.join(dir, "cache");
    const first = await quietBuild({ inputs: [guides], output, cache: true, cacheDir });
    expect(first.kind).toBe("built");
    const before = await readFile(path.join(output, "index.html"), "utf8");
    const second = await quietBuild({ inputs: [guides], output, cache: true, cacheDir });
    expect(second.kind).toBe("kept");
    if (first.kind !== "built" || second.kind !== "kept") return;
    expect(exitCode(second)).toBe(0);
    expect(second.report).toBe(formatReport(first.diagnostics));
    expect([second.roles, second.pages, second.warnings]).toEqual([first.roles, first.pages, first.warnings]);
    expect(await readFile(path.join(output, "index.html"), "utf8")).toBe(before);
  }, 30_000);

  it("stopped: an input with errors gives its diagnostics and leaves the output unmade", async () => {
    const bad = path.join(dir, "bad");
    await mkdir(bad);
    await writeFile(path.join(bad, "empty.md"), "");
    const output = path.join(dir, "stopped");
    const outcome = await quietBuild({ inputs: [bad], output });
    expect(outcome.kind).toBe("stopped");
    if (outcome.kind !== "stopped" || outcome.cause !== "errors") throw new Error(`expected a stop on errors, got ${outcome.kind}`);
    expect(exitCode(outcome)).toBe(1);
    expect(outcome.diagnostics.files.some((f) => f.messages.some((m) => m.fatal === true))).toBe(true);
    expect(await readdir(dir)).not.toContain("stopped");
    const { files } = await loadRoles([bad]);
    expect(outcome.diagnostics.files.map((f) => f.path)).toEqual(files.map((f) => f.path));
    expect(buildText(outcome, output).stderr).toMatch(/Build stopped: the input has errors; .* was left as it was\.\n$/);
  });

  it("refused: an output folder that holds an input is not touched", async () => {
    const outcome = await quietBuild({ inputs: [guides], output: dir });
    expect(outcome.kind).toBe("refused");
    if (outcome.kind !== "refused") return;
    expect(outcome.refused).toBeInstanceOf(OutputRefused);
    expect(exitCode(outcome)).toBe(1);
    expect(buildText(outcome, dir)).toEqual({ stdout: "", stderr: `Build refused: ${outcome.refused.message}\n` });
  });
});

describe("the text of a build", () => {
  const diagnostics = { files: [], omitted: [] };
  const leftovers = [{ path: "/tmp/site.old-1", reason: "EACCES" }];

  it("says the leftovers first, then the notices, then why it failed, all on stderr", () => {
    const text = buildText({ kind: "failed", leftovers, diagnostics, notices: ["Eleventy said \u001b[2J"], cause: "the disk is full" }, "site");
    expect(text.stdout).toBe("");
    const lines = text.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Could not remove \/tmp\/site\.old-1, left by an earlier build \(EACCES\)/);
    expect(lines[1]).toMatch(/^Eleventy said /);
    expect(lines[1]).not.toContain("\u001b");
    expect(lines[2]).toBe("Build failed: the disk is full. site was left as it was.");
  });
});

describe("src/site prints nothing", () => {
  it("no module there names the process's streams or writes to a stream's stdout or stderr", async () => {
    const folder = path.join(import.meta.dirname, "../../src/site");
    const modules = (await readdir(folder, { recursive: true })).filter((f) => f.endsWith(".ts"));
    expect(modules.length).toBeGreaterThan(5);
    const offenders: string[] = [];
    for (const module of modules) {
      const source = await readFile(path.join(folder, module), "utf8");
      for (const pattern of [/process\.stdout/, /process\.stderr/, /\.stdout\.write/, /\.stderr\.write/]) {
        if (pattern.test(source)) offenders.push(`${module}: ${pattern.source}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
