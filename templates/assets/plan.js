// Career Atlas: following a transition plan. Without JavaScript the plan page is a readable,
// printable checklist; this script adds, on top of the same markup:
// - ticks and a note per topic, saved in this browser (storage.js: one versioned entry) under the
//   plan's id and each topic's stable id (made from the plan and the topic's text at build time, so
//   renaming a phase or editing another topic does not move them; ticks saved by older releases
//   under `data-legacy-topic` are taken over);
// - a progress bar per phase and for the whole plan;
// - "I start on <date>": each phase's dates in the sections, the table and the timeline, where the
//   reader stands today (phase, week, ahead or behind), and an .ics calendar with one event per phase;
// - "hours a week": the reader's pace rescales the plan's length and every date;
// - export, import and share (transfer.js), and a reset after a confirmation.
import { authorPace as paceOf, buildCalendar, formatDate, paceScale, parseDate, phaseDates } from "./calendar.js";
import { localDay, standing, standingText } from "./schedule.js";
import { session } from "./session.js";
import { emptyPlan, MAX_NOTE } from "./storage.js";
import { downloadText, setUpTransfer } from "./transfer.js";

const checklist = /** @type {HTMLElement | null} */ (document.querySelector("[data-plan]"));
const tools = /** @type {HTMLElement | null} */ (document.querySelector("[data-plan-tools]"));

const lang = document.documentElement.lang || undefined;
/** "Jan 15, 2027", in the page's language. */
const dateFormat = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
/** "Jan 27", for the timeline's axis. */
const axisFormat = new Intl.DateTimeFormat(lang, { month: "short", year: "2-digit", timeZone: "UTC" });

/** @param {import("./calendar.js").CalendarDate} date */
const asDate = (date) => new Date(Date.UTC(date.year, date.month - 1, date.day));

/** A <time> element for a date. @param {import("./calendar.js").CalendarDate} date */
function timeElement(date) {
  const time = document.createElement("time");
  time.dateTime = formatDate(date);
  time.textContent = dateFormat.format(asDate(date));
  return time;
}

/** @param {number} done @param {number} total */
function progressText(done, total) {
  const percent = total ? Math.round((done / total) * 100) : 0;
  return `${done} of ${total} ${total === 1 ? "topic" : "topics"} done (${percent}%)`;
}

/** "about 18 months", "about 7 weeks", "about 2.5 years". @param {number} months */
export function lengthText(months) {
  if (months < 3) return `about ${Math.max(1, Math.round((months * 52) / 12))} weeks`;
  if (months <= 36) return `about ${Math.round(months)} months`;
  return `about ${Math.round((months / 12) * 2) / 2} years`;
}

if (checklist && tools) {
  const planId = checklist.dataset.plan ?? "";
  const unit = /** @type {"month" | "week" | "year"} */ (checklist.dataset.unit ?? "month");
  const authorMonths = Number(checklist.dataset.months) || null;
  const authorHours = checklist.dataset.hoursMin ? { min: Number(checklist.dataset.hoursMin), max: Number(checklist.dataset.hoursMax ?? checklist.dataset.hoursMin) } : null;
  const authorPace = authorHours ? paceOf(authorHours) : null;
  const boxes = /** @type {HTMLInputElement[]} */ ([...checklist.querySelectorAll("input[type=checkbox][data-topic]")]);
  const notes = /** @type {HTMLTextAreaElement[]} */ ([...checklist.querySelectorAll("textarea[data-note]")]);
  const phases = /** @type {HTMLElement[]} */ ([...checklist.querySelectorAll("[data-phase]")]);
  const rows = /** @type {HTMLElement[]} */ ([...document.querySelectorAll("[data-phase-row]")]);
  const bars = /** @type {SVGGElement[]} */ ([...document.querySelectorAll(".timeline g.phase")]);
  const axis = /** @type {SVGTextElement[]} */ ([...document.querySelectorAll(".timeline g.axis text")]);
  const whenHeading = document.querySelector("[data-when-heading]");
  const original = {
    whenHeading: whenHeading?.textContent ?? "",
    rows: rows.map((row) => row.querySelector("[data-phase-when]")?.textContent ?? ""),
    bars: bars.map((bar) => bar.querySelector("text")?.textContent ?? ""),
    axis: axis.map((text) => text.textContent ?? ""),
  };
  const startInput = /** @type {HTMLInputElement} */ (tools.querySelector("[data-start-input]"));
  const hoursInput = /** @type {HTMLInputElement | null} */ (tools.querySelector("[data-hours-input]"));
  const paceText = /** @type {HTMLElement | null} */ (tools.querySelector("[data-pace-text]"));
  const now = /** @type {HTMLElement} */ (tools.querySelector("[data-plan-now]"));
  const status = /** @type {HTMLElement} */ (tools.querySelector("[data-plan-status]"));
  const planEnd = /** @type {HTMLElement} */ (tools.querySelector("[data-plan-end]"));
  const dialog = /** @type {HTMLDialogElement} */ (tools.querySelector("[data-reset-dialog]"));

  /** This plan's saved state (a copy to read; `change` writes). */
  const saved = () => session.state.plans[planId] ?? emptyPlan();

  /** @param {(plan: import("./storage.js").PlanState) => void} edit */
  function change(edit) {
    const message = session.update((state) => {
      const plan = state.plans[planId] ?? emptyPlan();
      edit(plan);
      if (plan.done.length || plan.start || plan.hours !== null || Object.keys(plan.notes).length) state.plans[planId] = plan;
      else delete state.plans[planId];
    });
    status.textContent = message;
  }

  /** Ticks saved under a topic's old id count as its tick, and are kept under its id from now on. */
  function adoptLegacyTicks() {
    const done = new Set(saved().done);
    const moved = boxes.filter((box) => box.dataset.legacyTopic && done.has(box.dataset.legacyTopic) && !done.has(box.dataset.topic ?? ""));
    if (!moved.length || session.previewing) return;
    change((plan) => {
      const legacy = new Set(moved.map((box) => box.dataset.legacyTopic));
      plan.done = [...plan.done.filter((id) => !legacy.has(id)), ...moved.map((box) => box.dataset.topic ?? "")];
    });
  }

  /** Months per unit of the phases at the reader's pace. */
  function scale() {
    const hours = hoursInput ? Number(hoursInput.value) : 0;
    return paceScale(unit, authorHours, hours > 0 ? hours : null);
  }

  /** @param {Element | null} block @param {HTMLInputElement[]} inScope */
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

  /** @param {HTMLElement} phase */
  const boxesOf = (phase) => /** @type {HTMLInputElement[]} */ ([...phase.querySelectorAll("input[type=checkbox][data-topic]")]);

  function showPace() {
    if (!hoursInput || !paceText || !authorMonths || !authorHours || !authorPace) return;
    const hours = Number(hoursInput.value);
    const range = authorHours.min === authorHours.max ? `${authorHours.min}` : `${authorHours.min}–${authorHours.max}`;
    paceText.textContent =
      hours > 0
        ? `At ${hours} ${hours === 1 ? "hour" : "hours"} a week this plan takes ${lengthText((authorMonths * authorPace) / hours)} (the guide counts ${range} hours a week for ${authorMonths} months).`
        : `The guide counts ${range} hours a week for ${authorMonths} months.`;
  }

  /** The phases' dates, the table's and the timeline's, where the reader stands, and the finish. */
  function showDates() {
    const start = parseDate(startInput.value);
    const perUnit = scale();
    showPace();
    checklist.classList.toggle("has-start", Boolean(start));
    if (!start) {
      for (const phase of phases) {
        const out = /** @type {HTMLElement | null} */ (phase.querySelector("[data-phase-dates]"));
        if (out) {
          out.hidden = true;
          out.replaceChildren();
        }
        phase.classList.remove("is-overdue", "is-current");
      }
      whenHeading?.replaceChildren(original.whenHeading);
      rows.forEach((row, i) => row.querySelector("[data-phase-when]")?.replaceChildren(original.rows[i] ?? ""));
      bars.forEach((bar, i) => bar.querySelector("text")?.replaceChildren(original.bars[i] ?? ""));
      axis.forEach((text, i) => text.replaceChildren(original.axis[i] ?? ""));
      planEnd.replaceChildren();
      now.textContent = "";
      return;
    }
    const counts = phases.map((phase) => ({ start: Number(phase.dataset.startMonth), end: Number(phase.dataset.endMonth), topics: boxesOf(phase).length, ticked: boxesOf(phase).filter((b) => b.checked).length }));
    const where = standing(start, counts, perUnit, localDay(new Date()));
    // The column now gives each phase's dates, not the author's month numbers.
    whenHeading?.replaceChildren("Dates");
    let last = null;
    phases.forEach((phase, i) => {
      const dates = phaseDates(start, /** @type {{ start: number, end: number }} */ (counts[i]), perUnit);
      const overdue = where.overdue[i] ?? false;
      const left = (counts[i]?.topics ?? 0) - (counts[i]?.ticked ?? 0);
      const out = /** @type {HTMLElement | null} */ (phase.querySelector("[data-phase-dates]"));
      if (out) {
        out.replaceChildren(timeElement(dates.first), " to ", timeElement(dates.last), ...(overdue ? [" — ", Object.assign(document.createElement("strong"), { textContent: `ended with ${left} ${left === 1 ? "topic" : "topics"} not ticked` })] : []));
        out.hidden = false;
      }
      phase.classList.toggle("is-overdue", overdue);
      phase.classList.toggle("is-current", where.when === "during" && where.phase === i + 1);
      const cell = rows[i]?.querySelector("[data-phase-when]");
      cell?.replaceChildren(timeElement(dates.first), " – ", timeElement(dates.last), ...(overdue ? [" (past, not all ticked)"] : []));
      const label = bars[i]?.querySelector("text");
      const title = (original.bars[i] ?? "").replace(/^[^:]*:\s*/, "");
      label?.replaceChildren(`${dateFormat.format(asDate(dates.first))} – ${dateFormat.format(asDate(dates.last))}${title ? `: ${title}` : ""}`);
      if (!last || formatDate(dates.last) > formatDate(last)) last = dates.last;
    });
    // Axis ticks stand for the author's units: label each with the date the reader reaches it.
    axis.forEach((text, i) => text.replaceChildren(axisFormat.format(asDate(phaseDates(start, { start: i + 1, end: i + 1 }, perUnit).first))));
    planEnd.replaceChildren(...(last ? ["Finished by ", timeElement(last), "."] : []));
    now.textContent = standingText(where);
  }

  function showAll() {
    showProgress(tools.querySelector("[data-progress]"), boxes);
    for (const phase of phases) showProgress(phase.querySelector("[data-progress]"), boxesOf(phase));
    showDates();
  }

  /** The page as the state says. */
  function apply() {
    adoptLegacyTicks();
    const plan = saved();
    const done = new Set(plan.done);
    for (const box of boxes) box.checked = done.has(box.dataset.topic ?? "") || done.has(box.dataset.legacyTopic ?? "\u0000");
    for (const note of notes) {
      note.value = plan.notes[note.dataset.note ?? ""] ?? "";
      const wrap = /** @type {HTMLDetailsElement | null} */ (note.closest("details"));
      if (wrap && note.value) wrap.open = true;
    }
    startInput.value = plan.start ?? "";
    if (hoursInput) hoursInput.value = String(plan.hours ?? authorPace ?? "");
    showAll();
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
          topics: [...phase.querySelectorAll(".checklist > li > label")].map((label) => label.textContent?.trim() ?? ""),
          url: new URL(`#${phase.id}`, window.location.href).href,
        })),
      },
      start,
      new Date(),
      scale(),
    );
    downloadText(calendar, checklist.dataset.calendarFile ?? "plan.ics", "text/calendar;charset=utf-8");
    status.textContent = `Calendar downloaded: ${phases.length} ${phases.length === 1 ? "event" : "events"}, one per phase.`;
  }

  apply();
  tools.hidden = false;
  for (const el of checklist.querySelectorAll("[data-progress], [data-note-wrap]")) /** @type {HTMLElement} */ (el).hidden = false;
  if (!session.storable) status.textContent = "This browser does not let the page save anything: your ticks last until you leave it.";
  setUpTransfer(apply);

  checklist.addEventListener("change", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (!(target instanceof HTMLInputElement) || target.dataset.topic === undefined) return;
    const here = new Set(boxes.flatMap((box) => [box.dataset.topic ?? "", box.dataset.legacyTopic ?? ""]));
    // Ticks of topics this page does not list (yet, or any more) are kept as they were.
    change((plan) => {
      plan.done = [...plan.done.filter((id) => !here.has(id)), ...boxes.filter((box) => box.checked).map((box) => box.dataset.topic ?? "")];
    });
    showAll();
  });
  checklist.addEventListener("input", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLTextAreaElement) || target.dataset.note === undefined) return;
    const id = target.dataset.note;
    change((plan) => {
      if (target.value.trim()) plan.notes[id] = target.value.slice(0, MAX_NOTE);
      else delete plan.notes[id];
    });
  });
  startInput.addEventListener("change", () => {
    change((plan) => {
      plan.start = parseDate(startInput.value) ? startInput.value : null;
    });
    showDates();
  });
  hoursInput?.addEventListener("input", () => {
    const hours = Number(hoursInput.value);
    if (!(hours > 0 && hours <= 80)) return;
    change((plan) => {
      plan.hours = hours === authorPace ? null : hours;
    });
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
    change((plan) => {
      Object.assign(plan, emptyPlan());
    });
    apply();
    status.textContent ||= "Every tick, note, the start date and the pace of this plan were cleared.";
  });
}
