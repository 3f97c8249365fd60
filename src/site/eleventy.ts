/**
 * Runs Eleventy on `templates/` with the catalog plugin, through its programmatic API, so no
 * configuration file is looked for or loaded. The only module that imports Eleventy.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
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
const nunjucks = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"))("nunjucks") as NunjucksLib;

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
 * Most files one Eleventy run writes. Eleventy keeps every page it rendered in a run (its content
 * included) until the run ends: a site of 16,000 pages in one run peaks at over 2 GB. Runs of a
 * few thousand files keep the peak flat, for about 0.1 s of start-up each.
 */
export const FILES_PER_RUN = 2000;

/** `selection` cut into parts of at most about `size` files (a role writes three), the whole-catalog pages in the first. */
export function batches(selection: Selection, size = FILES_PER_RUN): Selection[] {
  type Part = Pick<Catalog, "roles" | "plans" | "skills"> & { site: boolean };
  const parts: Part[] = [];
  let current: Part = { roles: [], plans: [], skills: [], site: selection.site };
  let files = selection.site ? 6 : 0;
  /** The part with room for `cost` more files, a new one when the current one is full. */
  const room = (cost: number): Part => {
    if (files + cost > size && files > 0) {
      parts.push(current);
      current = { roles: [], plans: [], skills: [], site: false };
      files = 0;
    }
    files += cost;
    return current;
  };
  for (const role of selection.roles) room(3).roles.push(role);
  for (const plan of selection.plans) room(1).plans.push(plan);
  for (const skill of selection.skills) room(1).skills.push(skill);
  if (files > 0 || parts.length === 0) parts.push(current);
  return parts;
}

/**
 * Renders the site into `outDir` (created when missing; files in it are overwritten, none removed),
 * in runs of at most `FILES_PER_RUN` files.
 * @param catalog the catalog to show
 * @param outDir where the site goes
 * @param log where Eleventy's warnings and errors go
 * @throws the template error when a template fails
 */
export async function renderSite(
  catalog: Catalog,
  outDir: string,
  log: (message: string) => void = () => {},
  options: RenderOptions = {},
): Promise<RenderResult> {
  const result: RenderResult = { written: [], pages: 0, data: 0, copied: 0 };
  let first = true;
  for (const part of batches(options.selection ?? selectAll(catalog))) {
    const done = await renderRun(catalog, outDir, log, { selection: part, copyAssets: first && options.copyAssets !== false, keepJson: options.keepJson, site: options.site });
    first = false;
    for (const w of done.written) result.written.push(w);
    result.pages += done.pages;
    result.data += done.data;
    result.copied += done.copied;
  }
  return result;
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

/** One Eleventy run over `options.selection`. */
async function renderRun(catalog: Catalog, outDir: string, log: (message: string) => void, options: RenderOptions): Promise<RenderResult> {
  const root = path.resolve(outDir);
  const site = options.site ?? siteView();
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
      // Eleventy 3.1 does not cache compiled Nunjucks templates: every page of a paginated template
      // was compiled again (about 2 ms a page). The same environment, compiled once per template.
      const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([path.join(TEMPLATES, "partials"), TEMPLATES]), NUNJUCKS_OPTIONS);
      config.setLibrary("njk", env);
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
      // Permalinks ("{{ role.url }}") are Nunjucks too, compiled once each as well.
      config.addExtension("njk", { compileOptions: { cache: true, permalink: compile }, compile });
      if (options.copyAssets !== false) config.addPassthroughCopy({ [`${TEMPLATES}assets`]: "assets", [`${TEMPLATES}favicon.ico`]: "favicon.ico" });
      // Named by its content, the logo is copied whenever the folder lacks it, even when the previous
      // site's assets are kept (a file of that name linked from there holds the same bytes).
      if (site.logo && !existsSync(path.join(root, site.logo.output))) config.addPassthroughCopy({ [site.logo.file]: site.logo.output });
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
  const [copies, templates] = (await eleventy.write()) as unknown as [{ count?: number }[], WriteResult[]];
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
