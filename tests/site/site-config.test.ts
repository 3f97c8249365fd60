/** The configuration as the templates read it, and what it changes of a build's fingerprints. */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/catalog/index.ts";
import { SiteConfig } from "../../src/config/schema.ts";
import { pageGroups } from "../../src/site/groups.ts";
import { absoluteUrl, robotsTxt, siteView, sitemapXml, withSiteDigest, withSiteFingerprint } from "../../src/site/site-config.ts";
import { mlEngineer } from "../catalog/seed-roles.ts";
import { tempDir } from "./helpers.ts";

describe("siteView", () => {
  it("takes the path prefix from the base URL, and is at the root without one", () => {
    expect(siteView(SiteConfig.parse({ baseUrl: "https://example.org/a/b" })).pathPrefix).toBe("/a/b/");
    expect(siteView(SiteConfig.parse({})).pathPrefix).toBe("/");
    expect(siteView(SiteConfig.parse({})).sitemap).toBe(false);
  });

  it("changes its fingerprint with anything a page shows: title, prefix, repository, the logo's bytes", async () => {
    const dir = await tempDir("career-atlas-site-config-");
    const logo = path.join(dir, "logo.svg");
    await writeFile(logo, "<svg/>");
    const base = { title: "A", baseUrl: "https://example.org/", logo };
    const prints = [
      siteView(SiteConfig.parse(base)),
      siteView(SiteConfig.parse({ ...base, title: "B" })),
      siteView(SiteConfig.parse({ ...base, baseUrl: "https://example.org/x/" })),
      siteView(SiteConfig.parse({ ...base, repository: { url: "https://github.com/a/b" } })),
    ].map((v) => v.fingerprint);
    await writeFile(logo, "<svg></svg>");
    prints.push(siteView(SiteConfig.parse(base)).fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    expect(siteView(SiteConfig.parse(base)).fingerprint).toBe(prints.at(-1));
  });

  it("puts its fingerprint into every group's and into the inputs' digest", () => {
    const catalog = buildCatalog([mlEngineer]);
    const a = siteView(SiteConfig.parse({ title: "A" }));
    const b = siteView(SiteConfig.parse({ title: "B" }));
    const ga = withSiteFingerprint(pageGroups(catalog), a);
    const gb = withSiteFingerprint(pageGroups(catalog), b);
    for (const [key, hash] of ga.hashes) expect(gb.hashes.get(key), key).not.toBe(hash);
    // No fingerprints are kept without a manifest: they stay empty.
    expect([...withSiteFingerprint(pageGroups(catalog, false), a).hashes.values()].every((h) => h === "")).toBe(true);
    expect(withSiteDigest("abc", a)).not.toBe(withSiteDigest("abc", b));
    expect(withSiteDigest(null, a)).toBeNull();
  });
});

describe("the files of a public site", () => {
  const catalog = buildCatalog([mlEngineer]);
  it("writes absolute, escaped addresses in the sitemap, and none without a base URL", () => {
    const site = siteView(SiteConfig.parse({ baseUrl: "https://example.org/a&b/" }));
    const xml = sitemapXml(catalog, site);
    expect(xml).toContain("<loc>https://example.org/a&amp;b/roles/machine-learning-engineer/</loc>");
    expect(xml).not.toContain("a&b");
    expect(sitemapXml(catalog, siteView(SiteConfig.parse({})))).toBe("");
    expect(robotsTxt(site)).toBe("User-agent: *\nDisallow:\nSitemap: https://example.org/a&b/sitemap.xml\n");
    expect(absoluteUrl(site, "/skills/")).toBe("https://example.org/a&b/skills/");
    expect(absoluteUrl(siteView(SiteConfig.parse({})), "/skills/")).toBeNull();
  });
});
