import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus.ts";
import { decodeEntry, encodeEntry } from "../../src/cache/entry.ts";
import { EntryStore } from "../../src/cache/store.ts";
import { main } from "../../src/cli.ts";
import { Loader, loadRoles } from "../../src/load.ts";
import { toDiagnostics } from "../../src/model/diagnostics.ts";
import { runBuild } from "../../src/cli.ts";
import { programVersion } from "../../src/version.ts";
import { Capture, listFiles, tempDir } from "../site/helpers.ts";

let root: string;
let input: string;

/** Every file under `dir` (recursively) that is a cache entry. */
async function entries(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true })).filter((name) => name.endsWith(".json")).map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

beforeAll(async () => {
  root = await tempDir("career-atlas-cache-");
  input = path.join(root, "guides");
  await mkdir(input);
  // The seeds (a mojibake warning) and a small generated corpus (plans from unknown roles: infos placed by load).
  await cp("seeds", input, { recursive: true });
  await generateCorpus({ roles: 12, seed: 3, dir: path.join(input, "generated") });
}, 60_000);

describe("the store through loadRoles", () => {
  it("hits on unchanged content, with the same roles and diagnostics as no cache", async () => {
    const dir = path.join(root, "c1");
    const plain = await loadRoles([input]);
    const cold = new Loader({ store: new EntryStore(dir) });
    const first = await loadRoles([input], { loader: cold });
    expect(cold.store?.stats.hits).toBe(0);
    expect(cold.store?.stats.writes).toBe(first.files.length);
    expect(cold.loads).toEqual({ inline: first.files.length, workers: 0 });
    // The stages' times count the files parsed: all of them cold, none warm.
    const coldStages = cold.takeStages();
    expect(coldStages.parse).toBeGreaterThan(0);
    expect(coldStages.validate).toBeGreaterThan(0);
    const warm = new Loader({ store: new EntryStore(dir) });
    const second = await loadRoles([input], { loader: warm });
    expect(warm.store?.stats).toEqual({ hits: first.files.length, misses: 0, writes: 0 });
    expect(warm.loads).toEqual({ inline: 0, workers: 0 });
    expect(warm.takeStages()).toEqual({ read: 0, parse: 0, extract: 0, validate: 0 });
    for (const result of [first, second]) {
      expect(JSON.parse(JSON.stringify(result.roles))).toEqual(JSON.parse(JSON.stringify(plain.roles)));
      expect(toDiagnostics(result.files)).toEqual(toDiagnostics(plain.files));
    }
    expect(toDiagnostics(second.files).some((d) => d.ruleId === "mojibake-repaired")).toBe(true);
    expect(toDiagnostics(second.files).some((d) => d.ruleId === "transition-from-unknown")).toBe(true);
  });

  it("misses on changed content", async () => {
    const dir = path.join(root, "c2");
    const one = path.join(root, "one");
    await cp(path.join(input, "machine-learning-engineer-transitions.md"), path.join(one, "ml.md"), { recursive: true });
    await loadRoles([one], { loader: new Loader({ store: new EntryStore(dir) }) });
    const file = path.join(one, "ml.md");
    await writeFile(file, `${await readFile(file, "utf8")}\nOne more line.\n`);
    const store = new EntryStore(dir);
    await loadRoles([one], { loader: new Loader({ store }) });
    expect(store.stats).toMatchObject({ hits: 0, misses: 1, writes: 1 });
  });

  it("misses on an entry written by another program version, and tolerates a corrupt entry", async () => {
    const dir = path.join(root, "c3");
    const plain = await loadRoles([input]);
    await loadRoles([input], { loader: new Loader({ store: new EntryStore(dir) }) });
    const [first, second] = (await entries(dir)).sort();
    const entry = decodeEntry(await readFile(first!, "utf8"));
    expect(entry?.version).toBe(programVersion());
    await writeFile(first!, encodeEntry({ ...entry!, version: "0".repeat(64) }));
    await writeFile(second!, "{ not json");
    const store = new EntryStore(dir);
    const result = await loadRoles([input], { loader: new Loader({ store }) });
    expect(store.stats.misses).toBe(2);
    expect(store.stats.writes).toBe(2);
    expect(toDiagnostics(result.files)).toEqual(toDiagnostics(plain.files));
    expect(JSON.parse(JSON.stringify(result.roles))).toEqual(JSON.parse(JSON.stringify(plain.roles)));
  });
});

describe("loading in worker threads", () => {
  it("gives the same roles and diagnostics as loading in this thread", async () => {
    const many = path.join(root, "many");
    await generateCorpus({ roles: 70, seed: 5, dir: many });
    const plain = await loadRoles([many]);
    const store = new EntryStore(null);
    const loader = new Loader({ store, workers: 2 });
    let loaded = 0;
    try {
      const parallel = await loadRoles([many], { loader });
      loaded = parallel.files.length;
      expect(JSON.parse(JSON.stringify(parallel.roles))).toEqual(JSON.parse(JSON.stringify(plain.roles)));
      expect(toDiagnostics(parallel.files)).toEqual(toDiagnostics(plain.files));
    } finally {
      await loader.close();
    }
    // Enough misses to pay for the workers, known before the first runs: every file loaded once, in a worker.
    expect(loader.loads).toEqual({ inline: 0, workers: loaded });
    // No cache folder: nothing read or written.
    expect(store.stats).toEqual({ hits: 0, misses: 0, writes: 0 });
  }, 60_000);
});

describe("career-atlas build and the cache", () => {
  it("--no-cache neither reads nor writes the cache; a cached build's output is byte-identical", async () => {
    const dir = path.join(root, "cli-cache");
    const previous = process.env.CAREER_ATLAS_CACHE_DIR;
    process.env.CAREER_ATLAS_CACHE_DIR = dir;
    try {
      const io = { stdout: new Capture(), stderr: new Capture() };
      const plain = path.join(root, "site-plain");
      expect(await main(["build", "--no-cache", "--input", input, "--output", plain], io)).toBe(0);
      expect(await entries(dir)).toEqual([]);
      const cold = path.join(root, "site-cold");
      expect(await main(["build", "--input", input, "--output", cold], io)).toBe(0);
      const written = await entries(dir);
      expect(written.length).toBeGreaterThan(0);
      // A corrupt entry is not read by --no-cache either: the build still succeeds and leaves it be.
      await writeFile(written[0]!, "garbage");
      expect(await main(["build", "--no-cache", "--input", input, "--output", plain], io)).toBe(0);
      expect(await readFile(written[0]!, "utf8")).toBe("garbage");
      const warm = path.join(root, "site-warm");
      expect(await runBuild({ inputs: [input], output: warm, cache: true, ...io })).toBe(0);
      const files = (await listFiles(plain)).filter((f) => !f.startsWith("pagefind/"));
      expect((await listFiles(warm)).filter((f) => !f.startsWith("pagefind/"))).toEqual(files);
      for (const file of files) {
        for (const other of [cold, warm]) expect(await readFile(path.join(other, file)), file).toEqual(await readFile(path.join(plain, file)));
      }
    } finally {
      if (previous === undefined) delete process.env.CAREER_ATLAS_CACHE_DIR;
      else process.env.CAREER_ATLAS_CACHE_DIR = previous;
    }
  }, 120_000);
});
