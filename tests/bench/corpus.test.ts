import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusFiles, generateCorpus, mulberry32, VOCABULARY, type Corpus } from "../../bench/corpus.ts";
import { loadRoles } from "../../src/load.ts";
import { toSlug } from "../../src/model/slug.ts";

describe("bench corpus", () => {
  let root: string;
  let first: Corpus;
  let second: Corpus;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "career-atlas-corpus-test-"));
    first = await generateCorpus({ roles: 20, seed: 7, dir: path.join(root, "one") });
    second = await generateCorpus({ roles: 20, seed: 7, dir: path.join(root, "two") });
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("writes byte-identical files for the same seed", async () => {
    const names = (await readdir(first.dir)).sort();
    expect(names).toHaveLength(20);
    expect((await readdir(second.dir)).sort()).toEqual(names);
    for (const name of names) {
      expect((await readFile(path.join(second.dir, name))).equals(await readFile(path.join(first.dir, name)))).toBe(true);
    }
  });

  it("gives another corpus for another seed", () => {
    expect(corpusFiles({ roles: 20, seed: 8 }).map((f) => f.text)).not.toEqual(first.files.map((f) => f.text));
  });

  it("gives every title its own slug, and the file its name", () => {
    const files = corpusFiles({ roles: 500, seed: 7 });
    const slugs = files.map((f) => toSlug(f.title));
    expect(new Set(slugs).size).toBe(500);
    for (const file of files) {
      expect(file.slug).toBe(toSlug(file.title));
      expect(file.name).toBe(`${file.slug}.md`);
    }
  });

  it("writes half the files in each seed shape, 1–5 KB each", () => {
    expect(first.files.filter((f) => f.shape === "transitions")).toHaveLength(10);
    expect(first.files.filter((f) => f.shape === "levels")).toHaveLength(10);
    const transitions = first.files.find((f) => f.shape === "transitions")!.text;
    expect(transitions).toMatch(/^## Transition Paths$/m);
    expect(transitions).toMatch(/^\*\*Months? \d+(?:-\d+)?\*\*: /m);
    const levels = first.files.find((f) => f.shape === "levels")!.text;
    expect(levels).toMatch(/^#### \*\*Must-Have:\*\*$/m);
    expect(levels).toMatch(/^#### \*\*Good-to-Have:\*\*$/m);
    expect(levels).toMatch(/^## 🚀 Career Growth Path$/m);
    for (const file of first.files) {
      const bytes = Buffer.byteLength(file.text);
      expect(bytes).toBeGreaterThan(1024);
      expect(bytes).toBeLessThan(5 * 1024);
    }
  });

  it("loads as 20 roles with no diagnostics but plans from roles outside the corpus", async () => {
    const { roles, files } = await loadRoles([first.dir]);
    expect(roles).toHaveLength(20);
    const problems = files.flatMap((file) => file.messages.filter((m) => m.ruleId !== "transition-from-unknown"));
    expect(problems.map((m) => `${m.file}:${m.line} ${m.ruleId} ${m.reason}`)).toEqual([]);
    expect(roles.some((r) => r.levels.length > 0 && r.growth.length > 0)).toBe(true);
    expect(roles.some((r) => r.transitions.length > 0 && r.ladders.length > 0)).toBe(true);
  });

  it("draws on one shared vocabulary of about 300 skills", () => {
    expect(VOCABULARY.length).toBeGreaterThanOrEqual(280);
    const uses = new Map<string, number>();
    for (const file of corpusFiles({ roles: 200, seed: 3 })) {
      for (const name of VOCABULARY) {
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        if (new RegExp(`(?<![\\w.])${escaped}(?![\\w+#])`).test(file.text)) uses.set(name, (uses.get(name) ?? 0) + 1);
      }
    }
    const counts = [...uses.values()].sort((a, b) => b - a);
    // Zipf-like: the commonest skills appear in many roles, the tail in few.
    expect(counts[0]).toBeGreaterThan(40);
    expect(counts[counts.length - 1]).toBeLessThan(10);
  });

  it("has a seeded PRNG that repeats itself", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
