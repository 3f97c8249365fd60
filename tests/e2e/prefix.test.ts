/**
 * The site published under a sub-path, as a GitHub Pages project site is: built with a `baseUrl` of
 * …/atlas/ and served under /atlas/ only (nothing at the host's root). A crawl follows every link of
 * every page and fails on any 404 and on any address outside /atlas/ that a page links or loads;
 * search works there; the 404 page works at any depth.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SiteConfig } from "../../src/config/schema.ts";
import { runBuild } from "../../src/cli.ts";
import { screenshot, useBrowser } from "./helpers.ts";
import { serveFolder, type StaticServer } from "./static-server.ts";
import { Capture } from "../site/helpers.ts";

const PREFIX = "/atlas/";

let dir: string;
let root: string;
let server: StaticServer;
let origin: string;
/** Every path the server was asked for. */
const requested: string[] = [];


beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "career-atlas-e2e-prefix-"));
  const logo = path.join(dir, "acme.svg");
  await writeFile(logo, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24" rx="5" fill="#c01c28"/><path d="M6 18 12 5l6 13z" fill="#fff"/></svg>');
  const config = SiteConfig.parse({
    title: "Acme Careers",
    description: "How careers grow at Acme.",
    baseUrl: "https://acme.example/atlas/",
    logo,
    repository: { url: "https://github.com/acme/careers", branch: "main", dir: "guides" },
    nav: [{ label: "Handbook", url: "https://handbook.acme.example/" }],
  });
  root = path.join(dir, "site");
  const stderr = new Capture();
  const code = await runBuild({ inputs: ["seeds"], output: root, stdout: new Capture(), stderr, config });
  if (code !== 0) throw new Error(`The build failed:\n${stderr.text}`);
  // Served under PREFIX as a static host does (its 404.html for a missing file), and nothing else.
  server = await serveFolder(root, { prefix: PREFIX, onRequest: (pathname) => requested.push(pathname) });
  origin = server.url;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The 404s a test visits on purpose. */
const expectedMissing = (url: string, status: number): boolean => status === 404 && new URL(url).pathname.startsWith(`${PREFIX}no/such/`);
const session = useBrowser({ viewport: { width: 1280, height: 900 } }, expectedMissing);

/** Every address the page links to or loads from markup, resolved. */
async function addresses(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll("[href], [src], [action], [data-url]")) {
      for (const name of ["href", "src", "action", "data-url"]) {
        const value = element.getAttribute(name);
        // An SVG <a href> is resolved like an HTML one.
        if (value !== null) found.push(new URL(value, document.baseURI).href);
      }
    }
    return found;
  });
}

describe("the site under /atlas/", () => {
  it("has nothing at the host's root", async () => {
    const response = await session.context.request.get(`${origin}/`);
    expect(response.status()).toBe(404);
    const index = await session.context.request.get(`${origin}/index.html`);
    expect(index.status()).toBe(404);
  });

  it("follows every link of every page: no 404, nothing outside /atlas/", async () => {
    const page = await session.context.newPage();
    const loaded: string[] = [];
    page.on("request", (request) => loaded.push(request.url()));
    const queue = [`${origin}${PREFIX}`];
    const seen = new Set(queue);
    const outside = new Set<string>();
    const files: string[] = [];
    let pages = 0;
    while (queue.length > 0) {
      const url = queue.shift()!;
      const response = await page.goto(url, { waitUntil: "load" });
      expect(response?.status(), url).toBe(200);
      pages++;
      for (const address of await addresses(page)) {
        const target = new URL(address);
        if (target.origin !== origin) continue; // the repository, the handbook, canonical links: other hosts, not followed
        if (!target.pathname.startsWith(PREFIX)) outside.add(`${target.pathname} (on ${new URL(url).pathname})`);
        target.hash = "";
        const clean = target.href;
        if (seen.has(clean)) continue;
        seen.add(clean);
        if (/\.[a-z]+$/i.test(target.pathname) && !target.pathname.endsWith(".html")) files.push(clean);
        else queue.push(clean);
      }
    }
    expect([...outside]).toEqual([]);
    expect(pages).toBeGreaterThan(15);
    // The files pages link to (the API, the schema, the icons) are there too.
    for (const file of files) expect((await session.context.request.get(file)).status(), file).toBe(200);
    expect(files.some((f) => f.endsWith("/api/roles.json"))).toBe(true);
    // What the pages loaded by themselves (styles, scripts, the logo) stayed under /atlas/ as well.
    expect(loaded.filter((u) => new URL(u).origin === origin && !new URL(u).pathname.startsWith(PREFIX))).toEqual([]);
    expect(requested.filter((p) => !p.startsWith(PREFIX) && p !== "/" && p !== "/index.html")).toEqual([]);
    expect(files).toEqual(expect.arrayContaining([`${origin}${PREFIX}favicon.ico`, `${origin}${PREFIX}assets/icon.svg`]));
    // The crawl moves on once a page has loaded, which cancels the browser's fetch of its tab icon:
    // not a broken address (the icons answered 200 above). Every other failed request, HTTP error and
    // console error stays in session.problems, which fails the test after it.
    const cancelledIcon = /^request failed: \S+\/atlas\/(?:assets\/icon\.svg|favicon\.ico) net::ERR_ABORTED$/;
    session.problems.splice(0, session.problems.length, ...session.problems.filter((p) => !cancelledIcon.test(p)));
  });

  it("searches the index under /atlas/pagefind/ and leads to its results there", async () => {
    const page = await session.context.newPage();
    const loaded: string[] = [];
    page.on("request", (request) => loaded.push(new URL(request.url()).pathname));
    await page.goto(`${origin}${PREFIX}skills/`);
    await page.locator("#search-input").fill("pytorch");
    await expect.poll(() => page.locator("#search-status").textContent(), { timeout: 15_000 }).toMatch(/results? for “pytorch”/);
    const results = await page.locator("#search-results a").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(results).toContain(`${PREFIX}skills/pytorch/`);
    expect(results.every((r) => r.startsWith(PREFIX))).toBe(true);
    expect(loaded.some((p) => p.startsWith(`${PREFIX}pagefind/`))).toBe(true);
    await page.locator(`#search-results a[href="${PREFIX}skills/pytorch/"]`).first().click();
    await page.waitForURL(`${origin}${PREFIX}skills/pytorch/`);
    expect(await page.locator("h1").textContent()).toBe("PyTorch");
  });

  it("shows the 404 page, styled and with working links, at any depth under /atlas/", async () => {
    const page = await session.context.newPage();
    const response = await page.goto(`${origin}${PREFIX}no/such/deep/page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    // The stylesheet applied (the header's brand is bold), and the logo loaded.
    expect(await page.locator(".brand").evaluate((el) => getComputedStyle(el).fontWeight)).toBe("700");
    expect(await page.locator(".brand img").evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await page.locator("main a", { hasText: "skill index" }).click();
    await page.waitForURL(`${origin}${PREFIX}skills/`);
  });

  it("shows the configured title and logo in the header", async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}${PREFIX}roles/machine-learning-engineer/`);
    expect(await page.title()).toBe("Machine Learning Engineer · Acme Careers");
    expect((await page.locator(".site-header .brand").textContent())?.trim()).toBe("Acme Careers");
    const box = await page.locator(".brand img").boundingBox();
    expect(box!.height).toBeGreaterThan(16);
    expect(box!.height).toBeLessThan(48);
    // The "suggest a change" links beside each level and requirement, and the sources linked.
    await page.locator("#levels").scrollIntoViewIfNeeded();
    await screenshot(page, "prefix-role-suggest", false);
    expect(await page.locator("#levels a.suggest").count()).toBeGreaterThan(10);
    await page.goto(`${origin}${PREFIX}`);
    await screenshot(page, "prefix-home-configured", false);
  });
});
