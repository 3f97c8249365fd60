/**
 * Nothing the export holds may vanish on the way to the pages: the site-side twin of
 * tests/nothing-lost.test.ts. The seeds and the corpus are built once; every string of every role
 * the load exports (src/load.ts `loadRoles`, as the build loads them) must be visible text on some
 * page, its words in order (see `shownOn`; what "visible" means is in tests/site/visible.ts). Text
 * the site renders as markdown (unplaced sections; requirements, details, topics, steps) is compared
 * by the words a reader should see of it (`markdownChunks`), block by block; a link of the role's
 * prose must be a link on some page. Strings are read from the model as loaded at test time, never
 * from a copy of today's extraction.
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRoles } from "../../src/load.ts";
import type { Role } from "../../src/model/role.ts";
import { wordsOf } from "../../src/report/coverage.ts";
import { runBuild } from "../../src/cli.ts";
import { corpusDir, seedsDir } from "../seeds.ts";
import { Capture, listFiles, tempDir } from "./helpers.ts";
import { indexPages, markdownChunks, pagesShowing, seePage, type SeenPage } from "./visible.ts";

/** Keys whose values are not text a reader is meant to read: derived slugs, file paths and lines, enum codes. */
const NOT_TEXT = new Set(["slug", "source", "sources", "origin", "priority", "unit"]);

/** How the site shows each string field: as block markdown, as one line of markdown, or as written. */
function kindOf(path: string): "block" | "inline" | "plain" {
  if (/\.sections\[\d+\]\.text$/.test(path)) return "block";
  if (/\.requirements\[\d+\]\.(?:text|detail)$|\.topics\[\d+\]$|\.skills\[\d+\]\.detail$|\.growth\[\d+\]\.steps\[\d+\]$|\.transitions\[\d+\]\.(?:steps\[\d+\]|summary)$/.test(path)) {
    return "inline";
  }
  return "plain";
}

interface Expected {
  path: string;
  text: string;
  /** Runs of words that must each show, in order, on one page. */
  chunks: string[][];
}

/** Every string of `role` a reader should find, with where it is in the model, and its links' targets. */
function expectations(role: Role): { strings: Expected[]; links: { path: string; url: string }[] } {
  const strings: Expected[] = [];
  const links: { path: string; url: string }[] = [];
  const pending: { value: unknown; path: string }[] = [{ value: role, path: `roles[${role.slug}]` }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value === "string") {
      if (/\.links\[\d+\]\.url$/.test(path)) {
        if (/^(?:https?:|mailto:)/i.test(value.trim())) links.push({ path, url: value.trim() });
        continue;
      }
      const kind = kindOf(path);
      const chunks = kind === "plain" ? value.split(/\n\s*\n/).map(wordsOf) : markdownChunks(value, kind === "inline");
      strings.push({ path, text: value, chunks: chunks.filter((c) => c.length > 0) });
    } else if (Array.isArray(value)) value.forEach((item, i) => pending.push({ value: item, path: `${path}[${i}]` }));
    else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) if (!NOT_TEXT.has(key)) pending.push({ value: item, path: `${path}.${key}` });
    }
  }
  return { strings, links };
}

/** The strings (and links) of `roles` that no page shows, as "path: text". */
function missing(roles: readonly Role[], pages: readonly SeenPage[]): string[] {
  const byWord = indexPages(pages);
  const hrefs = new Set(pages.flatMap((p) => [...p.hrefs]));
  const out: string[] = [];
  for (const role of roles) {
    const { strings, links } = expectations(role);
    for (const s of strings) {
      const lost = s.chunks.filter((chunk) => pagesShowing(pages, byWord, chunk).length === 0);
      if (lost.length > 0) out.push(`${s.path}: ${JSON.stringify(s.text.slice(0, 120))} (not shown: ${lost.map((c) => c.join(" ")).join(" | ").slice(0, 120)})`);
    }
    for (const link of links) {
      if (!hrefs.has(link.url) && !hrefs.has(safeHref(link.url))) out.push(`${link.path}: ${link.url} is no link on any page`);
    }
  }
  return out;
}

function safeHref(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

let root: string;
let roles: Role[];
let pages: SeenPage[];

beforeAll(async () => {
  root = await tempDir();
  const site = path.join(root, "site");
  const stderr = new Capture();
  const code = await runBuild({ inputs: [seedsDir, corpusDir], output: site, stdout: new Capture(), stderr });
  expect(code, stderr.text.slice(-2000)).toBe(0);
  roles = (await loadRoles([seedsDir, corpusDir])).roles;
  const files = (await listFiles(site)).filter((f) => f.endsWith(".html"));
  pages = await Promise.all(files.map(async (f) => seePage(`/${f}`, await readFile(path.join(site, f), "utf8"))));
}, 180_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe("every string of every exported role reaches a page of the site", () => {
  it("builds seeds and corpus into pages for every role", () => {
    expect(roles.length).toBeGreaterThan(20);
    const rolePages = new Set(pages.filter((p) => /^\/roles\/[^/]+\/index\.html$/.test(p.url)).map((p) => p.url));
    expect(rolePages.size).toBe(roles.length);
  });

  it("shows each string as visible text, and each link of the role's prose as a link", () => {
    const counted = roles.flatMap((r) => expectations(r).strings);
    expect(counted.length).toBeGreaterThan(1000);
    expect(missing(roles, pages)).toEqual([]);
  });

  it("reports a string that no page shows, and a link no page makes", () => {
    const real = roles.find((r) => r.sections.length > 0)!;
    const changed: Role = {
      ...real,
      levels: [{ name: "Zebracorn", slug: "zebracorn", code: null, years: null, experience: null, requirements: [] }, ...real.levels],
      sections: [{ ...real.sections[0]!, text: `${real.sections[0]!.text}\n\nQuokkas **juggle** [torches](https://example.org/quokka).` }],
    } as Role;
    const found = missing([changed], pages);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`roles[${real.slug}].levels[0].name: "Zebracorn"`),
        expect.stringContaining(`roles[${real.slug}].sections[0].text`),
      ]),
    );
    expect(found.join("\n")).toContain("quokkas juggle torches");
    expect(missing([{ ...real, links: [{ text: real.title, url: "https://example.org/nowhere" }] }], pages)).toEqual([
      `roles[${real.slug}].links[0].url: https://example.org/nowhere is no link on any page`,
    ]);
  });

  it("counts only what a reader sees", () => {
    const page = seePage(
      "/x/",
      `<!DOCTYPE html><html><head><title>Zebracorn</title></head><body><p hidden>quokka</p><script>tamer</script><span class="visually-hidden">narwhal</span><span aria-hidden="true">okapi</span><svg><title>axolotl</title><text>drawn</text></svg><template>gecko</template><details><summary>Folded</summary><p>one <b>Py</b>Torch</p></details><ul><li>a</li><li>b</li></ul></body></html>`,
    );
    expect(page.words).toEqual(["drawn", "folded", "one", "pytorch", "a", "b"]);
  });
});
