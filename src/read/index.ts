/**
 * The read stage: a path becomes a VFile whose value is clean markdown (UTF-8 decoded, mojibake
 * repaired, front matter blanked out with its lines kept) and whose messages say what was wrong.
 * It never throws: a file that cannot be read is an error message and `data.readable === false`.
 */
import { VFile } from "vfile";
import { report } from "../model/diagnostics.ts";
import { decodeBytes, DEFAULT_READ_LIMITS, type ReadLimits } from "./decode.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { repairMojibake, type MojibakeCodec } from "./mojibake.ts";
import { readBytes } from "./open.ts";

declare module "vfile" {
  interface DataMap {
    /** The front matter's mapping, or null when there is none or it is not a valid mapping. */
    frontMatter: Record<string, unknown> | null;
    /** The front matter's YAML as written, or null when there is none. */
    frontMatterRaw: string | null;
    /** False when the bytes could not be read or decoded: `value` is then "". */
    readable: boolean;
  }
}

const CODEC_NAMES: Record<MojibakeCodec, string> = { macintosh: "Mac Roman", "windows-1252": "Windows-1252" };

/**
 * Reads a role guide from disk (through one open handle: see `open.ts`). File system errors
 * (missing, a directory, no permission) become a `read-failed` error on the returned file.
 * @param path where to read the file
 * @param displayPath the path messages name, e.g. relative to the project (default `path`)
 */
export async function readRoleFile(path: string, displayPath?: string): Promise<VFile> {
  const read = await readBytes(path, { displayPath });
  return read.bytes === null ? unreadable(read.file) : readInto(new VFile({ path: displayPath ?? path }), read.bytes);
}

/**
 * The same pipeline on content already in memory (bytes read with `readBytes`, tests, fuzzing).
 * A string is encoded as UTF-8 first (a lone surrogate becomes U+FFFD), so it meets the same
 * checks as bytes do.
 * @param text the file's content, as text or as bytes
 * @param path the path messages name
 * @param limits the read stage's limits (tests lower them)
 */
export function readRoleText(text: string | Uint8Array, path: string, limits: ReadLimits = DEFAULT_READ_LIMITS): VFile {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  return readInto(new VFile({ path }), bytes, limits);
}

function readInto(file: VFile, bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): VFile {
  const decoded = decodeBytes(bytes, file, limits);
  if (decoded === null) return unreadable(file);

  const repair = repairMojibake(decoded);
  if (repair.encoding !== null && repair.firstLine !== null) {
    const args = { encoding: CODEC_NAMES[repair.encoding], example: repair.example, runs: repair.count, line: repair.firstLine };
    report(file, "mojibake-repaired", args, { line: repair.firstLine, column: 1 });
  }

  const { data, body, raw } = splitFrontMatter(repair.text, file);
  file.value = body;
  file.data.frontMatter = data;
  file.data.frontMatterRaw = raw;
  file.data.readable = true;
  return file;
}

/** Marks `file` as one whose content could not be had. */
export function unreadable(file: VFile): VFile {
  file.value = "";
  file.data.frontMatter = null;
  file.data.frontMatterRaw = null;
  file.data.readable = false;
  return file;
}
