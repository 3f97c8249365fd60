/**
 * `career-atlas build` and `career-atlas serve`: load the role guides, derive the catalog, render the
 * site into a temporary folder beside the output, then swap it in, so that a failed build leaves the
 * previous site exactly as it was.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { VFile } from "vfile";
import { reporter } from "vfile-reporter";
import { buildCatalog } from "../catalog/index.ts";
import { loadRoles } from "../load.ts";
import { hasErrors } from "../model/diagnostics.ts";
import type { Role } from "../model/role.ts";
import { plural } from "../catalog/format.ts";
import { renderSite, TEMPLATES } from "./eleventy.ts";
import { startServer } from "./serve.ts";
import { watchPaths } from "./watch.ts";

export interface BuildOptions {
  /** Markdown files or folders of them. */
  inputs: string[];
  /** The site folder; replaced as a whole by a successful build. */
  output: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

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

function tempName(output: string, kind: string): string {
  const resolved = path.resolve(output);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}-${kind}-${process.pid}-${randomBytes(4).toString("hex")}`);
}

async function exists(target: string): Promise<boolean> {
  try {
    await stat(target);
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces `output` with `fresh` by renames in one folder: the old site moves away, the new one in,
 * then the old one is removed.
 */
export async function swapIn(fresh: string, output: string): Promise<void> {
  const target = path.resolve(output);
  const old = (await exists(target)) ? tempName(target, "old") : null;
  if (old) await rename(target, old);
  try {
    await rename(fresh, target);
  } catch (error) {
    if (old) await rename(old, target);
    throw error;
  }
  if (old) await rm(old, { recursive: true, force: true });
}

export interface SiteResult {
  /** HTML pages written. */
  pages: number;
  /** Every file written: pages, JSON and the stylesheet. */
  files: number;
}

/**
 * Renders `roles` into `output` through a temporary folder beside it; on failure `output` is untouched.
 * @param roles validated, merged roles
 * @param output the site folder
 * @param log where Eleventy's warnings go
 */
export async function buildSite(roles: readonly Role[], output: string, log: (message: string) => void = () => {}): Promise<SiteResult> {
  const catalog = buildCatalog(roles);
  const temp = tempName(output, "build");
  await mkdir(path.dirname(temp), { recursive: true });
  try {
    const result = await renderSite(catalog, temp, log);
    await swapIn(temp, output);
    return { pages: result.pages, files: result.pages + result.data + result.copied };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

function countWarnings(files: readonly VFile[]): number {
  return files.reduce((n, file) => n + file.messages.filter((m) => m.fatal === false).length, 0);
}

/**
 * Builds the site.
 * @returns the exit code: 0 built, 1 errors in the input or a failed render (the output left as it was)
 */
export async function runBuild(options: BuildOptions): Promise<number> {
  const started = performance.now();
  const { roles, files } = await loadRoles(options.inputs);
  const report = reporter(files, { quiet: true });
  if (report) options.stderr.write(`${report}\n`);
  if (hasErrors(files)) {
    options.stderr.write(`Build stopped: the input has errors; ${options.output} was left as it was.\n`);
    return 1;
  }
  let result: SiteResult;
  try {
    result = await buildSite(roles, options.output, (message) => options.stderr.write(`${message}\n`));
  } catch (error) {
    options.stderr.write(`Build failed: ${error instanceof Error ? error.message : String(error)}\n${options.output} was left as it was.\n`);
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  options.stdout.write(
    `Built ${plural(roles.length, "role")}, ${plural(result.pages, "page")}, ${plural(countWarnings(files), "warning")} in ${seconds} s → ${options.output}\n`,
  );
  return 0;
}

/**
 * Builds, serves the output on 127.0.0.1 with live reload, and rebuilds when an input or a
 * template changes. Resolves when stopped.
 */
export async function runServe(options: ServeOptions): Promise<void> {
  await runBuild(options);
  const server = await startServer(path.resolve(options.output), options.port);
  options.stdout.write(`Serving ${options.output} at ${server.url} (Ctrl+C to stop)\n`);
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
        const code = await runBuild(options);
        if (code === 0) server.reload();
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
}

function signalFromProcess(): AbortSignal {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return controller.signal;
}
