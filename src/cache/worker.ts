/**
 * A load worker: reads, parses, extracts and validates files sent as bytes, and sends back each
 * as an `Entry` (plain data). Started by `LoadPool` through `worker.mjs`.
 */
import { parentPort } from "node:worker_threads";
import { loadContent } from "../load.ts";
import { toEntry } from "./index.ts";

parentPort?.on("message", (job: { bytes: Uint8Array; path: string }) => {
  let reply: { entry: ReturnType<typeof toEntry> } | { error: string };
  try {
    reply = { entry: toEntry(loadContent(job.bytes, job.path)) };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
