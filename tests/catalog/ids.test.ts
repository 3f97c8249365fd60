import { describe, expect, it } from "vitest";
import { IdSet, normalizeForId, stableId, topicIds } from "../../src/catalog/ids.ts";

// Pinned: the id under which readers' browsers keep the tick of "Kubernetes basics".
const KUBERNETES_BASICS = "9991e8858e";

describe("normalizeForId", () => {
  it("folds case, spacing, Unicode compatibility forms and a final full stop", () => {
    expect(normalizeForId("  Kubernetes\t\n basics. ")).toBe("kubernetes basics");
    expect(normalizeForId("ＡＰＩ design")).toBe("api design");
    expect(normalizeForId("C++ and C#")).toBe("c++ and c#");
    expect(normalizeForId("Etc...")).toBe("etc..");
  });
});

describe("stableId", () => {
  it("is 10 hex digits, the same for the same texts and different for others", () => {
    const id = stableId("ML Foundations", "Frameworks: TensorFlow, PyTorch");
    expect(id).toMatch(/^[0-9a-f]{10}$/);
    expect(stableId("ml foundations", "Frameworks:  TensorFlow, PyTorch.")).toBe(id);
    expect(stableId("ML Foundations", "Frameworks: TensorFlow")).not.toBe(id);
    expect(stableId("ML Systems", "Frameworks: TensorFlow, PyTorch")).not.toBe(id);
    // The parts are kept apart: moving words from one to the other gives another id.
    expect(stableId("a b", "c")).not.toBe(stableId("a", "b c"));
  });

  it("is pinned, so that ticks saved by readers survive a new release", () => {
    expect(stableId("ML Foundations")).toBe("4bc5852bf8");
    expect(stableId("Infrastructure & Scale", "Kubernetes basics")).toBe(KUBERNETES_BASICS);
  });
});

describe("IdSet", () => {
  it("suffixes repeats with -2, -3 in order", () => {
    const ids = new IdSet();
    expect(["a", "a", "b", "a", "a-2"].map((id) => ids.claim(id))).toEqual(["a", "a-2", "b", "a-3", "a-2-2"]);
  });
});

describe("topicIds", () => {
  it("makes a topic's id from the plan and its text, not its phase, and keeps the old id beside it", () => {
    const plan = "r/from-x";
    const ids = topicIds(plan, [
      { title: "Basics", topics: ["Kubernetes basics", "Git"] },
      { title: "Later", topics: ["Git"] },
    ]);
    expect(ids).toEqual([
      [
        { id: stableId(plan, "Kubernetes basics"), legacyId: stableId("Basics", "Kubernetes basics") },
        { id: stableId(plan, "Git"), legacyId: stableId("Basics", "Git") },
      ],
      [{ id: `${stableId(plan, "Git")}-2`, legacyId: stableId("Later", "Git") }],
    ]);
    const renamed = topicIds(plan, [{ title: "Renamed", topics: ["Kubernetes basics", "Git"] }]);
    expect(renamed[0]!.map((t) => t.id)).toEqual(ids[0]!.map((t) => t.id));
    expect(topicIds("r/from-y", [{ title: "Basics", topics: ["Git"] }])[0]![0]!.id).not.toBe(ids[0]![1]!.id);
  });
});
