/**
 * The search index: Pagefind reads the built pages (only what a page marks with
 * `data-pagefind-body`, so navigation and footers are not indexed) and gives its index and its
 * browser library, which are written into `pagefind/` of the site. The binary comes inside the npm
 * package (`@pagefind/<platform>`): nothing is downloaded. `templates/assets/search.js` loads it in
 * the browser.
 *
 * The files are taken from Pagefind in memory (`getFiles`) and written here, not by Pagefind's
 * `writeFiles`: its service answers before the last of its writes reach the disk (they are still
 * queued in its process, unflushed), so the index read back could be cut short, and stopping the
 * service then could leave a site with a truncated index for good.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { atOnce } from "../at-once.ts";
import { isSitePath } from "./reuse.ts";

/** Where the index goes in the site, and where the browser loads it from. */
export const SEARCH_FOLDER = "pagefind";

/** Pagefind's ready-made interfaces: the site draws its own search box, so they are not shipped. */
const UNUSED = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

/** Files written at once: enough to keep the disk busy, few enough for any limit on open files. */
const WRITES_AT_ONCE = 32;

export interface SearchResult {
  /** Pages in the index. */
  pages: number;
}

/** A file of the index, as Pagefind gives it: a path relative to the index folder, and its bytes. */
export interface IndexFile {
  path: string;
  content: Uint8Array;
}

/** Indexes running now: Pagefind's service process is stopped when the last one ends. */
let running = 0;

/**
 * Writes `files` into `output`, each whole before this resolves, leaving out the unused interfaces.
 * @returns the pages the index holds, from its entry file
 * @throws Error on a path that is not inside the index folder, or an index without an entry file
 */
export async function writeIndex(files: IndexFile[], output: string): Promise<SearchResult> {
  let pages: number | null = null;
  const wanted: IndexFile[] = [];
  for (const file of files) {
    // "/" between parts on every system; anything else would not be a file of this folder.
    const relative = file.path.split(path.sep).join("/");
    if (!isSitePath(relative)) throw new Error(`Pagefind gave a file outside its folder: ${JSON.stringify(file.path)}`);
    if (UNUSED.test(relative)) continue;
    if (relative === "pagefind-entry.json") {
      const entry = JSON.parse(Buffer.from(file.content).toString("utf8")) as { languages: Record<string, { page_count: number }> };
      pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    }
    wanted.push({ path: relative, content: file.content });
  }
  if (pages === null) throw new Error("Pagefind gave no pagefind-entry.json");
  const folders = new Set(wanted.map((f) => path.posix.dirname(f.path)));
  for (const folder of folders) await mkdir(path.join(output, folder), { recursive: true });
  await atOnce(wanted.length, WRITES_AT_ONCE, (at) => writeFile(path.join(output, wanted[at]!.path), wanted[at]!.content));
  return { pages };
}

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
      const got = await index.getFiles();
      if (got.errors.length) throw new Error(`Pagefind could not give its index: ${got.errors.join("; ")}`);
      return await writeIndex(got.files, path.resolve(target));
    } finally {
      await index.deleteIndex();
    }
  } finally {
    running--;
    if (running === 0) await pagefind.close();
  }
}
