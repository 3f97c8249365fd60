/**
 * A content-hash cache of loaded role files, so that a rebuild with nothing changed neither parses
 * nor validates again. One JSON file per input file in the cache folder, named by
 * sha256(program version, display path, file bytes); the program version is the package's version and
 * a hash of the sources of the stages whose output is cached (read, parse, extract, model, load), so
 * any change to them, or to the file, is a miss. An entry holds the file's diagnostics, its valid
 * roles, and the few source positions the cross-file checks of `loadRoles` and `mergeRoles` point
 * at. Writes are atomic (a temporary file renamed); an entry that cannot be read or parsed is a miss.
 */
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Position } from "unist";
import { VFile } from "vfile";
import type { Point } from "unist";
import { loadContent, loadFile, type Loaded, type StageTimes } from "../load.ts";
import type { Placed } from "../model/merge.ts";
import type { RawRole } from "../model/raw-role.ts";
import type { Role } from "../model/role.ts";
import { MAX_FILE_BYTES } from "../read/decode.ts";
import { LoadPool } from "./pool.ts";

const STAGE_KEYS = ["read", "parse", "extract", "validate"] as const satisfies readonly (keyof StageTimes)[];

/** Below this many files, starting workers costs more than it saves. */
const MIN_PARALLEL_FILES = 64;

const SRC = fileURLToPath(new URL("../", import.meta.url));
const PACKAGE = fileURLToPath(new URL("../../package.json", import.meta.url));
/** The sources whose behaviour decides a cached entry. */
const STAGES = ["read", "parse", "extract", "model", "cache", "load.ts"];

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

interface CachedMessage {
  reason: string;
  ruleId: string | null;
  place: Position | Point | null;
  fatal: boolean | null;
}

interface CachedRole {
  role: Role;
  position: Position;
  /** Positions of `transitions` and `transitions.<n>`, all that the cross-file checks read. */
  positions: [string, Position][];
}

/** One loaded file as plain data: a cache entry, and what a worker sends back. */
export interface Entry {
  version: string;
  /** How long the stages took, when the entry was just made (a worker's reply); never stored. */
  stages?: StageTimes;
  path: string;
  messages: CachedMessage[];
  roles: CachedRole[];
}

/** A loaded file as plain data (structured-clonable and JSON). */
export function toEntry(loaded: LoadedFile): Entry {
  return {
    version: programVersion(),
    stages: loaded.file.data.stages,
    path: loaded.file.path,
    messages: loaded.file.messages.map((m) => ({
      reason: m.reason,
      ruleId: m.ruleId ?? null,
      place: (m.place as Position | Point | undefined) ?? null,
      fatal: m.fatal ?? null,
    })),
    roles: loaded.roles.map(({ role, raw }) => ({
      role,
      position: raw.position,
      positions: [...raw.positions].filter(([k]) => k === "transitions" || /^transitions\.\d+$/.test(k)),
    })),
  };
}

/** The loaded file an entry describes, its diagnostics as `report` made them. */
export function fromEntry(entry: Entry, displayPath: string): LoadedFile {
  const file = new VFile({ path: displayPath });
  file.data.readable = true;
  for (const m of entry.messages) {
    const message = file.message(m.reason, { place: m.place ?? undefined, ruleId: m.ruleId ?? undefined, source: "career-atlas" });
    message.fatal = m.fatal === null ? undefined : m.fatal;
  }
  const roles = entry.roles.map(({ role, position, positions }): Placed => {
    const raw: RawRole = { data: role as unknown as RawRole["data"], positions: new Map(positions), position };
    return { role, file, raw };
  });
  return { file, roles };
}

/** What `loadRoles` keeps of one file. */
export interface LoadedFile {
  file: VFile;
  roles: Placed[];
}

export class RoleCache {
  /** Entries read and written in this process. */
  readonly stats = { hits: 0, misses: 0, writes: 0 };
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
   */
  constructor(
    readonly dir: string | null = defaultCacheDir(),
    options: { workers?: number; memory?: boolean } = {},
  ) {
    this.workers = options.workers ?? 0;
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
  private pool: LoadPool | null = null;
  /** Files asked for, and files to load, since the last `close`: `loadRoles` asks for all of them at once. */
  private requested = 0;
  private missed = 0;

  /** Loads one file through the cache (see `loadFileCached`). */
  load(filePath: string): Promise<Loaded> {
    this.requested++;
    return loadFileCached(filePath, this);
  }

  /**
   * Runs the stages on a file's bytes: in a worker when there is a pool to use, else (or when the
   * worker fails) in this thread.
   */
  async loadBytes(bytes: Uint8Array, displayPath: string): Promise<{ loaded: Loaded; entry: Entry | null }> {
    // Workers only pay for themselves over many files to load: a rebuild after one edit loads here.
    this.missed++;
    if (this.workers > 0 && this.requested >= MIN_PARALLEL_FILES && this.missed >= MIN_PARALLEL_FILES) {
      this.pool ??= new LoadPool(this.workers);
      try {
        const entry = await this.pool.run(bytes, displayPath);
        this.count(entry.stages);
        const { file, roles } = fromEntry(entry, displayPath);
        return { loaded: { file, placed: roles[0] ?? null, roles }, entry };
      } catch {
        // Loaded here instead.
      }
    }
    const loaded = loadContent(bytes, displayPath);
    this.count(loaded.file.data.stages);
    return { loaded, entry: null };
  }

  /** Stops the workers, if any were started. */
  async close(): Promise<void> {
    this.requested = 0;
    this.missed = 0;
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }

  /** The key of a file's content as shown under `displayPath`. */
  key(bytes: Uint8Array, displayPath: string): string {
    return createHash("sha256").update(programVersion()).update("\0").update(displayPath).update("\0").update(bytes).digest("hex");
  }

  private at(key: string): string {
    return path.join(this.dir ?? "", key.slice(0, 2), `${key}.json`);
  }

  /** The loaded file for `key`, or null on a miss (no entry, or an entry that is unreadable or not this program's). */
  async get(key: string, displayPath: string): Promise<LoadedFile | null> {
    const kept = this.memory?.get(key);
    if (kept && kept.path === displayPath) {
      this.stats.hits++;
      return fromEntry(kept, displayPath);
    }
    if (this.dir === null) return null;
    let entry: Entry;
    try {
      entry = JSON.parse(await readFile(this.at(key), "utf8")) as Entry;
      if (entry.version !== programVersion() || entry.path !== displayPath || !Array.isArray(entry.messages) || !Array.isArray(entry.roles)) throw new Error("stale");
    } catch {
      this.stats.misses++;
      return null;
    }
    try {
      const loaded = fromEntry(entry, displayPath);
      this.stats.hits++;
      this.remember(key, entry);
      return loaded;
    } catch {
      this.stats.misses++;
      return null;
    }
  }

  /** Stores a loaded file under `key`; a failed write is ignored (the cache is only a speed-up). */
  async set(key: string, loaded: LoadedFile | Entry): Promise<void> {
    if (this.dir === null && !this.memory) return;
    const { stages: _times, ...entry } = "file" in loaded ? toEntry(loaded) : loaded;
    this.remember(key, entry);
    if (this.dir === null) return;
    const target = this.at(key);
    const temp = `${target}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(temp, JSON.stringify(entry));
      await rename(temp, target);
      this.stats.writes++;
    } catch {
      await rm(temp, { force: true }).catch(() => {});
    }
  }
}

/**
 * `loadFile` through the cache: the file's bytes are read and hashed; a hit skips parsing and
 * validation, a miss runs them on the bytes read and stores the result. A file too large or that
 * cannot be read goes the uncached way, which reports it.
 */
export async function loadFileCached(filePath: string, cache: RoleCache): Promise<Loaded> {
  const display = path.relative(process.cwd(), filePath) || filePath;
  let bytes: Uint8Array;
  try {
    if ((await stat(filePath)).size > MAX_FILE_BYTES) return await loadFile(filePath);
    bytes = await readFile(filePath);
  } catch {
    return await loadFile(filePath);
  }
  const key = cache.key(bytes, display);
  const hit = await cache.get(key, display);
  if (hit) return { file: hit.file, placed: hit.roles[0] ?? null, roles: hit.roles };
  const { loaded, entry } = await cache.loadBytes(bytes, display);
  await cache.set(key, entry ?? loaded);
  return loaded;
}
