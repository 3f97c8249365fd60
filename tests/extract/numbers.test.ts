import { describe, expect, it } from "vitest";
import { findHoursPerWeek, findMonths, findYears, phaseMonths } from "../../src/extract/numbers.ts";

describe("ranges", () => {
  it.each([
    ["Mid (2-4 years)", { min: 2, max: 4 }, "Mid"],
    ["Mid Level (2–4 years)", { min: 2, max: 4 }, "Mid Level"],
    ["Experienced (4+ years)", { min: 4, max: null }, "Experienced"],
    ["Principal (10+ yrs)", { min: 10, max: null }, "Principal"],
    ["Junior (0 to 2 years experience)", { min: 0, max: 2 }, "Junior"],
    ["Senior: 5 years", { min: 5, max: 5 }, "Senior:"],
    ["주니어 (0-2년)", { min: 0, max: 2 }, "주니어"],
  ])("years in %s", (text, range, rest) => {
    expect(findYears(text)).toEqual({ range, rest });
  });

  it("finds no years where there are none", () => {
    expect(findYears("Senior Engineer")).toBeNull();
    expect(findYears("Staff (L6)")).toBeNull();
  });

  it("reads hours a week in several spellings", () => {
    for (const text of ["12-18 hours/week", "12–18 hrs/week", "12-18 h/week", "12 - 18 hours per week"]) {
      expect(findHoursPerWeek(text)?.range, text).toEqual({ min: 12, max: 18 });
    }
    expect(findHoursPerWeek("a few hours")).toBeNull();
  });

  it("reads a plan's length and a phase's months", () => {
    expect(findMonths("From Data Scientist (9-month plan)")).toEqual({ months: 9, rest: "From Data Scientist" });
    expect(findMonths("From Teacher")).toBeNull();
    expect(phaseMonths("Months 1-3")).toEqual({ start: 1, end: 3 });
    expect(phaseMonths("Month 4")).toEqual({ start: 4, end: 4 });
    expect(phaseMonths("Key Skills")).toBeNull();
  });
});
