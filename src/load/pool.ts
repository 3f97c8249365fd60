/**
 * A pool of worker threads that load files (read → validate) in parallel across the cores. A job
 * whose worker fails is rejected, and the caller loads the file in its own thread instead.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { StageTimes } from "../stages.ts";
import type { FileData } from "../cache/entry.ts";

/** What a worker sends back for a file: its data and the time each stage took. */
export interface Done {
  data: FileData;
  stages?: StageTimes;
}

interface Job {
  bytes: Uint8Array;
  path: string;
  resolve(done: Done): void;
  reject(error: Error): void;
}

/** Workers for a machine: one a core, at most four; none on one core. */
export function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(4, cores);
}

export class LoadPool {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private closed = false;

  /** @param size the most workers started */
  constructor(readonly size: number) {}

  /** Loads a file's bytes in a worker; `path` is the path its diagnostics name. */
  run(bytes: Uint8Array, path: string): Promise<Done> {
    if (this.closed) return Promise.reject(new Error("the load pool is closed"));
    return new Promise<Done>((resolve, reject) => {
      this.queue.push({ bytes, path, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Worker {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), { execArgv: [] });
    this.workers.add(worker);
    worker.on("message", (reply: Done | { error: string }) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      if (job) {
        if ("data" in reply) job.resolve(reply);
        else job.reject(new Error(reply.error));
      }
      // An idle worker does not keep the process alive (one kept between serve's rebuilds).
      worker.unref();
      this.idle.push(worker);
      this.pump();
    });
    const lost = (error: Error): void => {
      this.workers.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      job?.reject(error);
      // With no worker left, what waits is handed back to the caller.
      if (this.workers.size === 0) for (const queued of this.queue.splice(0)) queued.reject(error);
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`load worker exited with code ${code}`)));
    return worker;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.workers.size < this.size ? this.spawn() : null);
      if (!worker) return;
      const job = this.queue.shift()!;
      worker.ref();
      this.busy.set(worker, job);
      worker.postMessage({ bytes: job.bytes, path: job.path });
    }
  }

  /** Stops idle workers until at most `keep` are left. */
  async trim(keep: number): Promise<void> {
    const stopping: Worker[] = [];
    while (this.workers.size - stopping.length > keep && this.idle.length > 0) stopping.push(this.idle.pop()!);
    for (const worker of stopping) this.workers.delete(worker);
    await Promise.all(stopping.map((w) => w.terminate()));
  }

  /** Stops the workers; jobs still waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the load pool is closed"));
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }
}
