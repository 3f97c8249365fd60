/**
 * Splits YAML front matter off a role guide. The body keeps every line (the front matter's become
 * empty), so positions the markdown parser reports are positions in the file.
 */
import type { VFile } from "vfile";
import { LineCounter, isMap, isSeq, parseDocument } from "yaml";
import { report } from "../model/diagnostics.ts";

export interface FrontMatterSplit {
  /** The front matter's mapping, or null when there is none or it is not a valid mapping. */
  data: Record<string, unknown> | null;
  /** The text with the front matter lines, fences included, replaced by empty lines. */
  body: string;
  /** The YAML between the fences, as written (kept even when invalid), or null when none. */
  raw: string | null;
}

/**
 * Splits off front matter: only when line 1 is exactly `---` and a later line is `---` or `...`
 * (a `---` further down is a thematic break). Invalid YAML, a scalar or a list become a
 * `front-matter-invalid` warning; empty or comments-only front matter is fine. Never throws.
 * @param text decoded text with LF line endings
 * @param file the file the warnings go to
 */
export function splitFrontMatter(text: string, file: VFile): FrontMatterSplit {
  const none: FrontMatterSplit = { data: null, body: text, raw: null };
  if (!text.startsWith("---\n")) return none;

  // Find the closing fence: the first later line that is exactly `---` or `...`.
  let lineStart = 4;
  let closeStart = -1;
  let closeEnd = -1;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (line === "---" || line === "...") {
      closeStart = lineStart;
      closeEnd = lineEnd;
      break;
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (closeStart < 0) return none;

  const raw = text.slice(4, closeStart);
  let breaks = 0;
  for (let i = 0; i < closeEnd; i++) if (text.charCodeAt(i) === 0x0a) breaks++;
  const body = "\n".repeat(breaks) + text.slice(closeEnd);
  return { data: parseFrontMatter(raw, file), body, raw };
}

/** The YAML as a plain object, or null with a warning when it is not a valid mapping. */
function parseFrontMatter(raw: string, file: VFile): Record<string, unknown> | null {
  const lineCounter = new LineCounter();
  // The front matter starts on file line 2: YAML line n is file line n + 1.
  const place = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + 1, column: col };
  };
  try {
    // uniqueKeys: false: a repeated key is a slip in a hand-written header, not a reason to drop it.
    const doc = parseDocument(raw, { uniqueKeys: false, lineCounter, prettyErrors: false });
    const error = doc.errors[0];
    if (error) {
      report(file, "front-matter-invalid", { kind: "syntax", error: error.message.split("\n")[0]! }, place(error.pos[0]));
      return null;
    }
    const contents = doc.contents;
    if (contents === null) return null; // empty or only comments: nothing to read, nothing wrong
    if (!isMap(contents)) {
      report(file, "front-matter-invalid", { kind: "shape", shape: isSeq(contents) ? "a list" : "a single value" }, place(contents.range?.[0] ?? 0));
      return null;
    }
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
    return data as Record<string, unknown>;
  } catch (cause) {
    // toJS throws on alias bombs and other resolution failures; the file is still readable.
    const reason = cause instanceof Error ? cause.message : String(cause);
    report(file, "front-matter-invalid", { kind: "unreadable", reason }, { line: 2, column: 1 });
    return null;
  }
}
