/**
 * The links of a role's prose. Paragraphs and table cells are read as plain text (what a reader
 * reads), which leaves their links' targets out; they are kept beside the role instead, so that
 * nothing the author wrote is lost. List items keep their targets in their text (see `lineText`).
 */
import type { Nodes, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Position } from "unist";
import { isMediaParagraph } from "./entries.ts";
import { walkSections, type HeadingSection } from "./sections.ts";

export interface ProseLink {
  text: string;
  url: string;
  position: Position | undefined;
}

/** Links and images under `node`, lists left out; iterative, so no stack limit. */
function collect(node: Nodes, out: ProseLink[]): void {
  const pending: Nodes[] = [node];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.type === "list") continue;
    if ((next.type === "link" || next.type === "image") && next.url && !next.url.startsWith("#")) {
      const text = next.type === "image" ? (next.alt ?? "") : toString(next);
      out.push({ text: text.replace(/\s+/g, " ").trim(), url: next.url, position: next.position });
    }
    if ("children" in next) for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i]!);
  }
}

/**
 * The links of the prose in `sections` (each with the sections below it) and `blocks`, once each, in document order.
 */
export function proseLinks(sections: readonly HeadingSection[], blocks: readonly RootContent[] = []): ProseLink[] {
  const out: ProseLink[] = [];
  const roots: RootContent[] = [...blocks];
  for (const start of sections) for (const s of walkSections(start)) roots.push(...s.blocks);
  // A paragraph of images alone is kept as written, targets included.
  for (const block of roots) if ((block.type === "paragraph" && !isMediaParagraph(block)) || block.type === "table" || block.type === "blockquote") collect(block, out);
  const seen = new Set<string>();
  return out
    .filter((l) => {
      const key = `${l.text}\u0000${l.url}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
}
