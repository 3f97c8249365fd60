/**
 * A tampered build cache is never trusted: an entry that is truncated, of the wrong types, or made
 * from other bytes than those now on disk is a miss, replaced by the fresh result, and the site is
 * byte for byte the one a `--no-cache` build makes.
 */
import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeEntry, encodeEntry, type Entry } from "../../src/cache/entry.ts";
import { EntryStore } from "../../src/cache/store.ts";
import { Loader, loadRoles } from "../../src/load.ts";
import { toDiagnostics } from "../../src/model/diagnostics.ts";
import { tempDir } from "./helpers.ts";
import { build, entryFiles, expectBuilt, expectSameAsFresh, makeInput, siteContains } from "./sites.ts";

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Stores `data` as an entry file, with a valid checksum, whatever its shape: what a forger can write. */
async function store(file: string, data: unknown): Promise<void> {
  const json = JSON.stringify(data);
  await writeFile(file, `${sha256(json)}\n${json}`);
}

let root: string;
let input: string;
let cacheDir: string;
/** The entry file of each input file, by the input's name. */
let entryOf: Map<string, string>;
let original: Map<string, Entry>;

beforeAll(async () => {
  root = await tempDir("career-atlas-hostile-cache-");
  input = await makeInput(root);
  cacheDir = path.join(root, "cache");
  expectBuilt(await build({ input, output: path.join(root, "first"), cacheDir }));
  entryOf = new Map();
  original = new Map();
  for (const file of await entryFiles(cacheDir)) {
    const entry = decodeEntry(await readFile(file, "utf8"))!;
    entryOf.set(path.basename(entry.path), file);
    original.set(path.basename(entry.path), entry);
  }
  expect([...entryOf.keys()].sort()).toEqual(["machine-learning-engineer-levels.md", "machine-learning-engineer-transitions.md"]);
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

const LEVELS = "machine-learning-engineer-levels.md";
const TRANSITIONS = "machine-learning-engineer-transitions.md";

describe("a tampered cache entry", () => {
  it("written by the forger's helper is byte for byte what the cache writes (so the checksum is not what the tests below trip)", async () => {
    const file = entryOf.get(LEVELS)!;
    const stored = await readFile(file, "utf8");
    await store(file, original.get(LEVELS));
    expect(await readFile(file, "utf8")).toBe(stored);
    expect(encodeEntry(original.get(LEVELS)!)).toBe(stored);
  });

  it("corrupt (truncated JSON, or a byte changed under a stale checksum), poisoned (wrong types) or forged (another content's hash) is a miss, and replaced", async () => {
    const levels = original.get(LEVELS)!;
    const transitions = original.get(TRANSITIONS)!;
    // Corrupt: cut in the middle.
    const stored = await readFile(entryOf.get(LEVELS)!, "utf8");
    await writeFile(entryOf.get(LEVELS)!, stored.slice(0, stored.length >> 1));
    // Poison: a valid checksum over an entry whose role has skills of the wrong type (once made
    // every later build fail with "role.skills.forEach is not a function").
    await store(entryOf.get(TRANSITIONS)!, { ...transitions, roles: transitions.roles.map((r) => ({ ...r, role: { ...r.role, skills: 5 } })) });
    const plain = await loadRoles([input]);
    let entries = new EntryStore(cacheDir);
    let loaded = await loadRoles([input], { loader: new Loader({ store: entries }) });
    expect(entries.stats).toEqual({ hits: 0, misses: 2, writes: 2 });
    expect(JSON.parse(JSON.stringify(loaded.roles))).toEqual(JSON.parse(JSON.stringify(plain.roles)));
    expect(toDiagnostics(loaded.files)).toEqual(toDiagnostics(plain.files));
    // Replaced by the fresh result.
    expect(decodeEntry(await readFile(entryOf.get(LEVELS)!, "utf8"))).toEqual(levels);
    expect(decodeEntry(await readFile(entryOf.get(TRANSITIONS)!, "utf8"))).toEqual(transitions);

    // Forged: the right shape and a valid checksum, a summary of the forger's, and the hash of other bytes.
    const forged = (entry: Entry): Entry => ({ ...entry, content: sha256("other bytes"), roles: entry.roles.map((r) => ({ ...r, role: { ...r.role, summary: "FORGED SUMMARY" } })) });
    await writeFile(entryOf.get(LEVELS)!, encodeEntry(forged(levels)));
    // A changed byte under the checksum of the original: corruption, whatever the content.
    await writeFile(entryOf.get(TRANSITIONS)!, stored.slice(0, 65) + JSON.stringify(forged(transitions)));
    entries = new EntryStore(cacheDir);
    loaded = await loadRoles([input], { loader: new Loader({ store: entries }) });
    expect(entries.stats).toEqual({ hits: 0, misses: 2, writes: 2 });
    expect(JSON.stringify(loaded.roles)).not.toContain("FORGED");
    expect(decodeEntry(await readFile(entryOf.get(LEVELS)!, "utf8"))).toEqual(levels);
  });

  it("never reaches the site: a build over each kind of tampered entry is byte for byte a --no-cache build", async () => {
    const levels = original.get(LEVELS)!;
    const transitions = original.get(TRANSITIONS)!;
    const poisoned = { ...transitions, roles: transitions.roles.map((r) => ({ ...r, role: { ...r.role, skills: "not a list" } })) };
    const forged = { ...levels, content: sha256("other bytes"), roles: levels.roles.map((r) => ({ ...r, role: { ...r.role, summary: "FORGED SUMMARY" } })) };
    const cases: [string, () => Promise<void>][] = [
      ["corrupt", () => writeFile(entryOf.get(LEVELS)!, encodeEntry(levels).slice(0, 100))],
      ["poisoned", () => store(entryOf.get(TRANSITIONS)!, poisoned)],
      ["forged", () => store(entryOf.get(LEVELS)!, forged)],
    ];
    for (const [name, tamper] of cases) {
      await tamper();
      // A new output folder: no manifest, so the build loads every file through the cache.
      const site = path.join(root, `site-${name}`);
      const run = await build({ input, output: site, cacheDir });
      expect(run.code, run.err).toBe(0);
      expect(await siteContains(site, "FORGED"), name).toBe(false);
      await expectSameAsFresh(site, input, root);
      // And the next build, which reads the entry the last one wrote, is a clean hit.
      const entries = new EntryStore(cacheDir);
      await loadRoles([input], { loader: new Loader({ store: entries }) });
      expect(entries.stats, name).toEqual({ hits: 2, misses: 0, writes: 0 });
    }
  }, 60_000);
});
