/**
 * Runs the stages (`stages.ts`) over a set of files and merges what they give: the one place that
 * knows the order of a build's loading. Each input's bytes are read and hashed once (`readInputs`),
 * and the build's digest and the load are both made from them; a `Loader` (`load/loader.ts`) asks
 * the store (`cache/`) for each and runs the stages on a miss, here or in its worker pool
 * (`load/pool.ts`). Every problem of every file is reported in one run; nothing here throws for bad
 * input.
 */
import { createHash } from "node:crypto";
import { readdir, realpath, stat } from "node:fs/promises";
import type { Dirent } from "node:fs";
import path from "node:path";
import { VFile } from "vfile";
import type { Loader } from "./load/loader.ts";
import { report } from "./model/diagnostics.ts";
import type { Aliases } from "./model/aliases.ts";
import { mergeRoles } from "./model/merge.ts";
import { positionOf } from "./model/raw-role.ts";
import type { Role } from "./model/role.ts";
import { DEFAULT_LIMITS, type Limits } from "./limits.ts";
import { unreadable } from "./read/index.ts";
import { readBytes, type Within } from "./read/open.ts";
import { loadContent, runStages } from "./stages.ts";
import { atOnce } from "./at-once.ts";

export { loadContent, loadFile, type Loaded, type StageTimes } from "./stages.ts";
export { Loader } from "./load/loader.ts";


export interface LoadResult {
  /** Milliseconds spent merging the files' roles and running the cross-file checks. */
  merge?: number;
  roles: Role[];
  /** One file per input, carrying its diagnostics; a missing input gets a file of its own. */
  files: VFile[];
}

const MARKDOWN = /\.(?:md|markdown|mdown|mkd)$/i;

async function collect(input: string, out: string[], problems: VFile[], within: Map<string, Within>): Promise<void> {
  let info;
  try {
    info = await stat(input);
  } catch {
    const file = new VFile({ path: input });
    report(file, "input-missing", { input }, { line: 1, column: 1 });
    problems.push(file);
    return;
  }
  if (!info.isDirectory()) {
    if (info.isFile()) out.push(input);
    else {
      // A FIFO or a device would block the read or never end.
      const file = new VFile({ path: input });
      report(file, "input-missing", { input, special: true }, { line: 1, column: 1 });
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
  // Checked again on the file opened (see `readBytes`): a path may turn into a link after this listing.
  const folder = { folder: input, real: await realpath(input) };
  for (const file of found) if (!within.has(file)) within.set(file, folder);
  if (found.length === 0) {
    const file = new VFile({ path: input });
    report(file, "input-empty", { folder: input }, { line: 1, column: 1 });
    problems.push(file);
  }
  out.push(...found);
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
        report(file, "input-broken-link", { path: at }, { line: 1, column: 1 });
        problems.push(file);
      }
      continue;
    }
    if (!inside(target)) {
      if (MARKDOWN.test(link.name) || info.isDirectory()) {
        const file = new VFile({ path: at });
        report(file, "input-outside", { path: at, target, folder, link: true }, { line: 1, column: 1 });
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


/** The markdown files some inputs name, each once, and a file for each input that is missing or holds none. */
export interface Collected {
  paths: string[];
  problems: VFile[];
  /** The folder each file found in a folder was found in (a file named itself has none). */
  within: Map<string, Within>;
}

/** The markdown files `inputs` name, each once, and a file for each input that is missing or holds none. */
export async function collectInputs(inputs: readonly string[]): Promise<Collected> {
  const paths: string[] = [];
  const problems: VFile[] = [];
  const within = new Map<string, Within>();
  for (const input of inputs) await collect(input, paths, problems, within);
  return { paths: [...new Set(paths)], problems, within };
}

/**
 * One input file, read once: its bytes and their sha256 (hex), from which both the build's
 * "nothing changed" digest and the load are made; or, when it could not be read whole, the file
 * whose diagnostics say why.
 */
export type InputFile = { path: string; display: string } & ({ bytes: Uint8Array; hash: string; file: null } | { bytes: null; hash: null; file: VFile });

/** The inputs as read: every file found, and a file for each input that is missing or holds none. */
export interface Inputs {
  files: InputFile[];
  problems: VFile[];
}

/** Files read at once: enough to overlap the reads, few enough to hold few handles. */
const READS_AT_ONCE = 8;

/**
 * Reads every file `collected` found, each once (see `readBytes`).
 * @param limits the largest file read is `limits.fileBytes` (tests lower it)
 */
export async function readCollected(collected: Collected, limits: Limits = DEFAULT_LIMITS): Promise<Inputs> {
  const files: InputFile[] = new Array(collected.paths.length);
  await atOnce(collected.paths.length, READS_AT_ONCE, async (at) => {
    const filePath = collected.paths[at]!;
    const display = path.relative(process.cwd(), filePath) || filePath;
    const read = await readBytes(filePath, { displayPath: display, within: collected.within.get(filePath) ?? null, maxBytes: limits.fileBytes });
    files[at] =
      read.bytes === null
        ? { path: filePath, display, bytes: null, hash: null, file: unreadable(read.file) }
        : { path: filePath, display, bytes: read.bytes, hash: createHash("sha256").update(read.bytes).digest("hex"), file: null };
  });
  return { files, problems: collected.problems };
}

/** Finds and reads the files `inputs` name (markdown files, or folders searched recursively for them). */
export async function readInputs(inputs: readonly string[], limits: Limits = DEFAULT_LIMITS): Promise<Inputs> {
  return readCollected(await collectInputs(inputs), limits);
}

export interface LoadOptions {
  /**
   * What loads each file (see `src/load/loader.ts`): looks it up in the store by content and runs
   * the stages on a miss, in this thread or in workers; without one, every file is loaded here.
   */
  loader?: Loader;
  /** The alias tables roles and skills are merged by: the built-in ones, or with a site's own added. */
  aliases?: Aliases;
  /** The limits of every stage (`src/limits.ts`): `DEFAULT_LIMITS` by default; tests lower them. */
  limits?: Limits;
}

/**
 * Loads the roles in `inputs`.
 * @param inputs markdown files, or folders searched (recursively) for them
 */
export async function loadRoles(inputs: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  return loadInputs(await readInputs(inputs, options.limits), options);
}

/** Loads the roles in inputs already read (see `readInputs`), from the bytes read: no file is read again. */
export async function loadInputs(inputs: Inputs, options: LoadOptions = {}): Promise<LoadResult> {
  const files: VFile[] = [...inputs.problems];
  const limits = options.limits ?? DEFAULT_LIMITS;
  // The store holds loads at the default limits (its key does not name the limits), and the workers load at those.
  const loader = limits === DEFAULT_LIMITS ? options.loader : undefined;
  const readable = inputs.files.flatMap((input) => (input.bytes === null ? [] : [input]));
  const viaLoader = loader ? await loader.loadAll(readable) : [];
  let next = 0;
  const loaded = await Promise.all(
    inputs.files.map((input) => (input.bytes === null ? runStages(input.file) : loader ? viaLoader[next++]! : loadContent(input.bytes, input.display, limits))),
  );
  files.push(...loaded.map((l) => l.file));
  const start = performance.now();
  const roles = mergeRoles(loaded.flatMap((l) => l.roles), { aliases: options.aliases });
  const known = new Set(roles.map((r) => r.slug));
  for (const placed of loaded.flatMap((l) => l.roles)) {
    placed.role.transitions.forEach((plan, index) => {
      if (known.has(plan.slug)) return;
      report(placed.file, "transition-from-unknown", { from: plan.from }, positionOf(placed.raw, ["transitions", index]));
    });
  }
  return { roles, files, merge: performance.now() - start };
}
