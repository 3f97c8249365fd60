/**
 * The stages one file goes through, in order: read (decode), parse, extract, validate. Pure but for
 * reading the file itself: the loader (`load/loader.ts`), its workers and the tests call them, and
 * the store (`cache/`) keeps what they give, so none of those needs the others.
 */
import path from "node:path";
import type { VFile } from "vfile";
import { extractRoles } from "./extract/index.ts";
import { report } from "./model/diagnostics.ts";
import type { Placed } from "./model/merge.ts";
import { validateRole } from "./model/validate.ts";
import { parseMarkdown } from "./parse/index.ts";
import { checkAfterParse, checkBeforeParse, chunkingOf, parseGuard } from "./parse/limits.ts";
import { checkAfterExtract, DEFAULT_LIMITS, type Limits } from "./limits.ts";
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

/** One file loaded: the file with its diagnostics, and the valid roles it describes. */
export interface Loaded {
  file: VFile;
  /** The file's first valid role, or null when it has none (kept for callers of one-role files). */
  placed: Placed | null;
  /** Every valid role the file describes, in file order (a file may describe several). */
  roles: Placed[];
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
 * @param limits the limits of `src/limits.ts` (tests lower them)
 */
export function loadContent(content: string | Uint8Array, filePath: string, limits: Limits = DEFAULT_LIMITS): Loaded {
  const start = performance.now();
  const file = readRoleText(content, filePath, limits);
  return runStages(file, performance.now() - start, limits);
}

export function runStages(file: VFile, read = 0, limits: Limits = DEFAULT_LIMITS): Loaded {
  const none: Loaded = { file, placed: null, roles: [] };
  const stages: StageTimes = { read, parse: 0, extract: 0, validate: 0 };
  file.data.stages = stages;
  if (!file.data.readable) return none;
  try {
    let start = performance.now();
    if (!checkBeforeParse(String(file.value), file, limits)) return none;
    const tree = parseMarkdown(file, chunkingOf(limits), parseGuard(file, limits));
    if (!tree || !checkAfterParse(tree, file, limits)) return none;
    stages.parse = performance.now() - start;
    start = performance.now();
    const raws = extractRoles(tree, file);
    if (!checkAfterExtract(raws, file, limits)) return none;
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
      report(file, "input-too-complex", { kind: "crash", reason }, { line: 1, column: 1 });
    } else {
      report(file, "internal-error", { reason }, { line: 1, column: 1 });
    }
    return none;
  }
}
