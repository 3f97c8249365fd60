/**
 * The build manifest: what the next build needs to know of the site in an output folder to tell
 * what changed. It is kept in the build cache (`sites/<hash of the output path>.json`), not in the
 * site, which is published as it is (the manifest holds local paths in the build's messages). It
 * holds:
 * - `version`: the program that rendered the pages (see `renderVersion`); any other version
 *   renders everything again;
 * - `stamp`: the output folder's inode and change times when the manifest was written, so that a
 *   site replaced or touched since (by `--no-cache`, by hand) is not mistaken for the one described;
 * - `inputs`: a digest of every input file's path and bytes; when it, `version` and `stamp` match,
 *   nothing changed and the build leaves the site as it is;
 * - the groups of pages (see `groups.ts`) with their fingerprints and the files each wrote, each a
 *   relative path inside the site (see `isSitePath`): a manifest with any other path, say
 *   `../victim.txt` or an absolute one, is read as none, since builds remove and link these files;
 * - what the last build printed, so that a build that changes nothing reports the same.
 * A build removes the manifest before it changes the site and writes it after, so a build killed
 * in between leaves none, and the next one renders everything.
 */
import { createHash } from "node:crypto";
import { readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { writeAtomic } from "../cache/atomic.ts";
import { hashSources, programVersion } from "../version.ts";
import { isSitePath } from "./reuse.ts";

/** A file of the site, relative to its folder. */
const SitePath = z.string().refine(isSitePath, { message: 'a relative path inside the site, "/" between its parts, none of them "." or ".."' });

export const Manifest = z.object({
  version: z.string(),
  output: z.string(),
  stamp: z.string(),
  inputs: z.string().nullable(),
  roles: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  indexed: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  /** The diagnostics the build printed, as printed. */
  report: z.string(),
  groups: z.record(z.string(), z.object({ hash: z.string(), files: z.array(SitePath) })),
});
export type Manifest = z.infer<typeof Manifest>;

const CODE = ["../catalog/", "./"].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
const TEMPLATE_FILES = fileURLToPath(new URL("../../templates/", import.meta.url));

let code: string | null = null;

/**
 * The loading stages' version with a hash of the catalog and site sources, taken once (the code
 * that runs is the code loaded at start), and of the templates, taken at every call (serve renders
 * an edited template without a restart).
 */
export function renderVersion(): string {
  code ??= createHash("sha256").update(programVersion()).update(hashSources(CODE)).digest("hex");
  return createHash("sha256").update(code).update(hashSources([TEMPLATE_FILES])).digest("hex");
}

/**
 * A digest of the inputs: every file's display path and the hash of its bytes, in order, and the
 * render version; null when a file could not be read whole (its load reports why).
 * @param files the files as read for the load (see `readInputs`), in the order they are loaded
 */
export function inputsDigest(files: readonly { display: string; hash: string | null }[]): string | null {
  const hash = createHash("sha256").update(renderVersion());
  for (const file of files) {
    if (file.hash === null) return null;
    hash.update(`\0${file.display}\0${file.hash}`);
  }
  return hash.digest("hex");
}

/** Where the manifest of the site in `output` is kept in the cache folder `cacheDir`. */
export function manifestPath(cacheDir: string, output: string): string {
  return path.join(cacheDir, "sites", `${createHash("sha256").update(path.resolve(output)).digest("hex").slice(0, 32)}.json`);
}

/** The output folder's identity and change times now, or null when there is no folder. */
async function stampOf(output: string): Promise<string | null> {
  try {
    const info = await stat(output, { bigint: true });
    return info.isDirectory() ? `${info.dev}:${info.ino}:${info.ctimeNs}:${info.mtimeNs}` : null;
  } catch {
    return null;
  }
}

/** `manifest` when it describes the folder `output` as it is now, by this program; else null. */
async function current(manifest: Manifest, output: string): Promise<Manifest | null> {
  if (manifest.version !== renderVersion() || manifest.output !== path.resolve(output)) return null;
  return manifest.stamp === (await stampOf(output)) ? manifest : null;
}

/** The manifest of the site in `output`, or null when none describes the folder as it is now. */
export async function readManifest(cacheDir: string, output: string): Promise<Manifest | null> {
  try {
    const parsed = Manifest.safeParse(JSON.parse(await readFile(manifestPath(cacheDir, output), "utf8")));
    return parsed.success ? await current(parsed.data, output) : null;
  } catch {
    return null;
  }
}

/** Records `manifest` for the site now in `output` (stamped with the folder as it is now); a failed write is ignored. */
export async function writeManifest(cacheDir: string, output: string, manifest: Omit<Manifest, "output" | "stamp">): Promise<void> {
  const stamp = await stampOf(output);
  if (stamp === null) return;
  await writeAtomic(manifestPath(cacheDir, output), `${JSON.stringify({ ...manifest, output: path.resolve(output), stamp })}\n`);
}

/** Forgets the manifest of `output`: called before a build changes the site. */
export async function removeManifest(cacheDir: string, output: string): Promise<void> {
  await rm(manifestPath(cacheDir, output), { force: true });
}

/** Where a build finds and keeps the manifests of its output folders. */
export interface ManifestStore {
  read(output: string): Promise<Manifest | null>;
  write(output: string, manifest: Omit<Manifest, "output" | "stamp">): Promise<void>;
  remove(output: string): Promise<void>;
}

/** Manifests in the cache folder `cacheDir`. */
export function diskManifests(cacheDir: string): ManifestStore {
  return {
    read: (output) => readManifest(cacheDir, output),
    write: (output, manifest) => writeManifest(cacheDir, output, manifest),
    remove: (output) => removeManifest(cacheDir, output),
  };
}

/** Manifests kept in this process only: `serve --no-cache`, which reuses its own pages and writes no cache. */
export function memoryManifests(): ManifestStore {
  const kept = new Map<string, Manifest>();
  return {
    async read(output) {
      const manifest = kept.get(path.resolve(output));
      return manifest ? await current(manifest, output) : null;
    },
    async write(output, manifest) {
      const stamp = await stampOf(output);
      if (stamp !== null) kept.set(path.resolve(output), { ...manifest, output: path.resolve(output), stamp });
    },
    async remove(output) {
      kept.delete(path.resolve(output));
    },
  };
}
