// Career Atlas: the level comparison page. Without JavaScript it shows every level and every step;
// this script lets the reader choose two levels: the table shows those two columns (for skills, only
// the rows whose priority differs), and only the steps between them stay. The pair is kept in the
// address (`?from=mid&to=experienced`), read on load and updated as the reader changes it, so a
// comparison can be shared as a link. The table's header stays in view by CSS alone (position: sticky).
// Everything is a native control: keyboard alone works.

const tools = /** @type {HTMLElement | null} */ (document.querySelector("[data-compare-tools]"));
const table = /** @type {HTMLTableElement | null} */ (document.querySelector("[data-compare-table]"));

/** The text a reader sees in a cell, "" for a skill a level does not list. @param {Element | undefined} cell */
function cellValue(cell) {
  return cell?.classList.contains("p-none") ? "" : (cell?.textContent ?? "").trim();
}

if (tools && table) {
  const [first, second] = /** @type {HTMLSelectElement[]} */ ([...tools.querySelectorAll("select[data-compare-level]")]);
  const all = /** @type {HTMLInputElement} */ (tools.querySelector("[data-compare-all]"));
  const status = /** @type {HTMLElement} */ (tools.querySelector("[data-compare-status]"));
  const matrix = tools.dataset.compareKind === "matrix";
  const headRow = table.tHead?.rows[0];
  const bodyRows = [...table.tBodies].flatMap((body) => [...body.rows]);
  const names = headRow ? [...headRow.cells].slice(1).map((th) => th.querySelector("a")?.textContent?.trim() ?? th.textContent?.trim() ?? "") : [];
  const steps = /** @type {HTMLElement[]} */ ([...document.querySelectorAll("[data-step-from]")]);

  /** The option index of a level's slug in `select`, or -1. @param {HTMLSelectElement} select @param {string | null} slug */
  const indexOf = (select, slug) => (slug === null ? -1 : [...select.options].findIndex((option) => option.dataset.slug === slug));

  /** Shows the columns in `columns` (level indexes) and the rows `keep` says. */
  function show(/** @type {Set<number>} */ columns, /** @type {(row: HTMLTableRowElement) => boolean} */ keep) {
    for (const row of [...(headRow ? [headRow] : []), ...bodyRows]) {
      [...row.cells].forEach((cell, index) => cell.classList.toggle("is-hidden", index > 0 && !columns.has(index - 1)));
    }
    let shown = 0;
    for (const row of bodyRows) {
      row.hidden = !keep(row);
      if (!row.hidden) shown++;
    }
    return shown;
  }

  /** Keeps the steps that lie between levels `low` and `high` (all of them for null). */
  function showSteps(/** @type {number | null} */ low, /** @type {number | null} */ high) {
    for (const step of steps) {
      const from = Number(step.dataset.stepFrom);
      const to = Number(step.dataset.stepTo);
      step.hidden = low !== null && high !== null && !(from >= low && to <= high);
    }
  }

  /** Writes the chosen pair into the address, keeping the rest of it. */
  function remember() {
    const url = new URL(window.location.href);
    url.searchParams.set("from", first.selectedOptions[0]?.dataset.slug ?? "");
    url.searchParams.set("to", second.selectedOptions[0]?.dataset.slug ?? "");
    if (url.href !== window.location.href) history.replaceState(history.state, "", url);
  }

  function update() {
    first.disabled = all.checked;
    second.disabled = all.checked;
    if (all.checked) {
      show(new Set(names.map((_, i) => i)), () => true);
      showSteps(null, null);
      status.textContent = matrix ? `Showing all ${names.length} levels.` : `Showing all ${names.length} levels and ${bodyRows.length} skills.`;
      return;
    }
    const a = Number(first.value);
    const b = Number(second.value);
    if (a === b) {
      show(new Set([a]), () => true);
      showSteps(a, a);
      status.textContent = `Choose two different levels to see what differs; showing ${names[a]} alone.`;
      return;
    }
    showSteps(Math.min(a, b), Math.max(a, b));
    if (matrix) {
      show(new Set([a, b]), () => true);
      status.textContent = `Showing ${names[a]} and ${names[b]} side by side, competency by competency.`;
      return;
    }
    const shown = show(new Set([a, b]), (row) => cellValue(row.cells[a + 1]) !== cellValue(row.cells[b + 1]));
    status.textContent =
      shown === 0
        ? `${names[a]} and ${names[b]} ask for the same skills at the same priority.`
        : `Showing the ${shown} of ${bodyRows.length} skills that differ between ${names[a]} and ${names[b]}.`;
  }

  if (first && second && all && status && names.length > 1) {
    // A shared link chooses the pair; an unknown level in it leaves the default.
    const params = new URLSearchParams(window.location.search);
    const from = indexOf(first, params.get("from"));
    const to = indexOf(second, params.get("to"));
    if (from >= 0 && to >= 0) {
      first.selectedIndex = from;
      second.selectedIndex = to;
    }
    tools.hidden = false;
    for (const control of [first, second]) {
      control.addEventListener("change", () => {
        update();
        remember();
      });
    }
    all.addEventListener("change", update);
    update();
  }
}
