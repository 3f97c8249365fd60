/**
 * The search index: what Pagefind gives is on disk whole once indexing resolves (its own
 * `writeFiles` answers before its last writes land), with the interfaces the site does not use
 * left out, and nothing written outside the index folder whatever path a file claims.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { describe, expect, it } from "vitest";
import { indexSite, writeIndex } from "../../src/site/search.ts";
import { listFiles, tempDir } from "./helpers.ts";

const entry = (pages: number): Uint8Array => Buffer.from(JSON.stringify({ version: "1", languages: { en: { hash: "x", page_count: pages } } }));

async function pagesSite(): Promise<string> {
  const site = path.join(await tempDir("career-atlas-search-"), "site");
  const pages: [string, string][] = [["data-engineer", "Builds pipelines in Spark and Airflow."], ["platform-engineer", "Runs Kubernetes clusters."], ["data-scientist", "Fits models in Python."]];
  for (const [slug, text] of pages) {
    await mkdir(path.join(site, "roles", slug), { recursive: true });
    await writeFile(path.join(site, "roles", slug, "index.html"), `<!doctype html><html lang="en"><head><title>${slug}</title></head><body><main data-pagefind-body><h1>${slug}</h1><p>${text}</p></main></body></html>`);
  }
  return site;
}

describe("indexSite", () => {
  it("leaves on disk, byte for byte, every file of Pagefind's index but the unused interfaces", async () => {
    const site = await pagesSite();
    const { pages } = await indexSite(site);
    expect(pages).toBe(3);
    // The same pages indexed again, in memory: Pagefind's files are named for their content.
    const { index } = await pagefind.createIndex({ forceLanguage: "en" });
    await index!.addDirectory({ path: site, glob: "roles/**/*.html" });
    const { files } = await index!.getFiles();
    await pagefind.close();
    const expected = files.filter((f) => !/^pagefind-(?:ui|component-ui|modular-ui|highlight)\./.test(f.path));
    expect(expected.length).toBeGreaterThan(5);
    const written = await listFiles(path.join(site, "pagefind"));
    expect(written.sort()).toEqual(expected.map((f) => f.path).sort());
    for (const file of expected) expect(Buffer.compare(await readFile(path.join(site, "pagefind", file.path)), Buffer.from(file.content)), file.path).toBe(0);
    expect(JSON.parse(await readFile(path.join(site, "pagefind", "pagefind-entry.json"), "utf8")).languages.en.page_count).toBe(3);
  });
});

describe("writeIndex", () => {
  it("writes each file into its folder and counts the pages from the entry file", async () => {
    const out = await tempDir("career-atlas-search-");
    const result = await writeIndex(
      [
        { path: "pagefind-entry.json", content: entry(7) },
        { path: "fragment/en_1.pf_fragment", content: Buffer.from("f1") },
        { path: "pagefind-ui.js", content: Buffer.from("ui") },
        { path: "pagefind-modular-ui.css", content: Buffer.from("ui") },
      ],
      out,
    );
    expect(result.pages).toBe(7);
    expect((await listFiles(out)).sort()).toEqual(["fragment/en_1.pf_fragment", "pagefind-entry.json"]);
    expect(await readFile(path.join(out, "fragment/en_1.pf_fragment"), "utf8")).toBe("f1");
  });

  it.each(["../escaped.js", "/tmp/escaped.js", "fragment/../../escaped.js", ""])("refuses a file named %j, writing nothing", async (name) => {
    const root = await tempDir("career-atlas-search-");
    const out = path.join(root, "index");
    await expect(writeIndex([{ path: "pagefind-entry.json", content: entry(1) }, { path: name, content: Buffer.from("x") }], out)).rejects.toThrow(/outside its folder/);
    expect(await listFiles(root)).toEqual([]);
  });

  it("refuses an index without its entry file", async () => {
    const out = await tempDir("career-atlas-search-");
    await expect(writeIndex([{ path: "pagefind.js", content: Buffer.from("x") }], out)).rejects.toThrow(/no pagefind-entry\.json/);
    expect(await listFiles(out)).toEqual([]);
  });
});
