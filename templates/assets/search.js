// Career Atlas: the search box in every page's header. Without JavaScript the header shows a link
// to the skill index instead; this script swaps it for the box and searches the Pagefind index
// that `npm run build` writes into pagefind/ at the site's root (found from this script's own
// address, see search-index.js). The index is loaded on first use only. Typing shows the first
// results under the box; Enter opens the results page (search/?q=…), which lists them all.
//
// Keyboard: type to search; Enter opens the results page; ↓ moves to the first result; ↑/↓ move
// between results; Escape closes the list and returns to the box.

import { excerptNodes, loadPagefind, resultsUrl } from "./search-index.js";

const MAX_RESULTS = 8;

const root = document.querySelector("[data-search]");
const form = root?.querySelector("[data-search-form]");
const fallback = root?.querySelector("[data-search-fallback]");
const input = form?.querySelector("input[type=search]");
const status = form?.querySelector("[role=status]");
const list = form?.querySelector(".search-results");

let latest = 0;

/** @param {{ url: string, excerpt: string, meta: Record<string, string> }} result */
function resultItem(result) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = result.url;
  const kind = document.createElement("span");
  kind.className = "result-kind";
  kind.textContent = result.meta.kind ?? "Page";
  const title = document.createElement("span");
  title.className = "result-title";
  title.textContent = result.meta.title ?? result.url;
  link.append(title, " ", kind);
  const excerpt = document.createElement("p");
  excerpt.className = "result-excerpt";
  excerpt.append(excerptNodes(result.excerpt));
  item.append(link, excerpt);
  return item;
}

function close() {
  if (!list) return;
  list.hidden = true;
  list.replaceChildren();
}

function links() {
  return list ? [...list.querySelectorAll("a")] : [];
}

/** @param {string} term */
async function search(term) {
  if (!list || !status) return;
  const mine = ++latest;
  if (!term.trim()) {
    status.textContent = "";
    close();
    return;
  }
  status.textContent = "Searching…";
  try {
    const engine = await loadPagefind();
    const found = await engine.search(term);
    if (mine !== latest || !found) return;
    const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((/** @type {any} */ r) => r.data()));
    if (mine !== latest) return;
    const shown = data.length < found.results.length ? ` (showing the first ${data.length})` : "";
    status.textContent =
      found.results.length === 0 ? `No results for “${term}”.` : `${found.results.length} result${found.results.length === 1 ? "" : "s"} for “${term}”${shown}.`;
    const items = data.map(resultItem);
    if (found.results.length > data.length) {
      // The rest are one step away: the results page lists them all.
      const more = document.createElement("li");
      more.className = "search-more";
      const link = document.createElement("a");
      link.href = resultsUrl(term).href;
      link.textContent = `All ${found.results.length} results for “${term}”`;
      more.append(link);
      items.push(more);
    }
    list.replaceChildren(...items);
    list.hidden = data.length === 0;
  } catch (error) {
    if (mine !== latest) return;
    status.textContent = "Search is not available right now; the skill index lists every skill.";
    close();
    console.warn("Career Atlas search:", error);
  }
}

if (root && form && fallback && input && status && list) {
  fallback.hidden = true;
  form.hidden = false;
  root.classList.add("is-enhanced");

  let timer = 0;
  input.addEventListener("focus", () => void loadPagefind().catch(() => {}), { once: true });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void search(input.value), 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    window.location.assign(resultsUrl(input.value.trim()).href);
  });
  form.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(/** @type {HTMLAnchorElement} */ (document.activeElement));
    if (event.key === "Escape") {
      if (list.hidden && !input.value) return;
      event.preventDefault();
      close();
      input.focus();
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      list.hidden = false;
      all[Math.min(at + 1, all.length - 1)]?.focus();
    } else if (event.key === "ArrowDown" && input.value.trim()) {
      // Closed by Escape: ↓ searches again and moves to the first result.
      event.preventDefault();
      void search(input.value).then(() => links()[0]?.focus());
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus();
      else all[at - 1]?.focus();
    }
  });
  // The list closes when focus or a click goes elsewhere, and opens again on return to the box.
  root.addEventListener("focusout", (event) => {
    const next = /** @type {Node | null} */ (event.relatedTarget);
    if (next && !root.contains(next)) list.hidden = true;
  });
  document.addEventListener("click", (event) => {
    if (!root.contains(/** @type {Node} */ (event.target))) list.hidden = true;
  });
  input.addEventListener("focus", () => {
    if (list.childElementCount) list.hidden = false;
  });
}
