import { describe, it, expect } from "vitest";
import { mustHaveSkills, skillGap, skillsHeld } from "../../src/catalog/gaps.ts";
import { dataScientist, mlEngineer } from "./seed-roles.ts";

describe("skillsHeld", () => {
  it("takes role-wide skills and every level's must-haves, not good-to-haves", () => {
    const held = skillsHeld(dataScientist);
    expect([...held].sort()).toEqual(["jupyter-notebooks", "numpy", "pandas", "python", "scikit-learn"]);
    expect(held.has("git")).toBe(false);
  });
});

describe("mustHaveSkills", () => {
  it("lists each must-have skill of a level once", () => {
    expect(mustHaveSkills(mlEngineer.levels[0]!).map((s) => s.slug)).toEqual([
      "python", "numpy", "pandas", "scikit-learn", "ml-algorithms", "jupyter-notebooks", "git",
      "advanced-data-structures", "advanced-algorithms", "system-design-basics",
    ]);
  });
});

describe("skillGap", () => {
  it("splits the entry level's must-haves into held and left", () => {
    const gap = skillGap(mlEngineer, dataScientist);
    expect(gap.level?.name).toBe("Mid");
    expect(gap.have.map((s) => s.slug)).toEqual(["python", "numpy", "pandas", "scikit-learn", "jupyter-notebooks"]);
    expect(gap.left.map((s) => s.slug)).toEqual(["ml-algorithms", "git", "advanced-data-structures", "advanced-algorithms", "system-design-basics"]);
  });

  it("has nothing to compare when the target has no levels", () => {
    expect(skillGap({ ...mlEngineer, levels: [] }, dataScientist)).toEqual({ level: null, have: [], left: [] });
  });
});
