// Career Atlas: following a transition plan. Without JavaScript the plan page is a readable,
// printable checklist; this script adds, on top of the same markup:
// - ticks saved in this browser (localStorage), under the plan's id and each topic's stable id
//   (made at build time from the phase's title and the topic's text, so editing another topic or
//   phase does not move them);
// - a progress bar per phase and for the whole plan;
// - "I start on <date>": each phase's dates, and an .ics calendar with one event per phase;
// - a reset, after a confirmation.
import { buildCalendar, formatDate, parseDate, phaseDates } from "./calendar.js";

const STORAGE_PREFIX = "career-atlas:plan:";

const checklist = /** @type {HTMLElement | null} */ (document.querySelector("[data-plan]"));
const tools = /** @type {HTMLElement | null} */ (document.querySelector("[data-plan-tools]"));

/** @typedef {{ version: 1, done: string[], start: string | null }} Saved */

/** Local storage, or null where the browser refuses it (private modes, disabled storage). */
function storage() {
  try {
    const probe = `${STORAGE_PREFIX}probe`;
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return null;
  }
}

/** @param {Storage | null} store @param {string} key @returns {Saved} */
function load(store, key) {
  /** @type {Saved} */
  const empty = { version: 1, done: [], start: null };
  if (!store) return empty;
  try {
    const value = JSON.parse(store.getItem(key) ?? "null");
    if (!value || typeof value !== "object") return empty;
    return {
      version: 1,
      done: Array.isArray(value.done) ? value.done.filter((/** @type {unknown} */ id) => typeof id === "string") : [],
      start: typeof value.start === "string" && parseDate(value.start) ? value.start : null,
    };
  } catch {
    return empty;
  }
}

/** "15 Jan 2027", in the page's language. */
const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** A <time> element for a date. @param {import("./calendar.js").CalendarDate} date */
function timeElement(date) {
  const time = document.createElement("time");
  time.dateTime = formatDate(date);
  time.textContent = dateFormat.format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
  return time;
}

/** @param {number} done @param {number} total */
function progressText(done, total) {
  const percent = total ? Math.round((done / total) * 100) : 0;
  return `${done} of ${total} ${total === 1 ? "topic" : "topics"} done (${percent}%)`;
}

if (checklist && tools) {
  const planId = checklist.dataset.plan ?? "";
  const key = `${STORAGE_PREFIX}${planId}`;
  const store = storage();
  const boxes = /** @type {HTMLInputElement[]} */ ([...checklist.querySelectorAll("input[type=checkbox][data-topic]")]);
  const phases = /** @type {HTMLElement[]} */ ([...checklist.querySelectorAll("[data-phase]")]);
  const startInput = /** @type {HTMLInputElement} */ (tools.querySelector("[data-start-input]"));
  const status = /** @type {HTMLElement} */ (tools.querySelector("[data-plan-status]"));
  const planEnd = /** @type {HTMLElement} */ (tools.querySelector("[data-plan-end]"));
  const dialog = /** @type {HTMLDialogElement} */ (tools.querySelector("[data-reset-dialog]"));
  let saved = load(store, key);

  function save() {
    const here = new Set(boxes.map((box) => box.dataset.topic ?? ""));
    // Ticks of topics this page does not list (yet, or any more) are kept as they were.
    const done = [...saved.done.filter((id) => !here.has(id)), ...boxes.filter((box) => box.checked).map((box) => box.dataset.topic ?? "")];
    saved = { version: 1, done, start: startInput.value && parseDate(startInput.value) ? startInput.value : null };
    if (!store) return;
    try {
      if (saved.done.length === 0 && saved.start === null) store.removeItem(key);
      else store.setItem(key, JSON.stringify(saved));
    } catch {
      status.textContent = "This browser would not save your ticks.";
    }
  }

  /**
   * @param {Element | null} block a [data-progress] block: a <progress> and its text
   * @param {HTMLInputElement[]} inScope the boxes it counts
   */
  function showProgress(block, inScope) {
    if (!block) return;
    const bar = block.querySelector("progress");
    const text = block.querySelector("[data-progress-text]");
    const done = inScope.filter((box) => box.checked).length;
    if (bar) {
      bar.max = Math.max(inScope.length, 1);
      bar.value = done;
    }
    if (text) text.textContent = progressText(done, inScope.length);
  }

  function showAllProgress() {
    showProgress(tools.querySelector("[data-progress]"), boxes);
    for (const phase of phases) {
      showProgress(phase.querySelector("[data-progress]"), /** @type {HTMLInputElement[]} */ ([...phase.querySelectorAll("input[type=checkbox][data-topic]")]));
    }
  }

  function showDates() {
    const start = parseDate(startInput.value);
    let last = null;
    for (const phase of phases) {
      const out = /** @type {HTMLElement | null} */ (phase.querySelector("[data-phase-dates]"));
      if (!out) continue;
      if (!start) {
        out.hidden = true;
        out.replaceChildren();
        continue;
      }
      const dates = phaseDates(start, { start: Number(phase.dataset.startMonth), end: Number(phase.dataset.endMonth) });
      out.replaceChildren(timeElement(dates.first), " to ", timeElement(dates.last));
      out.hidden = false;
      if (!last || formatDate(dates.last) > formatDate(last)) last = dates.last;
    }
    planEnd.replaceChildren(...(last ? ["Finished by ", timeElement(last), "."] : []));
  }

  function apply() {
    const done = new Set(saved.done);
    for (const box of boxes) box.checked = done.has(box.dataset.topic ?? "");
    startInput.value = saved.start ?? "";
    showAllProgress();
    showDates();
  }

  function download() {
    const start = parseDate(startInput.value);
    if (!start) {
      status.textContent = "Choose the day you start first: the calendar’s dates count from it.";
      startInput.focus();
      return;
    }
    const calendar = buildCalendar(
      {
        id: planId,
        title: checklist.dataset.planTitle ?? document.title,
        phases: phases.map((phase) => ({
          uid: phase.dataset.phase ?? phase.id,
          start: Number(phase.dataset.startMonth),
          end: Number(phase.dataset.endMonth),
          summary: phase.dataset.summary ?? "",
          topics: [...phase.querySelectorAll(".checklist label")].map((label) => label.textContent?.trim() ?? ""),
          url: new URL(`#${phase.id}`, window.location.href).href,
        })),
      },
      start,
      new Date(),
    );
    const blob = new Blob([calendar], { type: "text/calendar;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = checklist.dataset.calendarFile ?? "plan.ics";
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    status.textContent = `Calendar downloaded: ${phases.length} ${phases.length === 1 ? "event" : "events"}, one per phase.`;
  }

  apply();
  tools.hidden = false;
  for (const el of checklist.querySelectorAll("[data-progress]")) /** @type {HTMLElement} */ (el).hidden = false;
  if (!store) status.textContent = "This browser does not let the page save ticks: they last until you leave it.";

  checklist.addEventListener("change", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (target instanceof HTMLInputElement && target.dataset.topic !== undefined) {
      save();
      showAllProgress();
    }
  });
  startInput.addEventListener("change", () => {
    save();
    showDates();
  });
  tools.querySelector("[data-download]")?.addEventListener("click", download);
  tools.querySelector("[data-reset]")?.addEventListener("click", () => {
    // A dialog keeps its last return value: clear it, so that Escape never counts as a yes.
    dialog.returnValue = "";
    dialog.showModal();
  });
  dialog.addEventListener("close", () => {
    if (dialog.returnValue !== "reset") return;
    for (const box of boxes) box.checked = false;
    startInput.value = "";
    saved = { version: 1, done: [], start: null };
    store?.removeItem(key);
    apply();
    status.textContent = "Every tick and the start date of this plan were cleared.";
  });
  // Another tab of the same plan changed its ticks.
  window.addEventListener("storage", (event) => {
    if (event.key !== key) return;
    saved = load(store, key);
    apply();
  });
}
