/**
 * Bytes → text, or a diagnostic saying why the bytes are not a role guide we can read.
 * Every later stage assumes clean text: UTF-8 decoded, no BOM, LF line endings only.
 */
import type { VFile } from "vfile";
import { z } from "zod";
import { report } from "../model/diagnostics.ts";
import type { Binary } from "../model/rules/read.ts";
import { firstInvalidUtf8 } from "./utf8.ts";

// Above this share of control bytes the file is data, not prose (git only looks for NUL; we also
// catch files of mostly control bytes, which would otherwise decode as UTF-8 and parse as junk).
const CONTROL_SHARE_LIMIT = 0.1;

/** The largest file read (10 MiB): a role guide is some kilobytes; beyond this, time and memory would run away. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The read stage's limits: part of `Limits` (`src/limits.ts`), which `load.ts` passes down. */
export const ReadLimits = z.object({
  /** See `MAX_FILE_BYTES`. */
  fileBytes: z.number().int().positive(),
});
export type ReadLimits = z.infer<typeof ReadLimits>;

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({ fileBytes: MAX_FILE_BYTES });

/**
 * Decodes a file's bytes as UTF-8, strips a BOM and turns CRLF and lone CR into LF (one break
 * for one break, so line numbers stay those of the file). Problems become error messages on
 * `file` (rules `empty-file`, `binary-file`, `invalid-utf8`) and the result is then null.
 * @param bytes the file's content as read from disk
 * @param file the file the messages go to
 * @param limits the largest file decoded (tests lower it)
 */
export function decodeBytes(bytes: Uint8Array, file: VFile, limits: ReadLimits = DEFAULT_READ_LIMITS): string | null {
  if (bytes.length === 0) {
    reportEmpty(file, 0);
    return null;
  }

  if (bytes.length > limits.fileBytes) {
    reportTooLarge(file, bytes.length, limits.fileBytes);
    return null;
  }

  const binary = binaryReason(bytes);
  if (binary !== null) {
    report(file, "binary-file", binary, { line: 1, column: 1 });
    return null;
  }

  let text: string;
  try {
    // ignoreBOM keeps the BOM so that stripping it below is visible here, not a decoder default.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    reportInvalidUtf8(bytes, file);
    return null;
  }

  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, "\n");

  // trim() also drops NBSP, U+FEFF and other Unicode spaces: a file of only those has no content.
  if (text.trim() === "") {
    reportEmpty(file, bytes.length);
    return null;
  }
  return text;
}

/** Reports a file of `size` bytes, over the `max` read (rule `file-too-large`). */
export function reportTooLarge(file: VFile, size: number, max: number): void {
  // In KiB below a MiB, so that a low limit (in tests) does not read "0.0 MiB".
  const mib = (n: number) => (max < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`);
  report(file, "file-too-large", { size: mib(size), max: mib(max) }, { line: 1, column: 1 });
}

function reportEmpty(file: VFile, bytes: number): void {
  report(file, "empty-file", { bytes }, { line: 1, column: 1 });
}

/** Why the bytes look like binary data rather than text, or null when they look like text. */
function binaryReason(bytes: Uint8Array): Binary | null {
  // UTF-16 text is full of NUL bytes; naming it gives the user the one fix that works.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { kind: "utf16", bom: bytes[0] === 0xff ? "FF FE" : "FE FF" };
  }
  let firstNul = -1;
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0 && firstNul < 0) firstNul = i;
    // Tab, LF, VT, FF and CR are ordinary in text; every other C0 byte and DEL are not.
    if ((b < 0x20 && (b < 0x09 || b > 0x0d)) || b === 0x7f) controls++;
  }
  if (firstNul >= 0) {
    return { kind: "nul", offset: firstNul };
  }
  if (controls / bytes.length > CONTROL_SHARE_LIMIT) {
    return { kind: "controls", percent: Math.round((controls / bytes.length) * 100) };
  }
  return null;
}

/** Reports the first invalid byte at its line and column, the way an editor would show them. */
function reportInvalidUtf8(bytes: Uint8Array, file: VFile): void {
  const at = firstInvalidUtf8(bytes);
  if (at < 0) {
    // The validator and TextDecoder disagree: still an error, just without a position.
    report(file, "invalid-utf8", {}, { line: 1, column: 1 });
    return;
  }
  // Count breaks as the decoder will (CRLF, CR and LF are each one), so the line matches the
  // editor's; the bytes before `at` are valid UTF-8, so characters are the non-continuation bytes.
  let line = 1;
  let lineStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = lineStart; i < at; i++) {
    const b = bytes[i]!;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < at; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;

  const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, "0");
  report(file, "invalid-utf8", { byte, line, column, offset: at }, { line, column });
}
