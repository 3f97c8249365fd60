/**
 * A site built with a configuration: under a sub-path (`baseUrl` https://example.org/atlas/), with a
 * title, a logo and the guides' repository. Every address a page writes stays under /atlas/; every
 * page has its canonical link and Open Graph tags; the sitemap lists every page; sources link to the
 * repository, each requirement, level and phase to its own line. Without a configuration the site
 * stays as it was, at the root.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Element } from "hast";
import { visit } from "unist-util-visit";
import { beforeAll, describe, expect, it } from "vitest";
import { SiteConfig } from "../../src/config/schema.ts";
import { runBuild } from "../../src/cli.ts";
import { buildSite } from "../../src/site/render.ts";
import { siteView } from "../../src/site/site-config.ts";
import { EVIL, fixtureRoles } from "./fixture-roles.ts";
import { buildOk, Capture, href, listFiles, readPage, tempDir, type Page } from "./helpers.ts";

const BASE = "https://example.org/atlas/";
const REPO = "https://github.com/acme/careers";
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#c01c28"/></svg>';
const ROLE = "/roles/machine-learning-engineer/";

let site: string;
let plain: string;
/** The fixture roles (hostile strings, a ladder through a role) under the same prefix. */
let fixtures: string;
let logoFile: string;

beforeAll(async () => {
  const dir = await tempDir("career-atlas-prefix-");
  logoFile = path.join(dir, "acme.svg");
  await writeFile(logoFile, LOGO);
  const config = SiteConfig.parse({
    title: "Acme Careers",
    description: "How careers grow at Acme.",
    baseUrl: BASE,
    logo: logoFile,
    repository: { url: REPO, branch: "main", dir: "guides" },
    nav: [{ label: "Handbook", url: "https://handbook.example/" }],
    language: "fr",
  });
  site = path.join(dir, "site");
  plain = path.join(dir, "plain");
  const stderr = new Capture();
  expect(await runBuild({ inputs: ["seeds"], output: site, stdout: new Capture(), stderr, config }), stderr.text).toBe(0);
  await buildOk({ inputs: ["seeds"], output: plain });
  fixtures = path.join(dir, "fixtures");
  await buildSite(fixtureRoles, fixtures, () => {}, { site: siteView(config) });
}, 60_000);

/** Every HTML page of `root` as [its URL path, the page]. */
async function pages(root: string): Promise<[string, Page][]> {
  const files = (await listFiles(root)).filter((f) => f.endsWith(".html"));
  return Promise.all(files.map(async (f) => [`/${f}`.replace(/index\.html$/, ""), await readPage(root, `/${f}`)] as [string, Page]));
}

/** Every attribute value of the page that is an address on this host ("/…"), with its attribute. */
function rootRelative(page: Page): string[] {
  const found: string[] = [];
  visit(page.tree, "element", (node: Element) => {
    for (const [name, value] of Object.entries(node.properties)) {
      for (const v of Array.isArray(value) ? value : [value]) if (typeof v === "string" && v.startsWith("/")) found.push(`${node.tagName}[${name}]=${v}`);
    }
  });
  return found;
}

const meta = (page: Page, key: string): string => {
  const found = page.all(`meta[property="${key}"], meta[name="${key}"]`);
  return found.length === 1 ? String(found[0]!.properties.content) : `(${found.length} × ${key})`;
};

describe("a site under a sub-path", () => {
  it("writes no address outside /atlas/ in any page (links, scripts, styles, forms, icons, drawings)", async () => {
    const all = [...(await pages(site)), ...(await pages(fixtures))];
    expect(all.length).toBeGreaterThan(20);
    const outside = all.flatMap(([url, page]) => rootRelative(page).filter((v) => !v.split("=")[1]!.startsWith("/atlas/")).map((v) => `${url}: ${v}`));
    expect(outside).toEqual([]);
    // The prefix reached what the pages load, the progression graph's links and the 404 page.
    const role = await readPage(site, ROLE);
    expect(role.all("script[src]").map((s) => String(s.properties.src))).toContain("/atlas/assets/search.js");
    expect(role.all('link[rel~="stylesheet"]').map(href)).toEqual(["/atlas/assets/style.css"]);
    expect(role.all("#sources a").map(href)).toEqual([`${REPO}/blob/main/guides/machine-learning-engineer-levels.md`, `${REPO}/blob/main/guides/machine-learning-engineer-transitions.md`]);
    const graph = await readPage(fixtures, "/progression/");
    expect(graph.all("svg a").map(href)).toContain(`/atlas${ROLE}`);
    const missing = await readPage(site, "/404.html");
    expect(missing.all("main a").map(href)).toEqual(["/atlas/", "/atlas/skills/", "/atlas/progression/"]);
  });

  it("still escapes every string from the input once the HTML <base> plugin has rewritten the pages", async () => {
    // The plugin parses and writes every page again: the hostile strings of the fixtures must stay text.
    for (const file of (await listFiles(fixtures)).filter((f) => f.endsWith(".html"))) {
      const html = await readFile(path.join(fixtures, file), "utf8");
      expect([/<script>alert/.test(html), /<img src=x/.test(html)], file).toEqual([false, false]);
    }
    const role = await readPage(fixtures, "/roles/evil-role/");
    expect(role.text("h1")).toBe(`Evil ${EVIL}`);
  });

  it("keeps the pages where they were in the folder: the prefix is the host's business", async () => {
    const files = await listFiles(site);
    expect(files).toEqual(expect.arrayContaining(["index.html", "roles/machine-learning-engineer/index.html", "assets/style.css", "pagefind/pagefind.js", "favicon.ico", "sitemap.xml", "robots.txt"]));
  });

  it("gives every page a canonical link, Open Graph and Twitter tags from its own title and description", async () => {
    for (const [url, page] of await pages(site)) {
      if (url === "/404.html") continue;
      const title = page.text("title");
      const description = String(page.one('meta[name="description"]').properties.content);
      expect(page.all('link[rel~="canonical"]').map(href), url).toEqual([new URL(url.slice(1), BASE).href]);
      expect([meta(page, "og:url"), meta(page, "og:title"), meta(page, "og:description"), meta(page, "og:site_name")], url).toEqual([new URL(url.slice(1), BASE).href, title, description, "Acme Careers"]);
      expect([meta(page, "twitter:card"), meta(page, "twitter:title"), meta(page, "twitter:description")], url).toEqual(["summary", title, description]);
    }
    // The 404 page is served at any address: it names none, and asks not to be indexed.
    const missing = await readPage(site, "/404.html");
    expect(missing.all('link[rel~="canonical"]')).toEqual([]);
    expect(meta(missing, "robots")).toBe("noindex");
  });

  it("lists every page in the sitemap with its absolute URL, and names the sitemap in robots.txt", async () => {
    const xml = await readFile(path.join(site, "sitemap.xml"), "utf8");
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    // Every page but the 404 page, the search page and My progress (drawn in the browser, from what it keeps).
    const expected = (await pages(site)).map(([url]) => url).filter((url) => url !== "/404.html" && url !== "/search/" && url !== "/progress/").map((url) => new URL(url.slice(1), BASE).href);
    expect([...listed].sort()).toEqual(expected.sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(await readFile(path.join(site, "robots.txt"), "utf8")).toBe(`User-agent: *\nDisallow:\nSitemap: ${BASE}sitemap.xml\n`);
  });

  it("shows the configured title and logo in the header and every <title>", async () => {
    for (const [url, page] of await pages(site)) {
      expect(page.text("title"), url).toMatch(/Acme Careers$/);
      expect(page.text(".site-header .brand"), url).toBe("Acme Careers");
    }
    const home = await readPage(site, "/");
    expect(home.text("h1")).toBe("Acme Careers");
    expect(home.all("header nav a").map(href)).toContain("https://handbook.example/");
    const logo = String(home.one(".brand img").properties.src);
    expect(logo).toMatch(/^\/atlas\/assets\/logo-[0-9a-f]{12}\.svg$/);
    expect(home.one(".brand img").properties.alt).toBe("");
    expect(await readFile(path.join(site, logo.slice("/atlas/".length)), "utf8")).toBe(LOGO);
    expect(home.text(".site-footer")).toContain("source repository");
    expect(home.all(".site-footer a").map(href)).toContain(REPO);
  });

  it("writes the pages and the search index in the configured language", async () => {
    expect((await readPage(site, "/")).one("html").properties.lang).toBe("fr");
    const entry = JSON.parse(await readFile(path.join(site, "pagefind/pagefind-entry.json"), "utf8"));
    expect(Object.keys(entry.languages)).toEqual(["fr"]);
    const plainEntry = JSON.parse(await readFile(path.join(plain, "pagefind/pagefind-entry.json"), "utf8"));
    expect(Object.keys(plainEntry.languages)).toEqual(["en"]);
  });

  it("has a favicon.ico beside the SVG icon: a real ICO file holding PNG images", async () => {
    const home = await readPage(site, "/");
    expect(home.all('link[rel~="icon"]').map(href)).toEqual(["/atlas/favicon.ico", "/atlas/assets/icon.svg"]);
    const ico = await readFile(path.join(site, "favicon.ico"));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    expect(count).toBeGreaterThan(0);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const at = 6 + 16 * i;
      sizes.push(ico.readUInt8(at) || 256);
      const offset = ico.readUInt32LE(at + 12);
      const length = ico.readUInt32LE(at + 8);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      expect(ico.subarray(offset, offset + 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    }
    expect(sizes).toContain(32);
  });

  it("links each level, requirement and plan phase to the line of the guide it was written on", async () => {
    const guides = new Map<string, string[]>();
    const lineOf = async (url: string): Promise<string> => {
      const match = /\/blob\/main\/guides\/([^#]+)#L(\d+)$/.exec(url);
      expect(match, url).not.toBeNull();
      const name = decodeURIComponent(match![1]!);
      if (!guides.has(name)) guides.set(name, (await readFile(path.join("seeds", name), "utf8")).split(/\r?\n/));
      return guides.get(name)![Number(match![2]) - 1]!;
    };
    const role = await readPage(site, ROLE);
    const requirements = role.all(".reqs li.req");
    expect(requirements.length).toBeGreaterThan(10);
    for (const item of requirements) {
      const text = role.text(".req-text", item);
      expect(await lineOf(href(role.one("a.suggest", item))), text).toContain(text);
    }
    for (const level of role.all("section.level")) {
      const name = role.text("h3", level).split(" ")[0]!;
      expect(await lineOf(href(role.one("p.suggest a", level))), name).toContain(name);
    }
    const plan = await readPage(site, `${ROLE}from/data-scientist/`);
    const phases = plan.all("section.phase");
    expect(phases.length).toBe(3);
    for (const phase of phases) {
      const title = plan.text("h3", phase).split(": ").slice(1).join(": ");
      expect(await lineOf(href(plan.one("p.suggest a", phase))), title).toContain(title);
    }
  });

  it("shows no path of the build machine in any page or API file", async () => {
    const absolute = path.resolve("seeds");
    for (const file of (await listFiles(site)).filter((f) => /\.(html|json|xml|txt)$/.test(f) && !f.startsWith("pagefind/"))) {
      const text = await readFile(path.join(site, file), "utf8");
      expect(text.includes(absolute), file).toBe(false);
      expect(/["'>]seeds\//.test(text), file).toBe(false);
      expect(text.includes("../"), file).toBe(false);
    }
  });
});

describe("a site with no configuration", () => {
  it("stays at the root, with no sitemap (the protocol asks for absolute URLs) and no canonical link", async () => {
    const all = await pages(plain);
    const outside = all.flatMap(([url, page]) => rootRelative(page).filter((v) => v.split("=")[1]!.startsWith("/atlas/")).map((v) => `${url}: ${v}`));
    expect(outside).toEqual([]);
    const files = await listFiles(plain);
    expect(files).not.toContain("sitemap.xml");
    expect(files).toContain("favicon.ico");
    expect(await readFile(path.join(plain, "robots.txt"), "utf8")).toBe("User-agent: *\nDisallow:\n");
    const role = await readPage(plain, ROLE);
    expect(role.all('link[rel~="canonical"], meta[property="og:url"]')).toEqual([]);
    expect(meta(role, "og:title")).toBe(role.text("title"));
    expect(role.text("title")).toBe("Machine Learning Engineer · Career Atlas");
    expect(role.all('link[rel~="stylesheet"]').map(href)).toEqual(["/assets/style.css"]);
    expect(role.all("#sources a, a.suggest, p.suggest")).toEqual([]);
    expect(role.texts("#sources code")).toEqual(["machine-learning-engineer-levels.md", "machine-learning-engineer-transitions.md"]);
  });
});
