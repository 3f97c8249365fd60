/**
 * Shared by the hostile-input tests: the fixtures, the CLI run in-process with its output captured,
 * and a check that a built page holds no markup, script or address that came from the input.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Element, Nodes, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { main } from "../../src/cli.ts";
import { MARKDOWN_ELEMENTS } from "../../src/site/markdown.ts";
import type { Diagnostic } from "../../src/model/diagnostics.ts";
import type { Role } from "../../src/model/role.ts";
import { Capture } from "../site/helpers.ts";

export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
/** Guides that build into pages (warnings at most), each hostile in its own way. */
export const PAGES = path.join(FIXTURES, "pages");
/** Files that are each rejected with an error. */
export const ERRORS = path.join(FIXTURES, "errors");
/** Two titles that give one slug. */
export const COLLISION = path.join(FIXTURES, "collision");

export async function tempDir(prefix = "career-atlas-hostile-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `career-atlas <args>` in this process. */
export async function cli(...args: string[]): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(args, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** `career-atlas check --format json`: the exit code and the diagnostics. */
export async function check(...paths: string[]): Promise<{ code: number; diagnostics: Diagnostic[] }> {
  const run = await cli("check", ...paths, "--format", "json");
  return { code: run.code, diagnostics: JSON.parse(run.stdout) as Diagnostic[] };
}

/** `career-atlas export`: the exit code, the roles and the diagnostics. */
export async function exportRoles(...paths: string[]): Promise<{ code: number; roles: Role[]; diagnostics: Diagnostic[] }> {
  const run = await cli("export", ...paths);
  const data = JSON.parse(run.stdout) as { roles: Role[]; diagnostics: Diagnostic[] };
  return { code: run.code, ...data };
}

/** Every file under `root`, relative, with "/" separators, sorted (hidden ones included). */
export async function listAll(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

// The element names the site's own markup uses: its templates and its drawings. Any other element in
// a built page came from the input.
const SITE_SOURCES = [
  ...readdirSync(fileURLToPath(new URL("../../templates/", import.meta.url)), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".njk"))
    .map((e) => path.join(e.parentPath, e.name)),
  fileURLToPath(new URL("../../src/site/svg.ts", import.meta.url)),
];
export const SITE_ELEMENTS: ReadonlySet<string> = new Set([
  ...SITE_SOURCES.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/<([a-z][a-z0-9-]*)[\s>/]/g)].map((m) => m[1]!.toLowerCase())),
  // The elements the markdown renderer's schema allows (its output is checked by tests/site/markdown.test.ts).
  ...MARKDOWN_ELEMENTS,
]);

/** Attributes whose value is an address. */
const URL_ATTRIBUTES = ["href", "src", "action", "formAction", "data", "poster", "srcSet", "xLinkHref", "cite", "background"];

/**
 * What in a page could run or load something the site did not write: elements its templates never
 * use, event-handler and style attributes, scripts that are not the site's own files, addresses with
 * a scheme (javascript:, data:, https:), meta refreshes. Empty for a safe page.
 * @param html the page
 */
export function unsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  const tree: Root = fromHtml(html);
  const pending: Nodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === "element") problems.push(...unsafeElement(node));
    if ("children" in node) pending.push(...node.children);
  }
  return problems;
}

/** A link of a guide's text as the markdown renderer writes it: http, https or mailto, marked nofollow noopener. */
function offSiteLink(element: Element, key: string): boolean {
  const rel = Array.isArray(element.properties.rel) ? element.properties.rel.map(String) : [];
  return element.tagName === "a" && key === "href" && /^(?:https?:\/\/|mailto:)/i.test(String(element.properties.href)) && rel.includes("nofollow") && rel.includes("noopener");
}

function unsafeElement(element: Element): string[] {
  const problems: string[] = [];
  const name = element.tagName.toLowerCase();
  const describe = (why: string) => `<${name}> ${why}`;
  if (!SITE_ELEMENTS.has(name)) problems.push(describe("is not an element of the site's templates"));
  for (const [key, value] of Object.entries(element.properties)) {
    const attribute = key.toLowerCase();
    if (attribute.startsWith("on")) problems.push(describe(`has an event handler ${key}="${String(value)}"`));
    if (attribute === "style") problems.push(describe(`has a style attribute "${String(value)}"`));
    if (URL_ATTRIBUTES.includes(key) && /^\s*[a-z][a-z0-9+.-]*:/i.test(String(value)) && !offSiteLink(element, key)) {
      problems.push(describe(`points outside the site: ${key}="${String(value)}"`));
    }
  }
  if (name === "script") {
    const src = String(element.properties.src ?? "");
    if (!src.startsWith("/") || src.startsWith("//")) problems.push(describe(`is not one of the site's script files (src="${src}")`));
    if (element.children.length > 0) problems.push(describe("has inline code"));
  }
  if (name === "meta" && element.properties.httpEquiv !== undefined) {
    const equiv = String(element.properties.httpEquiv).toLowerCase();
    if (equiv !== "content-security-policy") problems.push(describe(`sets http-equiv="${equiv}"`));
  }
  if (name === "base") problems.push(describe("changes the base address"));
  return problems;
}
