/**
 * Deriving the catalog, rendering the pages that changed and publishing them: into a temporary
 * folder beside the output that is swapped in whole (the kept pages hard-linked from the previous
 * site), or, for serve's rebuilds, into the site itself by renames; then the search index.
 */
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { buildCatalog, type CatalogMemo } from "../catalog/index.ts";
import type { Role } from "../model/role.ts";
import type { RenderResult, Written } from "./eleventy.ts";
import { renderSite } from "./render-runs.ts";
import { renderVersion, type Manifest, type ManifestStore } from "./manifest.ts";
import { pageGroups, selectAll, type PageGroups } from "./groups.ts";
import { linkFiles, listFiles, moveFiles, removeFiles } from "./reuse.ts";
import { collectGarbage } from "./memory.ts";
import { indexSite, SEARCH_FOLDER } from "./search.ts";
import { describeFailure } from "./failure.ts";
import { markSite, SITE_MARKER } from "./output-guard.ts";
import { exists, swapIn, tempName, type Leftover } from "./publish.ts";
import { siteView, withSiteFingerprint, type SiteView } from "./site-config.ts";
import { sourceNamer } from "../catalog/sources.ts";

export interface SiteResult {
  /** HTML pages in the site. */
  pages: number;
  /** HTML pages this build rendered; the rest were kept from the previous site. */
  rendered: number;
  /** Every file written from the templates: pages, JSON, the stylesheet and scripts (not the search index). */
  files: number;
  /** Pages in the search index. */
  indexed: number;
  /** Milliseconds spent deriving the catalog, rendering and indexing. */
  timings: { derive: number; render: number; search: number };
}

export interface SiteOptions {
  /**
   * Swap the rendered pages in before the search index is rebuilt (serve's rebuilds): the previous
   * index is carried over, `onWritten` is called, then the new site is indexed in place.
   */
  deferSearch?: boolean;
  /** Called once the new pages are in `output` (before the search index when `deferSearch`). */
  onWritten?: () => void;
  /** The site configuration as the templates read it; the defaults without it. Part of every page's fingerprint. */
  site?: SiteView;
  /** The build's inputs: source paths are shown relative to the one each file was found in. */
  inputs?: readonly string[];
  /**
   * The manifest of the site now in `output`: the groups of pages whose fingerprints it holds are
   * kept rather than rendered again. Without it, everything is rendered.
   */
  previous?: Manifest | null;
  /**
   * Write the changed pages into `output` itself, each file replaced by a rename, rather than into
   * a new folder swapped in whole (serve's rebuilds: the kept pages cost nothing). A render that
   * fails still leaves `output` as it was; only a process killed while the files move leaves some
   * pages new and some old, which the next build sees and renders again.
   */
  inPlace?: boolean;
  /** What the previous catalog derived, to reuse (serve keeps one for the session). */
  memo?: CatalogMemo;
  /** Where the site's manifest is kept (see `manifest.ts`); none is kept without it. */
  manifests?: ManifestStore | null;
  /** What the manifest records of the inputs and of the build's messages. */
  record?: Pick<Manifest, "inputs" | "report" | "warnings" | "roles">;
}

/** Milliseconds since `start`, to a tenth. */
export function since(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

/** The groups of `previous` that must be rendered again, and those that are gone. */
function changes(groups: PageGroups, previous: Manifest, present: Set<string> | null): { changed: Set<string>; removed: string[] } {
  const changed = new Set<string>();
  for (const [key, hash] of groups.hashes) {
    const before = previous.groups[key];
    // A page of the previous site that is missing from its folder is written again.
    if (!before || before.hash !== hash || (present && before.files.some((f) => !present.has(f)))) changed.add(key);
  }
  const removed = Object.keys(previous.groups).filter((key) => !groups.hashes.has(key));
  return { changed, removed };
}

/** The manifest's groups: the previous ones kept, those rendered now with the files they wrote. */
function groupFiles(groups: PageGroups, written: readonly Written[], previous: Manifest | null, rendered: ReadonlySet<string> | null): Manifest["groups"] {
  const files = new Map<string, string[]>();
  for (const w of written) {
    const key = groups.groupOf(w.url);
    const list = files.get(key);
    if (list) list.push(w.file);
    else files.set(key, [w.file]);
  }
  const out: Manifest["groups"] = {};
  for (const [key, hash] of groups.hashes) {
    const kept = rendered && !rendered.has(key) ? previous?.groups[key] : undefined;
    out[key] = { hash, files: kept ? kept.files : (files.get(key) ?? []).sort() };
  }
  return out;
}

function countPages(groups: Manifest["groups"]): number {
  let pages = 0;
  for (const group of Object.values(groups)) for (const file of group.files) if (file.endsWith(".html")) pages++;
  return pages;
}

/** Writes the search index of `site` beside it, then puts it in place of the site's index. */
async function reindexInPlace(site: string, language: string, log: (message: string) => void): Promise<number> {
  const staging = tempName(site, "build");
  try {
    const { pages } = await indexSite(site, staging, language);
    await rm(path.join(site, SEARCH_FOLDER), { recursive: true, force: true });
    await rename(staging, path.join(site, SEARCH_FOLDER));
    return pages;
  } catch (error) {
    // The new pages are in already: a failed index is reported, not a failed build.
    log(`Search index not rebuilt: ${error instanceof Error ? error.message : String(error)}`);
    return 0;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Renders `roles` into `output` through a temporary folder beside it, and indexes the pages for
 * search there; on failure `output` is untouched. With `previous`, only the pages whose data
 * changed are rendered, the others kept (see `groups.ts`); when none changed, the pages and the
 * search index stay as they are.
 * @param roles validated, merged roles
 * @param output the site folder
 * @param log where Eleventy's warnings go
 */
export async function buildSite(roles: readonly Role[], output: string, log: (message: string) => void = () => {}, options: SiteOptions = {}): Promise<SiteResult> {
  const target = path.resolve(output);
  const previous = options.previous ?? null;
  const temp = tempName(output, "build");
  const manifests = options.manifests ?? null;
  const record = options.record ?? { inputs: null, report: "", warnings: 0, roles: roles.length };
  const language = (options.site ?? siteView()).language;
  const manifestOf = (groups: Manifest["groups"], indexed: number): Omit<Manifest, "output" | "stamp"> => ({
    version: renderVersion(),
    ...record,
    pages: countPages(groups),
    indexed,
    groups,
  });
  const forget = async (): Promise<void> => {
    await manifests?.remove(target);
  };
  const remember = async (groups: Manifest["groups"], indexed: number): Promise<void> => {
    await manifests?.write(target, manifestOf(groups, indexed));
  };
  try {
    // Deriving and rendering in a function of its own: the catalog is out of reach once it returns,
    // and can be collected before Pagefind, a process of its own, builds the search index.
    const done = await deriveAndRender(roles, target, temp, log, options);
    if (done.unchanged) {
      // Nothing to render: the site stays; only what the manifest says of the inputs is brought up to date.
      await remember(done.groups, previous!.indexed);
      options.onWritten?.();
      return { pages: countPages(done.groups), rendered: 0, files: 0, indexed: previous!.indexed, timings: { derive: done.derive, render: 0, search: 0 } };
    }
    const { result } = done;
    let indexed: number;
    let start: number;
    let searchTime: number;
    if (options.inPlace && previous) {
      if (!(await exists(path.join(target, SITE_MARKER)))) await markSite(target);
      await forget();
      await moveFiles(temp, target, result.written.map((w) => w.file));
      const stale = new Set(done.removed.flatMap((key) => previous.groups[key]?.files ?? []));
      for (const w of result.written) stale.delete(w.file);
      await removeFiles(target, stale);
      await rm(temp, { recursive: true, force: true });
      options.onWritten?.();
      collectGarbage();
      start = performance.now();
      indexed = await reindexInPlace(target, language, log);
      searchTime = since(start);
    } else if (options.deferSearch) {
      // The previous index moves over with the new pages, so search works until it is rebuilt.
      await rename(path.join(target, SEARCH_FOLDER), path.join(temp, SEARCH_FOLDER)).catch(() => {});
      await forget();
      reportLeftover(await swapIn(temp, output), log);
      options.onWritten?.();
      collectGarbage();
      start = performance.now();
      indexed = await reindexInPlace(target, language, log);
      searchTime = since(start);
    } else {
      // The catalog and the rendered pages are garbage now: collected before Pagefind's process
      // grows, the build's own memory goes back to the system instead of adding to the peak.
      collectGarbage();
      start = performance.now();
      indexed = (await indexSite(temp, path.join(temp, SEARCH_FOLDER), language)).pages;
      searchTime = since(start);
      await forget();
      reportLeftover(await swapIn(temp, output), log);
      options.onWritten?.();
    }
    // The new site is in place: a manifest that cannot be written costs the next build its reuse, nothing more.
    await remember(done.groups, indexed).catch(async (error: unknown) => log(`The build cache's record of this site was not written (${await describeFailure(error, target)}); the next build renders every page.`));
    return {
      pages: countPages(done.groups),
      rendered: result.pages,
      files: result.pages + result.data + result.copied,
      indexed,
      timings: { derive: done.derive, render: done.render, search: searchTime },
    };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Says where the previous site was left when it could not be removed after the swap. */
function reportLeftover(leftover: Leftover | null, log: (message: string) => void): void {
  if (leftover) log(`The previous site could not be removed (${leftover.reason}): it is in ${leftover.path}; remove it by hand.`);
}

type Rendered =
  | { unchanged: true; groups: Manifest["groups"]; derive: number }
  | { unchanged: false; groups: Manifest["groups"]; removed: string[]; result: RenderResult; derive: number; render: number };

/**
 * Derives the catalog and renders what changed since `options.previous` (everything without it)
 * into `temp`, with the previous site's other files linked there, unless the pages stay in place.
 * @returns the manifest's groups, and what was rendered (nothing when no group changed)
 */
async function deriveAndRender(roles: readonly Role[], target: string, temp: string, log: (message: string) => void, options: SiteOptions): Promise<Rendered> {
  let start = performance.now();
  const previous = options.previous ?? null;
  const site = options.site ?? siteView();
  const catalog = buildCatalog(roles, options.memo, { sourcePath: sourceNamer(options.inputs ?? []), repository: site.repository });
  const groups = withSiteFingerprint(pageGroups(catalog, previous !== null || options.manifests != null), site);
  const derive = since(start);
  const present = previous && !options.inPlace ? listFiles(target) : null;
  const { changed, removed } = previous ? changes(groups, previous, present) : { changed: null, removed: [] };
  if (previous && changed!.size === 0 && removed.length === 0) return { unchanged: true, groups: groupFiles(groups, [], previous, changed), derive };
  await mkdir(temp, { recursive: true });
  if (!options.inPlace) await markSite(temp);
  if (previous && !options.inPlace) {
    // The kept pages and assets, linked (the search index is written anew, or moved over when deferred).
    const leave = new Set<string>();
    for (const key of [...changed!, ...removed]) for (const file of previous.groups[key]?.files ?? []) leave.add(file);
    const searchPrefix = `${SEARCH_FOLDER}/`;
    linkFiles(target, temp, [...present!].filter((f) => !leave.has(f) && !f.startsWith(searchPrefix) && f !== SITE_MARKER));
  }
  start = performance.now();
  const selection = changed ? groups.select(changed) : selectAll(catalog);
  const result = await renderSite(catalog, temp, log, { selection, copyAssets: !previous, keepJson: options.memo !== undefined, site });
  return { unchanged: false, groups: groupFiles(groups, result.written, previous, changed), removed, result, derive, render: since(start) };
}
