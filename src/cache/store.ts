/**
 * The build cache as a store of entries (`entry.ts`), so that a rebuild with nothing changed
 * neither parses nor validates again. It knows nothing of loading (`src/load/loader.ts` asks it
 * and fills it, as Astro's content loaders do their data store): an entry is found by what it was
 * made from, the program version, the displayed path and the hash of the file's bytes, and stored
 * as one file named by sha256 of the three in the cache folder. Writes are atomic (a temporary file
 * renamed); an entry that cannot be read, is corrupt, fails its schema or was made from anything
 * else is a miss, and the fresh result the loader stores replaces it.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeAtomic } from "./atomic.ts";
import { decodeEntry, encodeEntry, sha256, type Entry } from "./entry.ts";

/** What an entry is made from: the program (see `src/version.ts`), the path its diagnostics name, the sha256 (hex) of the bytes. */
export type EntryId = Pick<Entry, "version" | "path" | "content">;

/** The cache folder: CAREER_ATLAS_CACHE_DIR, else `node_modules/.cache/career-atlas` under `cwd`. */
export function defaultCacheDir(cwd = process.cwd()): string {
  const env = process.env.CAREER_ATLAS_CACHE_DIR;
  return env ? path.resolve(env) : path.join(cwd, "node_modules", ".cache", "career-atlas");
}

/** The key an entry made from `id` is stored under. */
export function entryKey(id: EntryId): string {
  return sha256(`${id.version}\0${id.path}\0${id.content}`);
}

export class EntryStore {
  /** Entries read and written in this process. */
  readonly stats = { hits: 0, misses: 0, writes: 0 };

  /**
   * Entries kept in this process as well, by key (serve: a rebuild then reads no cache file). One
   * entry per display path: an edited file's old entry is dropped.
   */
  private readonly memory: Map<string, Entry> | null;
  private readonly keyOfPath = new Map<string, string>();

  /**
   * @param dir the cache folder, created on the first write; null for none (nothing read or
   *   written: `--no-cache`)
   * @param options.memory keep entries in this process too (serve's session, even with no folder)
   */
  constructor(
    readonly dir: string | null = defaultCacheDir(),
    options: { memory?: boolean } = {},
  ) {
    this.memory = options.memory ? new Map() : null;
  }

  /**
   * The entry made from `id`, or null on a miss: no entry, or one that is corrupt, not of the
   * entry's shape, or made from anything else (another program, path or content).
   */
  async get(id: EntryId): Promise<Entry | null> {
    const key = entryKey(id);
    const kept = this.memory?.get(key);
    if (kept && madeFrom(kept, id)) {
      this.stats.hits++;
      return kept;
    }
    if (this.dir === null) return null;
    let entry: Entry | null;
    try {
      entry = decodeEntry(await readFile(this.at(key), "utf8"));
    } catch {
      entry = null;
    }
    if (entry === null || !madeFrom(entry, id)) {
      this.stats.misses++;
      return null;
    }
    this.stats.hits++;
    this.remember(key, entry);
    return entry;
  }

  /** Stores `entry` (over any made from the same); a failed write is ignored (the cache is only a speed-up). */
  async set(entry: Entry): Promise<void> {
    if (this.dir === null && !this.memory) return;
    const key = entryKey(entry);
    this.remember(key, entry);
    if (this.dir === null) return;
    if (await writeAtomic(this.at(key), encodeEntry(entry))) this.stats.writes++;
  }

  private at(key: string): string {
    return path.join(this.dir ?? "", key.slice(0, 2), `${key}.json`);
  }

  private remember(key: string, entry: Entry): void {
    if (!this.memory) return;
    const old = this.keyOfPath.get(entry.path);
    if (old !== undefined && old !== key) this.memory.delete(old);
    this.keyOfPath.set(entry.path, key);
    this.memory.set(key, entry);
  }
}

function madeFrom(entry: Entry, id: EntryId): boolean {
  return entry.version === id.version && entry.path === id.path && entry.content === id.content;
}
