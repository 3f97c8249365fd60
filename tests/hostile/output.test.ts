/**
 * The build replaces its output folder whole, so it must never be pointed at something it did not
 * make: each refusal below happens before anything is touched, with exit 1 and one line saying
 * what to do; and a build that fails for a reason outside the guides (a full disk, a folder it
 * cannot remove) says so in one line and leaves a state the next build can work from.
 */
import fs from "node:fs";
import { cp, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.ts";
import { describeFailure } from "../../src/site/failure.ts";
import { SITE_MARKER } from "../../src/site/output-guard.ts";
import { fsOps } from "../../src/site/publish.ts";
import { root as projectRoot } from "../seeds.ts";
import { Capture } from "../site/helpers.ts";
import { tempDir } from "./helpers.ts";

const GUIDE = "# Data Wrangler\n\n## Overview\nCleans data.\n\n## Required Skills\n- **Tools**: SQL, Python\n";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `career-atlas <args>` in this process with `cwd` as the working directory. */
async function run(cwd: string, ...args: string[]): Promise<Run> {
  const stdout = new Capture();
  const stderr = new Capture();
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(args, { stdout, stderr });
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    process.chdir(before);
  }
}

/** Every entry under `dir` with its bytes (folders as "/"), to compare before and after. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const key = path.relative(dir, full);
    out[key] = entry.isDirectory() ? "/" : entry.isSymbolicLink() ? `-> ${fs.readlinkSync(full)}` : (await readFile(full)).toString("base64");
  }
  return out;
}

/** A project as a user has it: sources, secrets and guides. */
async function project(): Promise<string> {
  const dir = await tempDir("career-atlas-project-");
  await mkdir(path.join(dir, "src"));
  await writeFile(path.join(dir, "src", "index.ts"), "export {};\n");
  await writeFile(path.join(dir, ".env"), "SECRET=1\n");
  await mkdir(path.join(dir, "guides"));
  await writeFile(path.join(dir, "guides", "wrangler.md"), GUIDE);
  return dir;
}

/** Expects a refusal: exit 1, one line on stderr naming the case, nothing on stdout. */
function expectRefused(result: Run, because: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Build refused: /);
  expect(lines[0]).toMatch(because);
}

describe("the build refuses an output it did not make, before touching anything", () => {
  let dir: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    dir = await project();
    before = await snapshot(dir);
  });
  afterEach(async () => {
    // Nothing in the project changed, and nothing was written beside it.
    expect(await snapshot(dir)).toEqual(before);
  });

  it("refuses the input folder itself", async () => {
    expectRefused(await run(dir, "build", "--no-cache", "--input", "guides", "--output", "guides"), /is the input "guides".*outside the inputs/);
  });

  it("refuses the working directory, even with --force", async () => {
    expectRefused(await run(dir, "build", "--no-cache", "--input", "guides", "--output", "."), /is the working directory/);
    expectRefused(await run(dir, "build", "--no-cache", "--input", "guides", "--output", ".", "--force"), /is the working directory/);
  });

  it("refuses an ancestor of the working directory", async () => {
    expectRefused(await run(path.join(dir, "src"), "build", "--no-cache", "--input", "../guides", "--output", ".."), /an ancestor of the working directory/);
  });

  it("refuses a folder that contains an input, even with --force", async () => {
    const sub = path.join(dir, "src");
    expectRefused(await run(sub, "build", "--no-cache", "--input", path.join(dir, "guides", "wrangler.md"), "--output", path.join(dir, "guides"), "--force"), /contains the input/);
  });

  it("refuses a regular file", async () => {
    expectRefused(await run(dir, "build", "--no-cache", "--input", "guides", "--output", ".env"), /is a file, not a folder/);
  });

  it("refuses a folder of the user's own, and names a file in it", async () => {
    expectRefused(await run(dir, "build", "--no-cache", "--input", "guides", "--output", "src"), /"index\.ts".*--force/);
  });

  it("refuses a symbolic link to a folder", async () => {
    const links = await tempDir();
    await mkdir(path.join(links, "real"));
    await symlink(path.join(links, "real"), path.join(links, "site"));
    const result = await run(dir, "build", "--no-cache", "--input", "guides", "--output", path.join(links, "site"));
    expectRefused(result, /symbolic link/);
    expect(await readdir(path.join(links, "real"))).toEqual([]);
  });

  it("refuses the same outputs for serve, which then serves nothing", async () => {
    expectRefused(await run(dir, "serve", "--no-cache", "--input", "guides", "--output", "guides", "--port", "0"), /is the input "guides"/);
  });
});

describe("the build writes into an empty folder, its own site, or with --force", () => {
  it("marks the site it makes, and rebuilds it", async () => {
    const dir = await project();
    await mkdir(path.join(dir, "empty"));
    const first = await run(dir, "build", "--no-cache", "--input", "guides", "--output", "empty");
    expect(first.code, first.stderr).toBe(0);
    expect(await readdir(path.join(dir, "empty"))).toContain(SITE_MARKER);
    await writeFile(path.join(dir, "guides", "wrangler.md"), GUIDE.replace("Cleans data.", "Cleans and joins data."));
    const second = await run(dir, "build", "--no-cache", "--input", "guides", "--output", "empty");
    expect(second.code, second.stderr).toBe(0);
    expect(await readFile(path.join(dir, "empty", "roles", "data-wrangler", "index.html"), "utf8")).toContain("Cleans and joins data.");
  });

  it("replaces a folder of the user's own only with --force, and marks it", async () => {
    const dir = await project();
    await mkdir(path.join(dir, "public"));
    await writeFile(path.join(dir, "public", "old.html"), "old");
    const forced = await run(dir, "build", "--no-cache", "--input", "guides", "--output", "public", "--force");
    expect(forced.code, forced.stderr).toBe(0);
    const files = await readdir(path.join(dir, "public"));
    expect(files).toContain(SITE_MARKER);
    expect(files).not.toContain("old.html");
  });
});

describe("a build that fails outside the guides says so in one line and leaves a state the next build can use", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await project();
    await cp(path.join(projectRoot, "seeds"), path.join(dir, "seeds"), { recursive: true });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("a full disk while Eleventy writes: the disk named, no stack trace, the previous site byte for byte", async () => {
    expect((await run(dir, "build", "--no-cache", "--input", "guides", "--output", "site")).code).toBe(0);
    const site = await snapshot(path.join(dir, "site"));
    const write = fs.writeFileSync;
    vi.spyOn(fs, "writeFileSync").mockImplementation((file, ...rest) => {
      if (String(file).includes(`${path.sep}roles${path.sep}`)) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
      return write(file, ...rest);
    });
    const failed = await run(dir, "build", "--no-cache", "--input", "seeds", "--output", "site");
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe("");
    const last = failed.stderr.trimEnd().split("\n").at(-1)!;
    expect(last).toMatch(/^Build failed: the disk is full: ENOSPC\. site was left as it was\.$/);
    expect(failed.stderr).not.toMatch(/\n\s+at |\[11ty\]/);
    expect(await snapshot(path.join(dir, "site"))).toEqual(site);
    expect((await readdir(dir)).filter((name) => name.startsWith(".site-"))).toEqual([]);
  });

  it("a previous site that cannot be removed: the build succeeds, says where it was left, and the next build tidies it", async () => {
    const remove = fsOps.rm;
    vi.spyOn(fsOps, "rm").mockImplementation(async (target, options) => {
      if (path.basename(String(target)).startsWith(".site-old-")) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      return remove(target, options);
    });
    const built = await run(dir, "build", "--no-cache", "--input", "seeds", "--output", "site");
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/^Built 1 role/);
    expect(built.stderr).toMatch(/The previous site could not be removed \(EACCES\): it is in .*\.site-old-.*; remove it by hand\./);
    expect(built.stderr).not.toMatch(/was left as it was/);
    expect(await readFile(path.join(dir, "site", "roles", "machine-learning-engineer", "index.html"), "utf8")).toContain("Machine Learning Engineer");
    const left = (await readdir(dir)).filter((name) => name.startsWith(".site-old-"));
    expect(left).toHaveLength(1);
    // Builds leave alone the folders of a process still running, this one included: the leftover is
    // made to look like one of an earlier process (a pid above Linux's largest).
    const earlier = path.join(dir, left[0]!.replace(/-old-\d+-/, "-old-4194999-"));
    await fsOps.rename(path.join(dir, left[0]!), earlier);

    // The leftover still cannot be removed: the next build reports it and builds all the same.
    vi.mocked(fsOps.rm).mockRestore();
    vi.spyOn(fsOps, "rm").mockImplementation(async (target, options) => {
      if (String(target) === earlier) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      return remove(target, options);
    });
    const again = await run(dir, "build", "--no-cache", "--input", "seeds", "--output", "site");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`Could not remove ${earlier}, left by an earlier build (EACCES); remove it by hand.`);

    vi.mocked(fsOps.rm).mockRestore();
    const tidy = await run(dir, "build", "--no-cache", "--input", "seeds", "--output", "site");
    expect(tidy.code, tidy.stderr).toBe(0);
    expect((await readdir(dir)).filter((name) => name.startsWith(".site-"))).toEqual([]);
  });
});

describe("describeFailure", () => {
  it("finds the system's error in Eleventy's chain of errors", async () => {
    const cause = Object.assign(new Error("EACCES: permission denied, open '/srv/site/x.html'"), { code: "EACCES", path: "/srv/site/x.html" });
    const wrapped = Object.assign(new Error('Having trouble writing to "/srv/site/x.html", "/srv/site/y.html" from "./templates/role.njk"'), { originalError: cause });
    expect(await describeFailure(wrapped, "/tmp")).toBe("permission denied (/srv/site/x.html): EACCES");
  });

  it("keeps the first line of an error it does not know, cut short and safe for a terminal", async () => {
    expect(await describeFailure(new Error(`bad \u001b[2J thing\n    at somewhere`), "/tmp")).toBe("bad \\x1b[2J thing");
    expect((await describeFailure(new Error("x".repeat(1000)), "/tmp")).length).toBeLessThan(310);
  });
});
