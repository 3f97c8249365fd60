import path from "node:path";
import { readFile } from "node:fs/promises";
import { HtmlValidate } from "html-validate";
import { LinkChecker } from "linkinator";
import { beforeAll, describe, expect, it } from "vitest";
import { runBuild } from "../../src/cli.ts";
import { buildSite } from "../../src/site/render.ts";
import { fixtureRoles } from "./fixture-roles.ts";
import { buildOk, Capture, listFiles, tempDir } from "./helpers.ts";

const sites: Record<string, string> = {};

beforeAll(async () => {
  sites.seeds = path.join(await tempDir(), "site");
  await buildOk({ inputs: ["seeds"], output: sites.seeds });
  sites.fixtures = path.join(await tempDir(), "site");
  await buildSite(fixtureRoles, sites.fixtures);
}, 60_000);

/** Every page's path as a URL path: "roles/x/index.html" → "/roles/x/". */
function urlOf(file: string): string {
  return `/${file}`.replace(/index\.html$/, "");
}

describe.each(["seeds", "fixtures"])("the %s site", (name) => {
  it("has no broken internal link or fragment, and every page is reachable from the home page", async () => {
    const root = sites[name]!;
    const result = await new LinkChecker().check({ path: root, recurse: true, checkFragments: true, concurrency: 8, timeout: 10_000 });
    const broken = result.links.filter((l) => l.state === "BROKEN").map((l) => `${l.url} (from ${l.parent})`);
    expect(broken).toEqual([]);
    expect(result.passed).toBe(true);
    // linkinator names crawled pages by their path in the folder.
    const reached = new Set(
      result.links.map((l) => {
        const rel = path.relative(root, l.url.split("#")[0]!).split(path.sep).join("/");
        return `/${rel}${rel && !path.extname(rel) ? "/" : ""}`.replace(/\/+/g, "/");
      }),
    );
    const pages = (await listFiles(root)).filter((f) => f.endsWith(".html") && f !== "404.html").map(urlOf);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter((p) => !reached.has(p))).toEqual([]);
    // The search index (pagefind/) is fetched by its script, not linked.
    const data = (await listFiles(root)).filter((f) => f.endsWith(".json") && !f.startsWith("pagefind/")).map((f) => `/${f}`);
    expect(data.filter((p) => !reached.has(p))).toEqual([]);
  }, 60_000);

  it("passes html-validate on every page", async () => {
    const root = sites[name]!;
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
    const problems: string[] = [];
    for (const file of (await listFiles(root)).filter((f) => f.endsWith(".html"))) {
      const report = await validator.validateString(await readFile(path.join(root, file), "utf8"), file);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
