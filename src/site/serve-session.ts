/**
 * `career-atlas serve`: builds, serves the site on 127.0.0.1 with live reload, and rebuilds after
 * every save, reusing what the session built (see `Session`), one rebuild at a time. It prints
 * nothing: its caller hears of every build and of the server through callbacks (`src/cli.ts` prints them).
 */
import path from "node:path";
import { CatalogMemo } from "../catalog/index.ts";
import { defaultCacheDir, EntryStore } from "../cache/store.ts";
import { Loader } from "../load/loader.ts";
import { defaultWorkers } from "../load/pool.ts";
import { build, exitCode, refusal, type BuildOptions, type BuildOutcome, type Session } from "./build.ts";
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
  /**
   * Called with what every build did: the first (or the refused output that stops serve), before the
   * server starts, and each rebuild, before `onRebuild`.
   */
  onBuild?: (outcome: BuildOutcome) => void;
  /** Called after every rebuild the watcher starts, with its exit code. */
  onRebuild?: (code: number) => void;
}

/** What serve keeps for its session (see `Session`). */
export function serveSession(options: Pick<BuildOptions, "cache" | "cacheDir">): Session {
  return {
    // One loader and store for the whole session, the entries kept in memory: a rebuild after an edit
    // parses the edited file alone and reads no cache file, and parses it in a worker, so that the server
    // answers while a big file parses.
    loader: new Loader({ store: new EntryStore(options.cache ? (options.cacheDir ?? defaultCacheDir()) : null, { memory: true }), workers: defaultWorkers(), offThread: true }),
    memo: new CatalogMemo(),
    printed: new Map(),
    manifests: options.cache ? diskManifests(options.cacheDir ?? defaultCacheDir()) : memoryManifests(),
  };
}

/**
 * Builds, serves the output on 127.0.0.1 with live reload, and rebuilds when an input or a
 * template changes. Resolves when stopped.
 * @returns the exit code: 0 stopped, 1 an output the build may not replace
 */
export async function serve(options: ServeOptions): Promise<number> {
  // An output the build may not replace stops serve at once; input errors do not (fix, save, rebuild).
  const refused = await refusal(options);
  if (refused !== null) {
    options.onBuild?.({ kind: "refused", refused });
    return 1;
  }
  const session = serveSession(options);
  // The first build shows every diagnostic (and may reuse the site a build left, through the cache's
  // manifest); the rebuilds reuse what the session built, even with `--no-cache` (whose session
  // keeps its manifest in memory, and nothing on disk).
  options.onBuild?.(await build({ ...options, session }));
  const rebuildOptions = { ...options, session };
  const server = await startServer(path.resolve(options.output), options.port);

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
        const outcome = await build({
          ...rebuildOptions,
          inPlace: true,
          deferSearch: true,
          onWritten: () => {
            reloaded = true;
            server.reload();
          },
        });
        options.onBuild?.(outcome);
        const code = exitCode(outcome);
        if (code === 0 && !reloaded) server.reload();
        options.onRebuild?.(code);
      } while (again);
    })().finally(() => {
      running = null;
    });
  };
  const watcher = watchPaths([...options.inputs, TEMPLATES], rebuild);
  // Ready once it watches too: a file saved as soon as the address is printed is rebuilt.
  options.onReady?.(server.url);

  const signal = options.signal ?? signalFromProcess();
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
  watcher.close();
  await running;
  await server.close();
  await session.loader.stop();
  return 0;
}

function signalFromProcess(): AbortSignal {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return controller.signal;
}
