/**
 * The search index: Pagefind reads the built pages (only what a page marks with
 * `data-pagefind-body`, so navigation and footers are not indexed) and writes its index and its
 * browser library into `pagefind/` of the site. The binary comes inside the npm package
 * (`@pagefind/<platform>`): nothing is downloaded. `templates/assets/search.js` loads it in the browser.
 */
import { readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";

/** Where the index goes in the site, and where the browser loads it from. */
export const SEARCH_FOLDER = "pagefind";

/** Pagefind's ready-made interfaces: the site draws its own search box, so they are not shipped. */
const UNUSED = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

export interface SearchResult {
  /** Pages in the index. */
  pages: number;
}

/** Indexes running now: Pagefind's service process is stopped when the last one ends. */
let running = 0;

/**
 * Indexes the HTML pages of `site` and writes the index to `site/pagefind/`, or to `target`
 * (the browser library finds its index beside itself, so the folder can be moved in later).
 * @param site a built site folder
 * @param target where the index goes
 * @param language the site's language (a BCP 47 tag): one index, stemmed for it when Pagefind knows it
 * @throws Error with Pagefind's messages when it reports any
 */
export async function indexSite(site: string, target = path.join(site, SEARCH_FOLDER), language = "en"): Promise<SearchResult> {
  running++;
  try {
    // One index in the site's language (the pages' lang), whose stemming Pagefind then applies.
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language.toLowerCase() });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    try {
      const added = await index.addDirectory({ path: path.resolve(site) });
      if (added.errors.length) throw new Error(`Pagefind could not index ${site}: ${added.errors.join("; ")}`);
      const output = path.resolve(target);
      const written = await index.writeFiles({ outputPath: output });
      if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
      for (const name of await readdir(output)) if (UNUSED.test(name)) await rm(path.join(output, name));
      // addDirectory counts every HTML file it read; the entry file counts the pages indexed.
      const entry = JSON.parse(await readFile(path.join(output, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
      return { pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0) };
    } finally {
      await index.deleteIndex();
    }
  } finally {
    running--;
    if (running === 0) await pagefind.close();
  }
}
