/**
 * Runs Eleventy on `templates/` with the catalog plugin, through its programmatic API, so no
 * configuration file is looked for or loaded. The only module that imports Eleventy.
 */
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { Catalog } from "../catalog/index.ts";
import { catalogPlugin, type EleventyConfigApi } from "./plugin.ts";

/** The templates folder of this package, wherever the command runs from. */
export const TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

interface EleventyUserConfig extends EleventyConfigApi {
  setTemplateFormats(formats: string[]): unknown;
  setIncludesDirectory(dir: string): unknown;
  addPassthroughCopy(copy: Record<string, string>): unknown;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): unknown;
  setUseGitIgnore(use: boolean): unknown;
}

interface WriteResult {
  outputPath?: string | false;
  url?: string | false;
}

export interface RenderResult {
  /** The HTML pages Eleventy wrote. */
  pages: number;
  /** The other files written from templates (JSON). */
  data: number;
  /** The files copied as they are (the stylesheet). */
  copied: number;
}

/**
 * Renders the site into `outDir` (created when missing; files in it are overwritten, none removed).
 * @param catalog the catalog to show
 * @param outDir where the site goes
 * @param log where Eleventy's warnings and errors go
 * @throws the template error when a template fails
 */
export async function renderSite(catalog: Catalog, outDir: string, log: (message: string) => void = () => {}): Promise<RenderResult> {
  const eleventy = new Eleventy(TEMPLATES, outDir, {
    quietMode: true,
    configPath: false as unknown as string,
    config(config: EleventyUserConfig) {
      config.setUseGitIgnore(false);
      config.setTemplateFormats(["njk"]);
      config.setIncludesDirectory("partials");
      config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
      config.addPassthroughCopy({ [`${TEMPLATES}assets`]: "assets" });
      catalogPlugin(catalog)(config);
    },
  });
  const drop = (): void => {};
  eleventy.logger.overrideLogger({ log: drop, info: drop, warn: (m: string) => log(String(m)), error: (m: string) => log(String(m)) });
  const [copies, templates] = (await eleventy.write()) as [{ count?: number }[], WriteResult[]];
  const written = templates.flatMap((t) => (typeof t.outputPath === "string" ? [t.outputPath] : []));
  return {
    pages: written.filter((p) => p.endsWith(".html")).length,
    data: written.filter((p) => !p.endsWith(".html")).length,
    copied: copies.reduce((sum, c) => sum + (c.count ?? 0), 0),
  };
}
