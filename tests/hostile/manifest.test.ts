/**
 * A forged build manifest cannot reach outside the output folder: a manifest listing a path that
 * climbs out of the site (`../victim.txt`) or an absolute one is read as none (everything is
 * rendered again), and the functions that link, move and remove a site's files refuse such a path,
 * or one whose folder is a link leading out, even when handed it directly.
 */
import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSession } from "../../src/site/serve-session.ts";
import { manifestPath, readManifest } from "../../src/site/manifest.ts";
import { isSitePath, linkFiles, moveFiles, removeFiles } from "../../src/site/reuse.ts";
import { tempDir } from "./helpers.ts";
import { build, expectBuilt, expectSameAsFresh, makeInput } from "./sites.ts";

let root: string;
let input: string;
let cacheDir: string;
let victim: string;

beforeAll(async () => {
  root = await tempDir("career-atlas-hostile-manifest-");
  input = await makeInput(root);
  cacheDir = path.join(root, "cache");
  victim = path.join(root, "victim.txt");
  await writeFile(victim, "not the site's\n");
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Adds a group that no build will render again, listing `files`, to the stored manifest of `site`. */
async function forge(site: string, files: string[]): Promise<void> {
  const file = manifestPath(cacheDir, site);
  const stored = JSON.parse(await readFile(file, "utf8")) as { groups: Record<string, unknown> };
  stored.groups["role:ghost"] = { hash: "0", files };
  await writeFile(file, JSON.stringify(stored));
}

describe("a forged manifest", () => {
  it.each([
    ["a path climbing out of the site", "../victim.txt"],
    ["an absolute path", "<victim>"],
  ])("listing %s is rejected whole: serve's in-place rebuild renders everything and deletes nothing outside", async (name, listed) => {
    const site = path.join(root, `site-${name.replace(/\W+/g, "-")}`);
    expectBuilt(await build({ input, output: site, cacheDir }));
    expect(await readManifest(cacheDir, site)).not.toBeNull();
    await forge(site, ["index.html", listed === "<victim>" ? victim : listed]);
    expect(await readManifest(cacheDir, site)).toBeNull();
    // The rebuild serve runs after an edit: in place, removing the files of groups that are gone.
    const session = serveSession({ cache: true, cacheDir });
    try {
      const run = await build({ input, output: site, cacheDir, session, inPlace: true });
      expect(run.code, run.err).toBe(0);
    } finally {
      await session.loader.stop();
    }
    expect(await readFile(victim, "utf8")).toBe("not the site's\n");
    await expectSameAsFresh(site, input, root);
  }, 30_000);
});

describe("isSitePath", () => {
  it("takes relative, normalised paths with / between parts, and nothing else", () => {
    for (const good of ["index.html", "roles/x/index.html", "pagefind/pagefind.js", ".career-atlas-site", "a..b/c"]) expect(isSitePath(good), good).toBe(true);
    for (const bad of ["", "../victim.txt", "roles/../../victim.txt", "/etc/passwd", "C:/x", "c:x", "\\\\server\\share", "roles\\..\\x", "./index.html", "roles//x", "roles/x/", "a\0b", ".."]) {
      expect(isSitePath(bad), bad).toBe(false);
    }
  });
});

describe("the functions that change a site's files", () => {
  let site: string;
  let outside: string;
  beforeAll(async () => {
    site = path.join(root, "guarded");
    outside = path.join(root, "outside");
    await mkdir(path.join(site, "roles"), { recursive: true });
    await mkdir(outside);
    await writeFile(path.join(site, "roles", "kept.html"), "kept");
    await writeFile(path.join(outside, "x.html"), "outside");
    // A folder of the site that is a link to a folder outside it.
    await symlink(outside, path.join(site, "linked"));
  });

  it("refuse a path out of the site, an absolute one, or one through a linked folder, and touch nothing", async () => {
    for (const file of ["../victim.txt", victim, "linked/x.html"]) {
      await expect(removeFiles(site, [file]), file).rejects.toThrow(/Refused to remove/);
      expect(() => linkFiles(site, path.join(root, "new-site"), [file]), file).toThrow(/Refused to link/);
      await expect(moveFiles(path.join(root, "staging"), site, [file]), file).rejects.toThrow(/Refused to move/);
    }
    expect(await readFile(victim, "utf8")).toBe("not the site's\n");
    expect(await readFile(path.join(outside, "x.html"), "utf8")).toBe("outside");
    expect(existsSync(path.join(root, "new-site", "linked"))).toBe(false);
  });

  it("still remove and link the site's own files", async () => {
    linkFiles(site, path.join(root, "copy"), ["roles/kept.html"]);
    expect(await readFile(path.join(root, "copy", "roles", "kept.html"), "utf8")).toBe("kept");
    await removeFiles(site, ["roles/kept.html"]);
    expect(existsSync(path.join(site, "roles"))).toBe(false);
  });
});
