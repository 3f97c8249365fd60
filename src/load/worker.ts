/**
 * A load worker: reads, parses, extracts and validates files sent as bytes, and sends back each
 * as plain data (`FileData`) with its stage times. Started by `LoadPool` through `worker.mjs`.
 */
import { parentPort } from "node:worker_threads";
import { loadContent } from "../stages.ts";
import { toFileData } from "./file-data.ts";
import type { Done } from "./pool.ts";

parentPort?.on("message", (job: { bytes: Uint8Array; path: string }) => {
  let reply: Done | { error: string };
  try {
    const loaded = loadContent(job.bytes, job.path);
    reply = { data: toFileData(loaded), stages: loaded.file.data.stages };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
