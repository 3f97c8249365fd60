/**
 * `career-atlas serve`: builds, serves the site on 127.0.0.1 with live reload, and rebuilds after
 * every save, reusing what the session built (see `Session`), one rebuild at a time.
 */
import path from "node:path";
import { CatalogMemo } from "../catalog/index.ts";
import { defaultCacheDir, RoleCache } from "../cache/index.ts";
import { defaultWorkers } from "../cache/pool.ts";
import { forTerminal } from "../model/terminal.ts";
import { refusal, runBuild, type BuildOptions, type Session } from "./build.ts";
import { TEMPLATES } from "./eleventy.ts";
import { diskManifests, memoryManifests } from "./manifest.ts";
import { startServer } from "./serve.ts";
import { watchPaths } from "./watch.ts";

export interface ServeOptions extends BuildOptions {
  /** The port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Stops the server; without it, SIGINT or SIGTERM do. */
  signal?: AbortSignal;
  /** Called with the address once the server listens. */
  onReady?: (url: string) => void;
  /** Called after every rebuild the watcher starts, with its exit code. */
  onRebuild?: (code: number) => void;
}

/** What serve keeps for its session (see `Session`). */
export function serveSession(options: Pick<BuildOptions, "cache" | "cacheDir">): Session {
  return {
    // One cache for the whole session, its entries kept in memory: a rebuild after an edit parses the
    // edited file alone and reads no cache file, and parses it in a worker, so that the server
    // answers while a big file parses.
    roleCache: new RoleCache(options.cache ? (options.cacheDir ?? defaultCacheDir()) : null, { workers: defaultWorkers(), memory: true, offThread: true }),
    memo: new CatalogMemo(),
    printed: new Map(),
    manifests: options.cache ? diskManifests(options.cacheDir ?? defaultCacheDir()) : memoryManifests(),
  };
}

/**
 * Builds, serves the output on 127.0.0.1 with live reload, and rebuilds when an input or a
 * template changes. Resolves when stopped.
 */
export async function runServe(options: ServeOptions): Promise<number> {
  // An output the build may not replace stops serve at once; input errors do not (fix, save, rebuild).
  if ((await refusal(options)) !== null) return 1;
  const session = serveSession(options);
  // The first build prints everything (and may reuse the site a build left, through the cache's
  // manifest); the rebuilds reuse what the session built, even with `--no-cache` (whose session
  // keeps its manifest in memory, and nothing on disk).
  await runBuild({ ...options, session });
  const rebuildOptions = { ...options, session };
  const server = await startServer(path.resolve(options.output), options.port);
  options.stdout.write(`Serving ${forTerminal(options.output)} at ${server.url} (Ctrl+C to stop)\n`);
  options.onReady?.(server.url);

  let running: Promise<void> | null = null;
  let again = false;
  const rebuild = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        // The page lands on disk and open pages reload before the search index is rebuilt.
        let reloaded = false;
        const code = await runBuild({
          ...rebuildOptions,
          inPlace: true,
          deferSearch: true,
          onWritten: () => {
            reloaded = true;
            server.reload();
          },
        });
        if (code === 0 && !reloaded) server.reload();
        options.onRebuild?.(code);
      } while (again);
    })().finally(() => {
      running = null;
    });
  };
  const watcher = watchPaths([...options.inputs, TEMPLATES], rebuild);

  const signal = options.signal ?? signalFromProcess();
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
  watcher.close();
  await running;
  await server.close();
  await session.roleCache.stop();
  return 0;
}

function signalFromProcess(): AbortSignal {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return controller.signal;
}
