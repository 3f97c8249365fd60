/**
 * The rules of finding and reading the inputs: paths, bytes, encodings, front matter, and the
 * limits that keep a file from taking unreasonable time to parse.
 */
import { num, rule, type NoArgs } from "./rule.ts";

/** The kinds of markdown the parser takes time by the square of (see `src/parse/scan.ts`). */
export type BlockKind = "setext" | "close" | "lazy";

const BLOCKS: Record<BlockKind, string> = {
  setext: "setext heading underlines (a line of = or - right under a line of text)",
  close: "lists or block quotes closed inside others (a blank line after a quote, or a new list item after a nested list or quote)",
  lazy: "lazy lines (lines that continue a quoted or listed paragraph without its > or indentation)",
};

const BLOCK_FIX: Record<BlockKind, string> = {
  setext: 'Write headings with "#", and put a blank line between text and a "---" meant as a rule',
  close: "Flatten the nested lists and quotes, or merge the quotes",
  lazy: 'Start each line of a quote with ">" and indent each line of a list item, or add blank lines',
};

/** Each way a file can be too complex to read, with what the check that refused it knows. */
export type TooComplex =
  /** Emphasis and link marks in one paragraph. */
  | { kind: "marks"; from: number; line: number; limit: number }
  /** Emphasis and link marks over all long paragraphs. */
  | { kind: "mark-work"; line: number }
  | { kind: "nesting"; line: number; depth: number; limit: number }
  | { kind: "blocks"; line: number; block: BlockKind; setext: number; closes: number; lazy: number }
  /** A parsed tree (or the HTML in it) nested too deep. */
  | { kind: "depth"; what: string; limit: number }
  /** More roles, levels, plans… than a file may give. */
  | { kind: "count"; what: string; limit: number }
  | { kind: "name"; what: string; length: number; limit: number }
  /** The stack or memory ran out while reading. */
  | { kind: "crash"; reason: string };

function tooComplex(a: TooComplex): string {
  switch (a.kind) {
    case "marks":
      return `The paragraph from line ${a.from} holds more than ${num(a.limit)} emphasis and link marks (*, _, ~, [, ]) by line ${a.line}; the parser takes time by the square of their number.`;
    case "mark-work":
      return `The file holds more emphasis and link marks (*, _, ~, [, ]) in long paragraphs than can be read in reasonable time (the parser takes time by the square of their number in a paragraph), past the limit at the paragraph ending on line ${a.line}.`;
    case "nesting":
      return `Line ${a.line} nests about ${a.depth} lists or block quotes (counting markers and 2 columns of indentation as one level); at most ${a.limit} are read, since each level costs the parser time on every line after it.`;
    case "blocks":
      return `By line ${a.line} the file holds too many ${BLOCKS[a.block]} (${a.setext} setext underlines, ${a.closes} nested closes, ${a.lazy} lazy lines); the parser takes time by the square of their number, each costing time for every line before it, so the file is not read.`;
    case "depth":
      return `The ${a.what} here is nested more than ${a.limit} levels deep; expected at most ${a.limit}, since every step that reads it goes one level down at a time.`;
    case "count":
      return `The file gives more than ${num(a.limit)} ${a.what}; at most ${num(a.limit)} are read, since each makes pages of the site.`;
    case "name":
      return `${a.what} is ${num(a.length)} characters long; at most ${num(a.limit)} are read, since it is shown on other pages than its own.`;
    case "crash":
      return `The file is too deeply nested or too large to read (${a.reason}).`;
  }
}

const TOO_COMPLEX_FIX: Record<Exclude<TooComplex["kind"], "blocks">, string> = {
  marks: "Split the paragraph with blank lines or remove the marks.",
  "mark-work": "Split the paragraphs with blank lines or remove the marks.",
  nesting: "Flatten the list.",
  depth: "Flatten it.",
  count: "Split the file or shorten the lists.",
  name: "Shorten it.",
  crash: "Simplify its structure.",
};

/** Why a file is taken for binary data. */
export type Binary = { kind: "utf16"; bom: string } | { kind: "nul"; offset: number } | { kind: "controls"; percent: number };

export type FrontMatterProblem = { kind: "syntax"; error: string } | { kind: "shape"; shape: "a list" | "a single value" } | { kind: "unreadable"; reason: string };

const UTF8 = "Re-save the file as UTF-8.";

export const READ_RULES = {
  "input-missing": rule({
    severity: "error",
    title: "No such file or folder",
    message: (a: { input: string; special?: boolean }) =>
      a.special
        ? `"${a.input}" is neither a file nor a folder (a pipe, socket or device); expected a markdown file or a folder of them.`
        : `No file or folder "${a.input}"; expected a markdown file or a folder of them.`,
    hint: "Check the path given to --input or on the command line.",
  }),
  "input-empty": rule({
    severity: "error",
    title: "A folder with no guides",
    message: (a: { folder: string }) => `The folder "${a.folder}" holds no markdown files (*.md); expected at least one role guide.`,
    hint: "Put role guides (*.md) in the folder, or name another.",
  }),
  "input-outside": rule({
    severity: "warning",
    title: "A link that leads outside the input folder",
    message: (a: { path: string; target: string | null; folder: string; link?: boolean }) =>
      `"${a.path}" ${a.link ? "is a symbolic link to" : "leads to"} ${a.target === null ? "a file that changed while it was read" : `"${a.target}"`}, outside the input folder "${a.folder}"; skipped, so that only the folder's own files are read.`,
    hint: "Copy the file into the folder to use it.",
  }),
  "input-broken-link": rule({
    severity: "warning",
    title: "A symbolic link that leads nowhere",
    message: (a: { path: string }) => `"${a.path}" is a symbolic link to nothing; skipped.`,
    hint: "Remove the link or restore its target.",
  }),
  "read-failed": rule({
    severity: "error",
    title: "A file that cannot be read",
    message: (a: { path: string; why: string; code?: string }) => `Could not read "${a.path}": ${a.why}${a.code ? ` (${a.code})` : ""}; expected a readable markdown file.`,
    hint: "Check the path and its permissions; pipes and devices are not read.",
  }),
  "file-too-large": rule({
    severity: "error",
    title: "A file over the size limit",
    message: (a: { size: string; max: string }) => `The file is ${a.size}; at most ${a.max} is read, and a role guide is some kilobytes of text.`,
    hint: "Split the file, or remove it from the inputs if it is data.",
  }),
  "empty-file": rule({
    severity: "error",
    title: "An empty file",
    message: (a: { bytes: number }) => `${a.bytes === 0 ? "The file is empty (0 bytes)" : `The file has ${a.bytes} bytes but only whitespace`}; expected a role guide in markdown.`,
    hint: "Write its content or delete the file.",
  }),
  "binary-file": rule({
    severity: "error",
    title: "A file that is not text",
    message: (a: Binary) =>
      a.kind === "utf16"
        ? `The file starts with the UTF-16 byte order mark ${a.bom}; expected UTF-8 text.`
        : `${a.kind === "nul" ? `The file contains a NUL byte (first at byte offset ${a.offset})` : `${a.percent}% of the file's bytes are control characters`}, so it is binary data, not text; expected a UTF-8 markdown file.`,
    hint: "Remove it from the inputs, or re-save it as UTF-8 text.",
    hintFor: (a) => (a.kind === "utf16" ? UTF8 : a.kind === "nul" ? "Remove it from the inputs or re-save it as UTF-8 text." : "Remove it from the inputs."),
  }),
  "invalid-utf8": rule({
    severity: "error",
    title: "Bytes that are not UTF-8",
    message: (a: { byte: string; line: number; column: number; offset: number } | NoArgs) =>
      "byte" in a
        ? `Byte 0x${a.byte} at line ${a.line}, column ${a.column} is not valid UTF-8 (byte offset ${a.offset}); expected UTF-8 text. The file was probably saved in a legacy encoding such as Windows-1252 or Mac Roman.`
        : "The file is not valid UTF-8; expected UTF-8 text.",
    hint: UTF8,
  }),
  "mojibake-repaired": rule({
    severity: "warning",
    title: "Garbled characters repaired",
    message: (a: { encoding: string; example: { from: string; to: string } | null; runs: number; line: number }) =>
      `Text was UTF-8 read as ${a.encoding} and saved again${a.example ? ` ("${a.example.from}" for "${a.example.to}")` : ""}; repaired ${a.runs === 1 ? "1 run" : `${a.runs} runs`} from line ${a.line} on.`,
    hint: "Re-save the file as UTF-8 with the repaired characters to silence this.",
    found: (a) => (a.example ? { actual: a.example.from, expected: [a.example.to] } : {}),
  }),
  "front-matter-invalid": rule({
    severity: "warning",
    title: "Front matter that is not valid YAML",
    message: (a: FrontMatterProblem) =>
      a.kind === "syntax"
        ? `Front matter is not valid YAML: ${a.error}. Expected key: value lines between the --- fences.`
        : a.kind === "shape"
          ? `Front matter is ${a.shape}; expected a mapping of key: value lines.`
          : `Front matter could not be read as YAML: ${a.reason}. Expected plain key: value lines.`,
    hint: "Fix the YAML between the --- lines (it is ignored until then); the rest of the guide is read.",
    hintFor: (a) =>
      a.kind === "syntax"
        ? "Fix the YAML (it is ignored until then)."
        : a.kind === "shape"
          ? "Write it as key: value lines, or remove the --- fences if line 1 was meant as a divider."
          : "Simplify the YAML (it is ignored until then).",
  }),
  "front-matter-unread": rule({
    severity: "info",
    title: "Front matter keys no part reads",
    message: (a: { keys: readonly string[] }) =>
      `Front matter ${a.keys.length === 1 ? "key" : "keys"} ${a.keys.map((k) => `"${k}"`).join(", ")} left out of the role: a title or summary the body already gives, or settings of a site generator (a role guide reads title, summary, description, topics and levels).`,
    hint: "Nothing to do; keep them if another tool needs them.",
  }),
  "input-too-complex": rule({
    severity: "error",
    title: "Input too complex to read in reasonable time",
    message: tooComplex,
    hint: "Split long paragraphs, flatten deep nesting, or split the file.",
    hintFor: (a) => (a.kind === "blocks" ? `${BLOCK_FIX[a.block]}, or split the file.` : TOO_COMPLEX_FIX[a.kind]),
  }),
  "internal-error": rule({
    severity: "error",
    title: "A bug in Career Atlas",
    message: (a: { reason: string }) => `Career Atlas failed on this file (${a.reason}); this is a bug.`,
    hint: "Please report it with the file that caused it.",
  }),
};
