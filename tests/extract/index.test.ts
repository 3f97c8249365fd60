import { describe, expect, it } from "vitest";
import { roleTitle } from "../../src/extract/index.ts";
import { splitArrows } from "../../src/extract/arrows.ts";
import { parsePlanHeading } from "../../src/extract/transitions.ts";

describe("role titles", () => {
  it.each([
    ["Career Path: ML Engineer", "ML Engineer"],
    ["Data Engineer Career Progression Ladder", "Data Engineer"],
    ["Site Reliability Engineer Levels", "Site Reliability Engineer"],
    ["📊 Data Engineering Framework", "Data Engineering"],
    ["14. Machine Learning Engineer", "Machine Learning Engineer"],
    ["Career Progression Guide", "Career Progression Guide"],
    ["Tour Guide", "Tour Guide"],
  ])("%s → %s", (heading, title) => {
    expect(roleTitle(heading)).toBe(title);
  });
});

describe("arrow chains", () => {
  it("splits on every arrow notation and refuses prose", () => {
    expect(splitArrows("A → B -> C ⇒ D")).toEqual(["A", "B", "C", "D"]);
    expect(splitArrows("A →")).toBeNull();
    expect(splitArrows("Question from business: why do salaried users cost us twice as much on support? → cost is allocated by queries")).toBeNull();
  });
});

describe("plan headings", () => {
  it.each([
    ["From Data Scientist (9-month plan)", { from: "Data Scientist", to: null, months: 9, duration: "9-month plan" }],
    ["From Developer to DevOps", { from: "Developer", to: "DevOps", months: null, duration: null }],
    ["From Teacher (3-6 months)", { from: "Teacher", to: null, months: 6, duration: "3-6 months" }],
    ["Desde Científico de Datos a Ingeniero (plan de 9 meses)", { from: "Científico de Datos", to: "Ingeniero", months: 9, duration: "plan de 9 meses" }],
    ["데이터 분석가에서 (6개월)", { from: "데이터 분석가", to: null, months: 6, duration: "6개월" }],
    ["从数据分析师（6个月计划）", { from: "数据分析师", to: null, months: 6, duration: "6个月计划" }],
  ])("%s", (heading, expected) => {
    expect(parsePlanHeading(heading)).toEqual(expected);
  });
});
