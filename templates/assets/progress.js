// Career Atlas: the reader's progress where a page mentions a plan or a role (role page, home page
// cards, "My progress"). Each `[data-my-plan]` and `[data-my-levels]` says what this browser keeps
// for it, and is shown only when it keeps something; on "My progress" an entry with nothing kept
// stays hidden. Everything is worked out from the saved state and the ids the page carries.
import { closestText, countLevels, countText } from "./level-summary.js";
import { session } from "./session.js";
import { setUpTransfer } from "./transfer.js";

const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "3 of 9 topics done, started Jan 15, 2027" or "" when nothing is kept. @param {HTMLElement} el */
function planText(el) {
  const plan = session.state.plans[el.dataset.myPlan ?? ""];
  if (!plan) return "";
  const ids = (el.dataset.topicIds ?? "").split(" ").filter(Boolean);
  const legacy = (el.dataset.legacyIds ?? "").split(" ").filter(Boolean);
  const done = new Set(plan.done);
  const ticked = ids.filter((id, i) => done.has(id) || done.has(legacy[i] ?? "")).length;
  const notes = Object.keys(plan.notes).length;
  return [`${ticked} of ${ids.length} ${ids.length === 1 ? "topic" : "topics"} done`, plan.start ? `started ${dateFormat.format(new Date(`${plan.start}T00:00:00Z`))}` : "", notes ? `${notes} ${notes === 1 ? "note" : "notes"}` : ""].filter(Boolean).join(", ");
}

/** "Mid: 7 of 7 must-haves shown; Experienced: …" and the closest level, or "". @param {HTMLElement} el */
function levelsText(el) {
  const marks = session.state.levels[el.dataset.myLevels ?? ""];
  if (!marks) return "";
  let levels = [];
  try {
    levels = JSON.parse(el.dataset.levels ?? "[]");
  } catch {
    return "";
  }
  const counts = countLevels(levels, marks);
  if (!counts.some((c) => c.marked)) return "";
  return `${counts.map(countText).join("; ")}. ${closestText(counts)}`;
}

function show() {
  for (const el of /** @type {HTMLElement[]} */ ([...document.querySelectorAll("[data-my-plan], [data-my-levels]")])) {
    const text = el.dataset.myPlan !== undefined ? planText(el) : levelsText(el);
    el.textContent = text ? (el.dataset.myPlan !== undefined ? `Your progress: ${text}.` : `Your evidence: ${text}`) : "";
    el.hidden = !text;
    const item = /** @type {HTMLElement | null} */ (el.closest("[data-progress-item]"));
    if (item) item.hidden = !text;
  }
  const page = /** @type {HTMLElement | null} */ (document.querySelector("[data-progress-page]"));
  if (!page) return;
  let any = false;
  for (const group of /** @type {HTMLElement[]} */ ([...page.querySelectorAll("[data-progress-group]")])) {
    group.hidden = !group.querySelector("[data-progress-item]:not([hidden])");
    any ||= !group.hidden;
  }
  const empty = /** @type {HTMLElement} */ (page.querySelector("[data-progress-empty]"));
  empty.textContent = any ? "" : "Nothing kept in this browser yet: tick a plan’s topics or place yourself on a role’s levels, or import a file you exported.";
  page.hidden = false;
  const fallback = /** @type {HTMLElement | null} */ (document.querySelector("[data-progress-fallback]"));
  if (fallback) fallback.hidden = true;
}

show();
setUpTransfer(show);
