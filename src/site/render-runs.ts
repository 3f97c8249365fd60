/**
 * Renders a site in Eleventy runs of a few thousand files, the runs shared between the main thread
 * and worker threads on the other cores. The first run writes the whole-catalog pages, which read
 * everything, in the main thread; every other run writes per-item pages, which read their item alone
 * (see `groups.ts`), so a worker is sent only its run's items: the rest of the catalog is never copied.
 */
import { availableParallelism } from "node:os";
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { Catalog } from "../catalog/index.ts";
import { renderRun, type RenderOptions, type RenderResult } from "./eleventy.ts";
import { selectAll, type Selection } from "./groups.ts";
import type { RunFailure, RunJob, RunReply } from "./render-worker.ts";

/**
 * Most files one Eleventy run writes. Eleventy keeps every page it rendered in a run (its content
 * included) until the run ends: a site of 16,000 pages in one run peaks at over 2 GB. Runs of a
 * few thousand files keep the peak flat, for about 0.1 s of start-up each.
 */
export const FILES_PER_RUN = 2000;

/** `selection` cut into parts of at most about `size` files (a role writes three), the whole-catalog pages in the first. */
export function batches(selection: Selection, size = FILES_PER_RUN): Selection[] {
  type Part = Pick<Catalog, "roles" | "plans" | "skills"> & { site: boolean };
  const parts: Part[] = [];
  let current: Part = { roles: [], plans: [], skills: [], site: selection.site };
  let files = selection.site ? 6 : 0;
  /** The part with room for `cost` more files, a new one when the current one is full. */
  const room = (cost: number): Part => {
    if (files + cost > size && files > 0) {
      parts.push(current);
      current = { roles: [], plans: [], skills: [], site: false };
      files = 0;
    }
    files += cost;
    return current;
  };
  for (const role of selection.roles) room(3).roles.push(role);
  for (const plan of selection.plans) room(1).plans.push(plan);
  for (const skill of selection.skills) room(1).skills.push(skill);
  if (files > 0 || parts.length === 0) parts.push(current);
  return parts;
}

export interface SiteRenderOptions extends RenderOptions {
  /** Worker threads to render in beside the main thread; by default `renderWorkers()`. */
  workers?: number;
  /** Most files a run writes; `FILES_PER_RUN` by default. */
  filesPerRun?: number;
  /** Each worker's heap limits (a worker that runs out of memory leaves its run to the main thread). */
  workerLimits?: ResourceLimits;
}

/**
 * Render workers: none unless CAREER_ATLAS_RENDER_WORKERS asks for some. On two cores a second
 * renderer gained nothing (see docs/PERFORMANCE.md): one Eleventy run already keeps 1.4 cores busy
 * (V8's concurrent garbage collection, the writes), and a worker adds its start-up and the copy of
 * its items. Machines with more cores may gain; it is not measured here, so not the default.
 */
export function renderWorkers(): number {
  const set = process.env.CAREER_ATLAS_RENDER_WORKERS;
  if (set === undefined || !/^\d+$/.test(set)) return 0;
  return Math.min(Number(set), Math.max(1, availableParallelism() - 1), 8);
}

/** What a run of per-item pages reads of the catalog: its own items, and none of the whole-catalog lists. */
export function catalogForRun(catalog: Catalog, part: Selection): Catalog {
  return {
    ...catalog,
    roles: [...part.roles],
    plans: [...part.plans],
    skills: [...part.skills],
    letters: [],
    skillGroups: { categories: [], once: null },
    progression: { nodes: [], edges: [], ladders: 0 },
  };
}

function merge(parts: readonly RenderResult[]): RenderResult {
  const result: RenderResult = { written: [], pages: 0, data: 0, copied: 0 };
  for (const done of parts) {
    for (const w of done.written) result.written.push(w);
    result.pages += done.pages;
    result.data += done.data;
    result.copied += done.copied;
  }
  // Eleventy lists a run's files in the order its writes ended, which varies from run to run.
  result.written.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return result;
}

/** An error from a worker's run, with the system's code and path `describeFailure` looks for. */
function failure(error: RunFailure): Error {
  return Object.assign(new Error(error.message), error.code ? { code: error.code } : {}, error.path ? { path: error.path } : {});
}

/**
 * Renders the site into `outDir` (created when missing; files in it are overwritten, none removed),
 * in runs of at most `filesPerRun` files, across the main thread and `workers` worker threads.
 * Whatever the threads, the same files are written with the same bytes, and the result lists them
 * sorted by path.
 * @param catalog the catalog to show
 * @param outDir where the site goes
 * @param log where Eleventy's warnings go, in the order of the runs
 * @throws the first run's error when a template fails, once no run is writing any more
 */
export async function renderSite(catalog: Catalog, outDir: string, log: (message: string) => void = () => {}, options: SiteRenderOptions = {}): Promise<RenderResult> {
  const { workers = renderWorkers(), filesPerRun = FILES_PER_RUN, workerLimits, selection, ...common } = options;
  const parts = batches(selection ?? selectAll(catalog), filesPerRun);
  const warnings: string[][] = parts.map(() => []);
  const results: RenderResult[] = [];
  // The assets and the logo are copied by the first run only: runs in parallel would copy them at once.
  const optionsFor = (index: number): RenderOptions => ({ ...common, copyAssets: index === 0 && common.copyAssets !== false, copyLogo: index === 0 });
  const inMain = async (index: number): Promise<void> => {
    results[index] = await renderRun(catalog, outDir, (m) => warnings[index]!.push(m), { ...optionsFor(index), selection: parts[index] });
  };
  const threads = Math.min(workers, parts.length - 1);
  if (threads <= 0) {
    for (let i = 0; i < parts.length; i++) await inMain(i);
  } else {
    let next = 1;
    let failed: unknown = null;
    const take = (): number | null => (failed === null && next < parts.length ? next++ : null);
    const pool: Worker[] = [];
    // Runs whose worker was lost, rendered in the main thread once the others are done.
    const retry: number[] = [];
    const viaWorker = (worker: Worker): Promise<void> =>
      new Promise<void>((resolve) => {
        let current: number | null = null;
        const send = (): void => {
          current = take();
          if (current === null) return resolve();
          const part = parts[current]!;
          const job: RunJob = { id: current, catalog: catalogForRun(catalog, part), selection: part, outDir, options: optionsFor(current) };
          worker.postMessage(job);
        };
        worker.on("message", (reply: RunReply) => {
          warnings[reply.id]!.push(...reply.warnings);
          if ("result" in reply) results[reply.id] = reply.result;
          else failed ??= failure(reply.error);
          send();
        });
        // A worker that cannot run (it did not start, ran out of memory or exited) leaves its run to
        // the main thread. An error is followed by the exit; the exit alone may come too.
        const lost = (): void => {
          if (current !== null) retry.push(current);
          current = null;
          resolve();
        };
        worker.on("error", lost);
        worker.on("exit", lost);
        send();
      });
    const workersDone: Promise<void>[] = [];
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(new URL("./render-worker.mjs", import.meta.url), { execArgv: [], resourceLimits: workerLimits });
      pool.push(worker);
      workersDone.push(viaWorker(worker));
    }
    const mainDone = (async () => {
      try {
        await inMain(0);
        for (let index = take(); index !== null; index = take()) await inMain(index);
      } catch (error) {
        failed ??= error;
      }
    })();
    try {
      await Promise.all([mainDone, ...workersDone]);
      for (const index of retry) if (failed === null) await inMain(index).catch((error: unknown) => (failed ??= error));
    } finally {
      await Promise.all(pool.map((w) => w.terminate()));
    }
    if (failed !== null) throw failed;
  }
  for (const list of warnings) for (const m of list) log(m);
  return merge(results);
}
