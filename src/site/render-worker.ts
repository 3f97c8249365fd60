/**
 * A render worker (see `render-runs.ts`): renders each run it is sent with Eleventy, in its own
 * thread, and answers with what the run wrote, the warnings Eleventy gave, or the error it failed
 * with, made plain so that `describeFailure` reads it as it would in the main thread.
 */
import { parentPort } from "node:worker_threads";
import { deepFreeze } from "../catalog/index.ts";
import type { Catalog } from "../catalog/index.ts";
import type { Selection } from "./groups.ts";
import { renderRun, type RenderOptions, type RenderResult } from "./eleventy.ts";
import { chain } from "./failure.ts";

/** One run for a worker: the catalog it reads (see `catalogForRun`), the run's part of it, and where it goes. */
export interface RunJob {
  id: number;
  catalog: Catalog;
  selection: Selection;
  outDir: string;
  options: Omit<RenderOptions, "selection">;
}

/** The error a run failed with, as data. */
export interface RunFailure {
  message: string;
  code?: string;
  path?: string;
}

/** What a worker answers a job with. */
export type RunReply = { id: number; warnings: string[] } & ({ result: RenderResult } | { error: RunFailure });

/** The error a run failed with, as data: its deepest message, and the first system code and path of its chain. */
function plain(error: unknown): RunFailure {
  const errors = chain(error);
  const coded = errors.find((e) => typeof e.code === "string");
  const deepest = errors.at(-1)?.message;
  return {
    message: typeof deepest === "string" ? deepest : String(error),
    code: coded?.code as string | undefined,
    path: typeof coded?.path === "string" ? coded.path : undefined,
  };
}

parentPort!.on("message", async (job: RunJob) => {
  const warnings: string[] = [];
  let reply: RunReply;
  try {
    // Frozen as the main thread's catalog is: Eleventy hands frozen data to every page without copying it.
    const catalog = deepFreeze(job.catalog);
    const result = await renderRun(catalog, job.outDir, (m) => warnings.push(m), { ...job.options, selection: deepFreeze(job.selection) });
    reply = { id: job.id, result, warnings };
  } catch (error) {
    reply = { id: job.id, error: plain(error), warnings };
  }
  parentPort!.postMessage(reply);
});
