/**
 * Shared by the site tests: build into a temporary folder, read pages with a real HTML parser
 * (parse5 through hast-util-from-html), query them with CSS selectors.
 */
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toString } from "hast-util-to-string";
import { expect } from "vitest";
import { runBuild } from "../../src/cli.ts";

/** A stream that keeps what is written to it. */
export class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

/**
 * Runs a build that must succeed; on any other exit code the assertion shows what the build
 * printed, so a failure in CI says why instead of only "expected 1 to be 0".
 */
export async function buildOk(options: Omit<Parameters<typeof runBuild>[0], "stdout" | "stderr">): Promise<void> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runBuild({ ...options, stdout, stderr });
  expect(code, `the build exited ${code}:\n${stderr.text}${stdout.text}`).toBe(0);
}

export async function tempDir(prefix = "career-atlas-site-"): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Every file under `root`, as paths relative to it with "/" separators, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** The file a site URL is served from: "/roles/x/" → roles/x/index.html. */
export function fileOf(root: string, url: string): string {
  const clean = decodeURI(url.split("#")[0]!);
  return path.join(root, clean.endsWith("/") ? `${clean}index.html` : clean);
}

export interface Page {
  tree: Root;
  /** The first element matching `selector`; fails the test when there is none. */
  one(selector: string, scope?: Element): Element;
  all(selector: string, scope?: Element): Element[];
  /** The text of the first match, whitespace collapsed. */
  text(selector: string, scope?: Element): string;
  /** The texts of all matches, whitespace collapsed. */
  texts(selector: string, scope?: Element): string[];
}

export const squash = (text: string): string => text.replace(/\s+/g, " ").trim();

export async function readPage(root: string, url: string): Promise<Page> {
  const html = await readFile(fileOf(root, url), "utf8");
  const tree = fromHtml(html);
  const page: Page = {
    tree,
    one(selector, scope) {
      const found = select(selector, scope ?? tree);
      if (!found) throw new Error(`No element matches "${selector}" on ${url}`);
      return found;
    },
    all: (selector, scope) => selectAll(selector, scope ?? tree),
    text: (selector, scope) => squash(toString(page.one(selector, scope))),
    texts: (selector, scope) => selectAll(selector, scope ?? tree).map((e) => squash(toString(e))),
  };
  return page;
}

/** The href of an element. */
export function href(element: Element): string {
  return String(element.properties.href ?? "");
}

export { toString };
