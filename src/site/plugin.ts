/**
 * The local Eleventy plugin: hands the catalog to the templates as global data, with the few things
 * that are drawings or serialisations rather than data (SVG, JSON). Templates only read what it adds.
 */
import type { Catalog } from "../catalog/index.ts";
import type { PlanView } from "../catalog/plans.ts";
import type { RoleView } from "../catalog/roles.ts";
import { compareLevels } from "../catalog/levels-diff.ts";
import { roleJsonSchema } from "../model/role.ts";
import { selectAll, type Selection } from "./groups.ts";
import { inlineHtml, prepareRoles, proseHtml, requirementHtml, sectionHtml } from "./rich-text.ts";
import { absoluteUrl, robotsTxt, siteView, sitemapXml, type SiteView } from "./site-config.ts";
import { drawProgression, drawTimeline } from "./svg.ts";

/** The part of Eleventy's configuration API the plugin uses. */
export interface EleventyConfigApi {
  addGlobalData(name: string, value: unknown): unknown;
  addFilter(name: string, filter: (...args: never[]) => unknown): unknown;
}

/** The JSON Schema of a Role, as `/api/role.schema.json` serves it. */
export const roleSchema = roleJsonSchema;

export const SITE_NAME = "Career Atlas";

const ESCAPED_LENGTH: Record<string, number> = { "&": 5, "<": 4, ">": 4, '"': 6, "'": 5 };

/** How long `text` is once escaped into HTML. */
function htmlLength(text: string): number {
  let length = 0;
  for (const ch of text) length += ESCAPED_LENGTH[ch] ?? 1;
  return length;
}

/**
 * A page's <title>: "PyTorch · Career Atlas", shortened so that its escaped HTML is at most `max`
 * characters (long titles are cut off in tabs and search results; html-validate's long-title rule
 * asks for 70 at most).
 * @param site the site's name (the configured `title`)
 */
export function pageTitle(text: string, max = 70, site = SITE_NAME): string {
  const full = `${text} · ${site}`;
  if (htmlLength(full) <= max) return full;
  let kept = "";
  for (const ch of text) {
    if (htmlLength(kept + ch) + 1 > max) break;
    kept += ch;
  }
  return `${kept.trimEnd()}…`;
}

/** JSON as the API files hold it: two-space indented, ending in a newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Each role's JSON, indented as an item of roles.json, kept for a role that a later catalog reuses. */
const itemJson = new WeakMap<object, string>();

/**
 * `toJson(items)`, built from each item's own JSON (the same text).
 * @param keep whether to keep each frozen item's JSON for the next call (serve, whose next catalog
 *   reuses most items; a single build would only hold the copies in memory)
 */
export function toJsonList(items: readonly object[], keep = false): string {
  if (items.length === 0) return "[]\n";
  const parts = items.map((item) => {
    let json = itemJson.get(item);
    if (json === undefined) {
      json = `  ${JSON.stringify(item, null, 2).replaceAll("\n", "\n  ")}`;
      if (keep && Object.isFrozen(item)) itemJson.set(item, json);
    }
    return json;
  });
  return `[\n${parts.join(",\n")}\n]\n`;
}

/**
 * Returns the plugin for one catalog.
 * @param catalog the frozen catalog (frozen data is handed to every page without copying)
 * @param site the site configuration as the templates read it
 */
export function catalogPlugin(catalog: Catalog, selection: Selection = selectAll(catalog), keepJson = false, site: SiteView = siteView()): (config: EleventyConfigApi) => void {
  // The whole-catalog drawings and files are made only when their pages are written.
  const drawings = Object.freeze({ progression: selection.site ? drawProgression(catalog.progression) : "" });
  const api = Object.freeze({
    roles: selection.site ? toJsonList(catalog.roles.map((r) => r.model), keepJson) : "",
    schema: selection.site ? toJson(roleSchema()) : "",
    sitemap: selection.site ? sitemapXml(catalog, site) : "",
    robots: selection.site ? robotsTxt(site) : "",
  });
  // What the templates paginate over: the items this render writes (`site` holds one entry when
  // the whole-catalog pages are written, none when they are kept from the previous build).
  const render = Object.freeze({
    roles: Object.freeze([...selection.roles]),
    plans: Object.freeze([...selection.plans]),
    skills: Object.freeze([...selection.skills]),
    site: Object.freeze(selection.site ? [true] : []),
    sitemap: Object.freeze(selection.site && site.sitemap ? [true] : []),
  });
  prepareRoles(selection.roles);
  return (config) => {
    config.addGlobalData("catalog", () => catalog);
    config.addGlobalData("render", () => render);
    config.addGlobalData("drawings", () => drawings);
    config.addGlobalData("api", () => api);
    config.addGlobalData("site", () => site);
    addFilters(config, site);
  };
}

/**
 * The filters, made apart from the catalog: Eleventy keeps every Nunjucks environment it was given,
 * with its filters, for the life of the process, and a filter made beside the catalog's global data
 * would keep the whole catalog alive after its run.
 */
function addFilters(config: EleventyConfigApi, site: SiteView): void {
  config.addFilter("json", (value: unknown) => toJson(value));
  config.addFilter("pageTitle", (text: string) => pageTitle(String(text), 70, site.title));
  // The page's absolute address (canonical link, Open Graph), or "" without a configured baseUrl.
  config.addFilter("absoluteUrl", (url: string) => absoluteUrl(site, String(url)) ?? "");
  config.addFilter("timeline", (plan: PlanView) => drawTimeline(plan));
  // The level comparison's table and steps, made for the one page that shows them.
  config.addFilter("levelComparison", (role: RoleView) => compareLevels(role.model));
  // The author's markdown as sanitised HTML (src/site/markdown.ts): the only text printed with `| safe`.
  config.addFilter("inlineHtml", (text: string | null) => inlineHtml(text));
  config.addFilter("requirementHtml", (r: Parameters<typeof requirementHtml>[0]) => requirementHtml(r));
  config.addFilter("proseHtml", (text: string | null, links?: { text: string; url: string }[], paragraphs?: boolean) => proseHtml(text, links, paragraphs));
  config.addFilter("sectionHtml", (section: Parameters<typeof sectionHtml>[0]) => sectionHtml(section));
}
