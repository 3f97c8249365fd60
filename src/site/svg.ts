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

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The widest a row of packed components gets before the next one starts a new row. */
const ROW_WIDTH = 1600;
const GAP = 24;

/**
 * Lays out one connected component with dagre, its origin at (0, 0).
 * @returns the boxes' centres and sizes by node key, the edges' points by "from to", and the size
 */
function layoutComponent(nodes: { key: string; width: number }[], edges: [string, string][]): Layout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", nodesep: 24, ranksep: 40, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) g.setNode(node.key, { width: node.width, height: NODE_HEIGHT });
  for (const [from, to] of edges) g.setEdge(from, to);
  dagre.layout(g);
  const size = g.graph();
  return { g: g as unknown as Layout["g"], width: size.width ?? 0, height: size.height ?? 0 };
}

/** Components with more nodes than this are laid out by `layoutLayers`, not dagre. */
const DAGRE_MAX = 200;

/** What `layoutComponent` and `layoutLayers` give: dagre's graph or a look-alike with the same two reads. */
interface Layout {
  g: { node(key: string): Box; edge(from: string, to: string): { points: { x: number; y: number }[] } | undefined };
  width: number;
  height: number;
}

/**
 * A linear-time layered layout for a large component (shared titles such as "Staff/Principal" join
 * hundreds of ladders into one): each node's layer is its longest path from a bottom rung (a cycle is
 * cut where it is first met, in the graph's order); within a layer, nodes go by the mean position of
 * the rungs below them, and a layer wider than a row wraps onto more rows. Edges are straight.
 */
function layoutLayers(nodes: { key: string; width: number }[], edges: [string, string][]): Layout {
  const at = new Map(nodes.map((node, i) => [node.key, i]));
  const out: number[][] = nodes.map(() => []);
  const into: number[][] = nodes.map(() => []);
  const pending = nodes.map(() => 0);
  for (const [from, to] of edges) {
    const a = at.get(from)!;
    const b = at.get(to)!;
    if (a === b) continue;
    out[a]!.push(b);
    into[b]!.push(a);
    pending[b]!++;
  }
  const layer = nodes.map(() => 0);
  const done = nodes.map(() => false);
  const queue: number[] = nodes.flatMap((_, i) => (pending[i] === 0 ? [i] : []));
  let next = 0;
  for (let head = 0; ; ) {
    if (head === queue.length) {
      // Only cycles are left: cut the first one met at its first node.
      while (next < nodes.length && done[next]) next++;
      if (next === nodes.length) break;
      queue.push(next);
    }
    const u = queue[head++]!;
    if (done[u]) continue;
    done[u] = true;
    for (const v of out[u]!) {
      if (done[v]) continue;
      layer[v] = Math.max(layer[v]!, layer[u]! + 1);
      if (--pending[v]! === 0) queue.push(v);
    }
  }
  const layers: number[][] = [];
  nodes.forEach((_, i) => (layers[layer[i]!] ??= []).push(i));
  const position = nodes.map(() => 0);
  const boxes: Box[] = new Array(nodes.length);
  let y = 0;
  let width = 0;
  for (const members of layers) {
    if (!members) continue;
    const weight = (i: number): number => {
      const below = into[i]!.filter((j) => layer[j]! < layer[i]!);
      return below.length === 0 ? i : below.reduce((sum, j) => sum + position[j]!, 0) / below.length;
    };
    const ordered = members.map((i) => ({ i, w: weight(i) })).sort((a, b) => a.w - b.w || a.i - b.i);
    let x = 0;
    for (const { i } of ordered) {
      const w = nodes[i]!.width;
      if (x > 0 && x + w > ROW_WIDTH) {
        x = 0;
        y += NODE_HEIGHT + GAP;
      }
      boxes[i] = { x: x + w / 2, y: y + NODE_HEIGHT / 2, width: w, height: NODE_HEIGHT };
      position[i] = x + w / 2;
      x += w + GAP;
      width = Math.max(width, x - GAP);
    }
    y += NODE_HEIGHT + 40;
  }
  return {
    g: {
      node: (key) => boxes[at.get(key)!]!,
      edge: (from, to) => {
        const a = boxes[at.get(from)!]!;
        const b = boxes[at.get(to)!]!;
        const down = b.y >= a.y;
        return { points: [{ x: a.x, y: a.y + (down ? 1 : -1) * (NODE_HEIGHT / 2) }, { x: b.x, y: b.y - (down ? 1 : -1) * (NODE_HEIGHT / 2) }] };
      },
    },
    width,
    height: y - 40,
  };
}

/**
 * The progression graph: a box per title, an arrow per step up; a title that is a role links to it.
 * Each connected component (usually one ladder, or a few that share titles) is laid out on its own
 * and the components are packed in rows: dagre's layout is superlinear in the nodes of one graph,
 * and a catalog of thousands of roles has thousands of small components.
 * @param graph the merged ladders
 * @param id the id of the drawing's title element (unique on the page)
 */
export function drawProgression(graph: LadderGraph, id = "progression-graph"): string {
  if (graph.nodes.length === 0) return "";
  // dagre keeps nodes in plain objects keyed by id, where "constructor" or "hasOwnProperty" (a title an
  // author may write) breaks it: it sees only ids of its own.
  const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const parent = graph.nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const edges = graph.edges.flatMap((edge) => {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    return from === undefined || to === undefined ? [] : [[from, to] as [number, number]];
  });
  for (const [from, to] of edges) {
    const a = find(from);
    const b = find(to);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  // Components in order of their first node; their nodes and edges in the graph's order.
  const components = new Map<number, { nodes: number[]; edges: [number, number][] }>();
  graph.nodes.forEach((_, i) => {
    const root = find(i);
    let component = components.get(root);
    if (!component) components.set(root, (component = { nodes: [], edges: [] }));
    component.nodes.push(i);
  });
  for (const edge of edges) components.get(find(edge[0]))!.edges.push(edge);

  const boxes: Box[] = new Array(graph.nodes.length);
  const points = new Map<string, { x: number; y: number }[]>();
  let x = PAD;
  let y = PAD;
  let rowHeight = 0;
  let width = 0;
  for (const component of components.values()) {
    const laid = (component.nodes.length <= DAGRE_MAX ? layoutComponent : layoutLayers)(
      component.nodes.map((i) => ({ key: `n${i}`, width: Math.ceil(textWidth(graph.nodes[i]!.title) + 28) })),
      component.edges.map(([from, to]) => [`n${from}`, `n${to}`]),
    );
    if (x > PAD && x + laid.width > PAD + ROW_WIDTH) {
      x = PAD;
      y += rowHeight + GAP * 2;
      rowHeight = 0;
    }
    for (const i of component.nodes) {
      const box = laid.g.node(`n${i}`);
      boxes[i] = { x: (box.x ?? 0) + x, y: (box.y ?? 0) + y, width: box.width, height: box.height };
    }
    for (const [from, to] of component.edges) {
      const edgePoints = (laid.g.edge(`n${from}`, `n${to}`)?.points ?? []) as { x: number; y: number }[];
      points.set(`${from} ${to}`, edgePoints.map((p) => ({ x: p.x + x, y: p.y + y })));
    }
    width = Math.max(width, x + laid.width);
    rowHeight = Math.max(rowHeight, laid.height);
    x += laid.width + GAP * 2;
  }
  const svgWidth = Math.ceil(width + PAD);
  const svgHeight = Math.ceil(y + rowHeight + PAD);
  const paths = graph.edges.map((edge) => {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    const d = (points.get(`${from} ${to}`) ?? []).map((p, i) => `${i === 0 ? "M" : "L"}${n(p.x)},${n(p.y)}`).join("");
    return `<path d="${d}" marker-end="url(#${id}-arrow)"/>`;
  });
  const nodes = graph.nodes.map((node, i) => {
    const box = boxes[i]!;
    const shape =
      `<rect x="${n(box.x - box.width / 2)}" y="${n(box.y - box.height / 2)}" width="${n(box.width)}" height="${n(box.height)}" rx="6"/>` +
      `<text x="${n(box.x)}" y="${n(box.y + 5)}">${escapeXml(node.title)}</text>`;
    return node.url ? `<a href="${escapeXml(node.url)}" class="role">${shape}</a>` : `<g>${shape}</g>`;
  });
  const label = `Progression graph: ${graph.nodes.length} titles, ${graph.edges.length} steps`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 ${svgWidth} ${svgHeight}" width="${svgWidth}" height="${svgHeight}" role="img" aria-labelledby="${id}-title">` +
    `<title id="${id}-title">${escapeXml(label)}</title>` +
    `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z"/></marker></defs>` +
    `<g class="edges">${paths.join("")}</g><g class="nodes">${nodes.join("")}</g></svg>`
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
