import { describe, expect, it } from "vitest";
import { buildCatalog, type Catalog } from "../../src/catalog/index.ts";
import { loadRoles } from "../../src/load.ts";
import { collectGarbage } from "../../src/site/memory.ts";
import { renderSite } from "../../src/site/render-runs.ts";
import { seedsDir } from "../seeds.ts";
import { tempDir } from "./helpers.ts";

describe("collectGarbage", () => {
  it("collects what is no longer reachable, without --expose-gc on the command line", () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let garbage: string[] | null = Array.from({ length: 200_000 }, (_, i) => `item ${i} ${"x".repeat(i % 50)}`);
    expect(process.memoryUsage().heapUsed - before).toBeGreaterThan(10_000_000);
    garbage = null;
    collectGarbage();
    expect(garbage).toBeNull();
    // Within a few MB of where it started: the 200,000 strings are gone.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(5_000_000);
  });
});

describe("a render's memory", () => {
  it("is no longer held once the render is done: Eleventy's caches keep no catalog", async () => {
    const { roles } = await loadRoles([seedsDir]);
    const render = async (): Promise<WeakRef<Catalog>> => {
      const catalog = buildCatalog(roles);
      await renderSite(catalog, await tempDir("career-atlas-memory-"), () => {}, { workers: 0 });
      return new WeakRef(catalog);
    };
    const first = await render();
    // A second run in the same process, as serve makes: the first run's catalog is not kept by it either.
    const second = await render();
    // A WeakRef holds its target until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(first.deref()).toBeUndefined();
    expect(second.deref()).toBeUndefined();
  });
});
