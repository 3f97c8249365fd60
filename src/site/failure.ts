/**
 * One line for a build that failed for a reason outside the guides (a full disk, a permission,
 * Eleventy or Pagefind giving up): the cause a user can act on, never a stack trace. Eleventy wraps
 * the system's error in its own ("Having trouble writing to …" listing every file of a template),
 * and Pagefind may write a truncated file on a full disk without saying so, so the cause is looked
 * for in the chain of errors and, failing that, in the free space left.
 */
import { statfs } from "node:fs/promises";
import path from "node:path";
import { forTerminal } from "../model/terminal.ts";

/** What the system's error codes mean for someone running a build. */
const CAUSES: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  EROFS: "the file system is read-only",
  EMFILE: "too many files are open",
  ENFILE: "too many files are open",
  EBUSY: "a file is busy",
  EIO: "the disk reported an input/output error",
};

/** Below this many free bytes, a failure to write is taken for a full disk. */
const NEARLY_FULL = 1024 * 1024;

interface Chained {
  code?: unknown;
  path?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

/** The errors of the chain, outermost first (Eleventy keeps the cause in `originalError`). */
export function chain(error: unknown): Chained[] {
  const out: Chained[] = [];
  let at: unknown = error;
  while (at && typeof at === "object" && out.length < 20 && !out.includes(at as Chained)) {
    out.push(at as Chained);
    at = (at as Chained).originalError ?? (at as Chained).cause;
  }
  return out;
}

/** The first line of a message, cut short: Eleventy's list every file a template writes. */
function firstLine(message: string, max = 300): string {
  const line = message.split("\n", 1)[0]!.trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/**
 * Why the build failed, in one line a terminal can show as it is.
 * @param error what was thrown
 * @param folder the folder the build was writing in (its free space is checked when the error says nothing)
 */
export async function describeFailure(error: unknown, folder: string): Promise<string> {
  const errors = chain(error);
  const coded = errors.find((e) => typeof e.code === "string" && Object.hasOwn(CAUSES, e.code as string));
  let text: string;
  if (coded) {
    const where = typeof coded.path === "string" ? ` (${coded.path})` : "";
    text = `${CAUSES[coded.code as string]}${where}: ${coded.code}`;
  } else if (await nearlyFull(folder)) {
    text = `the disk is full (${folder}): ${firstLine(String(errors.at(-1)?.message ?? error))}`;
  } else {
    const deepest = errors.at(-1);
    text = firstLine(String(deepest?.message ?? error)) || "unknown error";
  }
  return forTerminal(text);
}

async function nearlyFull(folder: string): Promise<boolean> {
  // The folder may be gone already (the build removes its temporary folder): ask its parent.
  for (let at = path.resolve(folder); ; at = path.dirname(at)) {
    try {
      const info = await statfs(at);
      return info.bavail * info.bsize < NEARLY_FULL;
    } catch {
      if (path.dirname(at) === at) return false;
    }
  }
}
