/**
 * Inputs that change while a build reads them. Each input is read once, through one open handle:
 * the build's "nothing changed" digest and the load are made from the same bytes, so a file edited
 * mid-build never leaves a site that a later build keeps as unchanged; and a guide swapped for a
 * symbolic link (or its folder for a link) after the folder was listed is not followed outside it.
 */
import { execFileSync } from "node:child_process";
import { mkdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { collectInputs, loadInputs, readCollected, readInputs } from "../../src/load.ts";
import { toDiagnostics } from "../../src/model/diagnostics.ts";
import { readBytes } from "../../src/read/open.ts";
import { tempDir } from "./helpers.ts";
import { build, expectBuilt, expectSameAsFresh, makeInput, siteContains } from "./sites.ts";

// A hook between the build's read of its inputs and everything after it (the digest, the load):
// where a file edited during a build changes.
const hook = vi.hoisted(() => ({ afterRead: null as null | (() => Promise<void>) }));
vi.mock("../../src/load.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/load.ts")>();
  return {
    ...real,
    readInputs: async (inputs: readonly string[]) => {
      const read = await real.readInputs(inputs);
      await hook.afterRead?.();
      return read;
    },
  };
});

const GUIDE = "machine-learning-engineer-transitions.md";
const SUMMARY = "Builds scalable ML systems and deploys models to production.";

let root: string;
let input: string;
let cacheDir: string;
let original: string;

beforeAll(async () => {
  root = await tempDir("career-atlas-hostile-reads-");
  input = await makeInput(root);
  cacheDir = path.join(root, "cache");
  original = await readFile(path.join(input, GUIDE), "utf8");
  expect(original).toContain(SUMMARY);
});
afterEach(async () => {
  hook.afterRead = null;
  await writeFile(path.join(input, GUIDE), original);
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Writes the guide with its summary's first sentence replaced by `summary`. */
const writeSummary = (summary: string) => writeFile(path.join(input, GUIDE), original.replace(SUMMARY, summary));

describe("a guide edited around a build", () => {
  it("after one build and before the next is rendered again, never kept", async () => {
    const site = path.join(root, "edited");
    expectBuilt(await build({ input, output: site, cacheDir }));
    await writeSummary("Summary after the first build.");
    const run = await build({ input, output: site, cacheDir });
    expectBuilt(run);
    expect(run.out).not.toContain("nothing changed");
    expect(await siteContains(site, "Summary after the first build.")).toBe(true);
    await expectSameAsFresh(site, input, root);
  }, 30_000);

  it("between the digest and the load gives a site of the bytes digested, so no later build keeps a stale site", async () => {
    const site = path.join(root, "mid-build");
    expectBuilt(await build({ input, output: site, cacheDir }));
    await writeSummary("Summary A.");
    // Read as A; changed to B before the load.
    hook.afterRead = () => writeSummary("Summary B.");
    expectBuilt(await build({ input, output: site, cacheDir }));
    hook.afterRead = null;
    expect(await siteContains(site, "Summary A.")).toBe(true);
    expect(await siteContains(site, "Summary B.")).toBe(false);
    // Back to A: the build may keep the site, since it is A's.
    await writeSummary("Summary A.");
    expectBuilt(await build({ input, output: site, cacheDir }));
    await expectSameAsFresh(site, input, root);
    // B again: not what the site was made of, so rendered.
    await writeSummary("Summary B.");
    const run = await build({ input, output: site, cacheDir });
    expect(run.out).not.toContain("nothing changed");
    await expectSameAsFresh(site, input, root);
  }, 30_000);

  it("after it was read changes nothing the load sees: no file is read twice", async () => {
    const read = await readInputs([input]);
    const expected = await loadInputs(read);
    const copy = path.join(root, "gone");
    await mkdir(copy);
    await rename(input, path.join(copy, "input"));
    try {
      const again = await loadInputs(read);
      expect(JSON.stringify(again.roles)).toBe(JSON.stringify(expected.roles));
      expect(toDiagnostics(again.files)).toEqual(toDiagnostics(expected.files));
      expect(again.roles[0]!.summary).toContain(SUMMARY);
    } finally {
      await rename(path.join(copy, "input"), input);
    }
  });
});

describe("a guide swapped for a symbolic link after its folder was listed", () => {
  let outside: string;
  beforeAll(async () => {
    outside = path.join(root, "outside");
    await mkdir(outside);
    await writeFile(path.join(outside, GUIDE), "# Secret Engineer\n\n## Overview\nOutside the input folder.\n");
  });

  it("is not followed outside the folder: skipped with input-outside, and its target never read", async () => {
    const folder = path.join(root, "swapped");
    await mkdir(folder);
    await writeFile(path.join(folder, GUIDE), original);
    const collected = await collectInputs([folder]);
    expect(collected.paths).toEqual([path.join(folder, GUIDE)]);
    await rm(path.join(folder, GUIDE));
    await symlink(path.join(outside, GUIDE), path.join(folder, GUIDE));
    const read = await readCollected(collected);
    expect(read.files[0]!.bytes).toBeNull();
    const loaded = await loadInputs(read);
    expect(toDiagnostics(loaded.files)).toEqual([expect.objectContaining({ ruleId: "input-outside", severity: "warning", line: 1 })]);
    expect(JSON.stringify(loaded.roles)).not.toContain("Secret");
  });

  it("is not followed outside when a folder on its path becomes the link", async () => {
    const folder = path.join(root, "swapped-folder");
    await mkdir(path.join(folder, "sub"), { recursive: true });
    await writeFile(path.join(folder, "sub", GUIDE), original);
    const collected = await collectInputs([folder]);
    await rename(path.join(folder, "sub"), path.join(root, "sub-moved"));
    await symlink(outside, path.join(folder, "sub"));
    const loaded = await loadInputs(await readCollected(collected));
    expect(toDiagnostics(loaded.files).map((d) => d.ruleId)).toEqual(["input-outside"]);
    expect(JSON.stringify(loaded.roles)).not.toContain("Secret");
  });

  it("is still read when the link leads to a file inside the folder", async () => {
    const folder = path.join(root, "swapped-inside");
    await mkdir(folder);
    await writeFile(path.join(folder, GUIDE), original);
    await writeFile(path.join(folder, "copy.txt"), original);
    const collected = await collectInputs([folder]);
    await rm(path.join(folder, GUIDE));
    await symlink(path.join(folder, "copy.txt"), path.join(folder, GUIDE));
    const loaded = await loadInputs(await readCollected(collected));
    // Only the infos the guide always gets (its plans start at roles no other guide describes).
    expect(toDiagnostics(loaded.files).filter((d) => d.severity !== "info")).toEqual([]);
    expect(loaded.roles[0]!.summary).toContain(SUMMARY);
  });
});

describe("a guide opened once", () => {
  it("swapped for a pipe after listing is refused without waiting for a writer", async () => {
    const folder = path.join(root, "piped");
    await mkdir(folder);
    await writeFile(path.join(folder, GUIDE), original);
    const collected = await collectInputs([folder]);
    await rm(path.join(folder, GUIDE));
    try {
      execFileSync("mkfifo", [path.join(folder, GUIDE)]);
    } catch {
      return; // no mkfifo here (Windows)
    }
    const loaded = await loadInputs(await readCollected(collected));
    expect(toDiagnostics(loaded.files)).toEqual([expect.objectContaining({ ruleId: "read-failed", severity: "error" })]);
    expect(loaded.files[0]!.messages[0]!.reason).toContain("not a regular file");
  });

  it("over the size limit (a low one here) is refused on the handle, unread", async () => {
    const file = path.join(root, "big.md");
    await writeFile(file, "# Big\n\n" + "x".repeat(200));
    const read = await readBytes(file, { maxBytes: 100 });
    expect(read.bytes).toBeNull();
    expect(read.file?.messages.map((m) => m.ruleId)).toEqual(["file-too-large"]);
    const whole = await readBytes(file, { maxBytes: 207 });
    expect(whole.bytes?.length).toBe(207);
  });
});
