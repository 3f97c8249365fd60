/**
 * Carrying an earlier site's files into a new build. A build that changes a few pages still writes
 * a whole new folder and swaps it in (so that a failed or killed build leaves the previous site as
 * it was), but the files it keeps are hard links to the previous site's, not copies: the new folder
 * costs a directory entry a file. Files that will be written again are left out, never written
 * through a link, which would change the previous site's file too.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmdirSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";

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
  for (const file of files) {
    const target = path.join(to, file);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      linkSync(path.join(from, file), target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP" && code !== "EMLINK") throw error;
      copyFileSync(path.join(from, file), target);
    }
  }
}

/**
 * Moves the files `files` of `from` over the same paths in `to`, each replaced at once by a rename
 * (a reader sees the old file or the new one, never half of one); folders are made as needed.
 */
export async function moveFiles(from: string, to: string, files: Iterable<string>): Promise<void> {
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(to, file);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await rename(path.join(from, file), target);
  }
}

/** Removes the files `files` of `root`, and the folders that this leaves empty. */
export async function removeFiles(root: string, files: Iterable<string>): Promise<void> {
  const dirs = new Set<string>();
  for (const file of files) {
    await rm(path.join(root, file), { force: true });
    dirs.add(path.dirname(path.join(root, file)));
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
