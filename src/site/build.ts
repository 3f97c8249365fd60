/**
 * `career-atlas build`: check the output folder, load the role guides, print their diagnostics, then
 * render and publish the site (`render.ts`), so that a failed build leaves the previous site exactly
 * as it was; a build whose inputs and program did not change keeps the site as it is.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { VFile } from "vfile";
import type { CatalogMemo } from "../catalog/index.ts";
import { plural } from "../catalog/format.ts";
import { reportSiteBudget, type BudgetLimits } from "../catalog/budget.ts";
import { defaultCacheDir, RoleCache } from "../cache/index.ts";
import { defaultWorkers } from "../cache/pool.ts";
import type { SiteConfig } from "../config/schema.ts";
import { loadInputs, readInputs, type Inputs, type LoadResult, type StageTimes } from "../load.ts";
import { aliasesFor } from "../model/aliases.ts";
import { forPrinting, hasErrors } from "../model/diagnostics.ts";
import { forTerminal } from "../model/terminal.ts";
import { formatText } from "../report/format.ts";
import { describeFailure } from "./failure.ts";
import { diskManifests, inputsDigest, type Manifest, type ManifestStore } from "./manifest.ts";
import { guardOutput, OutputRefused } from "./output-guard.ts";
import { recoverOutput } from "./publish.ts";
import { buildSite, since, type SiteResult } from "./render.ts";
import { siteView, withSiteDigest, type SiteView } from "./site-config.ts";

export interface BuildOptions {
  /** Markdown files or folders of them. */
  inputs: string[];
  /** The site folder; replaced as a whole by a successful build. */
  output: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /**
   * Where to write the times of the build's stages as JSON (see `Timings`); by default the file
   * named by the environment variable CAREER_ATLAS_TIMINGS, if set.
   */
  timingsFile?: string;
  /**
   * Whether to look validated files up in the build cache and store them there (see src/cache):
   * `false` neither reads nor writes it; by default off, and on for the CLI unless `--no-cache`.
   */
  cache?: boolean;
  /** The cache folder; by default CAREER_ATLAS_CACHE_DIR or `node_modules/.cache/career-atlas`. */
  cacheDir?: string;
  /**
   * Swap the rendered pages in before the search index is rebuilt (serve's rebuilds): the previous
   * index is carried over, `onWritten` is called, then the new site is indexed in place.
   */
  deferSearch?: boolean;
  /** Called once the new pages are in `output` (before the search index when `deferSearch`). */
  onWritten?: () => void;
  /** Replace an output folder that holds files Career Atlas did not write (see `output-guard.ts`). */
  force?: boolean;
  /** The site configuration (see `src/config/`); the defaults without it. */
  config?: SiteConfig;
  /** The most site the roles may make (see `src/catalog/budget.ts`); `DEFAULT_LIMITS` without it. */
  limits?: BudgetLimits;
}

/**
 * Milliseconds spent in each stage of one build: `load` (read, parse, extract, validate, merge),
 * `derive` (the catalog), `render` (Eleventy), `search` (Pagefind's index), and `total`, from the
 * start of loading to the site swapped in: wall time. Within `load`, for the files loaded rather than
 * taken from the cache, `read` (decoding), `parse`, `extract` and `validate` are summed over the
 * files, in whichever thread each ran (so with workers they may add up to more than `load`), and
 * `merge` (the roles merged and the cross-file checks) is wall time.
 */
export interface Timings {
  read?: number;
  parse?: number;
  extract?: number;
  validate?: number;
  merge?: number;
  load: number;
  derive: number;
  render: number;
  search: number;
  total: number;
}

function countWarnings(files: readonly VFile[]): number {
  return files.reduce((n, file) => n + file.messages.filter((m) => m.fatal === false).length, 0);
}

/** What serve keeps between its builds, so that a rebuild redoes as little as it can. */
export interface Session {
  roleCache: RoleCache;
  memo: CatalogMemo;
  /** The diagnostics last printed, by file: a rebuild prints a file's only when they changed, or are errors. */
  printed: Map<string, string>;
  /** Where the session keeps its site's manifest: the cache, or memory with `--no-cache`. */
  manifests: ManifestStore;
}

/** The files whose diagnostics to print: all, or in a session those that changed since last printed and those with errors. */
function toPrint(files: readonly VFile[], session: Session | undefined): VFile[] {
  if (!session) return [...files];
  return files.filter((file) => {
    const signature = file.messages.map((m) => `${m.ruleId}\u0000${m.line}:${m.column}\u0000${m.reason}`).join("\n");
    const same = session.printed.get(file.path) === signature;
    session.printed.set(file.path, signature);
    return !same || file.messages.some((m) => m.fatal === true);
  });
}

/** Checks the output folder (see `output-guard.ts`); prints and returns the refusal, or null when the build may go on. */
export async function refusal(options: BuildOptions): Promise<OutputRefused | null> {
  try {
    await guardOutput(options.output, options.inputs, { force: options.force });
    return null;
  } catch (error) {
    if (!(error instanceof OutputRefused)) throw error;
    options.stderr.write(`Build refused: ${forTerminal(error.message)}\n`);
    return error;
  }
}

/**
 * Builds the site. With the cache on, a build whose inputs and program are those of the site in
 * `output` (its manifest says so) leaves the site as it is, and any other renders only the pages
 * whose data changed; `--no-cache` renders everything.
 * @returns the exit code: 0 built, 1 errors in the input or a failed render (the output left as it was)
 */
export async function runBuild(options: BuildOptions & { session?: Session; inPlace?: boolean }): Promise<number> {
  const started = performance.now();
  if ((await refusal(options)) !== null) return 1;
  for (const leftover of await recoverOutput(options.output)) {
    options.stderr.write(`${forTerminal(`Could not remove ${leftover.path}, left by an earlier build (${leftover.reason}); remove it by hand.`)}\n`);
  }
  const seconds = (ms: number): string => (ms / 1000).toFixed(2);
  const timingsFile = options.timingsFile ?? process.env.CAREER_ATLAS_TIMINGS;
  let site: SiteView;
  try {
    site = siteView(options.config);
  } catch (error) {
    options.stderr.write(`Build stopped: the configured logo could not be read (${await describeFailure(error, process.cwd())}); ${forTerminal(options.output)} was left as it was.\n`);
    return 1;
  }
  let previous: Manifest | null = null;
  let digest: string | null = null;
  // Each input is read once: the digest and the load are made from the same bytes, so a file that
  // changes during the build cannot leave a site that a digest of its new bytes calls unchanged.
  let inputs: Inputs | null = null;
  const manifests = options.session?.manifests ?? (options.cache ? diskManifests(options.cacheDir ?? defaultCacheDir()) : null);
  if (manifests) {
    inputs = await readInputs(options.inputs);
    previous = await manifests.read(options.output);
    // Serve's rebuilds follow a change the watcher saw: the digest, there only to find none, is skipped.
    digest = inputs.problems.length === 0 && !options.session ? withSiteDigest(inputsDigest(inputs.files), site) : null;
    if (previous && digest !== null && previous.inputs === digest) {
      // Nothing changed since the site in `output` was built: it stays as it is.
      if (previous.report) options.stderr.write(previous.report);
      const timings: Timings = { load: since(started), derive: 0, render: 0, search: 0, total: since(started) };
      options.stdout.write(
        `Built ${plural(previous.roles, "role")}, ${plural(previous.pages, "page")}, ${plural(previous.warnings, "warning")} in ${seconds(timings.total)} s ` +
          `(nothing changed: the site was kept as it was) → ${forTerminal(options.output)}\n`,
      );
      options.onWritten?.();
      if (timingsFile) await writeFile(timingsFile, `${JSON.stringify(timings, null, 2)}\n`);
      return 0;
    }
  }
  // Without the cache (`--no-cache`), files are still loaded across the cores; nothing is read or written.
  const cache = options.session?.roleCache ?? new RoleCache(options.cache ? (options.cacheDir ?? defaultCacheDir()) : null, { workers: defaultWorkers() });
  let loadedRoles: LoadResult;
  let stageTimes: StageTimes;
  try {
    loadedRoles = await loadInputs(inputs ?? (await readInputs(options.inputs)), { cache, aliases: aliasesFor(options.config?.aliases) });
  } finally {
    stageTimes = cache.takeStages();
    await cache.close();
  }
  // The inputs' bytes are not needed past the load: not held while the site renders.
  inputs = null;
  const { roles, files } = loadedRoles;
  // Before anything renders: a site too large to render stops here, the output left as it was.
  reportSiteBudget(roles, files, options.limits);
  const load = since(started);
  const shown = forPrinting(toPrint(files, options.session));
  const printed = formatText(shown.files);
  const report = printed ? `${printed}${shown.omitted.map((line) => `${line}\n`).join("")}` : "";
  if (report) options.stderr.write(report);
  if (hasErrors(files)) {
    options.stderr.write(`Build stopped: the input has errors; ${forTerminal(options.output)} was left as it was.\n`);
    return 1;
  }
  const warnings = countWarnings(files);
  let result: SiteResult;
  try {
    result = await buildSite(roles, options.output, (message) => options.stderr.write(`${forTerminal(message)}\n`), {
      ...options,
      site,
      previous,
      inPlace: options.inPlace && previous !== null,
      memo: options.session?.memo,
      manifests,
      // A session prints only what changed, which is not the whole report a build with nothing changed repeats.
      record: { inputs: digest, report: options.session ? "" : report, warnings, roles: roles.length },
    });
  } catch (error) {
    options.stderr.write(`Build failed: ${await describeFailure(error, path.dirname(path.resolve(options.output)))}. ${forTerminal(options.output)} was left as it was.\n`);
    return 1;
  }
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  const stages = Object.fromEntries(Object.entries(stageTimes).map(([key, ms]) => [key, round(ms)]));
  const timings: Timings = { ...stages, merge: round(loadedRoles.merge ?? 0), load, ...result.timings, total: since(started) };
  const kept = result.pages - result.rendered;
  options.stdout.write(
    `Built ${plural(roles.length, "role")}, ${plural(result.pages, "page")}, ${plural(warnings, "warning")} in ${seconds(timings.total)} s ` +
      `(search index: ${plural(result.indexed, "page")}, ${seconds(timings.search)} s${kept > 0 ? `; ${result.rendered} rendered, ${kept} kept from the previous build` : ""}) → ${forTerminal(options.output)}\n`,
  );
  if (timingsFile) await writeFile(timingsFile, `${JSON.stringify(timings, null, 2)}\n`);
  return 0;
}
