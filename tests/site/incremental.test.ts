/**
 * Builds that reuse the previous site: with the cache on, a build with nothing changed leaves the
 * site as it is, and any other renders only the pages whose data changed. Whatever was kept, the
 * site is byte for byte the one a build from scratch (`--no-cache`) makes of the same input, and
 * the previous site is never written through the links that carry its files over.
 */
import { cp, link, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runBuild } from "../../src/cli.ts";
import { manifestPath } from "../../src/site/manifest.ts";
import { Capture, listFiles, tempDir } from "./helpers.ts";
import { contents, expectBuilt } from "../hostile/sites.ts";

const SEEDS = fileURLToPath(new URL("../../seeds/", import.meta.url));
const CORPUS = fileURLToPath(new URL("../fixtures/corpus/", import.meta.url));
const TRANSITIONS = "machine-learning-engineer-transitions.md";
const ROLE_PAGE = "roles/machine-learning-engineer/index.html";

let root: string;
let input: string;
let cacheDir: string;

interface Run {
  code: number;
  out: string;
  err: string;
}

async function build(output: string, options: { cache?: boolean; inPlace?: boolean } = {}): Promise<Run> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runBuild({ inputs: [input], output, stdout, stderr, cache: options.cache ?? true, cacheDir, inPlace: options.inPlace });
  return { code, out: stdout.text, err: stderr.text };
}


/** Asserts that `site` is, file for file and byte for byte, what a build from scratch makes now. */
async function expectSameAsFresh(site: string): Promise<void> {
  const fresh = path.join(root, `fresh-${Math.random().toString(36).slice(2)}`);
  expectBuilt(await build(fresh, { cache: false }));
  const expected = await contents(fresh);
  const actual = await contents(site);
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [file, bytes] of expected) expect(actual.get(file)!.equals(bytes), file).toBe(true);
  await rm(fresh, { recursive: true, force: true });
}

async function edit(name: string, change: (text: string) => string): Promise<void> {
  const file = path.join(input, name);
  await writeFile(file, change(await readFile(file, "utf8")));
}

beforeAll(async () => {
  root = await tempDir("career-atlas-incremental-");
  input = path.join(root, "input");
  cacheDir = path.join(root, "cache");
  await mkdir(input);
  await cp(SEEDS, input, { recursive: true });
  for (const name of ["gravitational-sre-levels.md", "karm-ml-engineer.md", "monzo-data-engineering.md"]) await cp(path.join(CORPUS, name), path.join(input, name));
});

describe("a build after a build", () => {
  it("with nothing changed keeps the site as it is, and says so with the same messages", async () => {
    const site = path.join(root, "same");
    const first = await build(site);
    expectBuilt(first);
    const before = await stat(path.join(site, ROLE_PAGE));
    const second = await build(site);
    expectBuilt(second);
    // Three roles: karm's "ML Engineer" is the seeds' "Machine Learning Engineer" (alias-merged).
    expect(second.out).toMatch(/^Built 3 roles, \d+ pages, \d+ warnings? in \d+\.\d\d s \(nothing changed: the site was kept as it was\)/);
    expect(second.out.match(/\d+ pages/)![0]).toBe(first.out.match(/\d+ pages/)![0]);
    expect(second.err).toBe(first.err);
    const after = await stat(path.join(site, ROLE_PAGE));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  }, 120_000);

  it("after an edit renders the changed pages alone, never writes through a kept file, and matches a build from scratch", async () => {
    const site = path.join(root, "edit");
    expectBuilt(await build(site));
    // A second name for the previous role page: had the build written through a link, it would change.
    const witness = path.join(root, "witness.html");
    await link(path.join(site, ROLE_PAGE), witness);
    const old = await readFile(witness, "utf8");
    await edit(TRANSITIONS, (text) => text.replace("## Overview\n", "## Overview\nA sentence added to the overview.\n"));
    const run = await build(site);
    expectBuilt(run);
    const [, rendered, kept] = /; (\d+) rendered, (\d+) kept from the previous build\)/.exec(run.out) ?? [];
    // The role's two pages and the whole-catalog pages (home, skill index, progression, search, my progress, 404).
    expect(Number(rendered)).toBe(8);
    expect(Number(kept)).toBeGreaterThan(50);
    expect(await readFile(path.join(site, ROLE_PAGE), "utf8")).toContain("A sentence added to the overview.");
    expect(await readFile(witness, "utf8")).toBe(old);
    await expectSameAsFresh(site);
  }, 120_000);

  it("drops the pages of a removed guide and adds those of a new one", async () => {
    const site = path.join(root, "remove");
    expectBuilt(await build(site));
    expect(await listFiles(site)).toContain("roles/site-reliability-engineer/index.html");
    await rm(path.join(input, "gravitational-sre-levels.md"));
    const run = await build(site);
    expectBuilt(run);
    expect(run.out).toMatch(/^Built 2 roles/);
    expect(await listFiles(site)).not.toContain("roles/site-reliability-engineer/index.html");
    await expectSameAsFresh(site);
    await cp(path.join(CORPUS, "gravitational-sre-levels.md"), path.join(input, "gravitational-sre-levels.md"));
    expect((await build(site)).out).toMatch(/^Built 3 roles/);
    await expectSameAsFresh(site);
  }, 180_000);

  it("writes a page again that was deleted from the site by hand", async () => {
    const site = path.join(root, "deleted");
    expectBuilt(await build(site));
    await rm(path.join(site, "skills", "pytorch", "index.html"));
    await edit(TRANSITIONS, (text) => `${text}\n`);
    expectBuilt(await build(site));
    await expectSameAsFresh(site);
  }, 120_000);

  it("in place (serve's rebuilds) gives the same site", async () => {
    const site = path.join(root, "in-place");
    expectBuilt(await build(site));
    await edit(TRANSITIONS, (text) => text.replace("## Overview\n", "## Overview\nEdited in place.\n"));
    await rm(path.join(input, "monzo-data-engineering.md"));
    const run = await build(site, { inPlace: true });
    expectBuilt(run);
    expect(run.out).toMatch(/ rendered, \d+ kept from the previous build\)/);
    await expectSameAsFresh(site);
    await cp(path.join(CORPUS, "monzo-data-engineering.md"), path.join(input, "monzo-data-engineering.md"));
  }, 180_000);

  it("renders everything when the site was replaced by another build, or its manifest is unreadable", async () => {
    const site = path.join(root, "replaced");
    expectBuilt(await build(site));
    // A --no-cache build swaps in a new folder and writes no manifest: the one kept no longer matches.
    expectBuilt(await build(site, { cache: false }));
    await edit(TRANSITIONS, (text) => `${text}\n\n`);
    expect((await build(site)).out).not.toMatch(/kept from the previous build|nothing changed/);
    await writeFile(manifestPath(cacheDir, site), "{ not json");
    await edit(TRANSITIONS, (text) => `${text}\n`);
    expect((await build(site)).out).not.toMatch(/kept from the previous build|nothing changed/);
    await expectSameAsFresh(site);
  }, 180_000);
});
