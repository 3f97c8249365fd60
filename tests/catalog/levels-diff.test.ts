import { describe, it, expect } from "vitest";
import { compareLevels, diffLevels, isFramework, orderLevels, pairUrl } from "../../src/catalog/levels-diff.ts";
import { Role, type Level } from "../../src/model/role.ts";
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

/** A level with the given requirements (text, priority, group). */
function level(name: string, years: { min: number; max: number | null } | null, requirements: [string, "must" | "good" | "other", string | null][] = []): Level {
  return {
    name,
    slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    code: null,
    years,
    requirements: requirements.map(([text, priority, group]) => ({ text, detail: `${text} in depth`, priority, group, skills: [] })),
  };
}

const withLevels = (levels: Level[], ladders: string[][] = []) => Role.parse({ ...mlEngineer, ladders, levels });

describe("the order of levels", () => {
  it("goes by years, never by name: a level without years does not open the comparison", () => {
    const role = withLevels([level("Senior", null), level("Mid", { min: 2, max: 4 }), level("Experienced", { min: 4, max: null }), level("Junior", { min: 0, max: 2 })]);
    expect(orderLevels(role).map((l) => l.name)).toEqual(["Junior", "Mid", "Experienced", "Senior"]);
    const comparison = compareLevels(role);
    expect(comparison.levels.map((l) => l.name)).toEqual(["Junior", "Mid", "Experienced", "Senior"]);
    expect(comparison.pair).toEqual({ from: "junior", to: "mid" });
    expect(comparison.steps.map((s) => [s.from, s.to, s.fromIndex, s.toIndex])).toEqual([
      ["Junior", "Mid", 0, 1],
      ["Mid", "Experienced", 1, 2],
      ["Experienced", "Senior", 2, 3],
    ]);
  });

  it("puts an open end after a closed one from the same year", () => {
    const role = withLevels([level("Lead", { min: 4, max: null }), level("Senior", { min: 4, max: 7 })]);
    expect(orderLevels(role).map((l) => l.name)).toEqual(["Senior", "Lead"]);
  });

  it("then by the place on the ladder that names most levels, then as the files give them", () => {
    const ladders = [["Intern"], ["Junior Engineer", "Engineer", "Senior Engineer", "Staff Engineer"]];
    const role = withLevels([level("Staff", null), level("Principal", null), level("Senior", null), level("Engineer", null)], ladders);
    expect(orderLevels(role).map((l) => l.name)).toEqual(["Engineer", "Senior", "Staff", "Principal"]);
    // Without a ladder: the order written.
    expect(orderLevels(withLevels(role.levels)).map((l) => l.name)).toEqual(["Staff", "Principal", "Senior", "Engineer"]);
    // Same years: the ladder decides.
    const tied = withLevels([level("Staff", { min: 5, max: null }), level("Senior", { min: 5, max: null })], ladders);
    expect(orderLevels(tied).map((l) => l.name)).toEqual(["Senior", "Staff"]);
  });

  it("gives a level without years the years of the level on its rung of the ladder, or the one below", () => {
    const ladders = [["Junior ML Engineer", "ML Engineer", "Senior ML Engineer", "Staff ML Engineer"]];
    const role = withLevels(
      [
        level("Senior", null),
        level("Junior ML Engineer", { min: 0, max: 2 }),
        level("Senior ML Engineer", { min: 4, max: 7 }),
        level("Staff", null),
        level("Mid", { min: 2, max: 4 }),
        level("Fellow", null),
      ],
      ladders,
    );
    // Senior shares the rung of Senior ML Engineer (4–7) and comes after the level it borrows from; Staff
    // sits one rung up and takes the 4–7 of the rung below; Fellow, on no rung, comes last.
    expect(orderLevels(role).map((l) => l.name)).toEqual(["Junior ML Engineer", "Mid", "Senior ML Engineer", "Senior", "Staff", "Fellow"]);
  });

  it("has no pair with one level", () => {
    expect(compareLevels(withLevels([level("Mid", null)])).pair).toBeNull();
    expect(comparison.pair).toEqual({ from: "mid", to: "experienced" });
  });
});

describe("steps", () => {
  const role = withLevels([
    level("Mid", { min: 2, max: 4 }, [["SQL", "must", null], ["Spark", "good", null], ["Excel", "good", null], ["Scala", "must", null]]),
    level("Senior", { min: 4, max: null }, [["SQL", "must", null], ["Spark", "must", null], ["Kafka", "good", null], ["Go", "must", null], ["Scala", "good", null]]),
  ]);
  const step = compareLevels(role).steps[0]!;

  it("keeps each requirement's detail, under the label it has", () => {
    expect(step.addedGroups.map((g) => [g.label, g.requirements.map((r) => [r.text, r.detail])])).toEqual([
      ["Good-to-have", [["Kafka", "Kafka in depth"]]],
      ["Must-have", [["Go", "Go in depth"]]],
    ]);
    expect(step.promoted.map((r) => [r.text, r.detail])).toEqual([["Spark", "Spark in depth"]]);
    expect(step.changedGroups.map((g) => [g.label, g.requirements.map((r) => r.text)])).toEqual([["Must-have → Good-to-have", ["Scala"]]]);
    expect(step.removedGroups.map((g) => [g.label, g.requirements.map((r) => [r.text, r.detail])])).toEqual([["Good-to-have", [["Excel", "Excel in depth"]]]]);
  });

  it("links to the comparison with its pair chosen", () => {
    expect(step.pairUrl).toBe("/roles/machine-learning-engineer/levels/?from=mid&to=senior");
    expect(pairUrl("a b", "x&y", "z")).toBe("/roles/a b/levels/?from=x%26y&to=z");
  });
});

describe("competency frameworks", () => {
  const framework = withLevels([
    level("Level 1", null, [["Gives status updates", "other", "Communication"], ["Delivers assigned tasks", "other", "Impact"]]),
    level("Level 2", null, [["Gives feedback to peers", "other", "Communication"]]),
    level("Level 3", null, [["Leads a project", "other", "Impact"], ["Mentors others", "other", "Leadership"]]),
  ]);

  it("are a matrix: competencies as rows, levels as columns, the criteria in the cells", () => {
    const comparison = compareLevels(framework);
    expect(comparison.kind).toBe("matrix");
    expect(comparison.rows).toEqual([]);
    expect(comparison.steps).toEqual([]);
    expect(comparison.matrix.map((row) => [row.competency, row.cells.map((cell) => cell.map((r) => r.text))])).toEqual([
      ["Communication", [["Gives status updates"], ["Gives feedback to peers"], []]],
      ["Impact", [["Delivers assigned tasks"], [], ["Leads a project"]]],
      ["Leadership", [[], [], ["Mentors others"]]],
    ]);
    expect(comparison.matrix[0]!.cells[0]![0]!.detail).toBe("Gives status updates in depth");
  });

  it("need every requirement filed under a named competency", () => {
    expect(isFramework(framework.levels)).toBe(true);
    expect(isFramework(mlEngineer.levels)).toBe(false);
    expect(isFramework(framework.levels.slice(0, 1))).toBe(false);
    expect(isFramework([level("A", null, [["x", "other", null]]), level("B", null, [["y", "other", "G"]])])).toBe(false);
    expect(compareLevels(mlEngineer).kind).toBe("skills");
  });
});
