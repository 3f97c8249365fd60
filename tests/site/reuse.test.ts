/**
 * Carrying files from one site into the next: a new build's folder holds hard links to the previous
 * site's files, so nothing done to the new folder may ever reach a previous site's file; and the
 * clean-up of removed pages must not leave empty folders, nor take the site's own folder.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linkFiles, listFiles, moveFiles, removeFiles } from "../../src/site/reuse.ts";
import { tempDir } from "./helpers.ts";

let root: string;
beforeEach(async () => {
  root = await tempDir("career-atlas-reuse-");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes `files` (relative path → text) under `dir`, folders made as needed. */
async function put(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}

const read = (dir: string, file: string): Promise<string> => readFile(path.join(dir, file), "utf8");

describe("listFiles", () => {
  it("lists every file, however deep, with / between folders, and no folders", async () => {
    await put(root, { "index.html": "", "roles/x/index.html": "", "api/roles/x.json": "" });
    await mkdir(path.join(root, "empty/deeper"), { recursive: true });
    expect([...listFiles(root)].sort()).toEqual(["api/roles/x.json", "index.html", "roles/x/index.html"]);
  });
});

describe("linkFiles", () => {
  it("carries the files over, making their folders", async () => {
    const previous = path.join(root, "previous");
    const next = path.join(root, "next");
    await put(previous, { "index.html": "home", "roles/x/index.html": "x", "skills/y/index.html": "y" });
    linkFiles(previous, next, ["index.html", "roles/x/index.html"]);
    expect([...listFiles(next)].sort()).toEqual(["index.html", "roles/x/index.html"]);
    expect(await read(next, "roles/x/index.html")).toBe("x");
  });

  it("never lets a file written at a linked path after unlinking it reach the previous site", async () => {
    const previous = path.join(root, "previous");
    const next = path.join(root, "next");
    await put(previous, { "roles/x/index.html": "old page" });
    linkFiles(previous, next, ["roles/x/index.html"]);
    const [a, b] = await Promise.all([stat(path.join(previous, "roles/x/index.html")), stat(path.join(next, "roles/x/index.html"))]);
    // A hard link (a temporary folder has them): the very same file, so writing through it would show.
    expect(b.ino).toBe(a.ino);
    await rm(path.join(next, "roles/x/index.html"));
    await writeFile(path.join(next, "roles/x/index.html"), "new page");
    expect(await read(previous, "roles/x/index.html")).toBe("old page");
    expect(await read(next, "roles/x/index.html")).toBe("new page");
  });
});

describe("moveFiles", () => {
  it("moves files over the same paths, replacing what was there, and makes folders", async () => {
    const fresh = path.join(root, "fresh");
    const site = path.join(root, "site");
    await put(fresh, { "index.html": "new home", "skills/z/index.html": "z" });
    await put(site, { "index.html": "old home", "about.html": "kept" });
    await moveFiles(fresh, site, ["index.html", "skills/z/index.html"]);
    expect(await read(site, "index.html")).toBe("new home");
    expect(await read(site, "skills/z/index.html")).toBe("z");
    expect(await read(site, "about.html")).toBe("kept");
    expect(listFiles(fresh).size).toBe(0);
  });

  it("replaces a linked file without writing through the link", async () => {
    const previous = path.join(root, "previous");
    const next = path.join(root, "next");
    const fresh = path.join(root, "fresh");
    await put(previous, { "index.html": "old" });
    await put(fresh, { "index.html": "new" });
    linkFiles(previous, next, ["index.html"]);
    await moveFiles(fresh, next, ["index.html"]);
    expect(await read(next, "index.html")).toBe("new");
    expect(await read(previous, "index.html")).toBe("old");
  });
});

describe("removeFiles", () => {
  it("removes the files and the folders this empties, deepest first, and nothing else", async () => {
    await put(root, {
      "site/index.html": "",
      "site/roles/a/index.html": "",
      "site/roles/a/levels/index.html": "",
      "site/roles/b/index.html": "",
      "site/skills/s/t/index.html": "",
    });
    await mkdir(path.join(root, "site/empty-before"));
    const site = path.join(root, "site");
    await removeFiles(site, ["roles/a/index.html", "roles/a/levels/index.html", "skills/s/t/index.html", "gone/already.html"]);
    expect([...listFiles(site)].sort()).toEqual(["index.html", "roles/b/index.html"]);
    // roles/ still holds b; skills/ held nothing but the removed page; an empty folder no removal touched stays.
    expect((await readdir(site)).sort()).toEqual(["empty-before", "index.html", "roles"]);
    expect(await readdir(path.join(site, "roles"))).toEqual(["b"]);
  });

  it("never removes the root folder, even when it is left empty", async () => {
    const site = path.join(root, "site");
    await put(site, { "index.html": "", "roles/a/index.html": "" });
    await removeFiles(`${site}${path.sep}`, ["index.html", "roles/a/index.html"]);
    expect(existsSync(site)).toBe(true);
    expect(await readdir(site)).toEqual([]);
    await put(site, { "x/y.html": "" });
    await removeFiles(path.relative(process.cwd(), site), ["x/y.html"]);
    expect(existsSync(site)).toBe(true);
    expect(await readdir(site)).toEqual([]);
  });
});
