// Career Atlas: the level comparison page. Without JavaScript it shows every level and skill;
// this script lets the reader choose two levels and shows only the skills whose priority differs
// between them (a select for each level, a checkbox to see everything again). The table's header
// stays in view by CSS alone (position: sticky). Everything is a native control: keyboard alone works.

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
  const headRow = table.tHead?.rows[0];
  const bodyRows = [...table.tBodies].flatMap((body) => [...body.rows]);
  const names = headRow ? [...headRow.cells].slice(1).map((th) => th.querySelector("a")?.textContent?.trim() ?? th.textContent?.trim() ?? "") : [];

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

  function update() {
    first.disabled = all.checked;
    second.disabled = all.checked;
    if (all.checked) {
      show(new Set(names.map((_, i) => i)), () => true);
      status.textContent = `Showing all ${names.length} levels and ${bodyRows.length} skills.`;
      return;
    }
    const a = Number(first.value);
    const b = Number(second.value);
    if (a === b) {
      show(new Set([a]), () => true);
      status.textContent = `Choose two different levels to see what differs; showing ${names[a]} alone.`;
      return;
    }
    const shown = show(new Set([a, b]), (row) => cellValue(row.cells[a + 1]) !== cellValue(row.cells[b + 1]));
    status.textContent =
      shown === 0
        ? `${names[a]} and ${names[b]} ask for the same skills at the same priority.`
        : `Showing the ${shown} of ${bodyRows.length} skills that differ between ${names[a]} and ${names[b]}.`;
  }

  if (first && second && all && status && names.length > 1) {
    tools.hidden = false;
    for (const control of [first, second, all]) control.addEventListener("change", update);
    update();
  }
}
