/**
 * Scenario (a) of the benchmark: plain Eleventy 3 building the corpus's markdown files as plain pages
 * with one trivial Nunjucks layout, nothing else; what a site of N markdown pages costs with no
 * Career Atlas at all. Eleventy's defaults stay as they are (markdown-it, Liquid preprocessing of
 * markdown), as a plain Eleventy user would have them.
 *
 *   node --import tsx bench/baseline.ts --input <prepared dir> --output <dir>
 *
 * prints one JSON line: `{"pages": <HTML files written>, "ms": <time inside eleventy.write()>}`.
 */
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";

/** The one layout: a title from the file name and the rendered markdown. */
export const LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ page.fileSlug }}</title></head>
<body><main>
{{ content | safe }}
</main></body>
</html>
`;

/**
 * Lays out Eleventy's input: every markdown file of `corpusDir` copied, and the layout in `_includes`
 * (no front matter in the pages; the layout is set for all of them as global data in `buildBaseline`).
 * @param corpusDir the generated corpus
 * @param inputDir a fresh folder for Eleventy's input
 * @returns how many pages Eleventy should write
 */
export async function prepareBaseline(corpusDir: string, inputDir: string): Promise<number> {
  await mkdir(path.join(inputDir, "_includes"), { recursive: true });
  await writeFile(path.join(inputDir, "_includes", "layout.njk"), LAYOUT);
  const names = (await readdir(corpusDir)).filter((name) => name.endsWith(".md"));
  for (const name of names) await copyFile(path.join(corpusDir, name), path.join(inputDir, name));
  return names.length;
}

interface WriteResult {
  outputPath?: string | false;
}

/**
 * Builds `inputDir` into `outputDir` with Eleventy's programmatic API; no configuration file is looked for.
 * @returns the HTML pages written
 */
export async function buildBaseline(inputDir: string, outputDir: string): Promise<number> {
  const eleventy = new Eleventy(inputDir, outputDir, {
    quietMode: true,
    configPath: false as unknown as string,
    config(config: UserConfig) {
      config.setUseGitIgnore(false);
      config.setTemplateFormats(["md"]);
      config.addGlobalData("layout", "layout.njk");
    },
  });
  // (Eleventy's JSDoc types write() as `Promise<{Array}>`, not the pair of arrays it resolves to.)
  const [, templates] = (await eleventy.write()) as unknown as [unknown, WriteResult[]];
  return templates.filter((t) => typeof t.outputPath === "string" && t.outputPath.endsWith(".html")).length;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { input: { type: "string" }, output: { type: "string" } } });
  if (!values.input || !values.output) throw new Error("usage: baseline.ts --input <prepared dir> --output <dir>");
  const started = performance.now();
  const pages = await buildBaseline(path.resolve(values.input), path.resolve(values.output));
  process.stdout.write(`${JSON.stringify({ pages, ms: Math.round(performance.now() - started) })}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`baseline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
