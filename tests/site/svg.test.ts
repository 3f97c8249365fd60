import { describe, it, expect } from "vitest";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toString } from "hast-util-to-string";
import { buildCatalog } from "../../src/catalog/index.ts";
import { drawProgression, drawTimeline, escapeXml, textWidth } from "../../src/site/svg.ts";
import { mlEngineer } from "../catalog/seed-roles.ts";
import { EVIL, evilRole } from "./fixture-roles.ts";

const parse = (svg: string) => fromHtml(`<!DOCTYPE html><body>${svg}</body>`);

describe("escapeXml", () => {
  it("escapes markup characters", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("textWidth", () => {
  it("grows with the text", () => {
    expect(textWidth("Senior ML Engineer")).toBeGreaterThan(textWidth("ML Lead"));
    expect(textWidth("")).toBe(0);
  });
});

describe("drawProgression", () => {
  const catalog = buildCatalog([mlEngineer, evilRole]);
  const svg = drawProgression(catalog.progression);
  const tree = parse(svg);

  it("draws a box per title and a path per step", () => {
    expect(selectAll("g.nodes rect", tree)).toHaveLength(catalog.progression.nodes.length);
    expect(selectAll("g.edges path", tree)).toHaveLength(catalog.progression.edges.length);
    expect(selectAll("g.nodes text", tree).map((t) => toString(t))).toEqual(catalog.progression.nodes.map((n) => n.title));
  });

  it("links titles that are roles and escapes the rest", () => {
    expect(selectAll("a", tree).map((a) => a.properties.href)).toEqual(["/roles/machine-learning-engineer/"]);
    expect(selectAll("script, img", tree)).toEqual([]);
    expect(selectAll("text", tree).map((t) => toString(t))).toContain(`Rung ${EVIL}`);
  });

  it("lays boxes out without overlap inside its view box", () => {
    const [, , width, height] = String(select("svg", tree)!.properties.viewBox).split(" ").map(Number);
    const boxes = selectAll("rect", tree).map((r) => ({ x: Number(r.properties.x), y: Number(r.properties.y), w: Number(r.properties.width), h: Number(r.properties.height) }));
    for (const [i, a] of boxes.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + a.w).toBeLessThanOrEqual(width! + 0.5);
      expect(a.y + a.h).toBeLessThanOrEqual(height! + 0.5);
      for (const b of boxes.slice(i + 1)) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    }
  });

  it("is the same drawing every time and nothing for no ladders", () => {
    expect(drawProgression(buildCatalog([mlEngineer, evilRole]).progression)).toBe(svg);
    expect(drawProgression({ nodes: [], edges: [], ladders: 0 })).toBe("");
  });
});

describe("drawProgression on a large component", () => {
  // 100 ladders of three rungs that all end in one shared title, and a cycle: laid out in layers, not by dagre.
  const nodes = [{ id: "hub", title: "Staff/Principal" }, ...Array.from({ length: 300 }, (_, i) => ({ id: `t${i}`, title: `Title ${i}` }))];
  const edges = Array.from({ length: 100 }, (_, l) => [
    { from: `t${3 * l}`, to: `t${3 * l + 1}` },
    { from: `t${3 * l + 1}`, to: `t${3 * l + 2}` },
    { from: `t${3 * l + 2}`, to: "hub" },
  ]).flat();
  edges.push({ from: "hub", to: "t0" });
  const graph = { nodes: nodes.map((n) => ({ ...n, anchor: n.id, url: null, next: [], previous: [], roles: [] })), edges, ladders: 100 };
  const svg = drawProgression(graph);
  const tree = parse(svg);

  it("draws every box and step, without overlap, inside its view box", () => {
    expect(selectAll("g.nodes rect", tree)).toHaveLength(nodes.length);
    expect(selectAll("g.edges path", tree)).toHaveLength(edges.length);
    const [, , width, height] = String(select("svg", tree)!.properties.viewBox).split(" ").map(Number);
    const boxes = selectAll("rect", tree).map((r) => ({ x: Number(r.properties.x), y: Number(r.properties.y), w: Number(r.properties.width), h: Number(r.properties.height) }));
    for (const [i, a] of boxes.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + a.w).toBeLessThanOrEqual(width! + 0.5);
      expect(a.y + a.h).toBeLessThanOrEqual(height! + 0.5);
      for (const b of boxes.slice(i + 1)) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    }
    expect(drawProgression(graph)).toBe(svg);
  });
});

describe("drawTimeline", () => {
  const plan = buildCatalog([mlEngineer]).plans.find((p) => p.slug === "software-engineer")!;
  const tree = parse(drawTimeline(plan));

  it("draws a bar per phase, as wide as its months, on a month axis", () => {
    const bars = selectAll(".phase rect", tree).map((r) => Number(r.properties.width));
    expect(bars).toHaveLength(3);
    const month = bars[0]! / 4;
    expect(bars[1]).toBeCloseTo(month * 3, 0);
    expect(bars[2]).toBeCloseTo(month * 3, 0);
    expect(selectAll(".axis text", tree).map((t) => toString(t))).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(selectAll(".phase title", tree).map((t) => toString(t))).toEqual(["Months 1–4: ML Foundations", "Months 5–7: ML Systems", "Months 8–10: Production ML"]);
  });

  it("keeps every label inside the drawing", () => {
    const long = { ...plan, phases: plan.phases.map((p) => ({ ...p, title: "A very long phase title that goes on and on about many things to learn" })) };
    const t = parse(drawTimeline(long));
    for (const text of selectAll(".phase > text", t)) {
      const label = toString(text);
      const x = Number(text.properties.x);
      const width = textWidth(label, 13);
      if (text.properties.textAnchor === "end") expect(x - width).toBeGreaterThanOrEqual(0);
      else expect(x + width).toBeLessThanOrEqual(640);
    }
  });

  it("draws nothing for a plan without phases", () => {
    expect(drawTimeline({ ...plan, phases: [] })).toBe("");
  });
});
