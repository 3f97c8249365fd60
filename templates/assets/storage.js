// Career Atlas: everything a reader saves on this site, in one versioned localStorage entry.
// One key (`career-atlas:v1`) holds one JSON document; it is checked by hand on every read (no
// bundler, so no schema library in the browser): whatever does not fit the shape is dropped, never
// trusted. Entries of older releases (`career-atlas:plan:<plan id>`, one per plan) are read once
// into it and removed. A write that the browser refuses (storage full, blocked) is reported to the
// caller, which says so on the page: nothing fails silently.
//
// Shape (version 1):
//   { version: 1,
//     plans:  { "<role>/<plan>": { done: [topic id…], start: "YYYY-MM-DD" | null, hours: number | null,
//                                   notes: { "<topic id>": "text" } } },
//     levels: { "<role>": { "<requirement key>": { state: "shown" | "working" | "not-yet" | null, note: "text" } } } }
//   A requirement's answer belongs to the role, not to one level: evidence for "Git" at Mid is
//   evidence for "Git" wherever the role's levels ask for it.

export const KEY = "career-atlas:v1";
export const VERSION = 1;
const LEGACY_PREFIX = "career-atlas:plan:";
/** Longest note kept, in characters: a note is evidence for a one-to-one, not a document. */
export const MAX_NOTE = 4000;
export const STATES = /** @type {const} */ (["shown", "working", "not-yet"]);

/** @typedef {{ done: string[], start: string | null, hours: number | null, notes: Record<string, string> }} PlanState */
/** @typedef {{ state: "shown" | "working" | "not-yet" | null, note: string }} Mark */
/** @typedef {{ version: 1, plans: Record<string, PlanState>, levels: Record<string, Record<string, Mark>> }} State */

/** @returns {State} */
export function emptyState() {
  return { version: 1, plans: {}, levels: {} };
}

/** @returns {PlanState} */
export function emptyPlan() {
  return { done: [], start: null, hours: null, notes: {} };
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** A plain object without a prototype, so that keys such as "__proto__" are only keys. */
const dict = () => /** @type {Record<string, any>} */ (Object.create(null));

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** @param {unknown} value @returns {PlanState | null} */
function checkPlan(value) {
  if (!isObject(value)) return null;
  const notes = dict();
  if (isObject(value.notes)) {
    for (const [id, text] of Object.entries(value.notes)) if (typeof text === "string" && text.trim()) notes[id] = text.slice(0, MAX_NOTE);
  }
  const hours = typeof value.hours === "number" && Number.isFinite(value.hours) && value.hours > 0 && value.hours <= 168 ? value.hours : null;
  return {
    done: Array.isArray(value.done) ? [...new Set(value.done.filter((id) => typeof id === "string" && id.length <= 200))] : [],
    start: typeof value.start === "string" && DATE.test(value.start) ? value.start : null,
    hours,
    notes,
  };
}

/** @param {unknown} value @returns {Mark | null} */
function checkMark(value) {
  if (!isObject(value)) return null;
  const state = STATES.includes(/** @type {any} */ (value.state)) ? /** @type {Mark["state"]} */ (value.state) : null;
  const note = typeof value.note === "string" ? value.note.slice(0, MAX_NOTE) : "";
  return state || note.trim() ? { state, note } : null;
}

/**
 * The state in `value` as far as it has the version-1 shape; everything else is dropped.
 * @param {unknown} value parsed JSON, from storage, a file or a link
 * @returns {State | null} null when it is not a Career Atlas state at all
 */
export function validate(value) {
  if (!isObject(value) || value.version !== VERSION) return null;
  const state = emptyState();
  state.plans = dict();
  state.levels = dict();
  if (isObject(value.plans)) {
    for (const [id, plan] of Object.entries(value.plans)) {
      const checked = checkPlan(plan);
      if (checked && !planIsEmpty(checked)) state.plans[id] = checked;
    }
  }
  if (isObject(value.levels)) {
    for (const [role, marks] of Object.entries(value.levels)) {
      if (!isObject(marks)) continue;
      const kept = dict();
      for (const [key, mark] of Object.entries(marks)) {
        const checked = checkMark(mark);
        if (checked) kept[key] = checked;
      }
      if (Object.keys(kept).length) state.levels[role] = kept;
    }
  }
  return state;
}

/** @param {PlanState} plan */
export function planIsEmpty(plan) {
  return plan.done.length === 0 && plan.start === null && plan.hours === null && Object.keys(plan.notes).length === 0;
}

/** Local storage, or null where the browser refuses even to read it (disabled storage, some private modes). */
export function openStorage() {
  try {
    const store = window.localStorage;
    store.getItem(KEY);
    return store;
  } catch {
    return null;
  }
}

/**
 * Reads the saved state, with the entries of older releases folded in (their ticks keep the ids
 * they were saved under; plan.js maps them to today's ids through each topic's `data-legacy-topic`).
 * @param {Storage | null} store
 * @returns {{ state: State, legacyKeys: string[] }} the keys of older entries read, to remove once the state is written
 */
export function readState(store) {
  if (!store) return { state: emptyState(), legacyKeys: [] };
  let state = null;
  try {
    state = validate(JSON.parse(store.getItem(KEY) ?? "null"));
  } catch {
    state = null;
  }
  state ??= validate(emptyState()) ?? emptyState();
  const legacyKeys = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(LEGACY_PREFIX) || key === `${LEGACY_PREFIX}probe`) continue;
    legacyKeys.push(key);
    const planId = key.slice(LEGACY_PREFIX.length);
    let old = null;
    try {
      old = checkPlan(JSON.parse(store.getItem(key) ?? "null"));
    } catch {
      old = null;
    }
    if (!old) continue;
    const now = state.plans[planId] ?? emptyPlan();
    state.plans[planId] = { ...now, done: [...new Set([...now.done, ...old.done])], start: now.start ?? old.start };
  }
  return { state, legacyKeys };
}

/**
 * Writes the state; removes the older entries once it is written.
 * @param {Storage | null} store
 * @param {State} state
 * @param {string[]} [legacyKeys]
 * @returns {"saved" | "full" | "blocked"}
 */
export function writeState(store, state, legacyKeys = []) {
  if (!store) return "blocked";
  try {
    store.setItem(KEY, JSON.stringify(state));
  } catch (error) {
    const name = error instanceof DOMException ? error.name : "";
    return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" ? "full" : "blocked";
  }
  for (const key of legacyKeys) {
    try {
      store.removeItem(key);
    } catch {
      // Left for the next write: the state already holds what it said.
    }
  }
  return "saved";
}

/** What a failed write means for the reader, for a role="status" line. @param {"saved" | "full" | "blocked"} result */
export function storageMessage(result) {
  if (result === "full") return "Not saved: this browser’s storage for the site is full. Export what you have, or clear some site data, and try again.";
  if (result === "blocked") return "Not saved: this browser does not let the site keep anything, so your changes last until you leave the page.";
  return "";
}

/**
 * `incoming` merged into `base`: ticks and marks of both, the incoming start, pace and notes where it has them.
 * @param {State} base @param {State} incoming @returns {State}
 */
export function mergeStates(base, incoming) {
  const merged = validate(JSON.parse(JSON.stringify(base))) ?? emptyState();
  for (const [id, plan] of Object.entries(incoming.plans)) {
    const now = merged.plans[id] ?? emptyPlan();
    merged.plans[id] = {
      done: [...new Set([...now.done, ...plan.done])],
      start: plan.start ?? now.start,
      hours: plan.hours ?? now.hours,
      notes: Object.assign(dict(), now.notes, plan.notes),
    };
  }
  for (const [role, marks] of Object.entries(incoming.levels)) merged.levels[role] = Object.assign(dict(), merged.levels[role] ?? {}, marks);
  return merged;
}

/** The key of a requirement: its text in one form (case, spacing and a final full stop folded, as the catalog's ids do). @param {string} text */
export function requirementKey(text) {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim().replace(/\.$/u, "").trimEnd();
}

/**
 * What a state holds, counted, for previews: "2 plans (7 ticks, 1 note) and 1 role's levels (5 requirements)".
 * @param {State} state
 */
export function describeState(state) {
  const plans = Object.values(state.plans);
  const ticks = plans.reduce((n, p) => n + p.done.length, 0);
  const notes = plans.reduce((n, p) => n + Object.keys(p.notes).length, 0);
  const roles = Object.values(state.levels);
  const marks = roles.reduce((n, r) => n + Object.values(r).filter((m) => m.state).length, 0);
  const count = (/** @type {number} */ n, /** @type {string} */ one, /** @type {string} */ many) => `${n} ${n === 1 ? one : many}`;
  return `${count(plans.length, "plan", "plans")} (${count(ticks, "tick", "ticks")}, ${count(notes, "note", "notes")}) and ${count(marks, "requirement", "requirements")} placed on ${count(roles.length, "role’s levels", "roles’ levels")}`;
}
