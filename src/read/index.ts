/**
 * The read stage: a path becomes a VFile whose value is clean markdown (UTF-8 decoded, mojibake
 * repaired, front matter blanked out with its lines kept) and whose messages say what was wrong.
 * It never throws: a file that cannot be read is an error message and `data.readable === false`.
 */
import { readFile, stat } from "node:fs/promises";
import { VFile } from "vfile";
import { report } from "../model/diagnostics.ts";
import { MAX_FILE_BYTES, decodeBytes, reportTooLarge } from "./decode.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { repairMojibake, type MojibakeCodec } from "./mojibake.ts";

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
 * Reads a role guide from disk. File system errors (missing, a directory, no permission) become a
 * `read-failed` error on the returned file.
 * @param path where to read the file
 * @param displayPath the path messages name, e.g. relative to the project (default `path`)
 */
export async function readRoleFile(path: string, displayPath?: string): Promise<VFile> {
  const file = new VFile({ path: displayPath ?? path });
  let bytes: Uint8Array;
  try {
    // Checked before reading, so that a huge file is never held in memory.
    const { size } = await stat(path);
    if (size > MAX_FILE_BYTES) {
      reportTooLarge(file, size);
      return unreadable(file);
    }
    bytes = await readFile(path);
  } catch (cause) {
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
    report(
      file,
      "error",
      "read-failed",
      `Could not read "${path}": ${why}${code ? ` (${code})` : ""}; expected a readable markdown file. Check the path and its permissions.`,
      { line: 1, column: 1 },
    );
    return unreadable(file);
  }
  return readInto(file, bytes);
}

/**
 * The same pipeline on content already in memory, for tests and fuzzing. A string is encoded as
 * UTF-8 first (a lone surrogate becomes U+FFFD), so it meets the same checks as bytes do.
 * @param text the file's content, as text or as bytes
 * @param path the path messages name
 */
export function readRoleText(text: string | Uint8Array, path: string): VFile {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  return readInto(new VFile({ path }), bytes);
}

function readInto(file: VFile, bytes: Uint8Array): VFile {
  const decoded = decodeBytes(bytes, file);
  if (decoded === null) return unreadable(file);

  const repair = repairMojibake(decoded);
  if (repair.encoding !== null && repair.firstLine !== null) {
    const shown = repair.example ? ` ("${repair.example.from}" for "${repair.example.to}")` : "";
    const runs = repair.count === 1 ? "1 run" : `${repair.count} runs`;
    report(
      file,
      "warning",
      "mojibake-repaired",
      `Text was UTF-8 read as ${CODEC_NAMES[repair.encoding]} and saved again${shown}; repaired ${runs} from line ${repair.firstLine} on. Re-save the file as UTF-8 with the repaired characters to silence this.`,
      { line: repair.firstLine, column: 1 },
    );
  }

  const { data, body, raw } = splitFrontMatter(repair.text, file);
  file.value = body;
  file.data.frontMatter = data;
  file.data.frontMatterRaw = raw;
  file.data.readable = true;
  return file;
}

function unreadable(file: VFile): VFile {
  file.value = "";
  file.data.frontMatter = null;
  file.data.frontMatterRaw = null;
  file.data.readable = false;
  return file;
}
