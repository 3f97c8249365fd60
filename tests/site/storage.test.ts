/**
 * The browser's saved-state modules (templates/assets/storage.js, schedule.js, level-summary.js,
 * and calendar.js at another pace), run in Node with a small in-memory Storage: the shape check on
 * read, the migration of older keys, failed writes, merging, where a reader stands on a day, and
 * the level counts. The e2e tests drive the same modules in Chromium.
 */
import { describe, expect, it } from "vitest";

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}
interface PlanState {
  done: string[];
  start: string | null;
  hours: number | null;
  notes: Record<string, string>;
}
interface Mark {
  state: "shown" | "working" | "not-yet" | null;
  note: string;
}
interface State {
  version: 1;
  plans: Record<string, PlanState>;
  levels: Record<string, Record<string, Mark>>;
}
interface StorageModule {
  KEY: string;
  validate(value: unknown): State | null;
  readState(store: Storage | null): { state: State; legacyKeys: string[] };
  writeState(store: Storage | null, state: State, legacyKeys?: string[]): "saved" | "full" | "blocked";
  mergeStates(base: State, incoming: State): State;
  requirementKey(text: string): string;
  describeState(state: State): string;
  emptyState(): State;
}
interface ScheduleModule {
  standing(
    start: CalendarDate,
    phases: { start: number; end: number; topics: number; ticked: number }[],
    scale: number,
    today: CalendarDate,
  ): { when: string; phase: number; week: number; weeks: number; due: number; pace: string; overdue: boolean[] };
  standingText(standing: ReturnType<ScheduleModule["standing"]>): string;
}
interface CalendarModule {
  parseDate(text: string): CalendarDate | null;
  formatDate(date: CalendarDate): string;
  phaseDates(start: CalendarDate, months: { start: number; end: number }, scale?: number): { first: CalendarDate; last: CalendarDate; next: CalendarDate };
  paceScale(unit: "month" | "week" | "year", hours: { min: number; max: number } | null, reader: number | null): number;
}
interface SummaryModule {
  countLevels(levels: { name: string; must: string[]; all: string[] }[], marks: Record<string, Mark>): { name: string; shown: number; total: number; unit: string; marked: number }[];
  closestText(counts: ReturnType<SummaryModule["countLevels"]>): string;
}

// Paths the type checker does not follow: the modules are JavaScript without declarations.
const load = async <T>(name: string): Promise<T> => (await import(new URL(`../../templates/assets/${name}`, import.meta.url).href)) as T;
const storage = await load<StorageModule>("storage.js");
const schedule = await load<ScheduleModule>("schedule.js");
const calendar = await load<CalendarModule>("calendar.js");
const summary = await load<SummaryModule>("level-summary.js");
const day = (text: string): CalendarDate => calendar.parseDate(text)!;

/** A Storage in memory; `fail` makes every write throw the DOMException a browser throws. */
class MemoryStorage implements Storage {
  readonly map = new Map<string, string>();
  fail: string | null = null;
  get length(): number {
    return this.map.size;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.fail) throw new DOMException("refused", this.fail);
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
}

describe("the saved state", () => {
  it("keeps only what has the version-1 shape", () => {
    expect(storage.validate({ version: 2, plans: {} })).toBeNull();
    expect(storage.validate("career-atlas")).toBeNull();
    const state = storage.validate({
      version: 1,
      plans: {
        "r/p": { done: ["a", "a", 7, "b"], start: "15/01/2027", hours: -3, notes: { a: "kept", b: 5, c: "  " } },
        "r/empty": { done: [] },
        "r/bad": "nope",
      },
      levels: { r: { git: { state: "shown", note: "" }, odd: { state: "promoted", note: "" }, noted: { state: "x", note: "evidence" } }, s: "nope" },
      extra: true,
    })!;
    expect(JSON.parse(JSON.stringify(state))).toEqual({
      version: 1,
      plans: { "r/p": { done: ["a", "b"], start: null, hours: null, notes: { a: "kept" } } },
      levels: { r: { git: { state: "shown", note: "" }, noted: { state: null, note: "evidence" } } },
    });
  });

  it("takes over the entries of older releases once written, and removes them", () => {
    const store = new MemoryStorage();
    store.setItem("career-atlas:plan:r/p", JSON.stringify({ version: 1, done: ["old-id"], start: "2027-01-15" }));
    store.setItem("career-atlas:plan:probe", "1");
    store.setItem("career-atlas:plan:r/broken", "{");
    const { state, legacyKeys } = storage.readState(store);
    expect(state.plans["r/p"]).toEqual({ done: ["old-id"], start: "2027-01-15", hours: null, notes: {} });
    expect(legacyKeys.sort()).toEqual(["career-atlas:plan:r/broken", "career-atlas:plan:r/p"]);
    expect(storage.writeState(store, state, legacyKeys)).toBe("saved");
    expect([...store.map.keys()].sort()).toEqual(["career-atlas:plan:probe", storage.KEY]);
    expect(storage.readState(store).state.plans["r/p"]!.done).toEqual(["old-id"]);
  });

  it("says why a write failed, and keeps the older entries until one succeeds", () => {
    const store = new MemoryStorage();
    store.setItem("career-atlas:plan:r/p", JSON.stringify({ done: ["x"] }));
    const { state, legacyKeys } = storage.readState(store);
    store.fail = "QuotaExceededError";
    expect(storage.writeState(store, state, legacyKeys)).toBe("full");
    store.fail = "SecurityError";
    expect(storage.writeState(store, state, legacyKeys)).toBe("blocked");
    expect(storage.writeState(null, state)).toBe("blocked");
    expect(store.getItem("career-atlas:plan:r/p")).not.toBeNull();
  });

  it("merges ticks and answers of both, the incoming side winning where they differ", () => {
    const base = storage.validate({ version: 1, plans: { "r/p": { done: ["a"], start: "2027-01-15", notes: { a: "mine" } } }, levels: { r: { git: { state: "working", note: "" } } } })!;
    const incoming = storage.validate({ version: 1, plans: { "r/p": { done: ["b"], hours: 6, notes: { a: "theirs" } }, "r/q": { done: ["c"] } }, levels: { r: { git: { state: "shown", note: "" }, sql: { state: "not-yet", note: "" } } } })!;
    const merged = JSON.parse(JSON.stringify(storage.mergeStates(base, incoming)));
    expect(merged.plans).toEqual({ "r/p": { done: ["a", "b"], start: "2027-01-15", hours: 6, notes: { a: "theirs" } }, "r/q": { done: ["c"], start: null, hours: null, notes: {} } });
    expect(merged.levels.r).toEqual({ git: { state: "shown", note: "" }, sql: { state: "not-yet", note: "" } });
    expect(storage.describeState(merged)).toBe("2 plans (3 ticks, 1 note) and 2 requirements placed on 1 role’s levels");
  });
});

describe("where a reader stands", () => {
  const phases = (ticked: number[]) => [1, 4, 7].map((start, i) => ({ start, end: start + 2, topics: 3, ticked: ticked[i] ?? 0 }));

  it("counts the phase, the week and the topics due on a day", () => {
    const s = schedule.standing(day("2027-01-15"), phases([2, 0, 0]), 1, day("2027-05-25"));
    expect(s).toMatchObject({ when: "during", phase: 2, week: 19, weeks: 39, due: 4, pace: "behind", overdue: [true, false, false] });
    expect(schedule.standingText(s)).toBe("Phase 2 of 3, week 19 of 39: behind the dates (2 ticked of 4 topics due by today).");
    expect(schedule.standing(day("2027-01-15"), phases([3, 1, 0]), 1, day("2027-05-25")).pace).toBe("on track");
    expect(schedule.standingText(schedule.standing(day("2027-01-15"), phases([]), 1, day("2027-01-10")))).toBe("Your plan starts in 5 days.");
    expect(schedule.standing(day("2027-01-15"), phases([3, 3, 2]), 1, day("2027-10-15"))).toMatchObject({ when: "after", pace: "behind", overdue: [false, false, true] });
  });

  it("stretches the plan at fewer hours a week, and counts weeks as weeks", () => {
    // 12–18 hours a week: the author's pace is 15; at 5 the plan is three times as long.
    const scale = calendar.paceScale("month", { min: 12, max: 18 }, 5);
    expect(scale).toBe(3);
    expect(calendar.formatDate(calendar.phaseDates(day("2027-01-15"), { start: 7, end: 9 }, scale).last)).toBe("2029-04-14");
    expect(calendar.paceScale("month", { min: 12, max: 18 }, null)).toBe(1);
    // Weeks 1–2 of a plan by weeks: 14 days, not two months.
    const weeks = calendar.phaseDates(day("2027-01-01"), { start: 1, end: 2 }, calendar.paceScale("week", null, null));
    expect(calendar.formatDate(weeks.next)).toBe("2027-01-15");
  });
});

describe("level counts", () => {
  it("count must-haves shown under one answer per text, and name the highest level fully shown", () => {
    const levels = [
      { name: "Mid", must: ["Git", "SQL"], all: ["Git", "SQL", "Airflow"] },
      { name: "Senior", must: ["git.", "Design"], all: ["git.", "Design"] },
      { name: "Staff", must: [], all: ["Strategy"] },
    ];
    const marks: Record<string, Mark> = { [storage.requirementKey("Git")]: { state: "shown", note: "" } };
    expect(summary.closestText(summary.countLevels(levels, {}))).toBe("Nothing placed yet: answer a requirement to start.");
    expect(summary.closestText(summary.countLevels(levels, marks))).toBe("No level has evidence for every must-have yet. Nearest: Mid: 1 of 2 must-haves shown.");
    marks.sql = { state: "shown", note: "" };
    const counts = summary.countLevels(levels, marks);
    expect(counts.map((c) => [c.shown, c.total, c.unit])).toEqual([
      [2, 2, "must-haves"],
      [1, 2, "must-haves"],
      [0, 1, "requirements"],
    ]);
    expect(summary.closestText(counts)).toBe("Closest level fully shown: Mid (evidence for all 2 must-haves). Next: Senior: 1 of 2 must-haves shown.");
  });
});
