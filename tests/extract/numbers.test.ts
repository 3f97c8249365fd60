import { describe, expect, it } from "vitest";
import { findDuration, findHoursPerWeek, findMonths, findYears, phaseInMonths, phaseMonths, phaseRange, weeksToMonths, yearStage } from "../../src/extract/numbers.ts";

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
    const found = findYears(text);
    expect([found?.range, found?.rest]).toEqual([range, rest]);
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
    expect(findMonths("From Data Scientist (9-month plan)")).toEqual({ months: 9, written: "9-month plan", rest: "From Data Scientist" });
    expect(findMonths("From Teacher")).toBeNull();
    expect(phaseMonths("Months 1-3")).toEqual({ start: 1, end: 3 });
    expect(phaseMonths("Month 4")).toEqual({ start: 4, end: 4 });
    expect(phaseMonths("Key Skills")).toBeNull();
  });
});

describe("ranges in more notations and languages", () => {
  it.each([
    ["Junior (0-2 años)", { min: 0, max: 2 }, "Junior"],
    ["Pleno (2-5 anos)", { min: 2, max: 5 }, "Pleno"],
    ["주니어 (0-2년차)", { min: 0, max: 2 }, "주니어"],
    ["시니어 (5년차 이상)", { min: 5, max: null }, "시니어"],
    ["初级工程师（0-2年）", { min: 0, max: 2 }, "初级工程师"],
    ["高级工程师（3-5年经验）", { min: 3, max: 5 }, "高级工程师"],
    ["Staff (10+ years)", { min: 10, max: null }, "Staff"],
    ["Mid (2 – 4 years)", { min: 2, max: 4 }, "Mid"],
  ])("years in %s", (text, range, rest) => {
    const found = findYears(text);
    expect([found?.range, found?.rest]).toEqual([range, rest]);
  });

  it("reads a plan's length as a range in months, weeks or years", () => {
    expect(findDuration("3-6 months")?.range).toEqual({ min: 3, max: 6 });
    expect(findDuration("12-18 months")?.range).toEqual({ min: 12, max: 18 });
    expect(findDuration("2-3 years")?.range).toEqual({ min: 24, max: 36 });
    expect(findDuration("(12 semanas)")?.range).toEqual({ min: 3, max: 3 });
    expect(findDuration("(plan de 9 meses)")).toEqual({ range: { min: 9, max: 9 }, rest: "", written: "plan de 9 meses" });
    expect(findDuration("从数据分析师（6个月计划）")).toEqual({ range: { min: 6, max: 6 }, rest: "从数据分析师", written: "6个月计划" });
    expect(findMonths("From Teacher (3-6 months)")).toEqual({ months: 6, written: "3-6 months", rest: "From Teacher" });
    expect(findMonths("Junior (0-2 years)", { years: false })).toBeNull();
    expect(findDuration("A year of fun")).toBeNull();
  });

  it.each([
    ["Months 1-3", { start: 1, end: 3, unit: "month" }],
    ["Month 1-3", { start: 1, end: 3, unit: "month" }],
    ["Month 1 –", { start: 1, end: 1, unit: "month" }],
    ["Weeks 1–3", { start: 1, end: 3, unit: "week" }],
    ["Week 4", { start: 4, end: 4, unit: "week" }],
    ["Year 1-2", { start: 1, end: 2, unit: "year" }],
    ["Year 3", { start: 3, end: 3, unit: "year" }],
    ["3-6 months", { start: 3, end: 6, unit: "month" }],
    ["Meses 1-3", { start: 1, end: 3, unit: "month" }],
    ["1-3개월", { start: 1, end: 3, unit: "month" }],
    ["第4-6个月", { start: 4, end: 6, unit: "month" }],
  ])("phase label %s", (label, range) => {
    expect(phaseRange(label)).toEqual(range);
  });

  it("takes no other label for a phase", () => {
    expect(phaseRange("Month 1 Progress")).toBeNull();
    expect(phaseRange("Monthly check-ins")).toBeNull();
    expect(phaseMonths("Weeks 1-3")).toBeNull();
  });

  it("reads roadmap stages by years of experience", () => {
    expect(yearStage("Years 0-2: ML Foundations & Implementation")).toEqual({ years: { min: 0, max: 2 }, title: "ML Foundations & Implementation" });
    expect(yearStage("Year 8+: Mastery")).toEqual({ years: { min: 8, max: null }, title: "Mastery" });
    expect(yearStage("1-2년차: 기초")).toEqual({ years: { min: 1, max: 2 }, title: "기초" });
    expect(yearStage("Junior (0-2 years)")).toBeNull();
  });

  it("reads hours a week in Spanish and Portuguese", () => {
    expect(findHoursPerWeek("5-8 horas por semana")?.range).toEqual({ min: 5, max: 8 });
  });

  it("converts weeks and years to the months they reach into", () => {
    expect([1, 4, 5, 13, 52].map(weeksToMonths)).toEqual([1, 1, 2, 3, 12]);
    expect(phaseInMonths({ start: 2, end: 3 }, "year")).toEqual({ start: 13, end: 36 });
    expect(phaseInMonths({ start: 5, end: 9 }, "week")).toEqual({ start: 2, end: 3 });
  });
});
