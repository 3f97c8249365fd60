import { describe, it, expect } from "vitest";
import { groupRequirements, linkSkillNames, requirementView } from "../../src/catalog/requirements.ts";
import { skillLinks } from "../../src/catalog/links.ts";
import { mlEngineer, ref } from "./seed-roles.ts";

describe("linkSkillNames", () => {
  it("links each skill a compound requirement names where its name appears", () => {
    const { parts, unnamed } = linkSkillNames("TensorFlow / PyTorch", skillLinks([ref("TensorFlow"), ref("PyTorch")]));
    expect(parts.map((p) => [p.text, p.skill?.url ?? null])).toEqual([
      ["TensorFlow", "/skills/tensorflow/"],
      [" / ", null],
      ["PyTorch", "/skills/pytorch/"],
    ]);
    expect(unnamed).toEqual([]);
  });

  it("keeps the text whole and lists skills whose names it does not spell", () => {
    const { parts, unnamed } = linkSkillNames("Python with NumPy", skillLinks([ref("Python"), ref("Pandas"), ref("Py")]));
    expect(parts.map((p) => p.text).join("")).toBe("Python with NumPy");
    expect(parts.filter((p) => p.skill).map((p) => p.text)).toEqual(["Python"]);
    expect(unnamed.map((s) => s.name)).toEqual(["Pandas", "Py"]);
  });

  it("gives one part for text with no skills", () => {
    expect(linkSkillNames("", []).parts).toEqual([{ text: "", skill: null }]);
  });
});

describe("groupRequirements", () => {
  it("puts must-have first, then good-to-have, then other groups by name", () => {
    const experienced = mlEngineer.levels[1]!;
    const reordered = [...experienced.requirements].reverse();
    const groups = groupRequirements(reordered);
    expect(groups.map((g) => [g.label, g.priority, g.requirements.length])).toEqual([
      ["Must-have", "must", 10],
      ["Good-to-have", "good", 5],
      ["Production Support & Miscellaneous", "other", 10],
    ]);
  });

  it("keeps differently named other groups apart and labels an unnamed one", () => {
    const base = { detail: null, skills: [] };
    const groups = groupRequirements([
      { ...base, text: "a", priority: "other", group: "Soft skills" },
      { ...base, text: "b", priority: "other", group: null },
      { ...base, text: "c", priority: "other", group: "Soft skills" },
    ]);
    expect(groups.map((g) => [g.label, g.requirements.map((r) => r.text)])).toEqual([
      ["Soft skills", ["a", "c"]],
      ["Other", ["b"]],
    ]);
  });

  it("describes a requirement with its detail and label", () => {
    const view = requirementView(mlEngineer.levels[0]!.requirements[0]!);
    expect(view).toMatchObject({ text: "Python with NumPy, Pandas, Scikit-learn", detail: "Programming Language and ML Libraries", label: "Must-have" });
    expect(view.parts.filter((p) => p.skill).map((p) => p.skill!.slug)).toEqual(["python", "numpy", "pandas", "scikit-learn"]);
  });
});
