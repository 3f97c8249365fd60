/**
 * Runs Eleventy on `templates/` with the catalog plugin, through its programmatic API, so no
 * configuration file is looked for or loaded. The only module that imports Eleventy.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Eleventy, { HtmlBasePlugin } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Catalog } from "../catalog/index.ts";
import { selectAll, type Selection } from "./groups.ts";
import { catalogPlugin } from "./plugin.ts";
import { siteView, type SiteView } from "./site-config.ts";

/** The templates folder of this package, wherever the command runs from. */
export const TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

/** The little of Nunjucks used here. */
interface NunjucksTemplate {
  render(data: unknown, done: (error: Error | null, result: string | null) => void): void;
}
interface NunjucksLib {
  Environment: new (loader: unknown, options: Record<string, unknown>) => unknown;
  FileSystemLoader: new (dirs: string[]) => unknown;
  Template: new (source: string, env: unknown, path: string, eagerCompile: boolean) => NunjucksTemplate;
}

/** Eleventy's own copy of Nunjucks (not a dependency of ours: the one Eleventy renders with). */
// (createRequire rather than import.meta.resolve, which vitest's module runner does not support in a global setup.)
const eleventyMain = createRequire(import.meta.url).resolve("@11ty/eleventy");
const nunjucks = createRequire(eleventyMain)("nunjucks") as NunjucksLib;

/**
 * Eleventy's global event bus (its package does not export it; this is the module its own code
 * imports). Eleventy caches every compiled template of every run for the life of the process, keyed
 * by the run's configuration, and so holds each run's catalog; the event it sends when its
 * configuration is reset empties that cache.
 */
const eventBus = await import(pathToFileURL(path.join(path.dirname(eleventyMain), "EventBus.js")).href).then(
  (module: { default: { emit(name: string): unknown } }) => module.default,
  // A later Eleventy may move it: builds still work, holding more memory, and tests/site/memory.test.ts fails.
  () => null,
);

const NUNJUCKS_OPTIONS = { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true };

/** Eleventy's benchmark groups, which its JSDoc leaves untyped (`getAll()` is `{}`). */
type BenchmarkGroups = Record<string, { setIsVerbose(verbose: boolean): void }>;

interface WriteResult {
  outputPath?: string | false;
  url?: string | false;
}

/** A file Eleventy wrote: its address and its path relative to the output folder. */
export interface Written {
  url: string;
  file: string;
}

export interface RenderOptions {
  /** Which pages to write; all by default. */
  selection?: Selection;
  /** Whether to copy `templates/assets/` (a build that reuses the previous site has them already). */
  copyAssets?: boolean;
  /** Whether to keep serialised items for the next render (serve's session). */
  keepJson?: boolean;
  /** The site configuration (title, path prefix, logo…); the defaults without it. */
  site?: SiteView;
  /**
   * Whether to copy the configured logo when the folder lacks it; true by default. Only the first of
   * a site's runs does, since runs in parallel would all find it missing.
   */
  copyLogo?: boolean;
}

export interface RenderResult {
  /** Every file written from a template. */
  written: Written[];
  /** The HTML pages Eleventy wrote. */
  pages: number;
  /** The other files written from templates (JSON). */
  data: number;
  /** The files copied as they are (the stylesheet). */
  copied: number;
}

/**
 * Eleventy 3.1 does not cache compiled Nunjucks templates: every page of a paginated template was
 * compiled again (about 2 ms a page). One environment, and each template compiled once by it.
 * Made here, outside any run: Eleventy keeps compiled templates in a cache of its own for the life of
 * the process, and closures made inside a run would keep that run's whole catalog with them.
 */
function nunjucksCompiler(): { env: unknown; compile: (source: string, inputPath: string) => (data: unknown) => Promise<string> } {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([path.join(TEMPLATES, "partials"), TEMPLATES]), NUNJUCKS_OPTIONS);
  const compiled = new Map<string, (data: unknown) => Promise<string>>();
  const compile = (source: string, inputPath: string): ((data: unknown) => Promise<string>) => {
    const key = `${inputPath}\u0000${source}`;
    let render = compiled.get(key);
    if (!render) {
      const template = new nunjucks.Template(source, env, inputPath, false);
      render = (data) => new Promise<string>((resolve, reject) => template.render(data, (error, result) => (error ? reject(error) : resolve(result ?? ""))));
      compiled.set(key, render);
    }
    return render;
  };
  return { env, compile };
}

/**
 * Empties a run's Nunjucks environment of what Eleventy put in it. Eleventy keeps every environment
 * given by `setLibrary` in a set of its own for the life of the process, and the filters and
 * shortcodes it adds hold the run's whole configuration, catalog included: without this, every
 * run's catalog would stay in memory (some 600 MB at 5,000 roles, held while Pagefind indexes).
 */
function release(env: unknown): void {
  Object.assign(env as object, { filters: {}, asyncFilters: [], tests: {}, globals: {}, extensions: {}, extensionsList: [] });
}

let ignoring = false;

/**
 * When one of a run's writes fails, Eleventy's write() rejects with it at once, and the run's other
 * writes (the passthrough copy of the assets, on a full disk) reject later with no one awaiting
 * them: Node would end the process on that unhandled rejection. Those of Eleventy's own errors are
 * dropped, since the run's failure is reported already; any other rejection is thrown as before.
 */
function ignoreStrayRejections(): void {
  if (ignoring) return;
  ignoring = true;
  process.on("unhandledRejection", (reason) => {
    const name = (reason as Error | null)?.constructor?.name ?? "";
    if (/^(?:Template|Eleventy)\w*Error$/.test(name)) return;
    throw reason;
  });
}

/**
 * One Eleventy run over `options.selection` (see `render-runs.ts`, which cuts a site into runs).
 * @throws the template error when a template fails
 */
export async function renderRun(catalog: Catalog, outDir: string, log: (message: string) => void, options: RenderOptions): Promise<RenderResult> {
  const root = path.resolve(outDir);
  const site = options.site ?? siteView();
  const { env, compile } = nunjucksCompiler();
  const eleventy = new Eleventy(TEMPLATES, outDir, {
    quietMode: true,
    configPath: false as unknown as string,
    // Permalinks and output files stay as they are ("/roles/x/" in roles/x/); the HTML <base> plugin
    // puts the prefix before every root-relative URL the HTML pages write (it does nothing for "/").
    pathPrefix: site.pathPrefix,
    config(config: UserConfig) {
      // Eleventy's timings ("Benchmark 125ms 26% … Transform", printed straight to the console when
      // a step such as the HTML <base> plugin's takes a quarter of the run) are no concern of a build.
      config.benchmarkManager.setVerboseOutput(false);
      for (const group of Object.values(config.benchmarkManager.getAll() as BenchmarkGroups)) group.setIsVerbose(false);
      config.addPlugin(HtmlBasePlugin);
      config.setUseGitIgnore(false);
      config.setTemplateFormats(["njk"]);
      config.setIncludesDirectory("partials");
      config.setLibrary("njk", env);
      // Permalinks ("{{ role.url }}") are Nunjucks too, compiled once each as well.
      config.addExtension("njk", { compileOptions: { cache: true, permalink: compile }, compile });
      if (options.copyAssets !== false) config.addPassthroughCopy({ [`${TEMPLATES}assets`]: "assets", [`${TEMPLATES}favicon.ico`]: "favicon.ico" });
      // Named by its content, the logo is copied whenever the folder lacks it, even when the previous
      // site's assets are kept (a file of that name linked from there holds the same bytes).
      if (site.logo && options.copyLogo !== false && !existsSync(path.join(root, site.logo.output))) config.addPassthroughCopy({ [site.logo.file]: site.logo.output });
      catalogPlugin(catalog, options.selection ?? selectAll(catalog), options.keepJson, site)(config);
    },
  });
  const drop = (): void => {};
  // Eleventy's error log repeats, stack trace and all, the error its write() rejects with, which the
  // build reports itself in one line.
  eleventy.logger.overrideLogger({ log: drop, info: drop, warn: (m: string) => log(String(m)), error: drop });
  ignoreStrayRejections();
  // Eleventy's JSDoc types write() as `Promise<{Array}>` (an object with an `Array` property), not the
  // pair of arrays it resolves to.
  let copies: { count?: number }[];
  let templates: WriteResult[];
  try {
    [copies, templates] = (await eleventy.write()) as unknown as [{ count?: number }[], WriteResult[]];
  } finally {
    release(env);
    await eventBus?.emit("eleventy.compileCacheReset");
  }
  const written = templates.flatMap((t) =>
    typeof t.outputPath === "string" && typeof t.url === "string" ? [{ url: t.url, file: path.relative(root, path.resolve(t.outputPath)) }] : [],
  );
  return {
    written,
    pages: written.filter((w) => w.file.endsWith(".html")).length,
    data: written.filter((w) => !w.file.endsWith(".html")).length,
    copied: copies.reduce((sum, c) => sum + (c.count ?? 0), 0),
  };
}
