import { describe, it, expect } from "vitest";
import { compareLevels, diffLevels } from "../../src/catalog/levels-diff.ts";
import { Role } from "../../src/model/role.ts";
import { mlEngineer } from "./seed-roles.ts";

const comparison = compareLevels(mlEngineer);
const texts = (list: { text: string }[]): string[] => list.map((r) => r.text);

describe("compareLevels", () => {
  it("has a column per level, in order, linked to the role page", () => {
    expect(comparison.levels.map((l) => [l.name, l.yearsLabel, l.url])).toEqual([
      ["Mid", "2–4 years", "/roles/machine-learning-engineer/#level-mid"],
      ["Experienced", "4+ years", "/roles/machine-learning-engineer/#level-experienced"],
    ]);
    expect(comparison.url).toBe("/roles/machine-learning-engineer/levels/");
  });

  it("has a row per skill with its priority at each level", () => {
    const row = (name: string) => comparison.rows.find((r) => r.name === name)!;
    expect(row("PyTorch").cells.map((c) => c.priority)).toEqual(["good", "must"]);
    expect(row("PyTorch").skill?.url).toBe("/skills/pytorch/");
    expect(row("NumPy").cells.map((c) => c.label)).toEqual(["Must-have", "Must-have"]);
    expect(row("Advanced Data Structures").cells.map((c) => c.priority)).toEqual(["must", null]);
    expect(row("Kubernetes").cells.map((c) => c.label)).toEqual(["", "Good-to-have"]);
    expect(row("Security").cells.map((c) => c.label)).toEqual(["", "Production Support & Miscellaneous"]);
    expect(new Set(comparison.rows.map((r) => r.name)).size).toBe(comparison.rows.length);
  });

  it("lists what changes from Mid to Experienced", () => {
    expect(comparison.steps).toHaveLength(1);
    const step = comparison.steps[0]!;
    expect([step.from, step.to, step.anchor]).toEqual(["Mid", "Experienced", "step-mid-to-experienced"]);
    expect(texts(step.promoted)).toEqual(["TensorFlow / PyTorch", "MLOps Tools", "Cloud ML Services", "Data Pipeline Tools"]);
    expect(texts(step.removed)).toEqual(["Advanced Data Structures", "Advanced Algorithms", "System Design Basics"]);
    expect(texts(step.added)).toContain("Kubernetes");
    expect(texts(step.added)).toContain("Complex Algorithms");
    expect(texts(step.added)).toContain("Business Impact");
    expect(texts(step.added)).not.toContain("Git");
    expect(step.changed).toEqual([]);
    expect(step.unchanged).toBe(4);
    expect(step.promoted[0]!.skills.map((s) => s.name)).toEqual(["TensorFlow", "PyTorch"]);
  });

  it("reports other changes of priority with the priority they had", () => {
    const role = Role.parse({
      ...mlEngineer,
      levels: [
        { name: "A", slug: "a", code: null, years: null, requirements: [{ text: "Go", detail: null, priority: "must", group: null, skills: [] }] },
        { name: "B", slug: "b", code: null, years: null, requirements: [{ text: "go", detail: null, priority: "other", group: "Extras", skills: [] }] },
      ],
    });
    const step = diffLevels(role, role.levels[0]!, role.levels[1]!);
    expect(step.changed.map((c) => [c.text, c.fromLabel, c.label])).toEqual([["go", "Must-have", "Extras"]]);
    expect(step.promoted).toEqual([]);
    const table = compareLevels(role);
    // A requirement that names no skill is a row of its own, found again at the next level by its text.
    expect(table.rows.map((r) => [r.name, r.skill, r.cells.map((c) => c.label)])).toEqual([["Go", null, ["Must-have", "Extras"]]]);
  });

  it("gives no steps for a role with one level or none", () => {
    expect(compareLevels({ ...mlEngineer, levels: mlEngineer.levels.slice(0, 1) }).steps).toEqual([]);
    expect(compareLevels({ ...mlEngineer, levels: [] })).toMatchObject({ levels: [], rows: [], steps: [] });
  });
});
