// Career Atlas: the search results page (search/?q=…&kind=…&page=…). Without JavaScript the page
// points to the skill index and the roles instead; this script shows its form, searches the Pagefind
// index and lists every result, ten a page. The query, the kind of page and the page number live in
// the address, so a search can be shared and the browser's back button returns to it. A page whose
// title is the query comes first; each result's excerpt is taken from the part of the page that
// matched (a level, a phase) and links to it.

import { excerptNodes, fold, loadPagefind, resultsUrl } from "./search-index.js";

const PAGE_SIZE = 10;
/** How many of the best results are read to find a page titled exactly as the query. */
const EXACT_WINDOW = 20;

const form = /** @type {HTMLFormElement | null} */ (document.querySelector("[data-results-form]"));
const fallback = /** @type {HTMLElement | null} */ (document.querySelector("[data-results-fallback]"));
const status = /** @type {HTMLElement | null} */ (document.querySelector("[data-results-status]"));
const list = /** @type {HTMLOListElement | null} */ (document.querySelector("[data-results-list]"));
const pager = /** @type {HTMLElement | null} */ (document.querySelector("[data-results-pager]"));
const input = /** @type {HTMLInputElement | null} */ (form?.querySelector("input[type=search]") ?? null);
const radios = /** @type {HTMLInputElement[]} */ ([...(form?.querySelectorAll("input[name=kind]") ?? [])]);

let latest = 0;
const baseTitle = document.title;

/** What the address asks for. */
function wanted() {
  const params = new URLSearchParams(window.location.search);
  const kind = params.get("kind") ?? "";
  return {
    query: (params.get("q") ?? "").trim(),
    kind: radios.some((r) => r.value === kind) ? kind : "",
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
  };
}

/**
 * The part of a result that matched: the sub-result (a section with its own anchor) with most
 * matches, else the page's own excerpt.
 * @param {any} data
 * @returns {{ excerpt: string, title: string | null, url: string }}
 */
function bestPart(data) {
  const parts = (data.sub_results ?? []).filter((/** @type {any} */ s) => s.url !== data.url && /<mark>/.test(s.excerpt ?? ""));
  parts.sort((/** @type {any} */ a, /** @type {any} */ b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0));
  const part = parts[0];
  return part ? { excerpt: part.excerpt, title: part.title ?? null, url: part.url } : { excerpt: data.excerpt, title: null, url: data.url };
}

/** @param {any} data */
function resultItem(data) {
  const item = document.createElement("li");
  const heading = document.createElement("p");
  heading.className = "result-heading";
  const link = document.createElement("a");
  link.href = data.url;
  link.className = "result-title";
  link.textContent = data.meta?.title ?? data.url;
  const kind = document.createElement("span");
  kind.className = "result-kind";
  kind.textContent = data.meta?.kind ?? "Page";
  heading.append(link, " ", kind);
  item.append(heading);
  const part = bestPart(data);
  const excerpt = document.createElement("p");
  excerpt.className = "result-excerpt";
  if (part.title) {
    const where = document.createElement("a");
    where.href = part.url;
    where.className = "result-part";
    where.textContent = part.title;
    excerpt.append(where, ": ");
  }
  excerpt.append(excerptNodes(part.excerpt));
  item.append(excerpt);
  return item;
}

/** Shows the counts of each kind for the query. @param {Record<string, number>} counts @param {number} total */
function showCounts(counts, total) {
  for (const span of form?.querySelectorAll("[data-count]") ?? []) {
    const key = /** @type {HTMLElement} */ (span).dataset.count ?? "";
    span.textContent = total < 0 ? "" : `(${key ? (counts[key] ?? 0) : total})`;
  }
}

/** @param {HTMLElement} link @param {URL | null} url */
function pageLink(link, url) {
  link.hidden = url === null;
  if (url) link.setAttribute("href", url.href);
  else link.removeAttribute("href");
}

/**
 * The kind of each result, found with few reads: `sorted` lists the same results grouped by kind
 * (Pagefind's sort on the pages' `kind`), so each group's end is found by a binary search that
 * reads one result at a time, rather than reading every result.
 * @param {any[]} sorted the results sorted by kind
 * @returns {Promise<Map<string, Set<string>>>} kind → the ids of its results
 */
async function kindsOf(sorted) {
  /** @type {Map<number, Promise<string>>} */
  const read = new Map();
  const kindAt = (/** @type {number} */ i) => {
    let kind = read.get(i);
    if (!kind) read.set(i, (kind = sorted[i].data().then((/** @type {any} */ d) => d.meta?.kind ?? "")));
    return kind;
  };
  const groups = new Map();
  for (let start = 0; start < sorted.length; ) {
    const kind = await kindAt(start);
    // The last index of this kind: the kinds never come back once left.
    let low = start;
    let high = sorted.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((await kindAt(middle)) === kind) low = middle;
      else high = middle - 1;
    }
    const ids = groups.get(kind) ?? new Set();
    for (let i = start; i <= low; i++) ids.add(sorted[i].id);
    groups.set(kind, ids);
    start = low + 1;
  }
  return groups;
}

async function run() {
  if (!status || !list || !pager || !input) return;
  const mine = ++latest;
  const { query, kind, page } = wanted();
  input.value = query;
  for (const radio of radios) radio.checked = radio.value === kind;
  const radio = radios.find((r) => r.value === kind);
  const kindName = radio?.dataset.kindName ?? "";
  const label = radio?.labels?.[0]?.firstChild?.textContent?.trim().toLowerCase() ?? "";
  document.title = query ? `“${query}” · ${baseTitle}` : baseTitle;
  if (!query) {
    status.textContent = "Type what you are looking for: a role, a level, a skill or a plan.";
    showCounts({}, -1);
    list.hidden = true;
    list.replaceChildren();
    pager.hidden = true;
    return;
  }
  status.textContent = "Searching…";
  try {
    const engine = await loadPagefind(30);
    const found = await engine.search(query);
    const sorted = await engine.search(query, { sort: { kind: "asc" } });
    const groups = await kindsOf(sorted.results);
    if (mine !== latest) return;
    showCounts(Object.fromEntries([...groups].map(([name, ids]) => [name, ids.size])), found.results.length);
    const wantedIds = kindName ? (groups.get(kindName) ?? new Set()) : null;
    const results = found.results.filter((/** @type {any} */ r) => !wantedIds || wantedIds.has(r.id));
    // A page titled as the query comes first, wherever the index ranks it among the best.
    const head = await Promise.all(results.slice(0, EXACT_WINDOW).map((/** @type {any} */ r) => r.data()));
    const exact = head.findIndex((d) => fold(d.meta?.title ?? "") === fold(query));
    if (exact > 0) results.unshift(...results.splice(exact, 1));
    const pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
    const shown = Math.min(page, pages);
    const data = await Promise.all(results.slice((shown - 1) * PAGE_SIZE, shown * PAGE_SIZE).map((/** @type {any} */ r) => r.data()));
    if (mine !== latest) return;
    const among = kindName ? ` among ${label}` : "";
    status.textContent =
      results.length === 0
        ? `No results for “${query}”${among}.`
        : `${results.length} result${results.length === 1 ? "" : "s"} for “${query}”${among}${pages > 1 ? `; page ${shown} of ${pages}` : ""}.`;
    list.start = (shown - 1) * PAGE_SIZE + 1;
    list.replaceChildren(...data.map(resultItem));
    list.hidden = data.length === 0;
    pager.hidden = pages < 2;
    const [prev, next] = /** @type {HTMLElement[]} */ ([...pager.querySelectorAll("[data-page]")]);
    const labelOf = pager.querySelector("[data-page-label]");
    if (labelOf) labelOf.textContent = `Page ${shown} of ${pages}`;
    if (prev) pageLink(prev, shown > 1 ? resultsUrl(query, kind, shown - 1) : null);
    if (next) pageLink(next, shown < pages ? resultsUrl(query, kind, shown + 1) : null);
  } catch (error) {
    if (mine !== latest) return;
    status.textContent = "Search is not available right now; the skill index lists every skill.";
    if (fallback) fallback.hidden = false;
    console.warn("Career Atlas search:", error);
  }
}

if (form && fallback && status && list && pager && input) {
  fallback.hidden = true;
  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const kind = radios.find((r) => r.checked)?.value ?? "";
    history.pushState(null, "", resultsUrl(input.value.trim(), kind));
    void run();
  });
  // Another kind narrows the same search in place; the address follows.
  for (const radio of radios) {
    radio.addEventListener("change", () => {
      history.replaceState(null, "", resultsUrl(wanted().query, radio.value));
      void run();
    });
  }
  window.addEventListener("popstate", () => void run());
  void run();
}
