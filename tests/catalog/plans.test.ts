import { describe, it, expect } from "vitest";
import { buildCatalog } from "../../src/catalog/index.ts";
import { createSkillMatcher } from "../../src/catalog/match.ts";
import { stableId } from "../../src/catalog/ids.ts";
import { phasesTeaching, planMonths, totalHours, WEEKS_PER_MONTH } from "../../src/catalog/plans.ts";
import { dataScientist, mlEngineer, ref } from "./seed-roles.ts";

const catalog = buildCatalog([mlEngineer]);
const plan = (from: string) => catalog.plans.find((p) => p.from.title === from)!;

describe("totalHours", () => {
  it("multiplies the weekly hours by the weeks of the plan", () => {
    expect(totalHours({ min: 12, max: 18 }, 9)).toEqual({ min: 468, max: 702 });
    expect(totalHours({ min: 15, max: 20 }, 10)).toEqual({ min: Math.round(150 * WEEKS_PER_MONTH), max: Math.round(200 * WEEKS_PER_MONTH) });
    expect(totalHours({ min: 5, max: null }, 12)).toEqual({ min: 260, max: null });
  });
});

describe("planMonths", () => {
  it("takes the length given, else the end of the last phase", () => {
    const t = mlEngineer.transitions[0]!;
    expect(planMonths(t)).toBe(9);
    expect(planMonths({ ...t, months: null })).toBe(9);
    expect(planMonths({ ...t, months: null, phases: [] })).toBeNull();
  });
});

describe("phasesTeaching", () => {
  it("finds the phases whose title or topics name the skill", () => {
    const matcher = createSkillMatcher(["PyTorch", "TensorFlow", "Git", "Kubernetes", "ML Systems"].map(ref));
    const [fromDs, fromSe] = mlEngineer.transitions;
    expect(phasesTeaching("pytorch", fromSe!, matcher)).toEqual([0]);
    expect(phasesTeaching("pytorch", fromDs!, matcher)).toEqual([]);
    expect(phasesTeaching("tensorflow", fromDs!, matcher)).toEqual([1]);
    expect(phasesTeaching("kubernetes", fromDs!, matcher)).toEqual([2]);
    expect(phasesTeaching("ml-systems", fromSe!, matcher)).toEqual([1]);
  });
});

describe("buildPlans", () => {
  it("describes the Data Scientist plan: months, hours a week and in all", () => {
    const p = plan("Data Scientist");
    expect(p).toMatchObject({
      url: "/roles/machine-learning-engineer/from/data-scientist/",
      title: "From Data Scientist to Machine Learning Engineer",
      months: 9,
      monthsLabel: "9 months",
      hoursLabel: "12–18 hours a week",
      weeks: 39,
      totalHours: { min: 468, max: 702 },
      totalHoursLabel: "468–702 hours",
      from: { title: "Data Scientist", url: null },
      gap: null,
    });
    expect(p.phases.map((ph) => [ph.label, ph.title, ph.months])).toEqual([
      ["Months 1–3", "Software Engineering Fundamentals", 3],
      ["Months 4–6", "ML Production", 3],
      ["Months 7–9", "Infrastructure & Scale", 3],
    ]);
    expect(p.keySkills.map((s) => s.url)).toEqual(["/skills/software-engineering/", "/skills/kubernetes/", "/skills/mlops/"]);
  });

  it("gives every topic a checklist id and every phase the skills it names", () => {
    const p = plan("Software Engineer");
    const ids = p.phases[0]!.topics.map((t) => t.id);
    expect(ids).toEqual(p.phases[0]!.topics.map((t) => stableId("machine-learning-engineer/software-engineer", t.text)));
    expect(p.phases[0]!.topics.map((t) => t.legacyId)).toEqual(p.phases[0]!.topics.map((t) => stableId("ML Foundations", t.text)));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{10}$/);
    expect(new Set(p.phases.flatMap((ph) => ph.topics.map((t) => t.id))).size).toBe(9);
    expect(p.topicCount).toBe(9);
    expect(p.phases[0]!.url).toBe("/roles/machine-learning-engineer/from/software-engineer/#phase-1");
    expect(p.phases[0]!.skills.map((s) => s.name)).toEqual(["Machine Learning", "Deep Learning", "TensorFlow", "PyTorch"]);
    expect(plan("Data Scientist").phases[2]!.skills.map((s) => s.slug)).toEqual(["kubernetes", "mlops", "mlops-tools", "mlflow"]);
  });

  it("shows which must-haves a reader from a catalog role has and which are left", () => {
    const both = buildCatalog([mlEngineer, dataScientist]);
    const p = both.plans.find((x) => x.id === "machine-learning-engineer/data-scientist")!;
    expect(p.from).toEqual({ title: "Data Scientist", url: "/roles/data-scientist/" });
    expect(p.gap!.level).toEqual({ name: "Mid", url: "/roles/machine-learning-engineer/#level-mid" });
    expect(p.gap!.have.map((s) => s.name)).toEqual(["Python", "NumPy", "Pandas", "Scikit-learn", "Jupyter Notebooks"]);
    expect(p.gap!.left.map((l) => l.skill.name)).toEqual(["ML Algorithms", "Git", "Advanced Data Structures", "Advanced Algorithms", "System Design Basics"]);
    expect(p.gap!.left.find((l) => l.skill.slug === "git")!.phases).toEqual([{ label: "Months 1–3", url: "#phase-1" }]);
    expect(both.plans.find((x) => x.id === "machine-learning-engineer/software-engineer")!.gap).toBeNull();
  });

  it("gives plans from the same role distinct addresses", () => {
    const twice = { ...mlEngineer, transitions: [mlEngineer.transitions[0]!, mlEngineer.transitions[0]!] };
    expect(buildCatalog([twice]).plans.map((p) => p.url)).toEqual([
      "/roles/machine-learning-engineer/from/data-scientist/",
      "/roles/machine-learning-engineer/from/data-scientist-2/",
    ]);
  });

  it("leaves the hours out when the plan gives none", () => {
    const noHours = { ...mlEngineer, transitions: [{ ...mlEngineer.transitions[0]!, hoursPerWeek: null }] };
    expect(buildCatalog([noHours]).plans[0]).toMatchObject({ hoursLabel: null, totalHours: null, totalHoursLabel: null });
  });

  describe("stable ids of topics and phases", () => {
    const ids = (role: typeof mlEngineer) =>
      new Map(buildCatalog([role]).plans[0]!.phases.flatMap((ph) => ph.topics.map((t) => [`${ph.title} / ${t.text}`, t.id] as const)));
    const phaseIds = (role: typeof mlEngineer) => buildCatalog([role]).plans[0]!.phases.map((ph) => ph.id);
    const withPhases = (phases: (typeof mlEngineer)["transitions"][number]["phases"]) => ({
      ...mlEngineer,
      transitions: [{ ...mlEngineer.transitions[0]!, phases }],
    });
    const original = mlEngineer.transitions[0]!.phases;

    it("keep every topic's id when its phase is renamed, and give the old id as legacyId", () => {
      const renamed = withPhases(original.map((ph, i) => (i === 0 ? { ...ph, title: "Engineering basics" } : ph)));
      const before = buildCatalog([mlEngineer]).plans[0]!.phases[0]!.topics;
      const after = buildCatalog([renamed]).plans[0]!.phases[0]!.topics;
      expect(after.map((t) => t.id)).toEqual(before.map((t) => t.id));
      expect(before[0]!.legacyId).toBe(stableId("Software Engineering Fundamentals", before[0]!.text));
      expect(after[0]!.legacyId).toBe(stableId("Engineering basics", after[0]!.text));
    });

    it("keep every other topic's id when a topic is added, removed or moved, or a phase is inserted", () => {
      const before = ids(mlEngineer);
      const [first, second, third] = original as [(typeof original)[0], (typeof original)[0], (typeof original)[0]];
      const edited = withPhases([
        { start: 1, end: 1, title: "Warm-up", topics: ["Read the guide"] },
        { ...first, topics: ["A new first topic", ...first.topics.slice(1).reverse()] },
        { ...third, start: 4, end: 6 },
        { ...second, start: 7, end: 9, topics: [...second.topics, "One more"] },
      ]);
      const after = ids(edited);
      for (const [key, id] of before) {
        if (key === "Software Engineering Fundamentals / Object-oriented programming patterns") expect(after.has(key)).toBe(false);
        else expect(after.get(key), key).toBe(id);
      }
      expect(phaseIds(edited).slice(1)).toEqual([phaseIds(mlEngineer)[0], phaseIds(mlEngineer)[2], phaseIds(mlEngineer)[1]]);
    });

    it("ignore case, spacing and a final full stop, but not other changes of wording", () => {
      const first = original[0]!;
      const respaced = withPhases([{ ...first, title: "  software engineering   FUNDAMENTALS ", topics: ["Object-oriented  programming patterns."] }]);
      const reworded = withPhases([{ ...first, topics: ["Object-oriented programming pattern"] }]);
      const id = ids(mlEngineer).get("Software Engineering Fundamentals / Object-oriented programming patterns");
      expect(buildCatalog([respaced]).plans[0]!.phases[0]!.topics[0]!.id).toBe(id);
      expect(buildCatalog([reworded]).plans[0]!.phases[0]!.topics[0]!.id).not.toBe(id);
    });

    it("tell apart repeats of one topic, in one phase or two, with a suffix in the plan's order", () => {
      const first = original[0]!;
      const plan = buildCatalog([
        withPhases([
          { ...first, topics: ["Practice project", "Practice project"] },
          { ...original[1]!, topics: ["Practice project"] },
        ]),
      ]).plans[0]!;
      const [a, b] = plan.phases[0]!.topics.map((t) => t.id);
      expect(a).toBe(stableId(plan.id, "Practice project"));
      expect(b).toBe(`${a}-2`);
      expect(plan.phases[1]!.topics[0]!.id).toBe(`${a}-3`);
      expect(plan.phases[1]!.topics[0]!.legacyId).toBe(stableId("ML Production", "Practice project"));
    });
  });
});
