import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { levelGroupHeading, levelSections, looksLikeLevel, parseLevelName } from "../../src/extract/level-names.ts";
import { sectionTree } from "../../src/extract/sections.ts";
import { parseMarkdown } from "../../src/parse/index.ts";

describe("level names", () => {
  it.each([
    ["Mid Level (2-4 years)", { name: "Mid", code: null, years: { min: 2, max: 4 }, beyond: false }],
    ["Level IC1: Associate", { name: "Associate", code: "IC1", years: null, beyond: false }],
    ["D1 - Developer 1", { name: "Developer 1", code: "D1", years: null, beyond: false }],
    ["L3 Senior Engineer (4+ years)", { name: "Senior Engineer", code: "L3", years: { min: 4, max: null }, beyond: false }],
    ["SWE-1: Software Engineer I", { name: "Software Engineer I", code: "SWE-1", years: null, beyond: false }],
    ["Staff Engineer (L6)", { name: "Staff Engineer", code: "L6", years: null, beyond: false }],
    ["IC4", { name: "IC4", code: "IC4", years: null, beyond: false }],
    ["Principal Engineer and Beyond", { name: "Principal Engineer", code: null, years: null, beyond: true }],
    ["3", { name: "Level 3", code: null, years: null, beyond: false }],
    ["Level 3", { name: "Level 3", code: null, years: null, beyond: false }],
    ["Mid-Level ML Engineer (2-4 years)", { name: "Mid-Level ML Engineer", code: null, years: { min: 2, max: 4 }, beyond: false }],
  ])("%s", (text, expected) => {
    expect(parseLevelName(text)).toEqual(expected);
  });

  it("tells level headings from others", () => {
    expect(["Junior (0-2 years)", "D2 - Developer 2", "Level IC1: Associate", "Staff (L6)"].map((t) => looksLikeLevel(t))).toEqual([true, true, true, true]);
    expect(["Junior Level Questions", "3-Month Milestones", "Cloud Platforms (AWS/GCP)", "Azure Fundamentals (AZ-900)"].map((t) => looksLikeLevel(t))).toEqual([false, false, false, false]);
    // Loosely, for table headers: level words and bare numbers.
    expect(["Senior", "5", "Principal and above"].map((t) => looksLikeLevel(t, true))).toEqual([true, true, true]);
    expect(looksLikeLevel("Scope", true)).toBe(false);
  });

  it("takes a run of two or more level headings for levels, not a lone heading with years", () => {
    const sections = (md: string) => sectionTree(parseMarkdown(new VFile(md))).children;
    const two = sections("## Junior (0-2 years)\n## Senior (4+ years)\n## Principal and Beyond\n## Salary\n");
    expect([...levelSections(two)].map((s) => s.title)).toEqual(["Junior (0-2 years)", "Senior (4+ years)", "Principal and Beyond"]);
    expect(levelSections(sections("## Short Term (3-6 years)\n## Notes\n")).size).toBe(0);
    expect(levelSections(sections("## Years 0-2: Basics\n## Years 2-4: More\n")).size).toBe(0);
  });

  it("reads a heading that names a level and a group of it", () => {
    expect(levelGroupHeading("Advanced Technical Skills for Senior Level")).toEqual({ group: "Advanced Technical Skills", level: "Senior" });
    expect(levelGroupHeading("Strategic Contributions Expected at Senior Level")).toEqual({ group: "Strategic Contributions Expected", level: "Senior" });
    expect(levelGroupHeading("Junior Level Questions")).toBeNull();
    expect(levelGroupHeading("For Your Next Level")).toBeNull();
  });
});
