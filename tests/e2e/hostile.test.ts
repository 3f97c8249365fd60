/**
 * The hostile guides of tests/hostile/fixtures/pages (raw <script>, <img onerror>, <iframe>,
 * <svg onload>, javascript: and data: links, an unclosed comment, titles such as "../../etc/passwd",
 * "<b>x</b>", "CON", skills named "__proto__"…) built into a site of their own and opened in
 * chromium, every page of it: no dialog opens, no console error or uncaught exception occurs, no
 * request leaves 127.0.0.1, the Content-Security-Policy reports nothing, and the markup the authors
 * wrote shows as text. The search box is fed hostile queries too.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runBuild } from "../../src/cli.ts";
import { PAGES, listAll, tempDir } from "../hostile/helpers.ts";
import { Capture } from "../site/helpers.ts";
import { launchBrowser } from "./browser.ts";
import { watch } from "./helpers.ts";
import { serveFolder, type StaticServer } from "./static-server.ts";

let root: string;
let server: StaticServer;
let pages: string[];
let browser: Browser;
let context: BrowserContext;
let problems: string[];

beforeAll(async () => {
  root = await tempDir("career-atlas-hostile-site-");
  const site = path.join(root, "site");
  const stderr = new Capture();
  const code = await runBuild({ inputs: [PAGES], output: site, stdout: new Capture(), stderr });
  if (code !== 0) throw new Error(`Building the hostile guides failed (exit ${code}):\n${stderr.text}`);
  pages = (await listAll(site)).filter((f) => f.endsWith(".html")).map((f) => `/${f.replace(/index\.html$/, "")}`);
  server = await serveFolder(site);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Watches a context for everything `watch` does, plus dialogs (alert, confirm, prompt, beforeunload). */
async function watchHostile(context: BrowserContext): Promise<string[]> {
  const found = await watch(context, (url, status) => status === 404 && url.endsWith("/404.html"));
  context.on("page", (page) => {
    page.on("dialog", async (dialog) => {
      found.push(`dialog (${dialog.type()}): ${dialog.message()} on ${page.url()}`);
      await dialog.dismiss();
    });
  });
  return found;
}

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  problems = await watchHostile(context);
});
/**
 * The problems found, but for requests of the site's own files that a navigation cut short (going on
 * to the next page aborts the icon's request of the last): they are the test's doing, not a page's.
 */
const found = (): string[] => problems.filter((p) => !/^request failed: http:\/\/127\.0\.0\.1:\d+\/\S* net::ERR_ABORTED$/.test(p));

afterEach(async () => {
  await context.close();
  expect(found()).toEqual([]);
});

/** Opens a page and lets its scripts run (and any injected one, were there one) before the checks. */
async function open(page: Page, url: string): Promise<void> {
  const response = await page.goto(`${server.url}${url}`, { waitUntil: "load" });
  expect(response?.status(), url).toBe(200);
  await page.waitForTimeout(50);
}

describe("a site built from hostile guides, in the browser", () => {
  it("runs nothing from the input on any page: no dialog, console error, uncaught exception or request elsewhere", async () => {
    expect(pages.length).toBeGreaterThan(20);
    const page = await context.newPage();
    for (const url of pages) {
      await open(page, url);
      // Nothing an author wrote became an element that runs or loads something.
      const injected = await page.evaluate(() => {
        const found: string[] = [];
        for (const el of document.querySelectorAll("iframe, object, embed, img, style, base, zz-evil")) found.push(el.outerHTML.slice(0, 80));
        for (const el of document.querySelectorAll("*")) {
          for (const attr of el.getAttributeNames()) if (attr.startsWith("on")) found.push(`${el.tagName} ${attr}`);
        }
        for (const script of document.scripts) if (!script.src.startsWith(location.origin)) found.push(`script ${script.src || script.textContent?.slice(0, 40)}`);
        return found;
      });
      expect(injected, url).toEqual([]);
    }
    expect(found()).toEqual([]);
  }, 300_000);

  it("shows the markup authors wrote as text, where they wrote it", async () => {
    const page = await context.newPage();
    await open(page, "/roles/markup-scriptalerttitle-script-engineer/");
    expect(await page.locator("h1").textContent()).toBe('Markup <script>alert("title")</script> Engineer');
    expect(await page.locator(".lead").textContent()).toContain(`<img src=x onerror="alert('summary')">`);
    expect(await page.locator("#responsibilities li").first().textContent()).toBe('Ship <script>alert("responsibility")</script> safely');
    // The unplaced section is rendered markdown: its raw HTML beyond the safe list shows as written.
    const notes = page.locator("#more details.unplaced .md");
    expect(await notes.textContent()).toContain('<script>alert("raw block")</script>');
    expect(await notes.textContent()).toContain("a </textarea> and a </title>");
    expect(await page.title()).toContain("<script>");
    await open(page, "/roles/bx-b/");
    expect(await page.locator("h1").textContent()).toBe("<b>x</b>");
    expect(await page.locator("h1 b").count()).toBe(0);
    await open(page, "/roles/etc-passwd/");
    expect(await page.locator("h1").textContent()).toBe("../../etc/passwd");
  });

  it("keeps the plan page's scripts to text when phases and topics hold markup", async () => {
    const page = await context.newPage();
    await open(page, "/roles/markup-scriptalerttitle-script-engineer/from/bteacher-b/");
    expect(await page.locator("h1").textContent()).toContain("From <b>Teacher</b>");
    // Ticking a checklist item stores progress and redraws with the phase names: still as text.
    const boxes = page.locator("#checklist input[type=checkbox]");
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await page.reload();
    expect(await page.locator("#checklist").textContent()).toContain("SQL <img src=x onerror=alert('topic')>");
  });

  it("searches for markup and for words of hostile pages, showing results as text", async () => {
    const page = await context.newPage();
    await open(page, "/");
    const input = page.locator("#search-input");
    if (!(await input.isVisible())) return; // no search box in this build
    for (const query of ['<img src=x onerror="alert(1)">', "<script>alert(1)</script>", "alert", "onerror", "javascript:alert(1)", "__proto__", "constructor"]) {
      await input.fill(query);
      await expect.poll(() => page.locator("#search-status").textContent(), { timeout: 10_000 }).toMatch(/results? for|No results for/);
      expect(await page.locator("#search-results img, #search-results script, #search-results iframe, #search-results svg").count(), query).toBe(0);
    }
  });
});
