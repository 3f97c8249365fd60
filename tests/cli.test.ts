import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "./cli-run.ts";
import { Diagnostic } from "../src/model/diagnostics.ts";
import { Role } from "../src/model/role.ts";
import { root } from "./seeds.ts";


let bad: string;
beforeAll(async () => {
  bad = await mkdtemp(path.join(tmpdir(), "career-atlas-cli-"));
  await writeFile(path.join(bad, "empty.md"), "");
  await writeFile(path.join(bad, "binary.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  await writeFile(path.join(bad, "invalid-utf8.md"), Buffer.concat([Buffer.from("# Analyst\n\n## Overview\nCaf"), Buffer.from([0xe9]), Buffer.from(" au lait\n")]));
  await writeFile(path.join(bad, "shopping.md"), "# Shopping\n\n## Fruit\n- apples\n");
});

describe("career-atlas check", () => {
  it("exits 0 on the seeds and shows the repair warning", async () => {
    const { code, stderr } = await run("check", path.join(root, "seeds"));
    expect(code).toBe(0);
    expect(stderr).toContain("mojibake-repaired");
    // Every line starts with file:line:column, which terminals and editors link.
    expect(stderr).toMatch(/^seeds\/machine-learning-engineer-levels\.md:1:1\s+warning\s+.*mojibake-repaired$/m);
  });

  it("prints GitHub Actions annotations with --format github", async () => {
    const { code, stdout } = await run("check", "seeds", "--format", "github");
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^::warning file=seeds\/machine-learning-engineer-levels\.md,line=1,col=1,title=mojibake-repaired::Text was UTF-8/),
      expect.stringMatching(/^::notice file=seeds\/machine-learning-engineer-transitions\.md,line=28,col=1,endLine=28,endColumn=39,title=transition-from-unknown::The plan from "Data Scientist"/),
      expect.stringMatching(/^::notice file=seeds\/machine-learning-engineer-transitions\.md,line=47,col=1,endLine=47,endColumn=43,title=transition-from-unknown::/),
    ]);
  });

  it("prints diagnostics as JSON with --format json", async () => {
    const { code, stdout } = await run("check", "--format", "json", path.join(root, "seeds"));
    expect(code).toBe(0);
    const diagnostics = Diagnostic.array().parse(JSON.parse(stdout));
    expect(diagnostics.map((d) => d.ruleId)).toContain("mojibake-repaired");
  });

  it("exits 1 with a clear diagnostic for each bad file, never a stack trace", async () => {
    const { code, stdout } = await run("check", "--format", "json", bad);
    expect(code).toBe(1);
    const diagnostics = Diagnostic.array().parse(JSON.parse(stdout));
    const byFile = (name: string) => diagnostics.filter((d) => d.file.endsWith(name) && d.severity === "error").map((d) => [d.ruleId, d.line, d.column]);
    expect(byFile("empty.md")).toEqual([["empty-file", 1, 1]]);
    expect(byFile("binary.md")).toEqual([["binary-file", 1, 1]]);
    expect(byFile("invalid-utf8.md")).toEqual([["invalid-utf8", 4, 4]]);
    expect(byFile("shopping.md")).toEqual([["no-role-content", 1, 1]]);
    for (const d of diagnostics) expect(d.message).not.toMatch(/\n\s+at /);
  });

  it("reports a path that does not exist", async () => {
    const { code, stderr } = await run("check", path.join(bad, "nope.md"));
    expect(code).toBe(1);
    expect(stderr).toContain("input-missing");
  });
});

describe("check and export with a site configuration", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "career-atlas-cli-aliases-"));
    await writeFile(path.join(dir, "short.md"), "# DPE\n\n## Overview\nRuns the data platform.\n");
    await writeFile(path.join(dir, "long.md"), "# Data Platform Engineer\n\n## Overview\nKeeps the pipelines up.\n");
    await writeFile(path.join(dir, "career-atlas.config.yaml"), "aliases:\n  roles:\n    DPE: Data Platform Engineer\n");
    await writeFile(path.join(dir, "broken.yaml"), "aliases: [\n");
  });

  it("merge roles by the configuration's aliases, as build does", async () => {
    const guides = [path.join(dir, "short.md"), path.join(dir, "long.md")];
    const plain = await run("export", ...guides);
    expect(JSON.parse(plain.stdout).roles.map((r: Role) => r.title)).toEqual(["DPE", "Data Platform Engineer"]);
    const merged = await run("export", ...guides, "--config", path.join(dir, "career-atlas.config.yaml"));
    expect(JSON.parse(merged.stdout).roles.map((r: Role) => r.title)).toEqual(["Data Platform Engineer"]);
    const checked = await run("check", ...guides, "--config", path.join(dir, "career-atlas.config.yaml"), "--format", "json");
    expect(JSON.parse(checked.stdout).map((d: Diagnostic) => d.ruleId)).toContain("alias-merged");
  });

  it("stop with the configuration's own diagnostics when it has errors", async () => {
    const { code, stderr } = await run("check", path.join(dir, "short.md"), "--config", path.join(dir, "broken.yaml"));
    expect(code).toBe(1);
    expect(stderr).toContain("config-syntax");
    expect(stderr).toMatch(/Check stopped: the configuration .*broken\.yaml has errors/);
  });
});

describe("career-atlas export", () => {
  it("prints one merged role that the schema accepts", async () => {
    const { code, stdout } = await run("export", path.join(root, "seeds"));
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { roles: unknown[]; diagnostics: unknown[] };
    expect(Object.keys(out)).toEqual(["roles", "diagnostics"]);
    const roles = Role.array().parse(out.roles);
    expect(roles.map((r) => r.slug)).toEqual(["machine-learning-engineer"]);
    expect(roles[0]!.ladders).toHaveLength(2);
    Diagnostic.array().parse(out.diagnostics);
  });
});

describe("career-atlas schema", () => {
  it("prints the JSON Schema generated from the zod schema", async () => {
    const { code, stdout } = await run("schema");
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.required).toEqual(expect.arrayContaining(["slug", "title", "levels", "ladders", "transitions", "sections", "sources"]));
    expect(Object.keys(schema.properties.levels.items.properties)).toEqual(["name", "slug", "code", "years", "experience", "requirements", "origin"]);
    // Where a level was written, for the site's "suggest a change" links: optional.
    expect(schema.properties.levels.items.required).not.toContain("origin");
  });
});

describe("the command line", () => {
  it("rejects an unknown command with a one-line error and the usage, exit 2", async () => {
    const { code, stderr } = await run("frobnicate");
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toBe('career-atlas: unknown command "frobnicate"');
    expect(stderr).toContain("Usage: career-atlas <command>");
  });

  it("rejects an unknown option, exit 2", async () => {
    const { code, stderr } = await run("check", "--colour");
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toMatch(/^career-atlas check: .*--colour/);
    expect(stderr).toContain("Usage: career-atlas check");
  });

  it("rejects a bad --format value, exit 2", async () => {
    expect((await run("check", "--format", "xml")).code).toBe(2);
  });

  it("gives --help on every command", async () => {
    for (const command of ["build", "serve", "check", "export", "schema"]) {
      const { code, stdout } = await run(command, "--help");
      expect(code, command).toBe(0);
      expect(stdout).toContain(`Usage: career-atlas ${command}`);
    }
    const top = await run("--help");
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("Commands:");
  });

  it("runs through the bin script without a compile step", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, "bin/career-atlas.js"), "check", "--format", "json", "seeds"], { cwd: root });
    expect(JSON.parse(stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: "mojibake-repaired", file: "seeds/machine-learning-engineer-levels.md" })]));
  });
});
