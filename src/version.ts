/**
 * Which program made a stored result: the package version and a hash of the sources that decide
 * it. The load's store keys (`src/load/loader.ts`) and the site's manifest (`src/site/manifest.ts`)
 * both take it from here, so neither imports the other.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SRC = fileURLToPath(new URL("./", import.meta.url));
const PACKAGE = fileURLToPath(new URL("../package.json", import.meta.url));
/**
 * Every source a cached load depends on, relative to `src/`: the stages, the loader with its pool
 * and workers (`load/`) and the reads' pool (at-once.ts), the store whose format and keys the entries
 * follow (`cache/`), and limits.ts, which decides what is refused (a changed limit is a new program).
 */
const STAGES = ["read", "parse", "extract", "model", "cache", "load", "stages.ts", "load.ts", "at-once.ts", "limits.ts"];

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
