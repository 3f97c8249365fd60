/**
 * The site configuration as the templates read it (`site` global data), and the files it adds to a
 * public site: the sitemap and robots.txt. Computed here so that templates only print.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Catalog } from "../catalog/index.ts";
import type { Repository } from "../catalog/sources.ts";
import { defaultConfig, type NavLink, type SiteConfig } from "../config/schema.ts";
import type { PageGroups } from "./groups.ts";
import { escapeXml } from "./svg.ts";

export interface SiteView {
  title: string;
  description: string;
  language: string;
  /** The absolute address of the site's root, ending in "/"; null when no `baseUrl` is configured. */
  baseUrl: string | null;
  /** The path every URL of the site starts with: "/" at a host's root, "/atlas/" under a sub-path. */
  pathPrefix: string;
  /** The header's logo: its address in the site and the file it is copied from. */
  logo: { url: string; output: string; file: string } | null;
  /** The guides' repository: the footer links it, role pages link their files and lines into it. */
  repository: Repository | null;
  nav: NavLink[];
  /** Whether `sitemap.xml` is written (only with a `baseUrl`: the sitemap protocol asks for absolute URLs). */
  sitemap: boolean;
  /** A digest of everything above (and of the logo's bytes): it changes every page when it changes. */
  fingerprint: string;
}

/**
 * The templates' view of `config`.
 * @throws Error when the logo cannot be read (the configuration's load checked that it was a file)
 */
export function siteView(config: SiteConfig = defaultConfig()): SiteView {
  const baseUrl = config.baseUrl ?? null;
  const pathPrefix = baseUrl ? new URL(baseUrl).pathname : "/";
  let logo: SiteView["logo"] = null;
  let logoHash = "";
  if (config.logo) {
    // Named by its content: a new logo is a new address, never an old file a browser keeps.
    logoHash = createHash("sha256").update(readFileSync(config.logo)).digest("hex").slice(0, 12);
    const output = `assets/logo-${logoHash}${path.extname(config.logo).toLowerCase()}`;
    logo = { url: `/${output}`, output, file: config.logo };
  }
  const view = {
    title: config.title,
    description: config.description,
    language: config.language,
    baseUrl,
    pathPrefix,
    logo,
    repository: config.repository ?? null,
    nav: config.nav,
    sitemap: baseUrl !== null,
  };
  const fingerprint = createHash("sha256")
    // The aliases decide which guides are one role: a change to them is a changed site.
    .update(JSON.stringify([view, logoHash, config.aliases ?? null]))
    .digest("base64url")
    .slice(0, 22);
  return { ...view, fingerprint };
}

/**
 * `groups` with the site's fingerprint in every group's: a changed title, prefix or repository
 * renders every page again (an empty fingerprint, kept by no manifest, stays empty).
 */
export function withSiteFingerprint(groups: PageGroups, site: SiteView): PageGroups {
  for (const [key, hash] of groups.hashes) if (hash) groups.hashes.set(key, `${hash}.${site.fingerprint}`);
  return groups;
}

/** The inputs' digest (see `inputsDigest`) with the site's fingerprint: a changed configuration is a changed build. */
export function withSiteDigest(digest: string | null, site: SiteView): string | null {
  return digest === null ? null : `${digest}.${site.fingerprint}`;
}

/** The absolute address of the site path `url` ("/roles/x/"), or null without a `baseUrl`. */
export function absoluteUrl(site: SiteView, url: string): string | null {
  return site.baseUrl ? new URL(url.replace(/^\/+/, ""), site.baseUrl).href : null;
}

/** Every HTML page of the catalog's site but the 404 page, in a stable order. */
export function pageUrls(catalog: Catalog): string[] {
  const urls = [catalog.urls.home, catalog.urls.skills, catalog.urls.progression];
  for (const role of catalog.roles) urls.push(role.url, role.levelsUrl);
  for (const plan of catalog.plans) urls.push(plan.url);
  for (const skill of catalog.skills) urls.push(skill.url);
  return urls;
}

/** `sitemap.xml` (sitemaps.org 0.9): every page's absolute URL; "" without a `baseUrl`. */
export function sitemapXml(catalog: Catalog, site: SiteView): string {
  if (!site.baseUrl) return "";
  const entries = pageUrls(catalog).map((url) => `  <url><loc>${escapeXml(absoluteUrl(site, url)!)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

/** `robots.txt`: every page may be crawled; the sitemap is named when there is one. */
export function robotsTxt(site: SiteView): string {
  const sitemap = site.sitemap ? `Sitemap: ${absoluteUrl(site, "/sitemap.xml")}\n` : "";
  return `User-agent: *\nDisallow:\n${sitemap}`;
}
