/**
 * Every ladder of every role as one graph: a node per title (titles that give one slug are one node,
 * "Senior ML Engineer" in two ladders included), an edge per step up a ladder.
 */
import type { Role } from "../model/role.ts";
import { toSlug } from "../model/slug.ts";
import { RoleIndex } from "./links.ts";
import { progressionUrl, roleUrl, titleAnchor } from "./urls.ts";

export interface LadderNode {
  /** The title's slug: the node's identity. */
  id: string;
  /** The title as first written. */
  title: string;
  /** Id of the node on the progression page. */
  anchor: string;
  /** The title's role page, when the title is a role in the catalog. */
  url: string | null;
  /** The titles one step up from here, as nodes. */
  next: { id: string; title: string; anchor: string }[];
  /** The titles one step below. */
  previous: { id: string; title: string; anchor: string }[];
  /** The roles whose ladders hold this title. */
  roles: { title: string; url: string }[];
}

export interface LadderEdge {
  from: string;
  to: string;
}

export interface LadderGraph {
  /** In order of first appearance: roles by title, their ladders in order, each ladder bottom up. */
  nodes: LadderNode[];
  edges: LadderEdge[];
  /** How many ladders were merged. */
  ladders: number;
}

/** The id a ladder title gets as a node. */
export function titleId(title: string): string {
  return toSlug(title) || title.trim().toLowerCase();
}

/**
 * Merges the ladders of `roles`.
 * @param roles in the order their ladders should be read (the catalog sorts by title)
 */
export function buildLadderGraph(roles: readonly Role[]): LadderGraph {
  const index = new RoleIndex(roles);
  const nodes = new Map<string, LadderNode>();
  const edges = new Map<string, LadderEdge>();
  let ladders = 0;
  const nodeFor = (title: string): LadderNode => {
    const id = titleId(title);
    let node = nodes.get(id);
    if (!node) {
      const role = index.find(title);
      node = { id, title: title.trim(), anchor: titleAnchor(id), url: role ? roleUrl(role.slug) : null, next: [], previous: [], roles: [] };
      nodes.set(id, node);
    }
    return node;
  };
  for (const role of roles) {
    for (const ladder of role.ladders) {
      ladders++;
      let below: LadderNode | null = null;
      for (const title of ladder) {
        const node = nodeFor(title);
        if (!node.roles.some((r) => r.title === role.title)) node.roles.push({ title: role.title, url: roleUrl(role.slug) });
        if (below && below !== node && !edges.has(`${below.id}\u0000${node.id}`)) {
          edges.set(`${below.id}\u0000${node.id}`, { from: below.id, to: node.id });
          below.next.push({ id: node.id, title: node.title, anchor: node.anchor });
          node.previous.push({ id: below.id, title: below.title, anchor: below.anchor });
        }
        below = node;
      }
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], ladders };
}

/** The node of a ladder title on the progression page. */
export function titleUrl(title: string): string {
  return `${progressionUrl}#${titleAnchor(titleId(title))}`;
}
