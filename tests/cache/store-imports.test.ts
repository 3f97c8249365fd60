/**
 * The store knows nothing of loading: no module of `src/cache/` reaches, through its imports (type
 * imports and worker URLs included), the loader, its pool and workers, or the stages.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve("src");
const LOADING = ["load.ts", "load", "stages.ts", "read", "parse", "extract"].map((at) => path.join(SRC, at));

/** Static and dynamic imports, re-exports, and `new URL("…", import.meta.url)` (a worker's entry). */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bnew\s+URL\s*\(\s*)["']([^"']+)["']/g;

/** The files of `src/` that `start` reaches through relative imports, `start` included. */
function reached(start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
      if (!specifier!.startsWith(".")) continue;
      const target = path.resolve(path.dirname(file), specifier!);
      // Files only: a URL of a folder (`new URL("./", import.meta.url)`, a root to hash) runs no code.
      if (statSync(target, { throwIfNoEntry: false })?.isFile()) visit(target);
    }
  };
  visit(start);
  return seen;
}

const isLoading = (file: string): boolean => LOADING.some((at) => file === at || file.startsWith(at + path.sep));
const cacheModules = readdirSync(path.join(SRC, "cache")).map((name) => path.join(SRC, "cache", name));

describe("src/cache", () => {
  it("has modules to check", () => {
    expect(cacheModules.map((file) => path.basename(file))).toContain("store.ts");
  });

  it.each(cacheModules.map((file) => [path.relative(SRC, file), file]))("%s reaches no loading code", (_name, file) => {
    expect([...reached(file)].filter(isLoading).map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it("is what the check would catch: the loader itself reaches the stages, its pool and its worker", () => {
    const fromLoader = [...reached(path.join(SRC, "load", "loader.ts"))].map((f) => path.relative(SRC, f));
    expect(fromLoader).toEqual(expect.arrayContaining(["stages.ts", path.join("load", "pool.ts"), path.join("load", "worker.mjs"), path.join("load", "worker.ts")]));
    expect(fromLoader.some((f) => f.startsWith(`read${path.sep}`))).toBe(true);
  });
});
