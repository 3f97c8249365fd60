// Career Atlas: what the header's search box (search.js) and the results page (results.js) share:
// the Pagefind index, loaded on first use, and the safe copy of its excerpts. Every address is
// derived from this module's own URL, so a site served under a sub-path (/atlas/) finds its index
// and its pages there too.

/** The site's root, as the browser sees it: "/" or "/atlas/". */
export const siteBase = new URL("../", import.meta.url);

/** The results page for `query` (and a kind of page, and a page of results). */
export function resultsUrl(/** @type {string} */ query, /** @type {string} */ kind = "", page = 1) {
  const url = new URL("search/", siteBase);
  if (query) url.searchParams.set("q", query);
  if (kind) url.searchParams.set("kind", kind);
  if (page > 1) url.searchParams.set("page", String(page));
  return url;
}

/** @type {Promise<any> | null} */
let pagefind = null;

/** Pagefind's browser library, initialised once. @param {number} excerptLength words around the match */
export function loadPagefind(excerptLength = 18) {
  pagefind ??= import(new URL("pagefind/pagefind.js", siteBase).href).then(async (module) => {
    await module.options({ excerptLength, baseUrl: siteBase.pathname });
    await module.init();
    return module;
  });
  return pagefind;
}

/**
 * Pagefind's excerpt is HTML with <mark> around the words found. It is parsed in an inert
 * document and only its text and <mark>s are copied, so nothing from the index can run.
 * @param {string} html
 */
export function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const out = document.createDocumentFragment();
  for (const node of parsed.body.firstChild?.childNodes ?? []) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(document.createTextNode(node.textContent ?? ""));
    }
  }
  return out;
}

/** A title or query folded for comparison: case, accents and spacing ignored. @param {string} text */
export function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("en").replace(/\s+/g, " ").trim();
}
