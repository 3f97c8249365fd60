/**
 * Shared by the tests of tampered build state (cache entries, manifests, inputs changed mid-build):
 * a small input folder, builds with their output captured, and the check that a site is byte for
 * byte what a build from scratch (`--no-cache`) makes of the same input.
 */
import { cp, mkdir, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { runBuild } from "../../src/cli.ts";
import type { Session } from "../../src/site/build.ts";
import { Capture, listFiles } from "../site/helpers.ts";

const SEEDS = fileURLToPath(new URL("../../seeds/", import.meta.url));

/** The guides the tests build: the two seeds (one role). */
export async function makeInput(root: string): Promise<string> {
  const input = path.join(root, "input");
  await mkdir(input, { recursive: true });
  await cp(SEEDS, input, { recursive: true });
  return input;
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

export interface BuildWith {
  input: string;
  output: string;
  /** The cache folder; none for a `--no-cache` build. */
  cacheDir?: string | null;
  session?: Session;
  inPlace?: boolean;
}

export async function build(options: BuildWith): Promise<Run> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runBuild({
    inputs: [options.input],
    output: options.output,
    stdout,
    stderr,
    cache: options.cacheDir != null,
    cacheDir: options.cacheDir ?? undefined,
    session: options.session,
    inPlace: options.inPlace,
    deferSearch: options.inPlace,
  });
  return { code, out: stdout.text, err: stderr.text };
}

/** Asserts that a build succeeded; when it did not, the assertion shows what it printed. */
export function expectBuilt(run: Run): void {
  expect(run.code, `the build exited ${run.code}:\n${run.err}${run.out}`).toBe(0);
}

/** Every file of `site` with its bytes. */
export async function contents(site: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const file of await listFiles(site)) out.set(file, await readFile(path.join(site, file)));
  return out;
}

/** Asserts that `site` is, file for file and byte for byte, what a `--no-cache` build of `input` makes now. */
export async function expectSameAsFresh(site: string, input: string, root: string): Promise<void> {
  const fresh = path.join(root, `fresh-${Math.random().toString(36).slice(2)}`);
  expectBuilt(await build({ input, output: fresh }));
  const expected = await contents(fresh);
  const actual = await contents(site);
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [file, bytes] of expected) expect(actual.get(file)!.equals(bytes), file).toBe(true);
  await rm(fresh, { recursive: true, force: true });
}

/** Whether any file of `site` contains `text`. */
export async function siteContains(site: string, text: string): Promise<boolean> {
  for (const bytes of (await contents(site)).values()) if (bytes.includes(text)) return true;
  return false;
}

/** The cache entry files under `cacheDir` (not the site manifests). */
export async function entryFiles(cacheDir: string): Promise<string[]> {
  const names = await readdir(cacheDir, { recursive: true });
  return names
    .filter((name) => name.endsWith(".json") && !name.startsWith(`sites${path.sep}`))
    .map((name) => path.join(cacheDir, name))
    .sort();
}
