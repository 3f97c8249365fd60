/**
 * A content-hash cache of loaded role files, so that a rebuild with nothing changed neither parses
 * nor validates again. One file per input file in the cache folder, named by sha256(program
 * version, display path, hash of the file's bytes); the program version is the package's version
 * and a hash of the sources of the stages whose output is cached (read, parse, extract, model,
 * load), so any change to them, or to the file, is a miss. An entry (see `entry.ts`) holds the
 * file's diagnostics, its valid roles, and the few source positions the cross-file checks of
 * `loadRoles` and `mergeRoles` point at. Writes are atomic (a temporary file renamed); an entry
 * that cannot be read, is corrupt or fails its schema is a miss, and the fresh result replaces it.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadContent, type Loaded, type StageTimes } from "../stages.ts";
import { decodeEntry, encodeEntry, fromFileData, sha256, toFileData, type Entry, type FileData } from "./entry.ts";
import { writeAtomic } from "./atomic.ts";
import { LoadPool } from "./pool.ts";

export { type Entry, type FileData } from "./entry.ts";

const STAGE_KEYS = ["read", "parse", "extract", "validate"] as const satisfies readonly (keyof StageTimes)[];

/** Below this many files, starting workers costs more than it saves. */
const MIN_PARALLEL_FILES = 64;

const SRC = fileURLToPath(new URL("../", import.meta.url));
const PACKAGE = fileURLToPath(new URL("../../package.json", import.meta.url));
/** The sources whose behaviour decides a cached entry. */
// Every source a cached load depends on: limits.ts decides what is refused, so a changed limit is a new program.
const STAGES = ["read", "parse", "extract", "model", "cache", "stages.ts", "load.ts", "limits.ts"];

let version: string | null = null;

/** The package version and a hash of the loading stages' sources; computed once per process. */
export function programVersion(): string {
  version ??= hashSources(STAGES.map((stage) => path.join(SRC, stage)));
  return version;
}

/**
 * The package version and a hash of every source file (scripts, JSON, templates, styles) under
 * `paths`, files or folders: what decides whether an output made by an earlier run still holds.
 */
export function hashSources(paths: readonly string[]): string {
  const hash = createHash("sha256");
  try {
    hash.update(String((JSON.parse(readFileSync(PACKAGE, "utf8")) as { version?: unknown }).version));
  } catch {
    hash.update("unknown");
  }
  const files: string[] = [];
  for (const at of paths) {
    let entries;
    try {
      entries = readdirSync(at, { recursive: true, withFileTypes: true });
    } catch {
      // A file, or a folder that is not there (which changes nothing).
      files.push(at);
      continue;
    }
    for (const entry of entries) if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
  }
  for (const file of files.sort()) {
    hash.update(`\0${path.relative(SRC, file)}\0`);
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update("missing");
    }
  }
  return hash.digest("hex");
}

/** The cache folder: CAREER_ATLAS_CACHE_DIR, else `node_modules/.cache/career-atlas` under `cwd`. */
export function defaultCacheDir(cwd = process.cwd()): string {
  const env = process.env.CAREER_ATLAS_CACHE_DIR;
  return env ? path.resolve(env) : path.join(cwd, "node_modules", ".cache", "career-atlas");
}

export class RoleCache {
  /** Entries read and written in this process. */
  readonly stats = { hits: 0, misses: 0, writes: 0 };
  /** Files loaded (not taken from the cache) in this thread and in workers. */
  readonly loads = { inline: 0, workers: 0 };
  /** Milliseconds the files loaded (not taken from the cache) spent in each stage, summed over files and threads. */
  readonly stages: StageTimes = { read: 0, parse: 0, extract: 0, validate: 0 };

  /** The stage times summed since the last call, which starts the sums again (serve's rebuilds). */
  takeStages(): StageTimes {
    const taken = { ...this.stages };
    for (const key of STAGE_KEYS) this.stages[key] = 0;
    return taken;
  }

  /** Adds one file's stage times to `stages`. */
  count(times: Partial<StageTimes> | undefined): void {
    if (!times) return;
    for (const key of STAGE_KEYS) this.stages[key] += times[key] ?? 0;
  }

  /**
   * @param dir the cache folder, created on the first write; null for no cache at all (nothing read
   *   or written: `--no-cache`), files then only loaded, in parallel when there are many
   * @param options.workers the most worker threads started
   * @param options.memory keep entries in this process too (serve's session)
   * @param options.offThread load every miss in a worker, however few (serve's session: a big file
   *   parsing must not stop the server answering), and keep one worker between loads
   */
  constructor(
    readonly dir: string | null = defaultCacheDir(),
    options: { workers?: number; memory?: boolean; offThread?: boolean } = {},
  ) {
    this.offThread = options.offThread ?? false;
    this.workers = this.offThread ? Math.max(1, options.workers ?? 0) : (options.workers ?? 0);
    this.memory = options.memory ? new Map() : null;
  }

  /**
   * Entries kept in this process as well, by key (serve: a rebuild then reads no cache file). One
   * entry per display path: an edited file's old entry is dropped.
   */
  private readonly memory: Map<string, Entry> | null;
  private readonly keyOfPath = new Map<string, string>();

  private remember(key: string, entry: Entry): void {
    if (!this.memory) return;
    const old = this.keyOfPath.get(entry.path);
    if (old !== undefined && old !== key) this.memory.delete(old);
    this.keyOfPath.set(entry.path, key);
    this.memory.set(key, entry);
  }

  /** Worker threads that load the files the cache misses, once there are enough files to pay for them. */
  private readonly workers: number;
  private readonly offThread: boolean;
  private pool: LoadPool | null = null;
  /** Files asked for, and files to load, since the last `close`: `loadRoles` asks for all of them at once. */
  private requested = 0;
  private missed = 0;

  /**
   * Loads one file's bytes through the cache: a hit skips parsing and validation, a miss runs them
   * on these bytes and stores the result.
   * @param input the bytes read, their hash (sha256, hex) and the path diagnostics name
   */
  async loadInput(input: { display: string; bytes: Uint8Array; hash: string }): Promise<Loaded> {
    this.requested++;
    const key = this.key(input.hash, input.display);
    const hit = await this.get(key, input.display, input.hash);
    if (hit) return hit;
    const { loaded, data } = await this.loadBytes(input.bytes, input.display);
    await this.set(key, { ...(data ?? toFileData(loaded)), version: programVersion(), content: input.hash });
    return loaded;
  }

  /**
   * Runs the stages on a file's bytes: in a worker when there is a pool to use, else (or when the
   * worker fails) in this thread.
   */
  private async loadBytes(bytes: Uint8Array, displayPath: string): Promise<{ loaded: Loaded; data: FileData | null }> {
    // Workers only pay for themselves over many files to load: a build after one edit loads here,
    // but serve's session never does.
    this.missed++;
    if (this.workers > 0 && (this.offThread || (this.requested >= MIN_PARALLEL_FILES && this.missed >= MIN_PARALLEL_FILES))) {
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

  /** Ends a load: stops the workers, if any were started (an `offThread` cache keeps one for the next load, until `stop`). */
  async close(): Promise<void> {
    this.requested = 0;
    this.missed = 0;
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

  /** The key of content with hash `hash` (sha256 of the bytes, hex) shown under `displayPath`. */
  key(hash: string, displayPath: string): string {
    return sha256(`${programVersion()}\0${displayPath}\0${hash}`);
  }

  private at(key: string): string {
    return path.join(this.dir ?? "", key.slice(0, 2), `${key}.json`);
  }

  /**
   * The loaded file for `key`, or null on a miss: no entry, or one that is corrupt, not of the
   * entry's shape, not this program's, or made from other bytes than those with hash `hash`.
   */
  private async get(key: string, displayPath: string, hash: string): Promise<Loaded | null> {
    const kept = this.memory?.get(key);
    if (kept && kept.path === displayPath && kept.content === hash) {
      this.stats.hits++;
      return fromFileData(kept, displayPath);
    }
    if (this.dir === null) return null;
    let entry: Entry | null;
    try {
      entry = decodeEntry(await readFile(this.at(key), "utf8"));
    } catch {
      entry = null;
    }
    if (entry === null || entry.version !== programVersion() || entry.path !== displayPath || entry.content !== hash) {
      this.stats.misses++;
      return null;
    }
    this.stats.hits++;
    this.remember(key, entry);
    return fromFileData(entry, displayPath);
  }

  /** Stores an entry under `key` (over any entry there); a failed write is ignored (the cache is only a speed-up). */
  private async set(key: string, entry: Entry): Promise<void> {
    if (this.dir === null && !this.memory) return;
    this.remember(key, entry);
    if (this.dir === null) return;
    if (await writeAtomic(this.at(key), encodeEntry(entry))) this.stats.writes++;
  }
}
