/**
 * `career-atlas build` and `career-atlas serve`: load the role guides, derive the catalog, render the
 * site into a temporary folder beside the output, then swap it in, so that a failed build leaves the
 * previous site exactly as it was.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { VFile } from "vfile";
import { reporter } from "vfile-reporter";
import { buildCatalog, CatalogMemo } from "../catalog/index.ts";
import { defaultCacheDir, RoleCache } from "../cache/index.ts";
import { defaultWorkers } from "../cache/pool.ts";
import { collectInputs, loadRoles, type LoadResult, type StageTimes } from "../load.ts";
import { MAX_FILE_BYTES } from "../read/decode.ts";
import { forPrinting, hasErrors } from "../model/diagnostics.ts";
import type { Role } from "../model/role.ts";
import { plural } from "../catalog/format.ts";
import { renderSite, TEMPLATES, type RenderResult, type Written } from "./eleventy.ts";
import { diskManifests, inputsDigest, memoryManifests, renderVersion, type Manifest, type ManifestStore } from "./manifest.ts";
import { pageGroups, selectAll, type PageGroups } from "./groups.ts";
import { linkFiles, listFiles, moveFiles, removeFiles } from "./reuse.ts";
import { collectGarbage } from "./memory.ts";
import { indexSite, SEARCH_FOLDER } from "./search.ts";
import { startServer } from "./serve.ts";
import { watchPaths } from "./watch.ts";

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

export interface ServeOptions extends BuildOptions {
  /** The port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Stops the server; without it, SIGINT or SIGTERM do. */
  signal?: AbortSignal;
  /** Called with the address once the server listens. */
  onReady?: (url: string) => void;
  /** Called after every rebuild the watcher starts, with its exit code. */
  onRebuild?: (code: number) => void;
}

function tempName(output: string, kind: string): string {
  const resolved = path.resolve(output);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}-${kind}-${process.pid}-${randomBytes(4).toString("hex")}`);
}

async function exists(target: string): Promise<boolean> {
  try {
    await stat(target);
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces `output` with `fresh` by renames in one folder: the old site moves away, the new one in,
 * then the old one is removed.
 */
export async function swapIn(fresh: string, output: string): Promise<void> {
  const target = path.resolve(output);
  const old = (await exists(target)) ? tempName(target, "old") : null;
  if (old) await rename(target, old);
  try {
    await rename(fresh, target);
  } catch (error) {
    if (old) await rename(old, target);
    throw error;
  }
  if (old) await rm(old, { recursive: true, force: true });
}

/** Whether process `pid` is running (EPERM: it is, but belongs to another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Tidies what builds that were killed midway left beside `output`: a half-written
 * `.<output>-build-*` folder is removed, and when a build was killed between the two renames of
 * `swapIn` (no `output`, the previous site in `.<output>-old-*`), the previous site is put back.
 * Folders of builds still running are left alone. Called at the start of every build.
 * @param output the site folder
 */
export async function recoverOutput(output: string): Promise<void> {
  const target = path.resolve(output);
  let names: string[];
  try {
    names = await readdir(path.dirname(target));
  } catch {
    return;
  }
  const prefix = `.${path.basename(target)}-`;
  const left = names.flatMap((name) => {
    const match = name.startsWith(prefix) ? /^(build|old)-(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length)) : null;
    const pid = Number(match?.[2]);
    if (!match || pid === process.pid || isRunning(pid)) return [];
    return [{ kind: match[1], path: path.join(path.dirname(target), name) }];
  });
  if (left.length === 0) return;
  if (!(await exists(target))) {
    const olds = await Promise.all(left.filter((l) => l.kind === "old").map(async (l) => ({ ...l, time: (await stat(l.path)).mtimeMs })));
    const newest = olds.sort((a, b) => b.time - a.time)[0];
    if (newest) {
      await rename(newest.path, target);
      left.splice(left.findIndex((l) => l.path === newest.path), 1);
    }
  }
  for (const l of left) await rm(l.path, { recursive: true, force: true });
}

export interface SiteResult {
  /** HTML pages in the site. */
  pages: number;
  /** HTML pages this build rendered; the rest were kept from the previous site. */
  rendered: number;
  /** Every file written from the templates: pages, JSON, the stylesheet and scripts (not the search index). */
  files: number;
  /** Pages in the search index. */
  indexed: number;
  /** Milliseconds spent deriving the catalog, rendering and indexing. */
  timings: Pick<Timings, "derive" | "render" | "search">;
}

export interface SiteOptions extends Pick<BuildOptions, "deferSearch" | "onWritten"> {
  /**
   * The manifest of the site now in `output`: the groups of pages whose fingerprints it holds are
   * kept rather than rendered again. Without it, everything is rendered.
   */
  previous?: Manifest | null;
  /**
   * Write the changed pages into `output` itself, each file replaced by a rename, rather than into
   * a new folder swapped in whole (serve's rebuilds: the kept pages cost nothing). A render that
   * fails still leaves `output` as it was; only a process killed while the files move leaves some
   * pages new and some old, which the next build sees and renders again.
   */
  inPlace?: boolean;
  /** What the previous catalog derived, to reuse (serve keeps one for the session). */
  memo?: CatalogMemo;
  /** Where the site's manifest is kept (see `manifest.ts`); none is kept without it. */
  manifests?: ManifestStore | null;
  /** What the manifest records of the inputs and of the build's messages. */
  record?: Pick<Manifest, "inputs" | "report" | "warnings" | "roles">;
}

/** Milliseconds since `start`, to a tenth. */
function since(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

/** The groups of `previous` that must be rendered again, and those that are gone. */
function changes(groups: PageGroups, previous: Manifest, present: Set<string> | null): { changed: Set<string>; removed: string[] } {
  const changed = new Set<string>();
  for (const [key, hash] of groups.hashes) {
    const before = previous.groups[key];
    // A page of the previous site that is missing from its folder is written again.
    if (!before || before.hash !== hash || (present && before.files.some((f) => !present.has(f)))) changed.add(key);
  }
  const removed = Object.keys(previous.groups).filter((key) => !groups.hashes.has(key));
  return { changed, removed };
}

/** The manifest's groups: the previous ones kept, those rendered now with the files they wrote. */
function groupFiles(groups: PageGroups, written: readonly Written[], previous: Manifest | null, rendered: ReadonlySet<string> | null): Manifest["groups"] {
  const files = new Map<string, string[]>();
  for (const w of written) {
    const key = groups.groupOf(w.url);
    const list = files.get(key);
    if (list) list.push(w.file);
    else files.set(key, [w.file]);
  }
  const out: Manifest["groups"] = {};
  for (const [key, hash] of groups.hashes) {
    const kept = rendered && !rendered.has(key) ? previous?.groups[key] : undefined;
    out[key] = { hash, files: kept ? kept.files : (files.get(key) ?? []).sort() };
  }
  return out;
}

function countPages(groups: Manifest["groups"]): number {
  let pages = 0;
  for (const group of Object.values(groups)) for (const file of group.files) if (file.endsWith(".html")) pages++;
  return pages;
}

/** Writes the search index of `site` beside it, then puts it in place of the site's index. */
async function reindexInPlace(site: string, log: (message: string) => void): Promise<number> {
  const staging = tempName(site, "build");
  try {
    const { pages } = await indexSite(site, staging);
    await rm(path.join(site, SEARCH_FOLDER), { recursive: true, force: true });
    await rename(staging, path.join(site, SEARCH_FOLDER));
    return pages;
  } catch (error) {
    // The new pages are in already: a failed index is reported, not a failed build.
    log(`Search index not rebuilt: ${error instanceof Error ? error.message : String(error)}`);
    return 0;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Renders `roles` into `output` through a temporary folder beside it, and indexes the pages for
 * search there; on failure `output` is untouched. With `previous`, only the pages whose data
 * changed are rendered, the others kept (see `groups.ts`); when none changed, the pages and the
 * search index stay as they are.
 * @param roles validated, merged roles
 * @param output the site folder
 * @param log where Eleventy's warnings go
 */
export async function buildSite(roles: readonly Role[], output: string, log: (message: string) => void = () => {}, options: SiteOptions = {}): Promise<SiteResult> {
  const target = path.resolve(output);
  const previous = options.previous ?? null;
  const temp = tempName(output, "build");
  const manifests = options.manifests ?? null;
  const record = options.record ?? { inputs: null, report: "", warnings: 0, roles: roles.length };
  const manifestOf = (groups: Manifest["groups"], indexed: number): Omit<Manifest, "output" | "stamp"> => ({
    version: renderVersion(),
    ...record,
    pages: countPages(groups),
    indexed,
    groups,
  });
  const forget = async (): Promise<void> => {
    await manifests?.remove(target);
  };
  const remember = async (groups: Manifest["groups"], indexed: number): Promise<void> => {
    await manifests?.write(target, manifestOf(groups, indexed));
  };
  try {
    // Deriving and rendering in a function of its own: the catalog is out of reach once it returns,
    // and can be collected before Pagefind, a process of its own, builds the search index.
    const done = await deriveAndRender(roles, target, temp, log, options);
    if (done.unchanged) {
      // Nothing to render: the site stays; only what the manifest says of the inputs is brought up to date.
      await remember(done.groups, previous!.indexed);
      options.onWritten?.();
      return { pages: countPages(done.groups), rendered: 0, files: 0, indexed: previous!.indexed, timings: { derive: done.derive, render: 0, search: 0 } };
    }
    const { result } = done;
    let indexed: number;
    let start: number;
    let searchTime: number;
    if (options.inPlace && previous) {
      await forget();
      await moveFiles(temp, target, result.written.map((w) => w.file));
      const stale = new Set(done.removed.flatMap((key) => previous.groups[key]?.files ?? []));
      for (const w of result.written) stale.delete(w.file);
      await removeFiles(target, stale);
      await rm(temp, { recursive: true, force: true });
      options.onWritten?.();
      collectGarbage();
      start = performance.now();
      indexed = await reindexInPlace(target, log);
      searchTime = since(start);
    } else if (options.deferSearch) {
      // The previous index moves over with the new pages, so search works until it is rebuilt.
      await rename(path.join(target, SEARCH_FOLDER), path.join(temp, SEARCH_FOLDER)).catch(() => {});
      await forget();
      await swapIn(temp, output);
      options.onWritten?.();
      collectGarbage();
      start = performance.now();
      indexed = await reindexInPlace(target, log);
      searchTime = since(start);
    } else {
      // The catalog and the rendered pages are garbage now: collected before Pagefind's process
      // grows, the build's own memory goes back to the system instead of adding to the peak.
      collectGarbage();
      start = performance.now();
      indexed = (await indexSite(temp)).pages;
      searchTime = since(start);
      await forget();
      await swapIn(temp, output);
      options.onWritten?.();
    }
    await remember(done.groups, indexed);
    return {
      pages: countPages(done.groups),
      rendered: result.pages,
      files: result.pages + result.data + result.copied,
      indexed,
      timings: { derive: done.derive, render: done.render, search: searchTime },
    };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

type Rendered =
  | { unchanged: true; groups: Manifest["groups"]; derive: number }
  | { unchanged: false; groups: Manifest["groups"]; removed: string[]; result: RenderResult; derive: number; render: number };

/**
 * Derives the catalog and renders what changed since `options.previous` (everything without it)
 * into `temp`, with the previous site's other files linked there, unless the pages stay in place.
 * @returns the manifest's groups, and what was rendered (nothing when no group changed)
 */
async function deriveAndRender(roles: readonly Role[], target: string, temp: string, log: (message: string) => void, options: SiteOptions): Promise<Rendered> {
  let start = performance.now();
  const previous = options.previous ?? null;
  const catalog = buildCatalog(roles, options.memo);
  const groups = pageGroups(catalog, previous !== null || options.manifests != null);
  const derive = since(start);
  const present = previous && !options.inPlace ? listFiles(target) : null;
  const { changed, removed } = previous ? changes(groups, previous, present) : { changed: null, removed: [] };
  if (previous && changed!.size === 0 && removed.length === 0) return { unchanged: true, groups: groupFiles(groups, [], previous, changed), derive };
  await mkdir(temp, { recursive: true });
  if (previous && !options.inPlace) {
    // The kept pages and assets, linked (the search index is written anew, or moved over when deferred).
    const leave = new Set<string>();
    for (const key of [...changed!, ...removed]) for (const file of previous.groups[key]?.files ?? []) leave.add(file);
    const searchPrefix = `${SEARCH_FOLDER}/`;
    linkFiles(target, temp, [...present!].filter((f) => !leave.has(f) && !f.startsWith(searchPrefix)));
  }
  start = performance.now();
  const selection = changed ? groups.select(changed) : selectAll(catalog);
  const result = await renderSite(catalog, temp, log, { selection, copyAssets: !previous, keepJson: options.memo !== undefined });
  return { unchanged: false, groups: groupFiles(groups, result.written, previous, changed), removed, result, derive, render: since(start) };
}

function countWarnings(files: readonly VFile[]): number {
  return files.reduce((n, file) => n + file.messages.filter((m) => m.fatal === false).length, 0);
}

/** The inputs' digest (see `manifest.ts`), or null when a file cannot be read whole (the load reports it). */
async function digestInputs(paths: readonly string[]): Promise<string | null> {
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (const file of paths) {
    try {
      if ((await stat(file)).size > MAX_FILE_BYTES) return null;
      files.push({ path: path.relative(process.cwd(), file) || file, bytes: await readFile(file) });
    } catch {
      return null;
    }
  }
  return inputsDigest(files);
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

/**
 * Builds the site. With the cache on, a build whose inputs and program are those of the site in
 * `output` (its manifest says so) leaves the site as it is, and any other renders only the pages
 * whose data changed; `--no-cache` renders everything.
 * @returns the exit code: 0 built, 1 errors in the input or a failed render (the output left as it was)
 */
export async function runBuild(options: BuildOptions & { session?: Session; inPlace?: boolean }): Promise<number> {
  const started = performance.now();
  await recoverOutput(options.output);
  const seconds = (ms: number): string => (ms / 1000).toFixed(2);
  const timingsFile = options.timingsFile ?? process.env.CAREER_ATLAS_TIMINGS;
  let previous: Manifest | null = null;
  let digest: string | null = null;
  const manifests = options.session?.manifests ?? (options.cache ? diskManifests(options.cacheDir ?? defaultCacheDir()) : null);
  if (manifests) {
    const { paths, problems } = await collectInputs(options.inputs);
    previous = await manifests.read(options.output);
    // Serve's rebuilds follow a change the watcher saw: the digest, there only to find none, is skipped.
    digest = problems.length === 0 && !options.session ? await digestInputs(paths) : null;
    if (previous && digest !== null && previous.inputs === digest) {
      // Nothing changed since the site in `output` was built: it stays as it is.
      if (previous.report) options.stderr.write(previous.report);
      const timings: Timings = { load: since(started), derive: 0, render: 0, search: 0, total: since(started) };
      options.stdout.write(
        `Built ${plural(previous.roles, "role")}, ${plural(previous.pages, "page")}, ${plural(previous.warnings, "warning")} in ${seconds(timings.total)} s ` +
          `(nothing changed: the site was kept as it was) → ${options.output}\n`,
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
    loadedRoles = await loadRoles(options.inputs, { cache });
  } finally {
    stageTimes = cache.takeStages();
    await cache.close();
  }
  const { roles, files } = loadedRoles;
  const load = since(started);
  const shown = forPrinting(toPrint(files, options.session));
  const printed = reporter(shown.files, { quiet: true });
  const report = printed ? `${printed}\n${shown.omitted.map((line) => `${line}\n`).join("")}` : "";
  if (report) options.stderr.write(report);
  if (hasErrors(files)) {
    options.stderr.write(`Build stopped: the input has errors; ${options.output} was left as it was.\n`);
    return 1;
  }
  const warnings = countWarnings(files);
  let result: SiteResult;
  try {
    result = await buildSite(roles, options.output, (message) => options.stderr.write(`${message}\n`), {
      ...options,
      previous,
      inPlace: options.inPlace && previous !== null,
      memo: options.session?.memo,
      manifests,
      // A session prints only what changed, which is not the whole report a build with nothing changed repeats.
      record: { inputs: digest, report: options.session ? "" : report, warnings, roles: roles.length },
    });
  } catch (error) {
    options.stderr.write(`Build failed: ${error instanceof Error ? error.message : String(error)}\n${options.output} was left as it was.\n`);
    return 1;
  }
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  const stages = Object.fromEntries(Object.entries(stageTimes).map(([key, ms]) => [key, round(ms)]));
  const timings: Timings = { ...stages, merge: round(loadedRoles.merge ?? 0), load, ...result.timings, total: since(started) };
  const kept = result.pages - result.rendered;
  options.stdout.write(
    `Built ${plural(roles.length, "role")}, ${plural(result.pages, "page")}, ${plural(warnings, "warning")} in ${seconds(timings.total)} s ` +
      `(search index: ${plural(result.indexed, "page")}, ${seconds(timings.search)} s${kept > 0 ? `; ${result.rendered} rendered, ${kept} kept from the previous build` : ""}) → ${options.output}\n`,
  );
  if (timingsFile) await writeFile(timingsFile, `${JSON.stringify(timings, null, 2)}\n`);
  return 0;
}

/**
 * Builds, serves the output on 127.0.0.1 with live reload, and rebuilds when an input or a
 * template changes. Resolves when stopped.
 */
export async function runServe(options: ServeOptions): Promise<void> {
  // One cache for the whole session, its entries kept in memory: a rebuild after an edit parses the
  // edited file alone and reads no cache file.
  const session: Session = {
    roleCache: new RoleCache(options.cache ? (options.cacheDir ?? defaultCacheDir()) : null, { workers: defaultWorkers(), memory: true }),
    memo: new CatalogMemo(),
    printed: new Map(),
    manifests: options.cache ? diskManifests(options.cacheDir ?? defaultCacheDir()) : memoryManifests(),
  };
  // The first build prints everything (and may reuse the site a build left, through the cache's
  // manifest); the rebuilds reuse what the session built, even with `--no-cache` (whose session
  // keeps its manifest in memory, and nothing on disk).
  await runBuild({ ...options, session });
  const rebuildOptions = { ...options, session };
  const server = await startServer(path.resolve(options.output), options.port);
  options.stdout.write(`Serving ${options.output} at ${server.url} (Ctrl+C to stop)\n`);
  options.onReady?.(server.url);

  let running: Promise<void> | null = null;
  let again = false;
  const rebuild = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        // The page lands on disk and open pages reload before the search index is rebuilt.
        let reloaded = false;
        const code = await runBuild({
          ...rebuildOptions,
          inPlace: true,
          deferSearch: true,
          onWritten: () => {
            reloaded = true;
            server.reload();
          },
        });
        if (code === 0 && !reloaded) server.reload();
        options.onRebuild?.(code);
      } while (again);
    })().finally(() => {
      running = null;
    });
  };
  const watcher = watchPaths([...options.inputs, TEMPLATES], rebuild);

  const signal = options.signal ?? signalFromProcess();
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
  watcher.close();
  await running;
  await server.close();
}

function signalFromProcess(): AbortSignal {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return controller.signal;
}
