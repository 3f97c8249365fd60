/**
 * `career-atlas build`: check the output folder, load the role guides, then render and publish the
 * site (`render.ts`), so that a failed build leaves the previous site exactly as it was; a build whose
 * inputs and program did not change keeps the site as it is. It prints nothing: it returns what
 * happened (`BuildOutcome`), which `src/cli.ts` prints.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { VFile } from "vfile";
import type { CatalogMemo } from "../catalog/index.ts";
import { reportSiteBudget, type BudgetLimits } from "../catalog/budget.ts";
import { defaultCacheDir, EntryStore } from "../cache/store.ts";
import { defaultWorkers } from "../load/pool.ts";
import type { SiteConfig } from "../config/schema.ts";
import { loadInputs, Loader, readInputs, type Inputs, type LoadResult, type StageTimes } from "../load.ts";
import { aliasesFor } from "../model/aliases.ts";
import { forPrinting, hasErrors } from "../model/diagnostics.ts";
import { formatReport } from "../report/format.ts";
import { describeFailure } from "./failure.ts";
import { diskManifests, inputsDigest, type Manifest, type ManifestStore } from "./manifest.ts";
import { guardOutput, OutputRefused } from "./output-guard.ts";
import { recoverOutput, type Leftover } from "./publish.ts";
import { buildSite, since, type SiteResult } from "./render.ts";
import { siteView, withSiteDigest, type SiteView } from "./site-config.ts";

export interface BuildOptions {
  /** Markdown files or folders of them. */
  inputs: string[];
  /** The site folder; replaced as a whole by a successful build. */
  output: string;
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

/** The diagnostics a build shows: copies made safe for a terminal, and a line per shortened file (see `forPrinting`). */
export type Shown = ReturnType<typeof forPrinting>;

/**
 * What one build did, for its caller to print (see `src/report/build-report.ts`). Every build that
 * got past the output check carries the `leftovers` of earlier builds it could not remove; every one
 * that loaded the inputs, the `diagnostics` to show; every one that rendered, the `notices` rendering
 * and publishing gave (Eleventy's warnings, a previous site or a search index left behind).
 */
export type BuildOutcome =
  | { kind: "refused"; refused: OutputRefused }
  | { kind: "stopped"; cause: "logo"; leftovers: Leftover[]; reason: string }
  | { kind: "stopped"; cause: "errors"; leftovers: Leftover[]; diagnostics: Shown }
  | { kind: "kept"; leftovers: Leftover[]; report: string; roles: number; pages: number; warnings: number; timings: Timings }
  | { kind: "built"; leftovers: Leftover[]; diagnostics: Shown; notices: string[]; roles: number; pages: number; rendered: number; indexed: number; warnings: number; timings: Timings }
  | { kind: "failed"; leftovers: Leftover[]; diagnostics: Shown; notices: string[]; cause: string };

/** The exit code of a build: 0 built (or kept), 1 refused, stopped by errors, or failed (the output left as it was). */
export function exitCode(outcome: BuildOutcome): number {
  return outcome.kind === "built" || outcome.kind === "kept" ? 0 : 1;
}

function countWarnings(files: readonly VFile[]): number {
  return files.reduce((n, file) => n + file.messages.filter((m) => m.fatal === false).length, 0);
}

/** What serve keeps between its builds, so that a rebuild redoes as little as it can. */
export interface Session {
  loader: Loader;
  memo: CatalogMemo;
  /** The diagnostics last shown, by file: a rebuild shows a file's only when they changed, or are errors. */
  printed: Map<string, string>;
  /** Where the session keeps its site's manifest: the cache, or memory with `--no-cache`. */
  manifests: ManifestStore;
}

/** The files whose diagnostics to show: all, or in a session those that changed since last shown and those with errors. */
function toPrint(files: readonly VFile[], session: Session | undefined): VFile[] {
  if (!session) return [...files];
  return files.filter((file) => {
    const signature = file.messages.map((m) => `${m.ruleId}\u0000${m.line}:${m.column}\u0000${m.reason}`).join("\n");
    const same = session.printed.get(file.path) === signature;
    session.printed.set(file.path, signature);
    return !same || file.messages.some((m) => m.fatal === true);
  });
}

/** Checks the output folder (see `output-guard.ts`): the refusal, or null when the build may go on. */
export async function refusal(options: Pick<BuildOptions, "output" | "inputs" | "force">): Promise<OutputRefused | null> {
  try {
    await guardOutput(options.output, options.inputs, { force: options.force });
    return null;
  } catch (error) {
    if (!(error instanceof OutputRefused)) throw error;
    return error;
  }
}

/**
 * Builds the site. With the cache on, a build whose inputs and program are those of the site in
 * `output` (its manifest says so) leaves the site as it is, and any other renders only the pages
 * whose data changed; `--no-cache` renders everything. Prints nothing (`exitCode` gives the code).
 * @returns what the build did; when it did not build, the output is left as it was
 */
export async function build(options: BuildOptions & { session?: Session; inPlace?: boolean }): Promise<BuildOutcome> {
  const started = performance.now();
  const refused = await refusal(options);
  if (refused !== null) return { kind: "refused", refused };
  const leftovers = await recoverOutput(options.output);
  const timingsFile = options.timingsFile ?? process.env.CAREER_ATLAS_TIMINGS;
  let site: SiteView;
  try {
    site = siteView(options.config);
  } catch (error) {
    return { kind: "stopped", cause: "logo", leftovers, reason: await describeFailure(error, process.cwd()) };
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
      const timings: Timings = { load: since(started), derive: 0, render: 0, search: 0, total: since(started) };
      options.onWritten?.();
      if (timingsFile) await writeFile(timingsFile, `${JSON.stringify(timings, null, 2)}\n`);
      const { report, roles, pages, warnings } = previous;
      return { kind: "kept", leftovers, report, roles, pages, warnings, timings };
    }
  }
  // Without the cache (`--no-cache`), files are still loaded across the cores; nothing is read or written.
  const loader = options.session?.loader ?? new Loader({ store: options.cache ? new EntryStore(options.cacheDir ?? defaultCacheDir()) : null, workers: defaultWorkers() });
  let loadedRoles: LoadResult;
  let stageTimes: StageTimes;
  try {
    loadedRoles = await loadInputs(inputs ?? (await readInputs(options.inputs)), { loader, aliases: aliasesFor(options.config?.aliases) });
  } finally {
    stageTimes = loader.takeStages();
    await loader.close();
  }
  // The inputs' bytes are not needed past the load: not held while the site renders.
  inputs = null;
  const { roles, files } = loadedRoles;
  // Before anything renders: a site too large to render stops here, the output left as it was.
  reportSiteBudget(roles, files, options.limits);
  const load = since(started);
  const diagnostics = forPrinting(toPrint(files, options.session));
  if (hasErrors(files)) return { kind: "stopped", cause: "errors", leftovers, diagnostics };
  const report = formatReport(diagnostics);
  const warnings = countWarnings(files);
  const notices: string[] = [];
  let result: SiteResult;
  try {
    result = await buildSite(roles, options.output, (message) => notices.push(message), {
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
    return { kind: "failed", leftovers, diagnostics, notices, cause: await describeFailure(error, path.dirname(path.resolve(options.output))) };
  }
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  const stages = Object.fromEntries(Object.entries(stageTimes).map(([key, ms]) => [key, round(ms)]));
  const timings: Timings = { ...stages, merge: round(loadedRoles.merge ?? 0), load, ...result.timings, total: since(started) };
  if (timingsFile) await writeFile(timingsFile, `${JSON.stringify(timings, null, 2)}\n`);
  const { pages, rendered, indexed } = result;
  return { kind: "built", leftovers, diagnostics, notices, roles: roles.length, pages, rendered, indexed, warnings, timings };
}
