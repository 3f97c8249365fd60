/**
 * The build manifest: a manifest that does not describe the output folder as it is now must read
 * as none, or a build would trust pages that are not there, or are not the ones it wrote.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manifestPath, readManifest, renderVersion, writeManifest, type Manifest } from "../../src/site/manifest.ts";
import { tempDir } from "./helpers.ts";

let root: string;
let cacheDir: string;
let output: string;
beforeEach(async () => {
  root = await tempDir("career-atlas-manifest-");
  cacheDir = path.join(root, "cache");
  output = path.join(root, "site");
  await mkdir(output);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const manifest = (): Omit<Manifest, "output" | "stamp"> => ({
  version: renderVersion(),
  inputs: "digest",
  roles: 2,
  pages: 5,
  indexed: 4,
  warnings: 1,
  report: "seeds/a.md\n1:1  warning  Something “quoted”  rule-id\n",
  groups: { site: { hash: "abc", files: ["index.html", "404.html"] }, "role:x": { hash: "def", files: ["roles/x/index.html"] } },
});

/** Rewrites the stored manifest of `output` through `change`. */
async function tamper(change: (stored: Record<string, unknown>) => unknown, from = output, to = output): Promise<void> {
  const stored = JSON.parse(await readFile(manifestPath(cacheDir, from), "utf8")) as Record<string, unknown>;
  await mkdir(path.dirname(manifestPath(cacheDir, to)), { recursive: true });
  await writeFile(manifestPath(cacheDir, to), JSON.stringify(change(stored)));
}

describe("writeManifest and readManifest", () => {
  it("round-trip, with the output's absolute path and a stamp added", async () => {
    await writeManifest(cacheDir, output, manifest());
    const read = await readManifest(cacheDir, output);
    expect(read).toEqual({ ...manifest(), output: path.resolve(output), stamp: expect.any(String) });
    // The same folder named by a relative path is the same site.
    expect(await readManifest(cacheDir, path.relative(process.cwd(), output))).toEqual(read);
  });

  it("keep the manifest in the cache folder, not in the site", async () => {
    await writeManifest(cacheDir, output, manifest());
    expect(manifestPath(cacheDir, output).startsWith(path.join(cacheDir, "sites") + path.sep)).toBe(true);
    expect(await readFile(manifestPath(cacheDir, output), "utf8")).toMatch(/\n$/);
    expect(await readManifest(cacheDir, output)).not.toBeNull();
  });

  it("write nothing when there is no output folder", async () => {
    await rm(output, { recursive: true });
    await writeManifest(cacheDir, output, manifest());
    await expect(readFile(manifestPath(cacheDir, output))).rejects.toThrow(/ENOENT/);
  });
});

describe("readManifest returns null", () => {
  it("when there is no manifest", async () => {
    expect(await readManifest(cacheDir, output)).toBeNull();
  });

  it("when the manifest is not JSON, or not a manifest", async () => {
    await writeManifest(cacheDir, output, manifest());
    await writeFile(manifestPath(cacheDir, output), "{ not json");
    expect(await readManifest(cacheDir, output)).toBeNull();
    await writeManifest(cacheDir, output, manifest());
    await tamper((stored) => ({ ...stored, pages: -1 }));
    expect(await readManifest(cacheDir, output)).toBeNull();
  });

  it.each(["../victim.txt", "roles/../../victim.txt", "/etc/passwd", "roles\\..\\..\\x", "./index.html", ""])("when a group lists %j, not a path inside the site: the whole manifest", async (bad) => {
    await writeManifest(cacheDir, output, manifest());
    await tamper((stored) => ({ ...stored, groups: { ...(stored.groups as object), "role:y": { hash: "x", files: ["roles/y/index.html", bad] } } }));
    expect(await readManifest(cacheDir, output)).toBeNull();
  });

  it("when another version of the program wrote it", async () => {
    await writeManifest(cacheDir, output, manifest());
    await tamper((stored) => ({ ...stored, version: `${renderVersion()}x` }));
    expect(await readManifest(cacheDir, output)).toBeNull();
    // The same file with the version put back reads again: the version alone made the difference.
    await tamper((stored) => ({ ...stored, version: renderVersion() }));
    expect(await readManifest(cacheDir, output)).not.toBeNull();
  });

  it("when it describes another output folder", async () => {
    const other = path.join(root, "other");
    await mkdir(other);
    await writeManifest(cacheDir, other, manifest());
    await writeManifest(cacheDir, output, manifest());
    // The other folder's manifest, stamped as this folder is now, under this folder's name.
    const { stamp } = (await readManifest(cacheDir, output))!;
    await tamper((stored) => ({ ...stored, stamp }), other, output);
    expect(await readManifest(cacheDir, output)).toBeNull();
    await tamper((stored) => ({ ...stored, output: path.resolve(output) }));
    expect(await readManifest(cacheDir, output)).not.toBeNull();
  });

  it("when the output folder was replaced or changed since", async () => {
    await writeManifest(cacheDir, output, manifest());
    await rm(output, { recursive: true });
    await mkdir(output);
    expect(await readManifest(cacheDir, output)).toBeNull();

    await writeManifest(cacheDir, output, manifest());
    expect(await readManifest(cacheDir, output)).not.toBeNull();
    await writeFile(path.join(output, "index.html"), "<p>by hand</p>");
    expect(await readManifest(cacheDir, output)).toBeNull();

    await writeManifest(cacheDir, output, manifest());
    await rm(output, { recursive: true });
    expect(await readManifest(cacheDir, output)).toBeNull();
  });
});
