/**
 * Finds, reads and validates the site configuration. YAML and JSON are both parsed with the `yaml`
 * package's document API (JSON is YAML), which keeps every value's place: each problem becomes a
 * diagnostic at the line and column of the value it is about, printed like a guide's diagnostics.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { VFile } from "vfile";
import type { Position } from "unist";
import type { z } from "zod";
import { report } from "../model/diagnostics.ts";
import type { Raised } from "../model/rules.ts";
import { defaultConfig, SiteConfig } from "./schema.ts";

/** The names looked for in the working directory, in this order; the first found is read. */
export const CONFIG_NAMES = ["career-atlas.config.yaml", "career-atlas.config.yml", "career-atlas.config.json"];

export interface ConfigResult {
  /** The configuration (defaults filled in, `logo` made absolute), or null when the file has errors. */
  config: SiteConfig | null;
  /** The file read, with its diagnostics; null when there was none to read. */
  file: VFile | null;
}

export interface ConfigOptions {
  /** A configuration file named on the command line (`--config`): it must exist. */
  file?: string;
  /** Where to look for one of `CONFIG_NAMES` and what paths are shown relative to; the working directory by default. */
  cwd?: string;
}

/** The first of `CONFIG_NAMES` in `cwd`, or null. */
export function findConfig(cwd: string): string | null {
  for (const name of CONFIG_NAMES) {
    const candidate = path.join(cwd, name);
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  }
  return null;
}

/**
 * Loads the configuration: the file `options.file`, else the first of `CONFIG_NAMES` in the working
 * directory, else the defaults. Never throws for a bad file: its problems are diagnostics on `file`.
 */
export function loadConfig(options: ConfigOptions = {}): ConfigResult {
  const cwd = options.cwd ?? process.cwd();
  const found = options.file !== undefined ? path.resolve(cwd, options.file) : findConfig(cwd);
  if (found === null) return { config: defaultConfig(), file: null };
  const file = new VFile({ path: path.relative(cwd, found) || found });
  let source: string;
  try {
    source = readFileSync(found, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "there is no such file" : code === "EISDIR" ? "it is a folder" : `it could not be read (${code ?? String(error)})`;
    report(file, "config-not-found", { path: file.path, why });
    return { config: null, file };
  }
  file.value = source;
  return { config: parseConfig(source, file, path.dirname(found)), file };
}

/**
 * Parses and validates a configuration's text.
 * @param source the file's text (YAML or JSON)
 * @param file receives the diagnostics
 * @param dir the folder relative paths in it (`logo`) are resolved from
 * @returns the configuration, or null when there is an error
 */
export function parseConfig(source: string, file: VFile, dir: string): SiteConfig | null {
  const lines = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ""), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const place = (range: readonly number[] | null | undefined): Position | undefined => {
    if (!range) return undefined;
    const start = lines.linePos(range[0]!);
    const end = lines.linePos(range[1] ?? range[0]!);
    return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } };
  };
  for (const error of doc.errors) {
    report(file, "config-syntax", { path: file.path, error: error.message.split("\n")[0]! }, place(error.pos));
  }
  if (doc.errors.length) return null;
  const value: unknown = doc.toJS() ?? {};
  const parsed = SiteConfig.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { ruleId, args } = describeIssue(issue, doc, file.path);
      report(file, ruleId, args, place(nodeFor(doc, issue)?.range));
    }
    return null;
  }
  const config = parsed.data;
  if (config.logo !== undefined) {
    const logo = path.resolve(dir, config.logo);
    if (!statSync(logo, { throwIfNoEntry: false })?.isFile()) {
      report(file, "config-logo-missing", { logo: config.logo, looked: path.relative(process.cwd(), logo) || logo, path: file.path }, place(nodeFor(doc, { path: ["logo"] })?.range));
      return null;
    }
    config.logo = logo;
  }
  return config;
}

/** The node an issue is about: for an unknown key, the key itself; else the value at its path, or its nearest ancestor. */
function nodeFor(doc: Document, issue: Pick<z.core.$ZodIssue, "path"> & { code?: string; keys?: string[] }): Node | null {
  const at = issue.path.map((k) => (typeof k === "symbol" ? String(k) : k));
  if (issue.code === "unrecognized_keys" && issue.keys?.length) {
    const owner = at.length ? doc.getIn(at, true) : doc.contents;
    if (isMap(owner)) {
      const pair = owner.items.find((p) => isScalar(p.key) && String(p.key.value) === issue.keys![0]);
      if (pair && isScalar(pair.key)) return pair.key;
    }
  }
  for (let n = at.length; n > 0; n--) {
    const node = doc.getIn(at.slice(0, n), true);
    if (node && typeof node === "object" && "range" in node) return node as Node;
  }
  return (doc.contents as Node | null) ?? null;
}

/** "nav › 0 › url" */
function keyPath(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join(" › ") : "the file";
}

/** The rule and what was found and expected, for one zod issue. */
function describeIssue(issue: z.core.$ZodIssue, doc: Document, fileName: string): Extract<Raised, { ruleId: "config-unknown-key" | "config-invalid" }> {
  const where = keyPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    return { ruleId: "config-unknown-key", args: { where: where === "the file" ? "The configuration" : where, keys: issue.keys } };
  }
  const found = doc.getIn(issue.path.map((k) => (typeof k === "symbol" ? String(k) : k)));
  const shown = found === undefined ? "nothing" : JSON.stringify(found)?.slice(0, 80) ?? String(found);
  const expected =
    issue.code === "invalid_type" ? `a ${issue.expected}` : issue.message.startsWith("Invalid") || issue.message.startsWith("Too") ? issue.message.replace(/^Invalid input: /, "") : issue.message;
  return { ruleId: "config-invalid", args: { where, expected, found: shown, path: fileName } };
}

/**
 * The configuration with `baseUrl` replaced (the `--base-url` flag).
 * @throws Error naming what was expected when `value` is not an absolute http(s) URL
 */
export function withBaseUrl(config: SiteConfig, value: string): SiteConfig {
  const parsed = SiteConfig.shape.baseUrl.safeParse(value);
  if (!parsed.success || parsed.data === undefined) throw new Error(`--base-url expects an absolute http:// or https:// URL such as https://example.org/atlas/, got "${value}"`);
  return { ...config, baseUrl: parsed.data };
}
