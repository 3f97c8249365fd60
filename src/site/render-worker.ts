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

/** The error a run failed with, as data: its deepest message, and the system's code and path from its chain. */
function plain(error: unknown): RunFailure {
  let at: unknown = error;
  let code: string | undefined;
  let file: string | undefined;
  let message = String(error);
  for (let depth = 0; at && typeof at === "object" && depth < 20; depth++) {
    const e = at as { code?: unknown; path?: unknown; message?: unknown; originalError?: unknown; cause?: unknown };
    if (code === undefined && typeof e.code === "string") {
      code = e.code;
      if (typeof e.path === "string") file = e.path;
    }
    if (typeof e.message === "string") message = e.message;
    at = e.originalError ?? e.cause;
  }
  return { message, code, path: file };
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
