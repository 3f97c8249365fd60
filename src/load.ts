/**
 * Runs read → parse → extract → validate → merge for a set of files: the one place that knows
 * the stages' order. Every problem of every file is reported in one run; nothing here throws
 * for bad input.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { VFile } from "vfile";
import { extractRole } from "./extract/index.ts";
import { report } from "./model/diagnostics.ts";
import { mergeRoles, type Placed } from "./model/merge.ts";
import { positionOf } from "./model/raw-role.ts";
import type { Role } from "./model/role.ts";
import { validateRole } from "./model/validate.ts";
import { parseMarkdown } from "./parse/index.ts";
import { readRoleFile, readRoleText } from "./read/index.ts";

export interface LoadResult {
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
    out.push(input);
    return;
  }
  const entries = await readdir(input, { recursive: true, withFileTypes: true });
  const found = entries
    .filter((e) => e.isFile() && MARKDOWN.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  if (found.length === 0) {
    const file = new VFile({ path: input });
    report(file, "error", "input-empty", `The folder "${input}" holds no markdown files (*.md); expected at least one role guide.`, { line: 1, column: 1 });
    problems.push(file);
  }
  out.push(...found);
}

/** Reads, parses, extracts and validates one file; its problems go to the returned file. */
export async function loadFile(filePath: string): Promise<{ file: VFile; placed: Placed | null }> {
  return runStages(await readRoleFile(filePath, path.relative(process.cwd(), filePath) || filePath));
}

/**
 * The same for content already in memory (tests, fuzzing, an editor integration).
 * @param content the file's bytes, or text (encoded as UTF-8 first)
 * @param filePath the path diagnostics name
 */
export function loadContent(content: string | Uint8Array, filePath: string): { file: VFile; placed: Placed | null } {
  return runStages(readRoleText(content, filePath));
}

function runStages(file: VFile): { file: VFile; placed: Placed | null } {
  if (!file.data.readable) return { file, placed: null };
  const tree = parseMarkdown(file);
  const raw = extractRole(tree, file);
  const role = validateRole(raw, file);
  return { file, placed: role ? { role, file, raw } : null };
}

/**
 * Loads the roles in `inputs`.
 * @param inputs markdown files, or folders searched (recursively) for them
 */
export async function loadRoles(inputs: readonly string[]): Promise<LoadResult> {
  const paths: string[] = [];
  const files: VFile[] = [];
  for (const input of inputs) await collect(input, paths, files);
  const loaded = await Promise.all([...new Set(paths)].map(loadFile));
  files.push(...loaded.map((l) => l.file));
  const roles = mergeRoles(loaded.flatMap((l) => (l.placed ? [l.placed] : [])));
  const known = new Set(roles.map((r) => r.slug));
  for (const { placed } of loaded) {
    placed?.role.transitions.forEach((plan, index) => {
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
  return { roles, files };
}
