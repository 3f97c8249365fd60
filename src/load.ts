/**
 * Runs read → parse → extract → validate → merge for a set of files: the one place that knows
 * the stages' order. Every problem of every file is reported in one run; nothing here throws
 * for bad input.
 */
import { readdir, realpath, stat } from "node:fs/promises";
import type { Dirent } from "node:fs";
import path from "node:path";
import { VFile } from "vfile";
import type { RoleCache } from "./cache/index.ts";
import { extractRoles } from "./extract/index.ts";
import { report } from "./model/diagnostics.ts";
import { mergeRoles, type Placed } from "./model/merge.ts";
import { positionOf } from "./model/raw-role.ts";
import type { Role } from "./model/role.ts";
import { validateRole } from "./model/validate.ts";
import { parseMarkdown } from "./parse/index.ts";
import { checkAfterExtract, checkAfterParse, checkBeforeParse } from "./limits.ts";
import { readRoleFile, readRoleText } from "./read/index.ts";

/** Milliseconds one file spent in each stage of its load (decoding counts as `read`). */
export interface StageTimes {
  read: number;
  parse: number;
  extract: number;
  validate: number;
}

declare module "vfile" {
  interface DataMap {
    /** How long the file's stages took, when it was loaded (not taken from the cache). */
    stages: StageTimes;
  }
}

export interface LoadResult {
  /** Milliseconds spent merging the files' roles and running the cross-file checks. */
  merge?: number;
  roles: Role[];
  /** One file per input, carrying its diagnostics; a missing input gets a file of its own. */
  files: VFile[];
}

const MARKDOWN = /\.(?:md|markdown|mdown|mkd)$/i;

async function collect(input: string, out: string[], problems: VFile[]): Promise<void> {
  let info;
  try {
    info = await stat(input);
  } catch {
    const file = new VFile({ path: input });
    report(file, "error", "input-missing", `No file or folder "${input}"; expected a markdown file or a folder of them.`, { line: 1, column: 1 });
    problems.push(file);
    return;
  }
  if (!info.isDirectory()) {
    if (info.isFile()) out.push(input);
    else {
      // A FIFO or a device would block the read or never end.
      const file = new VFile({ path: input });
      report(file, "error", "input-missing", `"${input}" is neither a file nor a folder (a pipe, socket or device); expected a markdown file or a folder of them.`, { line: 1, column: 1 });
      problems.push(file);
    }
    return;
  }
  const entries = await readdir(input, { recursive: true, withFileTypes: true });
  const found = entries
    .filter((e) => e.isFile() && MARKDOWN.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
  found.push(...(await linkedFiles(input, entries, problems)));
  found.sort();
  if (found.length === 0) {
    const file = new VFile({ path: input });
    report(file, "error", "input-empty", `The folder "${input}" holds no markdown files (*.md); expected at least one role guide.`, { line: 1, column: 1 });
    problems.push(file);
  }
  out.push(...found);
}

/** One file loaded: the file with its diagnostics, and the valid roles it describes. */
export interface Loaded {
  file: VFile;
  /** The file's first valid role, or null when it has none (kept for callers of one-role files). */
  placed: Placed | null;
  /** Every valid role the file describes, in file order (a file may describe several). */
  roles: Placed[];
}

/**
 * The markdown files that symbolic links in a folder point to, when they lie inside the folder and
 * are not read through their own path already. A link that leads outside is skipped with an
 * `input-outside` warning: the guides are the folder, and a link must not pull in other files.
 */
async function linkedFiles(folder: string, entries: readonly Dirent[], problems: VFile[]): Promise<string[]> {
  const links = entries.filter((e) => e.isSymbolicLink());
  if (links.length === 0) return [];
  const root = await realpath(folder);
  const inside = (target: string) => target === root || target.startsWith(root + path.sep);
  const read = new Set<string>();
  for (const e of entries) if (e.isFile() && MARKDOWN.test(e.name)) read.add(await realpath(path.join(e.parentPath, e.name)).catch(() => ""));
  const out: string[] = [];
  for (const link of links) {
    const at = path.join(link.parentPath, link.name);
    const target = await realpath(at).catch(() => null);
    const info = target === null ? null : await stat(target).catch(() => null);
    if (target === null || info === null) {
      if (MARKDOWN.test(link.name)) {
        const file = new VFile({ path: at });
        report(file, "warning", "input-broken-link", `"${at}" is a symbolic link to nothing; skipped. Remove the link or restore its target.`, { line: 1, column: 1 });
        problems.push(file);
      }
      continue;
    }
    if (!inside(target)) {
      if (MARKDOWN.test(link.name) || info.isDirectory()) {
        const file = new VFile({ path: at });
        report(
          file,
          "warning",
          "input-outside",
          `"${at}" is a symbolic link to "${target}", outside the input folder "${folder}"; skipped, so that only the folder's own files are read. Copy the file into the folder to use it.`,
          { line: 1, column: 1 },
        );
        problems.push(file);
      }
      continue;
    }
    // Inside the folder: a linked folder's files are read in their own right, and so is a linked file once.
    if (info.isFile() && MARKDOWN.test(link.name) && !read.has(target)) {
      read.add(target);
      out.push(at);
    }
  }
  return out;
}

/** Reads, parses, extracts and validates one file; its problems go to the returned file. */
export async function loadFile(filePath: string): Promise<Loaded> {
  const start = performance.now();
  const file = await readRoleFile(filePath, path.relative(process.cwd(), filePath) || filePath);
  return runStages(file, performance.now() - start);
}

/**
 * The same for content already in memory (tests, fuzzing, an editor integration).
 * @param content the file's bytes, or text (encoded as UTF-8 first)
 * @param filePath the path diagnostics name
 */
export function loadContent(content: string | Uint8Array, filePath: string): Loaded {
  const start = performance.now();
  const file = readRoleText(content, filePath);
  return runStages(file, performance.now() - start);
}

function runStages(file: VFile, read = 0): Loaded {
  const none: Loaded = { file, placed: null, roles: [] };
  const stages: StageTimes = { read, parse: 0, extract: 0, validate: 0 };
  file.data.stages = stages;
  if (!file.data.readable) return none;
  try {
    let start = performance.now();
    if (!checkBeforeParse(String(file.value), file)) return none;
    const tree = parseMarkdown(file);
    if (!checkAfterParse(tree, file)) return none;
    stages.parse = performance.now() - start;
    start = performance.now();
    const raws = extractRoles(tree, file);
    if (!checkAfterExtract(raws, file)) return none;
    stages.extract = performance.now() - start;
    start = performance.now();
    const roles: Placed[] = [];
    for (const raw of raws) {
      const role = validateRole(raw, file);
      if (role) roles.push({ role, file, raw });
    }
    stages.validate = performance.now() - start;
    return { file, placed: roles[0] ?? null, roles };
  } catch (error) {
    // The last line of defence: one file that trips a stage becomes its diagnostic, not a crash.
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError) {
      report(file, "error", "input-too-complex", `The file is too deeply nested or too large to read (${reason}); simplify its structure.`, { line: 1, column: 1 });
    } else {
      report(file, "error", "internal-error", `Career Atlas failed on this file (${reason}); this is a bug, please report it with the file.`, { line: 1, column: 1 });
    }
    return none;
  }
}

/** The markdown files `inputs` name, each once, and a file for each input that is missing or holds none. */
export async function collectInputs(inputs: readonly string[]): Promise<{ paths: string[]; problems: VFile[] }> {
  const paths: string[] = [];
  const problems: VFile[] = [];
  for (const input of inputs) await collect(input, paths, problems);
  return { paths: [...new Set(paths)], problems };
}

export interface LoadOptions {
  /** Where validated files are looked up and stored by content (see src/cache); none by default. */
  cache?: RoleCache;
}

/**
 * Loads the roles in `inputs`.
 * @param inputs markdown files, or folders searched (recursively) for them
 */
export async function loadRoles(inputs: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const { paths, problems } = await collectInputs(inputs);
  const files: VFile[] = [...problems];
  const cache = options.cache;
  const loaded = await Promise.all(paths.map((p) => (cache ? cache.load(p) : loadFile(p))));
  files.push(...loaded.map((l) => l.file));
  const start = performance.now();
  const roles = mergeRoles(loaded.flatMap((l) => l.roles));
  const known = new Set(roles.map((r) => r.slug));
  for (const placed of loaded.flatMap((l) => l.roles)) {
    placed.role.transitions.forEach((plan, index) => {
      if (known.has(plan.slug)) return;
      report(
        placed.file,
        "info",
        "transition-from-unknown",
        `The plan from "${plan.from}" starts at a role no input describes; its page cannot list the skills a reader already has. Add a guide for "${plan.from}" to enable that.`,
        positionOf(placed.raw, ["transitions", index]),
      );
    });
  }
  return { roles, files, merge: performance.now() - start };
}
