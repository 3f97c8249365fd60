/**
 * Drawings made at build time as inline SVG: the progression graph (laid out with dagre) and a
 * plan's timeline. Colours come from the page's stylesheet (classes, `currentColor`), so the
 * drawings follow the light and dark themes. Every text from the input is escaped here.
 */
import dagre from "@dagrejs/dagre";
import type { LadderGraph } from "../catalog/ladders.ts";
import type { PlanView } from "../catalog/plans.ts";

/** Escapes text for SVG/HTML content and double-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A coordinate with at most one decimal, so drawings are byte-stable. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A rough width of `text` at the drawings' font size: enough for layout, no font needed. */
export function textWidth(text: string, fontSize = 14): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u.test(ch) ? 1 : /[ilI.,:;|!'/]/.test(ch) ? 0.3 : /[A-Z MW]/.test(ch) ? 0.68 : 0.55;
  return width * fontSize;
}

const NODE_HEIGHT = 36;
const PAD = 16;

/**
 * The progression graph: a box per title, an arrow per step up; a title that is a role links to it.
 * @param graph the merged ladders
 * @param id the id of the drawing's title element (unique on the page)
 */
export function drawProgression(graph: LadderGraph, id = "progression-graph"): string {
  if (graph.nodes.length === 0) return "";
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", nodesep: 24, ranksep: 40, marginx: PAD, marginy: PAD });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: Math.ceil(textWidth(node.title) + 28), height: NODE_HEIGHT });
  for (const edge of graph.edges) g.setEdge(edge.from, edge.to);
  dagre.layout(g);
  const size = g.graph();
  const width = Math.ceil(size.width ?? 0);
  const height = Math.ceil(size.height ?? 0);
  const edges = graph.edges.map((edge) => {
    const points = (g.edge(edge.from, edge.to)?.points ?? []) as { x: number; y: number }[];
    const d = points.map((p, i) => `${i === 0 ? "M" : "L"}${n(p.x)},${n(p.y)}`).join("");
    return `<path d="${d}" marker-end="url(#${id}-arrow)"/>`;
  });
  const nodes = graph.nodes.map((node) => {
    const box = g.node(node.id);
    const x = (box.x ?? 0) - box.width / 2;
    const y = (box.y ?? 0) - box.height / 2;
    const shape =
      `<rect x="${n(x)}" y="${n(y)}" width="${n(box.width)}" height="${n(box.height)}" rx="6"/>` +
      `<text x="${n(box.x ?? 0)}" y="${n((box.y ?? 0) + 5)}">${escapeXml(node.title)}</text>`;
    return node.url ? `<a href="${escapeXml(node.url)}" class="role">${shape}</a>` : `<g>${shape}</g>`;
  });
  const label = `Progression graph: ${graph.nodes.length} titles, ${graph.edges.length} steps`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title">` +
    `<title id="${id}-title">${escapeXml(label)}</title>` +
    `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z"/></marker></defs>` +
    `<g class="edges">${edges.join("")}</g><g class="nodes">${nodes.join("")}</g></svg>`
  );
}

const TIMELINE_WIDTH = 640;
const ROW = 46;
const AXIS = 30;

/** Shortens `text` to about `max` characters. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/**
 * A plan's phases as bars on a month axis.
 * @param plan the plan; its months (or the last phase's end) set the axis
 * @param id the id of the drawing's title element (unique on the page)
 */
export function drawTimeline(plan: PlanView, id = "timeline"): string {
  if (plan.phases.length === 0) return "";
  const months = Math.max(plan.months ?? 0, ...plan.phases.map((p) => p.end));
  const left = PAD;
  const chart = TIMELINE_WIDTH - 2 * PAD;
  const month = chart / months;
  const height = plan.phases.length * ROW + AXIS + PAD;
  const rows = plan.phases.map((phase, i) => {
    const y = PAD + i * ROW;
    const x = left + (phase.start - 1) * month;
    const end = left + phase.end * month;
    const full = `${phase.label}: ${phase.title}`;
    let label = full;
    for (let max = 80; textWidth(label, 13) > chart && max > 10; max -= 5) label = clip(full, max);
    const width = textWidth(label, 13);
    // The label starts at its bar, or ends at it when it would run off the right edge.
    const anchor = x + width <= left + chart ? `x="${n(x)}"` : end - width >= left ? `x="${n(end)}" text-anchor="end"` : `x="${n(left)}"`;
    return (
      `<g class="phase"><text ${anchor} y="${n(y + 12)}">${escapeXml(label)}</text>` +
      `<rect x="${n(x)}" y="${n(y + 18)}" width="${n(end - x)}" height="16" rx="3"><title>${escapeXml(full)}</title></rect></g>`
    );
  });
  const axisY = PAD + plan.phases.length * ROW + 4;
  const ticks: string[] = [];
  for (let m = 1; m <= months; m++) {
    const x = left + (m - 0.5) * month;
    ticks.push(`<text x="${n(x)}" y="${n(axisY + 16)}">${m}</text>`);
  }
  const label = `Timeline: ${plan.phases.length} phases over ${months} months`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${TIMELINE_WIDTH} ${height}" width="${TIMELINE_WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title">` +
    `<title id="${id}-title">${escapeXml(label)}</title>` +
    rows.join("") +
    `<g class="axis"><path d="M${n(left)},${n(axisY)}H${n(left + chart)}"/>${ticks.join("")}</g></svg>`
  );
}
