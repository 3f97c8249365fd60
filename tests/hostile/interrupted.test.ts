/**
 * Interrupted builds: `career-atlas build` runs as a child process and is killed (SIGKILL: no
 * clean-up code runs) at several points — loading, when its temporary folder appears, half-way
 * through writing pages, while indexing for search, at the swap. Each time the previous site is
 * still there, complete and byte for byte. The next build tidies what the killed ones left, and
 * two builds of the same input give byte-identical folders.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuild } from "../../src/cli.ts";
import { Capture } from "../site/helpers.ts";
import { ERRORS, listAll, PAGES, tempDir } from "./helpers.ts";

const BIN = fileURLToPath(new URL("../../bin/career-atlas.js", import.meta.url));
const SEEDS = fileURLToPath(new URL("../../seeds/", import.meta.url));

type Snapshot = Map<string, string>;

/** Every file of a folder (hidden ones too) with the SHA-256 of its bytes. */
async function snapshot(folder: string): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const file of await listAll(folder)) out.set(file, createHash("sha256").update(await readFile(path.join(folder, file))).digest("hex"));
  return out;
}

/** The differences between two snapshots, for a readable failure. */
function differences(actual: Snapshot, expected: Snapshot): string[] {
  const out: string[] = [];
  for (const [file, hash] of expected) if (actual.get(file) !== hash) out.push(actual.has(file) ? `changed: ${file}` : `missing: ${file}`);
  for (const file of actual.keys()) if (!expected.has(file)) out.push(`added: ${file}`);
  return out;
}

/**
 * Builds in a child process, as the killed builds run (the same working folder, so that the
 * sources a page names are the same); fails the test on any error.
 */
async function build(inputs: string[], output: string, cwd: string): Promise<void> {
  const args = [BIN, "build", ...inputs.flatMap((i) => ["--input", i]), "--output", output];
  const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await exited(child);
  if (code !== 0) throw new Error(`build failed (${code}):\n${stderr}`);
}

/**
 * What is beside the output, but for the build cache (`node_modules/.cache/career-atlas` under the
 * working folder, which is the builds' own and written on purpose); fails if anything else is in
 * the working folder's node_modules.
 */
async function besideOutput(root: string): Promise<string[]> {
  if (existsSync(path.join(root, "node_modules"))) {
    for (const file of await listAll(path.join(root, "node_modules"))) expect(file.startsWith(".cache/career-atlas/"), file).toBe(true);
  }
  return readdirSync(root)
    .filter((name) => name !== "node_modules")
    .sort();
}

/** Names beside the output that a build makes for a while: `.site-build-*`, `.site-old-*`. */
function temporaries(root: string, kind: "build" | "old"): string[] {
  return readdirSync(root).filter((name) => name.startsWith(`.site-${kind}-`));
}

function filesIn(folder: string): number {
  try {
    return readdirSync(folder, { recursive: true }).length;
  } catch {
    return 0;
  }
}

/** Resolves when the child has exited. */
function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/**
 * Runs a build in a child process and kills it, with its Pagefind service (its own process group),
 * once `when` holds; polls every millisecond or two.
 * @returns whether the kill came before the build ended by itself
 */
async function killBuildWhen(inputs: string[], output: string, cwd: string, when: (elapsed: number) => boolean): Promise<boolean> {
  const args = [BIN, "build", ...inputs.flatMap((i) => ["--input", i]), "--output", output];
  const child = spawn(process.execPath, args, { cwd, detached: true, stdio: "ignore" });
  const started = performance.now();
  const done = exited(child);
  let finished = false;
  void done.then(() => (finished = true));
  while (!finished) {
    if (when(performance.now() - started)) {
      process.kill(-child.pid!, "SIGKILL");
      await done;
      return child.signalCode === "SIGKILL";
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return false;
}

describe("a build killed midway", () => {
  let root: string;
  let site: string;
  let first: string[];
  let second: string[];
  let before: Snapshot;
  let after: Snapshot;

  beforeAll(async () => {
    root = await tempDir("career-atlas-kill-");
    site = path.join(root, "site");
    // The first site from the seeds; the killed builds would make another from more guides.
    await mkdir(path.join(root, "input"));
    await cp(SEEDS, path.join(root, "input", "seeds"), { recursive: true });
    first = [path.join(root, "input", "seeds")];
    await cp(PAGES, path.join(root, "input", "more"), { recursive: true });
    second = [...first, path.join(root, "input", "more")];
    await build(first, site, root);
    before = await snapshot(site);
    const other = path.join(root, "other", "site");
    await build(second, other, root);
    after = await snapshot(other);
    await rm(path.join(root, "other"), { recursive: true });
  }, 180_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("differs from the site before it (so that a kill that came too late would show)", () => {
    expect(differences(after, before).length).toBeGreaterThan(10);
  });

  it.each<[string, (root: string, elapsed: number) => boolean]>([
    ["while it loads the guides", (_root, elapsed) => elapsed > 150],
    ["when its temporary folder appears", (root) => temporaries(root, "build").length > 0],
    ["half-way through writing the pages", (root) => temporaries(root, "build").some((name) => filesIn(path.join(root, name)) > 40)],
    ["while it indexes the pages for search", (root) => temporaries(root, "build").some((name) => existsSync(path.join(root, name, "pagefind")))],
  ])("%s: the previous site stays complete, byte for byte", async (_name, when) => {
    const killed = await killBuildWhen(second, site, root, (elapsed) => when(root, elapsed));
    expect(killed, "the build ended before the kill").toBe(true);
    expect(differences(await snapshot(site), before)).toEqual([]);
    // What the build killed before this one left, this one's start removed.
    expect(temporaries(root, "build").length).toBeLessThanOrEqual(1);
  }, 120_000);

  it("at the swap: the site is the previous one or the new one, whole, or the previous one waits beside it", async () => {
    const killed = await killBuildWhen(second, site, root, () => temporaries(root, "old").length > 0 || !existsSync(site));
    expect(killed, "the build ended before the kill").toBe(true);
    if (existsSync(site)) {
      const now = await snapshot(site);
      expect([differences(now, before), differences(now, after)]).toContainEqual([]);
    } else {
      const [old] = temporaries(root, "old");
      expect(differences(await snapshot(path.join(root, old!)), before)).toEqual([]);
    }
  }, 120_000);

  it("the next build tidies up after the killed ones and gives the same folder as an uninterrupted build", async () => {
    // From the first site, so that the killed build has pages to write (the kill at the swap may
    // have left the second site, which a build of the same input would keep as it is).
    await build(first, site, root);
    await killBuildWhen(second, site, root, () => temporaries(root, "build").length > 0);
    expect(temporaries(root, "build").length).toBeGreaterThan(0);
    await build(second, site, root);
    expect(await besideOutput(root)).toEqual(["input", "site"]);
    expect(differences(await snapshot(site), after)).toEqual([]);
  }, 120_000);

  it("two builds of the same input give byte-identical folders", async () => {
    await build(second, site, root);
    expect(differences(await snapshot(site), after)).toEqual([]);
    await build(first, site, root);
    expect(differences(await snapshot(site), before)).toEqual([]);
  }, 120_000);

  it("a kill between the swap's two renames: the next build puts the previous site back first, even when it stops on errors", async () => {
    // The state that kill leaves: no site, the previous one renamed aside, the new one complete.
    const dead = spawn(process.execPath, ["-e", ""]);
    await exited(dead);
    const old = path.join(root, `.site-old-${dead.pid}-0badcafe`);
    const fresh = path.join(root, `.site-build-${dead.pid}-deadbeef`);
    await rename(site, old);
    await mkdir(fresh);
    await writeFile(path.join(fresh, "index.html"), "half a site\n");
    // A folder of a build that is still running (this process) is not touched.
    const running = path.join(root, `.site-build-${process.pid}-12345678`);
    await mkdir(running);
    const stderr = new Capture();
    expect(await runBuild({ inputs: [ERRORS], output: site, stdout: new Capture(), stderr })).toBe(1);
    expect(await besideOutput(root), stderr.text).toEqual([path.basename(running), "input", "site"]);
    expect(differences(await snapshot(site), before)).toEqual([]);
    await rm(running, { recursive: true });
  }, 60_000);
});
