/**
 * Carrying an earlier site's files into a new build. A build that changes a few pages still writes
 * a whole new folder and swaps it in (so that a failed or killed build leaves the previous site as
 * it was), but the files it keeps are hard links to the previous site's, not copies: the new folder
 * costs a directory entry a file. Files that will be written again are left out, never written
 * through a link, which would change the previous site's file too.
 *
 * The paths come from a manifest in the cache folder as well as from the site itself, so every one
 * is checked before a file is linked, moved or removed (the manifest's schema checks them too):
 * a relative path of "/"-separated parts, none empty, "." or "..", whose folder, links resolved,
 * lies inside the site folder. Anything else is refused with an error, never followed.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, realpathSync, rmdirSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";

/** Whether `file` has the shape of a path in a site: relative, "/" between parts, none empty, "." or "..". */
export function isSitePath(file: string): boolean {
  if (file === "" || file.includes("\\") || file.includes("\0") || path.posix.isAbsolute(file) || path.win32.isAbsolute(file) || /^[a-z]:/i.test(file)) return false;
  return file.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

/** The real path `dir` has (or would have once made): its deepest existing folder's real path, and the rest. */
function realFolder(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync(at), path.relative(at, dir));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || at === path.dirname(at)) throw error;
    }
  }
}

/** Checks paths against the site folder `root`, caching each folder's real path. */
class SiteFolder {
  private readonly real: string;
  private readonly checked = new Set<string>();
  constructor(readonly root: string) {
    this.real = realFolder(path.resolve(root));
  }

  /** `root` joined with `file`, or an error when `file` is not a site path or its folder leads outside `root`. */
  resolve(file: string, verb: string): string {
    const target = path.join(this.root, file);
    const dir = path.dirname(target);
    if (isSitePath(file) && (this.checked.has(dir) || this.inside(realFolder(dir)))) {
      this.checked.add(dir);
      return target;
    }
    throw new Error(`Refused to ${verb} "${file}": not a path inside the site folder "${this.root}". Delete the cache folder's sites/ manifests and build again.`);
  }

  private inside(real: string): boolean {
    return real === this.real || real.startsWith(this.real + path.sep);
  }
}

/** Every file under `root`, as paths relative to it with "/" between folders. */
export function listFiles(root: string): Set<string> {
  const files = new Set<string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.add(path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  }
  return files;
}

/**
 * Links the files `files` of `from` into `to` (folders made as needed); a file system without hard
 * links gets copies.
 * @param from the previous site
 * @param to the new build's folder
 * @param files paths relative to both
 */
export function linkFiles(from: string, to: string, files: Iterable<string>): void {
  const made = new Set<string>();
  const source = new SiteFolder(from);
  const dest = new SiteFolder(to);
  for (const file of files) {
    const origin = source.resolve(file, "link");
    const target = dest.resolve(file, "link");
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      linkSync(origin, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP" && code !== "EMLINK") throw error;
      copyFileSync(origin, target);
    }
  }
}

/**
 * Moves the files `files` of `from` over the same paths in `to`, each replaced at once by a rename
 * (a reader sees the old file or the new one, never half of one); folders are made as needed.
 */
export async function moveFiles(from: string, to: string, files: Iterable<string>): Promise<void> {
  const made = new Set<string>();
  const source = new SiteFolder(from);
  const dest = new SiteFolder(to);
  for (const file of files) {
    const origin = source.resolve(file, "move");
    const target = dest.resolve(file, "move");
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await rename(origin, target);
  }
}

/** Removes the files `files` of `root`, and the folders that this leaves empty. */
export async function removeFiles(root: string, files: Iterable<string>): Promise<void> {
  const dirs = new Set<string>();
  const site = new SiteFolder(root);
  for (const file of files) {
    const target = site.resolve(file, "remove");
    await rm(target, { force: true });
    dirs.add(path.dirname(target));
  }
  // Deepest first, so that a folder emptied by removing its last subfolder goes too.
  const resolved = path.resolve(root);
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
    for (let at = path.resolve(dir); at.startsWith(resolved + path.sep); at = path.dirname(at)) {
      try {
        if (readdirSync(at).length > 0) break;
        rmdirSync(at);
      } catch {
        break;
      }
    }
  }
}
