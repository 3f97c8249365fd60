/**
 * The build replaces its output folder as a whole, so the folder must be one it may destroy: an
 * empty or missing folder, or one an earlier build made (it holds the marker file below). Anything
 * else (an input, the project, a folder of the user's own) is refused before anything is touched.
 */
import { lstat, readdir, realpath, writeFile } from "node:fs/promises";
import path from "node:path";

/** The file every site folder Career Atlas makes holds at its root, so the next build knows it may replace it. */
export const SITE_MARKER = ".career-atlas-site";

/** What the marker says, to whoever opens it (the same bytes every build, so two builds stay byte-identical). */
const MARKER_TEXT = "This folder was made by Career Atlas (career-atlas build). The next build replaces it whole:\nfiles added here by hand are removed.\n";

/** An output folder the build refuses: the message says which case and what to do. */
export class OutputRefused extends Error {
  override name = "OutputRefused";
}

export interface GuardOptions {
  /** The working directory the build runs in (by default the process's). */
  cwd?: string;
  /**
   * Replace a non-empty folder without the marker. Never lifts the refusals that protect the
   * inputs, the working directory and its ancestors, or a file.
   */
  force?: boolean;
}

/** Whether `inner` is `outer` or lies inside it (both absolute and resolved). */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * The path with symbolic links resolved as far as it exists: a folder that does not exist yet is
 * placed where its nearest existing ancestor really is.
 */
async function resolveExisting(target: string): Promise<string> {
  const absolute = path.resolve(target);
  const rest: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      return path.join(await realpath(at), ...rest.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return absolute;
      rest.push(path.basename(at));
      at = parent;
    }
  }
}

/**
 * Refuses an output folder the build must not replace; resolves when it may.
 * @param output the output folder as given (`--output`)
 * @param inputs the input files and folders as given
 * @throws OutputRefused naming the case and what to do
 */
export async function guardOutput(output: string, inputs: readonly string[], options: GuardOptions = {}): Promise<void> {
  const shown = JSON.stringify(output);
  const real = await resolveExisting(output);
  const cwd = await resolveExisting(options.cwd ?? process.cwd());
  if (within(cwd, real)) {
    throw new OutputRefused(
      `${shown} is ${real === cwd ? "the working directory" : "an ancestor of the working directory"}; the build replaces its output folder whole, so it would delete your project. ` +
        `Give --output a folder of its own, such as "site".`,
    );
  }
  for (const input of inputs) {
    const resolved = await resolveExisting(input);
    if (within(resolved, real)) {
      throw new OutputRefused(
        `${shown} ${resolved === real ? "is" : "contains"} the input ${JSON.stringify(input)}; the build replaces its output folder whole, so it would delete your guides. ` +
          `Give --output a folder outside the inputs, such as "site".`,
      );
    }
  }
  let info;
  try {
    info = await lstat(output);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new OutputRefused(`${shown} cannot be inspected (${(error as NodeJS.ErrnoException).code ?? String(error)}); check its permissions, or give --output another folder.`);
  }
  if (info.isSymbolicLink()) {
    throw new OutputRefused(`${shown} is a symbolic link; the build replaces its output folder whole and will not follow a link to do it. Give --output the real folder.`);
  }
  if (!info.isDirectory()) {
    throw new OutputRefused(`${shown} is a file, not a folder; the build will not replace it. Give --output a folder, such as "site".`);
  }
  let names: string[];
  try {
    names = await readdir(output);
  } catch (error) {
    throw new OutputRefused(`${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check its permissions, or give --output another folder.`);
  }
  if (names.length === 0 || names.includes(SITE_MARKER) || options.force) return;
  const example = names.sort()[0]!;
  throw new OutputRefused(
    `${shown} holds files Career Atlas did not write (it has no ${SITE_MARKER} file), such as ${JSON.stringify(example)}; the build replaces its output folder whole. ` +
      `Give --output an empty or new folder, remove this one yourself, or pass --force to replace it.`,
  );
}

/** Writes the marker into a site folder the build is making. */
export async function markSite(folder: string): Promise<void> {
  await writeFile(path.join(folder, SITE_MARKER), MARKER_TEXT);
}
