/**
 * Rendering in runs across threads: a site cut into many runs, shared between the main thread and
 * a worker, is byte for byte the site one thread renders, and a run that fails in the worker fails
 * the render with the system's error, once no run is writing any more.
 */
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, type Catalog } from "../../src/catalog/index.ts";
import { selectAll } from "../../src/site/groups.ts";
import { batches, catalogForRun, renderSite } from "../../src/site/render-runs.ts";
import { loadRealRoles } from "../catalog/real-roles.ts";
import { contents } from "../hostile/sites.ts";
import { tempDir } from "./helpers.ts";

let catalog: Catalog;
let root: string;
beforeAll(async () => {
  catalog = buildCatalog(await loadRealRoles());
  root = await tempDir("career-atlas-runs-");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("batches", () => {
  it("cuts the selection into runs of at most the given size, the whole-catalog pages in the first, every item once", () => {
    const parts = batches(selectAll(catalog), 20);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.map((p) => p.site)).toEqual([true, ...parts.slice(1).map(() => false)]);
    for (const [i, part] of parts.entries()) {
      const files = part.roles.length * 3 + part.plans.length + part.skills.length + (part.site ? 6 : 0);
      expect(files, `run ${i}`).toBeLessThanOrEqual(20);
    }
    expect(parts.flatMap((p) => p.roles)).toEqual(catalog.roles);
    expect(parts.flatMap((p) => p.plans)).toEqual(catalog.plans);
    expect(parts.flatMap((p) => p.skills)).toEqual(catalog.skills);
  });

  it("gives a worker's run only its own items of the catalog", () => {
    const part = batches(selectAll(catalog), 20)[2]!;
    const thin = catalogForRun(catalog, part);
    expect(thin.roles).toEqual(part.roles);
    expect(thin.skills).toEqual(part.skills);
    expect(thin.letters).toEqual([]);
    expect(thin.progression.nodes).toEqual([]);
  });
});

describe("rendering across threads", () => {
  // The site as the main thread alone renders it, in the same runs.
  const serialLog: string[] = [];
  let serial: Awaited<ReturnType<typeof renderSite>>;
  beforeAll(async () => {
    serial = await renderSite(catalog, path.join(root, "serial"), (m) => serialLog.push(m), { workers: 0, filesPerRun: 40 });
  });

  it("writes the same files, bytes and warnings as one thread, in the same order", async () => {
    const parallelLog: string[] = [];
    const parallel = await renderSite(catalog, path.join(root, "parallel"), (m) => parallelLog.push(m), { workers: 1, filesPerRun: 40 });
    expect(batches(selectAll(catalog), 40).length).toBeGreaterThan(4);
    expect(parallel).toEqual(serial);
    expect(parallelLog).toEqual(serialLog);
    const expected = await contents(path.join(root, "serial"));
    const actual = await contents(path.join(root, "parallel"));
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    expect(expected.size).toBeGreaterThan(100);
    for (const [file, bytes] of expected) expect(actual.get(file)!.equals(bytes), file).toBe(true);
  });

  it("renders in the main thread the runs of a worker that cannot run (here, out of memory as it starts)", async () => {
    const expected = await contents(path.join(root, "serial"));
    const done = await renderSite(catalog, path.join(root, "starved"), () => {}, { workers: 1, filesPerRun: 40, workerLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 } });
    const actual = await contents(path.join(root, "starved"));
    expect(done.pages).toBeGreaterThan(0);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [file, bytes] of expected) expect(actual.get(file)!.equals(bytes), file).toBe(true);
  });

  it("fails with the worker's error when a run the worker renders cannot write a page", async () => {
    const out = path.join(root, "blocked");
    // The worker is handed the second run before the main thread starts the first: a page of that
    // run is made a folder, which a page cannot be written over.
    const second = batches(selectAll(catalog), 40)[1]!;
    const blocked = second.roles[0]!.url.replace(/^\//, "");
    await mkdir(path.join(out, blocked, "index.html"), { recursive: true });
    const error = await renderSite(catalog, out, () => {}, { workers: 1, filesPerRun: 40 }).then(
      () => null,
      (e: unknown) => e as Error & { code?: string },
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.code).toBe("EISDIR");
  });
});
