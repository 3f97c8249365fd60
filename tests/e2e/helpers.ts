/**
 * Shared by the browser tests: the page kinds of the site, a watch on everything a page does wrong
 * (console errors, uncaught exceptions, failed requests, requests that leave 127.0.0.1), axe-core,
 * and screenshots under test-results/.
 */
import { readFileSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { launchBrowser } from "./browser.ts";

export interface PageKind {
  kind: string;
  path: string;
  /** What the page's <h1> says. */
  heading: string;
  /** The HTTP status the page is served with. */
  status: number;
}

/** One page of every kind the site has. */
export const PAGE_KINDS: PageKind[] = [
  { kind: "home", path: "/", heading: "Career Atlas", status: 200 },
  { kind: "role", path: "/roles/machine-learning-engineer/", heading: "Machine Learning Engineer", status: 200 },
  { kind: "levels", path: "/roles/machine-learning-engineer/levels/", heading: "Machine Learning Engineer: levels compared", status: 200 },
  { kind: "plan", path: "/roles/machine-learning-engineer/from/data-scientist/", heading: "From Data Scientist to Machine Learning Engineer", status: 200 },
  { kind: "skills", path: "/skills/", heading: "Skills A–Z", status: 200 },
  { kind: "skill", path: "/skills/pytorch/", heading: "PyTorch", status: 200 },
  { kind: "progression", path: "/progression/", heading: "Progression", status: 200 },
  { kind: "not-found", path: "/no-such-page/", heading: "Page not found", status: 404 },
];

export const RESULTS = path.resolve("test-results");
export const SCREENSHOTS = path.join(RESULTS, "screenshots");
/** The screenshots the README shows, refreshed by `UPDATE_SCREENSHOTS=1 npm run test:e2e`. */
export const README_SCREENSHOTS = path.resolve("docs/screenshots");

/**
 * Records what goes wrong in a browser context: console errors, uncaught exceptions, failed
 * requests, responses with status 400 or more (but for `expected` URLs), and any request to a host
 * other than 127.0.0.1 (which is aborted).
 * @returns the list the problems are added to, as they happen
 */
export async function watch(context: BrowserContext, expected: (url: string, status: number) => boolean = () => false): Promise<string[]> {
  const problems: string[] = [];
  await context.route(
    (url) => url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:" || url.protocol === "wss:",
    (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      problems.push(`request to another host: ${url.href}`);
      return route.abort("blockedbyclient");
    },
  );
  context.on("console", (message) => {
    if (message.type() !== "error") return;
    const where = message.location();
    // Chromium reports the 404 of a page that is meant to be missing as a console error too.
    if (/status of 404/.test(message.text()) && expected(where.url, 404)) return;
    problems.push(`console error: ${message.text()} (${where.url}:${where.lineNumber})`);
  });
  context.on("weberror", (error) => problems.push(`uncaught: ${error.error().message}`));
  context.on("requestfailed", (request) => {
    if (request.failure()?.errorText === "net::ERR_BLOCKED_BY_CLIENT") return; // counted above
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ""}`);
  });
  context.on("response", (response) => {
    if (response.status() >= 400 && !expected(response.url(), response.status())) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core's WCAG 2.0 and 2.1 A and AA rules on the page as it is now.
 * axe is evaluated through the DevTools protocol rather than added as a <script> element: the
 * site's Content-Security-Policy allows only its own script files, and rightly refuses an inline one.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(" ")) }));
  });
}

/** How far the page is wider than its viewport, in CSS pixels (0 when it fits). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage, animations: "disabled" });
  return file;
}

/** With UPDATE_SCREENSHOTS=1, copies a screenshot into docs/screenshots/ for the README. */
export async function keepForReadme(file: string, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== "1") return;
  await mkdir(README_SCREENSHOTS, { recursive: true });
  await copyFile(file, path.join(README_SCREENSHOTS, name));
}

/** One browser for a whole test file, launched before its tests and closed after them. */
export function sharedBrowser(): { browser: Browser } {
  const shared = {} as { browser: Browser };
  beforeAll(async () => {
    shared.browser = await launchBrowser();
  });
  afterAll(async () => {
    await shared.browser?.close();
  });
  return shared;
}

/** What `useBrowser` hands a test file: one browser, and a fresh watched context for each test. */
export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  problems: string[];
}

/**
 * The shared browser, plus a new context under `watch` for each test; a test fails after the fact
 * if its pages logged an error or made a bad request.
 * @param options the context's options (viewport, JavaScript, downloads)
 * @param expected responses that are not problems (a deliberately visited 404)
 */
export function useBrowser(options: BrowserContextOptions, expected?: (url: string, status: number) => boolean): BrowserSession {
  const shared = sharedBrowser();
  const session = {} as BrowserSession;
  beforeEach(async () => {
    session.browser = shared.browser;
    session.context = await shared.browser.newContext(options);
    session.problems = await watch(session.context, expected);
  });
  afterEach(async () => {
    await session.context.close();
    expect(session.problems).toEqual([]);
  });
  return session;
}
