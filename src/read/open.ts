/**
 * A file's bytes, read through one open handle: what is checked (a regular file, its size, where it
 * lies) is what is read, so a path swapped for a symbolic link or a bigger file between a check and
 * the read cannot slip another file in. Problems are diagnostics on a returned file, never thrown.
 */
import { constants, type BigIntStats } from "node:fs";
import { open, readlink, realpath, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { VFile } from "vfile";
import { report } from "../model/diagnostics.ts";
import type { RuleArgs } from "../model/rules.ts";
import { DEFAULT_READ_LIMITS, reportTooLarge } from "./decode.ts";

/** The folder a file was found in: the file opened must lie inside it. */
export interface Within {
  /** The folder as the user named it, for messages. */
  folder: string;
  /** Its real path (symbolic links resolved). */
  real: string;
}

export interface OpenOptions {
  /** The path messages name (default: the path read). */
  displayPath?: string;
  /** When the file was found in an input folder: a file that turns out to lie outside it is skipped with `input-outside`. */
  within?: Within | null;
  /** The largest file read, in bytes (default the read stage's `fileBytes`, see `ReadLimits`). */
  maxBytes?: number;
}

/** The bytes read, or the file (path set, `readable` false) with the diagnostic that says why there are none. */
export type OpenResult = { bytes: Uint8Array; file: null } | { bytes: null; file: VFile };

// O_NONBLOCK: opening a pipe swapped in for a guide returns at once (then fstat refuses it) instead
// of waiting for a writer. It changes nothing for regular files.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/**
 * Reads a role guide's bytes: opens the path once, checks on the handle that it is a regular file
 * within the size limit (and inside `within`), then reads from the handle.
 * @param filePath where to read the file
 */
export async function readBytes(filePath: string, options: OpenOptions = {}): Promise<OpenResult> {
  const file = new VFile({ path: options.displayPath ?? filePath });
  const max = options.maxBytes ?? DEFAULT_READ_LIMITS.fileBytes;
  let handle: FileHandle | null = null;
  try {
    handle = await open(filePath, FLAGS);
    const info = await handle.stat({ bigint: true });
    if (info.isDirectory()) throw errno("EISDIR", "illegal operation on a directory");
    if (!info.isFile()) throw new Error("it is not a regular file (a pipe, socket or device)");
    // Checked before reading, so that a huge file is never held in memory.
    if (info.size > BigInt(max)) {
      reportTooLarge(file, Number(info.size), max);
      return { bytes: null, file };
    }
    if (options.within) {
      const where = await openedPath(handle, filePath, info);
      if (where === null || !inside(options.within.real, where)) {
        report(file, "input-outside", { path: file.path, target: where, folder: options.within.folder }, { line: 1, column: 1 });
        return { bytes: null, file };
      }
    }
    const bytes = await readAll(handle, Number(info.size), max);
    if (bytes === null) {
      reportTooLarge(file, max + 1, max);
      return { bytes: null, file };
    }
    return { bytes, file: null };
  } catch (cause) {
    report(file, "read-failed", readFailure(filePath, cause), { line: 1, column: 1 });
    return { bytes: null, file };
  } finally {
    await handle?.close().catch(() => {});
  }
}

function readFailure(filePath: string, cause: unknown): RuleArgs<"read-failed"> {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === "ENOENT"
      ? "there is no such file"
      : code === "EISDIR"
        ? "it is a directory"
        : code === "EACCES" || code === "EPERM"
          ? "permission was denied"
          : cause instanceof Error
            ? cause.message
            : String(cause);
  return { path: filePath, why, ...(code ? { code } : {}) };
}

function inside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * The real path of the file `handle` reads. Linux names it race-free (/proc/self/fd); elsewhere the
 * path's real path counts only if it still is the file opened (same device and inode), else null.
 */
async function openedPath(handle: FileHandle, filePath: string, info: BigIntStats): Promise<string | null> {
  try {
    const named = await readlink(`/proc/self/fd/${handle.fd}`);
    // A file replaced (saved by rename) since it was opened is named with this suffix.
    if (path.isAbsolute(named)) return named.replace(/ \(deleted\)$/, "");
  } catch {
    // No /proc here.
  }
  try {
    const real = await realpath(filePath);
    const now = await stat(real, { bigint: true });
    return now.dev === info.dev && now.ino === info.ino ? real : null;
  } catch {
    return null;
  }
}

/** Everything `handle` holds, or null when it holds more than `max` bytes (it grew since `size` was taken). */
async function readAll(handle: FileHandle, size: number, max: number): Promise<Uint8Array | null> {
  // One byte more than the size, so that growth shows without a second read in the common case.
  let buffer = Buffer.allocUnsafe(Math.min(size, max) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > max) return null;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, max + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return length > max ? null : buffer.subarray(0, length);
}
