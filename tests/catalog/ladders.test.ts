import { describe, it, expect } from "vitest";
import { buildLadderGraph, titleUrl } from "../../src/catalog/ladders.ts";
import { dataScientist, mlEngineer } from "./seed-roles.ts";

describe("buildLadderGraph", () => {
  const graph = buildLadderGraph([mlEngineer]);

  it("merges the two ladders by title", () => {
    expect(graph.ladders).toBe(2);
    expect(graph.nodes.map((n) => n.title)).toEqual([
      "ML Engineer",
      "Senior ML Engineer",
      "ML Lead",
      "AI Architect",
      "Junior ML Engineer",
      "Staff/Principal",
      "ML Engineering Manager",
    ]);
    expect(graph.edges.map((e) => `${e.from}>${e.to}`)).toEqual([
      "ml-engineer>senior-ml-engineer",
      "senior-ml-engineer>ml-lead",
      "ml-lead>ai-architect",
      "junior-ml-engineer>ml-engineer",
      "senior-ml-engineer>staff-principal",
      "staff-principal>ml-engineering-manager",
    ]);
  });

  it("records each node's neighbours and the roles that list it", () => {
    const senior = graph.nodes.find((n) => n.id === "senior-ml-engineer")!;
    expect(senior.next.map((n) => n.title)).toEqual(["ML Lead", "Staff/Principal"]);
    expect(senior.previous.map((n) => n.title)).toEqual(["ML Engineer"]);
    expect(senior.roles).toEqual([{ title: "Machine Learning Engineer", url: "/roles/machine-learning-engineer/" }]);
    expect(senior.anchor).toBe("title-senior-ml-engineer");
  });

  it("links a title that is a role in the catalog and no other", () => {
    const both = buildLadderGraph([dataScientist, mlEngineer]);
    expect(both.nodes.find((n) => n.title === "Data Scientist")!.url).toBe("/roles/data-scientist/");
    expect(both.nodes.find((n) => n.title === "Data Analyst")!.url).toBeNull();
    expect(both.nodes.find((n) => n.title === "ML Engineer")!.url).toBeNull();
    // "Data Scientist" is in both of its ladders: one node, two edges.
    expect(both.nodes.filter((n) => n.title === "Data Scientist")).toHaveLength(1);
    expect(both.edges.filter((e) => e.from === "data-scientist" || e.to === "data-scientist")).toHaveLength(2);
  });

  it("keeps a ladder that names a title twice in a row free of loops", () => {
    const g = buildLadderGraph([{ ...mlEngineer, ladders: [["A", "a", "B"]] }]);
    expect(g.nodes.map((n) => n.title)).toEqual(["A", "B"]);
    expect(g.edges).toEqual([{ from: "a", to: "b" }]);
  });

  it("points a title to its node on the progression page", () => {
    expect(titleUrl("Staff/Principal")).toBe("/progression/#title-staff-principal");
  });
});
