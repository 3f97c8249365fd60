/**
 * Parsing never blocks the dev server: in serve's session every file the cache misses is loaded in
 * a worker thread, however few, so the server's thread keeps answering requests while a big guide
 * parses. The session's loader counts where each file was loaded; no timing is measured.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Loader, loadRoles } from "../../src/load.ts";
import { serveSession } from "../../src/site/serve-session.ts";
import { tempDir } from "./helpers.ts";
import { build, expectBuilt, expectSameAsFresh, makeInput, siteContains } from "./sites.ts";

const GUIDE = "machine-learning-engineer-transitions.md";
const SUMMARY = "Builds scalable ML systems and deploys models to production.";

let root: string;
let input: string;

beforeAll(async () => {
  root = await tempDir("career-atlas-hostile-serve-");
  input = await makeInput(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("serve's session", () => {
  it.each([
    ["--no-cache", null],
    ["the cache", "cache"],
  ])("with %s loads every file, and the one edited file of a rebuild, in a worker: none in the server's thread", async (_name, cache) => {
    const cacheDir = cache === null ? null : path.join(root, cache);
    const site = path.join(root, `site-${cache ?? "plain"}`);
    const session = serveSession({ cache: cacheDir !== null, cacheDir: cacheDir ?? undefined });
    try {
      expectBuilt(await build({ input, output: site, cacheDir, session }));
      expect(session.loader.loads).toEqual({ inline: 0, workers: 2 });
      const file = path.join(input, GUIDE);
      await writeFile(file, (await readFile(file, "utf8")).replace(SUMMARY, "Edited while serving."));
      // The rebuild serve's watcher starts after a save.
      const run = await build({ input, output: site, cacheDir, session, inPlace: true });
      expect(run.code, run.err).toBe(0);
      expect(session.loader.loads).toEqual({ inline: 0, workers: 3 });
      expect(await siteContains(site, "Edited while serving.")).toBe(true);
      await expectSameAsFresh(site, input, root);
    } finally {
      await session.loader.stop();
      await writeFile(path.join(input, GUIDE), (await readFile(path.join(input, GUIDE), "utf8")).replace("Edited while serving.", SUMMARY));
    }
  }, 60_000);

  it("differs from a build's loader, which loads a few files in its own thread (workers only pay over many)", async () => {
    const loader = new Loader({ workers: 2 });
    try {
      await loadRoles([input], { loader });
    } finally {
      await loader.close();
    }
    expect(loader.loads).toEqual({ inline: 2, workers: 0 });
  });
});
