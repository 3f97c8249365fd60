// Career Atlas: "where I stand", the reader's evidence for each requirement of a role's levels.
// Each requirement has three answers (I can show this, working on it, not yet) and a private note;
// they are kept in this browser (storage.js) under the role and the requirement's text, so a
// reordered or an added requirement keeps every answer, and one answer holds at every level that
// asks for the same thing. Each level says how many of its
// must-haves have evidence, and the page says the highest level fully shown. Hidden without
// JavaScript: the page above it reads the same either way.
import { session } from "./session.js";
import { closestText, countLevels, shownText } from "./level-summary.js";
import { requirementKey, MAX_NOTE } from "./storage.js";
import { setUpTransfer } from "./transfer.js";

// The level comparison page has one section for every level; the role page one per level's part.
const sections = /** @type {HTMLElement[]} */ ([...document.querySelectorAll("[data-assess]")]);
const section = sections[0];

/** A level's requirements as the page lists them. @param {HTMLElement} level @returns {import("./level-summary.js").LevelTexts} */
function levelTexts(level) {
  const items = /** @type {HTMLElement[]} */ ([...level.querySelectorAll("[data-req]")]);
  return { name: level.dataset.levelName ?? "", must: items.filter((i) => i.dataset.priority === "must").map((i) => i.dataset.req ?? ""), all: items.map((i) => i.dataset.req ?? "") };
}

if (section) {
  const role = section.dataset.role ?? "";
  const levels = /** @type {HTMLElement[]} */ (sections.flatMap((s) => [...s.querySelectorAll("[data-assess-level]")]));
  const closest = /** @type {HTMLElement | null} */ (document.querySelector("[data-assess-closest]"));
  /** The status line of the section `item` stands in. @param {Element} item */
  const statusOf = (item) => /** @type {HTMLElement | null} */ (item.closest("[data-assess]")?.querySelector("[data-assess-status]") ?? null);

  const marksOf = () => session.state.levels[role] ?? {};

  const items = /** @type {HTMLElement[]} */ (sections.flatMap((s) => [...s.querySelectorAll("[data-req]")]));
  /** @param {HTMLElement} item */
  const keyOf = (item) => requirementKey(item.dataset.req ?? "");

  function showCounts() {
    const counts = countLevels(levels.map(levelTexts), marksOf());
    levels.forEach((level, i) => {
      const out = level.querySelector("[data-assess-count]");
      const count = counts[i];
      if (out && count) out.textContent = shownText(count);
    });
    if (closest) closest.textContent = closestText(counts);
  }

  /**
   * Radios cannot be unticked: an answered requirement gets a button that takes its answer back
   * (its note stays), made here because the answers exist only with JavaScript.
   * @param {HTMLElement} item @param {boolean} answered
   */
  function showClear(item, answered) {
    const choices = item.querySelector(".assess-choices");
    const existing = item.querySelector("[data-assess-clear]");
    if (!answered) {
      existing?.remove();
      return;
    }
    if (existing || !choices) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary assess-clear";
    button.dataset.assessClear = "";
    const hidden = Object.assign(document.createElement("span"), { className: "visually-hidden", textContent: ` for “${item.dataset.req ?? ""}”` });
    button.append("Clear answer", hidden);
    choices.append(" ", button);
  }

  function apply() {
    const marks = marksOf();
    for (const item of items) {
      const mark = marks[keyOf(item)];
      for (const radio of /** @type {HTMLInputElement[]} */ ([...item.querySelectorAll("input[type=radio]")])) radio.checked = mark?.state === radio.value;
      const note = /** @type {HTMLTextAreaElement} */ (item.querySelector("[data-assess-note]"));
      note.value = mark?.note ?? "";
      item.classList.toggle("is-answered", Boolean(mark));
      showClear(item, Boolean(mark?.state));
      if (note.value) /** @type {HTMLDetailsElement} */ (note.closest("details")).open = true;
    }
    // A level the reader has begun opens on its own.
    for (const level of levels) if ([...level.querySelectorAll("[data-req]")].some((item) => marks[keyOf(/** @type {HTMLElement} */ (item))])) /** @type {HTMLDetailsElement} */ (level).open = true;
    showCounts();
  }

  /** Saves one requirement's answer and note, and shows them wherever the same requirement stands. @param {HTMLElement} item */
  function save(item) {
    const key = keyOf(item);
    const checked = /** @type {HTMLInputElement | null} */ (item.querySelector("input[type=radio]:checked"));
    const state = /** @type {import("./storage.js").Mark["state"]} */ (checked?.value ?? null);
    const note = /** @type {HTMLTextAreaElement} */ (item.querySelector("[data-assess-note]")).value.slice(0, MAX_NOTE);
    const message = session.update((all) => {
      const marks = (all.levels[role] ??= Object.create(null));
      if (state || note.trim()) marks[key] = { state, note };
      else delete marks[key];
      if (!Object.keys(marks).length) delete all.levels[role];
    });
    const status = statusOf(item);
    if (status) status.textContent = message;
    for (const twin of items) {
      if (keyOf(twin) !== key) continue;
      twin.classList.toggle("is-answered", Boolean(state || note.trim()));
      showClear(twin, Boolean(state));
      if (twin === item) continue;
      for (const radio of /** @type {HTMLInputElement[]} */ ([...twin.querySelectorAll("input[type=radio]")])) radio.checked = radio.value === state;
      /** @type {HTMLTextAreaElement} */ (twin.querySelector("[data-assess-note]")).value = note;
    }
    showCounts();
  }

  for (const part of sections) {
    part.addEventListener("change", (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.type === "radio") save(/** @type {HTMLElement} */ (target.closest("[data-req]")));
    });
    part.addEventListener("click", (event) => {
      const button = event.target instanceof Element ? event.target.closest("[data-assess-clear]") : null;
      const item = /** @type {HTMLElement | null} */ (button?.closest("[data-req]") ?? null);
      if (!item) return;
      for (const radio of /** @type {HTMLInputElement[]} */ ([...item.querySelectorAll("input[type=radio]")])) radio.checked = false;
      // The button goes with the answer: focus moves to the first answer instead of being lost.
      /** @type {HTMLInputElement | null} */ (item.querySelector("input[type=radio]"))?.focus();
      save(item);
    });
    part.addEventListener("input", (event) => {
      const target = event.target;
      if (target instanceof HTMLTextAreaElement && target.dataset.assessNote !== undefined) save(/** @type {HTMLElement} */ (target.closest("[data-req]")));
    });
  }

  // The evidence sheet: the page prints this section alone, with the requirements answered only.
  section.querySelector("[data-assess-print]")?.addEventListener("click", () => {
    for (const level of levels) {
      const answered = Boolean(level.querySelector("[data-req].is-answered"));
      level.classList.toggle("is-answered", answered);
      if (answered) /** @type {HTMLDetailsElement} */ (level).open = true;
    }
    document.documentElement.classList.add("print-evidence");
    window.addEventListener("afterprint", () => document.documentElement.classList.remove("print-evidence"), { once: true });
    window.print();
  });

  apply();
  for (const part of sections) part.hidden = false;
  const status = statusOf(levels[0] ?? section);
  if (!session.storable && status) status.textContent = "This browser does not let the page save anything: your answers last until you leave it.";
  setUpTransfer(apply);
}
