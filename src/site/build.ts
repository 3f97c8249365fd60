/**
 * `career-atlas build` and `career-atlas serve`: load the role guides, derive the catalog, render the
 * site into a temporary folder beside the output, then swap it in, so that a failed build leaves the
 * previous site exactly as it was.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { VFile } from "vfile";
import { reporter } from "vfile-reporter";
import { buildCatalog } from "../catalog/index.ts";
import { defaultCacheDir, RoleCache } from "../cache/index.ts";
import { defaultWorkers } from "../cache/pool.ts";
import { loadRoles, type LoadResult } from "../load.ts";
import { forPrinting, hasErrors } from "../model/diagnostics.ts";
import type { Role } from "../model/role.ts";
import { plural } from "../catalog/format.ts";
import { renderSite, TEMPLATES } from "./eleventy.ts";
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
 * start of loading to the site swapped in.
 */
export interface Timings {
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
  /** HTML pages written. */
  pages: number;
  /** Every file written from the templates: pages, JSON, the stylesheet and scripts (not the search index). */
  files: number;
  /** Pages in the search index. */
  indexed: number;
  /** Milliseconds spent deriving the catalog, rendering and indexing. */
  timings: Pick<Timings, "derive" | "render" | "search">;
}

/** Milliseconds since `start`, to a tenth. */
function since(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

/**
 * Renders `roles` into `output` through a temporary folder beside it, and indexes the pages for
 * search there; on failure `output` is untouched.
 * @param roles validated, merged roles
 * @param output the site folder
 * @param log where Eleventy's warnings go
 */
export async function buildSite(
  roles: readonly Role[],
  output: string,
  log: (message: string) => void = () => {},
  options: Pick<BuildOptions, "deferSearch" | "onWritten"> = {},
): Promise<SiteResult> {
  let start = performance.now();
  const catalog = buildCatalog(roles);
  const derive = since(start);
  const temp = tempName(output, "build");
  await mkdir(path.dirname(temp), { recursive: true });
  try {
    start = performance.now();
    const result = await renderSite(catalog, temp, log);
    const render = since(start);
    let search: { pages: number };
    let searchTime: number;
    if (options.deferSearch) {
      // The previous index moves over with the new pages, so search works until it is rebuilt.
      await rename(path.join(path.resolve(output), SEARCH_FOLDER), path.join(temp, SEARCH_FOLDER)).catch(() => {});
      await swapIn(temp, output);
      options.onWritten?.();
      start = performance.now();
      try {
        search = await indexSite(output);
      } catch (error) {
        // The new pages are in already: a failed index is reported, not a failed build.
        log(`Search index not rebuilt: ${error instanceof Error ? error.message : String(error)}`);
        search = { pages: 0 };
      }
      searchTime = since(start);
    } else {
      start = performance.now();
      search = await indexSite(temp);
      searchTime = since(start);
      await swapIn(temp, output);
      options.onWritten?.();
    }
    return {
      pages: result.pages,
      files: result.pages + result.data + result.copied,
      indexed: search.pages,
      timings: { derive, render, search: searchTime },
    };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

function countWarnings(files: readonly VFile[]): number {
  return files.reduce((n, file) => n + file.messages.filter((m) => m.fatal === false).length, 0);
}

/**
 * Builds the site.
 * @returns the exit code: 0 built, 1 errors in the input or a failed render (the output left as it was)
 */
export async function runBuild(options: BuildOptions): Promise<number> {
  const started = performance.now();
  await recoverOutput(options.output);
  // Without the cache (`--no-cache`), files are still loaded across the cores; nothing is read or written.
  const cache = new RoleCache(options.cache ? (options.cacheDir ?? defaultCacheDir()) : null, { workers: defaultWorkers() });
  let loadedRoles: LoadResult;
  try {
    loadedRoles = await loadRoles(options.inputs, { cache });
  } finally {
    await cache.close();
  }
  const { roles, files } = loadedRoles;
  const load = since(started);
  const shown = forPrinting(files);
  const report = reporter(shown.files, { quiet: true });
  if (report) options.stderr.write(`${report}\n${shown.omitted.map((line) => `${line}\n`).join("")}`);
  if (hasErrors(files)) {
    options.stderr.write(`Build stopped: the input has errors; ${options.output} was left as it was.\n`);
    return 1;
  }
  let result: SiteResult;
  try {
    result = await buildSite(roles, options.output, (message) => options.stderr.write(`${message}\n`), options);
  } catch (error) {
    options.stderr.write(`Build failed: ${error instanceof Error ? error.message : String(error)}\n${options.output} was left as it was.\n`);
    return 1;
  }
  const timings: Timings = { load, ...result.timings, total: since(started) };
  const seconds = (ms: number): string => (ms / 1000).toFixed(2);
  options.stdout.write(
    `Built ${plural(roles.length, "role")}, ${plural(result.pages, "page")}, ${plural(countWarnings(files), "warning")} in ${seconds(timings.total)} s ` +
      `(search index: ${plural(result.indexed, "page")}, ${seconds(timings.search)} s) → ${options.output}\n`,
  );
  const timingsFile = options.timingsFile ?? process.env.CAREER_ATLAS_TIMINGS;
  if (timingsFile) await writeFile(timingsFile, `${JSON.stringify(timings, null, 2)}\n`);
  return 0;
}

/**
 * Builds, serves the output on 127.0.0.1 with live reload, and rebuilds when an input or a
 * template changes. Resolves when stopped.
 */
export async function runServe(options: ServeOptions): Promise<void> {
  await runBuild(options);
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
          ...options,
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
