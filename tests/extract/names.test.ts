import { describe, expect, it } from "vitest";
import { cleanHeading, conceptOf, normalizeName } from "../../src/extract/names.ts";

describe("heading names", () => {
  it.each([
    ["🚀 Career Growth Path", "growth"],
    ["**Career Growth Paths:**", "growth"],
    ["3. Core Responsibilities", "responsibilities"],
    ["14) KEY RESPONSIBILITY", "responsibilities"],
    ["🛠️ Tech Stack Requirements by Experience Level", "levels"],
    ["Transition Paths", "transitions"],
    ["📋 Role Overview", "overview"],
    ["Typical Background", "background"],
    ["Must-Have:", "mustHave"],
    ["Good-to-Have", "goodToHave"],
  ])("%s names %s", (heading, concept) => {
    expect(conceptOf(heading)).toBe(concept);
  });

  it("names nothing for an unknown heading", () => {
    expect(conceptOf("Team Size")).toBeNull();
    expect(conceptOf("Production Support & Miscellaneous")).toBeNull();
  });

  it("honours the allowed concepts", () => {
    expect(conceptOf("Key Skills", ["keySkills"])).toBe("keySkills");
    expect(conceptOf("Key Skills", ["skills"])).toBeNull();
  });

  it("cleans decoration but keeps the words as written", () => {
    expect(cleanHeading("🤖 Machine Learning Engineer")).toBe("Machine Learning Engineer");
    expect(cleanHeading("14. Machine Learning Engineer")).toBe("Machine Learning Engineer");
    expect(cleanHeading("**Mid Level (2-4 years)**")).toBe("Mid Level (2-4 years)");
    expect(cleanHeading("데이터 엔지니어")).toBe("데이터 엔지니어");
    expect(normalizeName("Responsibilities & Duties")).toBe("responsibility and duty");
  });
});
