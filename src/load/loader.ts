/**
 * Loads one file's bytes, read once by `src/load.ts`: asks the store (`src/cache/`) for the entry
 * made from them, and on a miss runs the stages (`src/stages.ts`), in this thread or in the worker
 * pool (`pool.ts`), and stores what they give. The store only keeps entries; when to use workers,
 * and what loading cost, are counted here.
 */
import type { FileData } from "../cache/entry.ts";
import type { EntryStore } from "../cache/store.ts";
import { loadContent, type Loaded, type StageTimes } from "../stages.ts";
import { programVersion } from "../version.ts";
import { fromFileData, toFileData } from "./file-data.ts";
import { LoadPool } from "./pool.ts";

const STAGE_KEYS = ["read", "parse", "extract", "validate"] as const satisfies readonly (keyof StageTimes)[];

/** Below this many files, starting workers costs more than it saves. */
const MIN_PARALLEL_FILES = 64;

/** One input file as read: its bytes, their sha256 (hex) and the path diagnostics name. */
export interface InputBytes {
  display: string;
  bytes: Uint8Array;
  hash: string;
}

export class Loader {
  /** Where loaded files are looked up and stored; null for none (`--no-cache`). */
  readonly store: EntryStore | null;
  /** Files loaded (not taken from the store) in this thread and in workers. */
  readonly loads = { inline: 0, workers: 0 };
  /** Milliseconds the files loaded (not taken from the store) spent in each stage, summed over files and threads. */
  readonly stages: StageTimes = { read: 0, parse: 0, extract: 0, validate: 0 };

  /** Worker threads that load the files the store misses, once there are enough files to pay for them. */
  private readonly workers: number;
  private readonly offThread: boolean;
  private pool: LoadPool | null = null;

  /**
   * @param options.store where loaded files are looked up and stored; none by default
   * @param options.workers the most worker threads started
   * @param options.offThread load every miss in a worker, however few (serve's session: a big file
   *   parsing must not stop the server answering), and keep one worker between loads
   */
  constructor(options: { store?: EntryStore | null; workers?: number; offThread?: boolean } = {}) {
    this.store = options.store ?? null;
    this.offThread = options.offThread ?? false;
    this.workers = this.offThread ? Math.max(1, options.workers ?? 0) : (options.workers ?? 0);
  }

  /** The stage times summed since the last call, which starts the sums again (serve's rebuilds). */
  takeStages(): StageTimes {
    const taken = { ...this.stages };
    for (const key of STAGE_KEYS) this.stages[key] = 0;
    return taken;
  }

  /**
   * Loads files' bytes: each from the store's entry made from them, else by running the stages, then
   * stored. Every file is looked up first, so whether the misses are enough to pay for workers is
   * known before the first one runs: a build from scratch loads every file in the pool.
   */
  async loadAll(inputs: readonly InputBytes[]): Promise<Loaded[]> {
    const ids = inputs.map((input) => ({ version: programVersion(), path: input.display, content: input.hash }));
    const hits = await Promise.all(ids.map(async (id) => (await this.store?.get(id)) ?? null));
    const misses = hits.filter((hit) => hit === null).length;
    const inWorkers = this.workers > 0 && (this.offThread || misses >= MIN_PARALLEL_FILES);
    return Promise.all(
      inputs.map(async (input, i) => {
        const hit = hits[i];
        if (hit) return fromFileData(hit, input.display);
        const { loaded, data } = await this.run(input.bytes, input.display, inWorkers);
        await this.store?.set({ ...(data ?? toFileData(loaded)), ...ids[i]! });
        return loaded;
      }),
    );
  }

  /** Ends a load: stops the workers, if any were started (an `offThread` loader keeps one for the next load, until `stop`). */
  async close(): Promise<void> {
    if (this.offThread) {
      await this.pool?.trim(1);
      return;
    }
    await this.stop();
  }

  /** Stops every worker. */
  async stop(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }

  /**
   * Runs the stages on a file's bytes: in a worker when there is a pool to use, else (or when the
   * worker fails) in this thread.
   */
  private async run(bytes: Uint8Array, displayPath: string, inWorkers: boolean): Promise<{ loaded: Loaded; data: FileData | null }> {
    // Workers only pay for themselves over many files to load: a build after one edit loads here,
    // but serve's session never does.
    if (inWorkers) {
      this.pool ??= new LoadPool(this.workers);
      try {
        const { data, stages } = await this.pool.run(bytes, displayPath);
        this.loads.workers++;
        this.count(stages);
        return { loaded: fromFileData(data, displayPath), data };
      } catch {
        // Loaded here instead: a worker that cannot start or dies must not lose the file.
      }
    }
    this.loads.inline++;
    const loaded = loadContent(bytes, displayPath);
    this.count(loaded.file.data.stages);
    return { loaded, data: null };
  }

  /** Adds one file's stage times to `stages`. */
  private count(times: Partial<StageTimes> | undefined): void {
    if (!times) return;
    for (const key of STAGE_KEYS) this.stages[key] += times[key] ?? 0;
  }
}
