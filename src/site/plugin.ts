/**
 * The local Eleventy plugin: hands the catalog to the templates as global data, with the few things
 * that are drawings or serialisations rather than data (SVG, JSON). Templates only read what it adds.
 */
import { z } from "zod";
import type { Catalog } from "../catalog/index.ts";
import type { PlanView } from "../catalog/plans.ts";
import { Role } from "../model/role.ts";
import { selectAll, type Selection } from "./groups.ts";
import { drawProgression, drawTimeline } from "./svg.ts";

/** The part of Eleventy's configuration API the plugin uses. */
export interface EleventyConfigApi {
  addGlobalData(name: string, value: unknown): unknown;
  addFilter(name: string, filter: (...args: never[]) => unknown): unknown;
}

/** The JSON Schema of a Role, as `/api/role.schema.json` serves it. */
export function roleSchema(): unknown {
  return z.toJSONSchema(Role, { io: "output" });
}

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
 */
export function pageTitle(text: string, max = 70): string {
  const full = `${text} · ${SITE_NAME}`;
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
 */
export function catalogPlugin(catalog: Catalog, selection: Selection = selectAll(catalog), keepJson = false): (config: EleventyConfigApi) => void {
  // The whole-catalog drawings and files are made only when their pages are written.
  const drawings = Object.freeze({ progression: selection.site ? drawProgression(catalog.progression) : "" });
  const api = Object.freeze({
    roles: selection.site ? toJsonList(catalog.roles.map((r) => r.model), keepJson) : "",
    schema: selection.site ? toJson(roleSchema()) : "",
  });
  // What the templates paginate over: the items this render writes (`site` holds one entry when
  // the whole-catalog pages are written, none when they are kept from the previous build).
  const render = Object.freeze({
    roles: Object.freeze([...selection.roles]),
    plans: Object.freeze([...selection.plans]),
    skills: Object.freeze([...selection.skills]),
    site: Object.freeze(selection.site ? [true] : []),
  });
  return (config) => {
    config.addGlobalData("catalog", () => catalog);
    config.addGlobalData("render", () => render);
    config.addGlobalData("drawings", () => drawings);
    config.addGlobalData("api", () => api);
    config.addFilter("json", (value: unknown) => toJson(value));
    config.addFilter("pageTitle", (text: string) => pageTitle(String(text)));
    config.addFilter("timeline", (plan: PlanView) => drawTimeline(plan));
  };
}
