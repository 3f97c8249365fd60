/**
 * Putting a new site in place of the old one: the build renders into a temporary folder beside the
 * output and swaps it in by two renames in one folder, so the previous site stays whole until the
 * new one is. What a killed or failed build leaves beside the output is named for its kind and
 * process (`.<output>-build-<pid>-<hex>`, `.<output>-old-<pid>-<hex>`), so the next build can tell
 * its own leftovers from anything else and tidy them up.
 */
import { randomBytes } from "node:crypto";
import { readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";

/** The file operations that move and remove whole sites, in one object so tests can make them fail as a full or read-only disk would. */
export const fsOps = { rename, rm };

/** A folder beside `output` for a build's `kind` of temporary folder (see the module comment). */
export function tempName(output: string, kind: "build" | "old"): string {
  const resolved = path.resolve(output);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}-${kind}-${process.pid}-${randomBytes(4).toString("hex")}`);
}

export async function exists(target: string): Promise<boolean> {
  try {
    await stat(target);
    return true;
  } catch {
    return false;
  }
}

/** The error's code, or its message: short enough for the one line a leftover gets. */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" ? code : String((error as Error | null)?.message ?? error).split("\n", 1)[0]!;
}

/** A swap that failed after the new site was in place: the build succeeded, the tidying did not. */
export interface Leftover {
  /** The folder that could not be removed. */
  path: string;
  reason: string;
}

/**
 * Replaces `output` with `fresh` by renames in one folder: the old site moves away, the new one in,
 * then the old one is removed.
 * @returns the old site's folder when it could not be removed (the new site is in place all the same)
 * @throws when the new site could not be put in place; `output` is then as it was
 */
export async function swapIn(fresh: string, output: string): Promise<Leftover | null> {
  const target = path.resolve(output);
  const old = (await exists(target)) ? tempName(target, "old") : null;
  if (old) await fsOps.rename(target, old);
  try {
    await fsOps.rename(fresh, target);
  } catch (error) {
    if (old) {
      await fsOps.rename(old, target).catch(() => {
        throw new Error(`the new site could not be moved in (${reasonOf(error)}) and the previous one could not be moved back: it is in ${old}, and the next build puts it back`);
      });
    }
    throw error;
  }
  if (!old) return null;
  try {
    await fsOps.rm(old, { recursive: true, force: true });
    return null;
  } catch (error) {
    return { path: old, reason: reasonOf(error) };
  }
}

/** Whether process `pid` is running (EPERM: it is, but belongs to another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Tidies what builds that were killed midway left beside `output`: a half-written
 * `.<output>-build-*` folder is removed, and when a build was killed between the two renames of
 * `swapIn` (no `output`, the previous site in `.<output>-old-*`), the previous site is put back.
 * Folders of builds still running are left alone. Called at the start of every build; a leftover
 * it cannot remove is reported, never a reason to fail (the build does not need it gone).
 * @param output the site folder
 * @returns the leftovers that could not be removed
 */
export async function recoverOutput(output: string): Promise<Leftover[]> {
  const target = path.resolve(output);
  let names: string[];
  try {
    names = await readdir(path.dirname(target));
  } catch {
    return [];
  }
  const prefix = `.${path.basename(target)}-`;
  const left = names.flatMap((name) => {
    const match = name.startsWith(prefix) ? /^(build|old)-(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length)) : null;
    const pid = Number(match?.[2]);
    if (!match || pid === process.pid || isRunning(pid)) return [];
    return [{ kind: match[1], path: path.join(path.dirname(target), name) }];
  });
  if (left.length === 0) return [];
  if (!(await exists(target))) {
    const olds = await Promise.all(
      left.filter((l) => l.kind === "old").map(async (l) => ({ ...l, time: await stat(l.path).then((s) => s.mtimeMs, () => 0) })),
    );
    const newest = olds.sort((a, b) => b.time - a.time)[0];
    if (newest) {
      try {
        await fsOps.rename(newest.path, target);
        left.splice(left.findIndex((l) => l.path === newest.path), 1);
      } catch {
        // Left where it is: reported below with the others that could not be tidied.
      }
    }
  }
  const failed: Leftover[] = [];
  for (const l of left) {
    try {
      await fsOps.rm(l.path, { recursive: true, force: true });
    } catch (error) {
      failed.push({ path: l.path, reason: reasonOf(error) });
    }
  }
  return failed;
}
