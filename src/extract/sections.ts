/**
 * Heading sections: the document cut at its headings into a tree, each section holding the
 * blocks up to the next heading of the same or a higher rank. Headings inside code blocks are
 * not headings here because remark never made them heading nodes.
 *
 * Many authors head a group with a bold line instead ("**Required Skills:**" above a list). Such a
 * line, alone in its paragraph and ending in a colon or followed by a list, opens a sub-section of
 * the section it stands in (a "pseudo-heading"), which lasts until the next one or the next heading.
 */
import type { Heading, Paragraph, Root, RootContent } from "mdast";
import type { Position } from "unist";
import { toString } from "mdast-util-to-string";
import { cleanHeading } from "./names.ts";

export interface HeadingSection {
  /** The heading node, or null for the blocks before the first heading and for pseudo-headings. */
  heading: Heading | null;
  /** Where the heading (or the bold line of a pseudo-heading) stands; null for the root. */
  position: Position | null;
  /** The heading's text without decoration (emoji, numbering, emphasis, trailing colon). */
  title: string;
  /** 1-6 for headings, 0 for the root; a pseudo-heading is half a rank below its section. */
  depth: number;
  /** Whether the section is opened by a bold line rather than a heading. */
  pseudo: boolean;
  /** Blocks between this heading and the first sub-heading. */
  blocks: RootContent[];
  children: HeadingSection[];
  parent: HeadingSection | null;
}

/** The label of a paragraph that is one bold line ("**Soft Skills:**", "**Soft Skills**:"), or null. */
export function pseudoHeadingLabel(paragraph: Paragraph, next: RootContent | undefined): string | null {
  const nodes = paragraph.children.filter((n) => !(n.type === "text" && n.value.trim() === ""));
  const [first, second, ...rest] = nodes;
  if (!first || first.type !== "strong" || rest.length > 0) return null;
  if (second && !(second.type === "text" && /^\s*[:：]\s*$/.test(second.value))) return null;
  const label = toString(first);
  if (label.includes("\n") || label.length > 120) return null;
  const colon = second !== undefined || /[:：]\s*$/.test(label);
  if (!colon && next?.type !== "list") return null;
  const title = cleanHeading(label);
  return title === "" ? null : title;
}

/** A paragraph that opens with a bold label followed by a value on the same line. */
function isFieldLine(paragraph: Paragraph): boolean {
  const [first, second] = paragraph.children;
  if (first?.type !== "strong" || !second || second.type !== "text") return false;
  const rest = second.value.split("\n")[0]!.replace(/^\s*[:：]?\s*/, "");
  return rest.trim() !== "" && (/[:：]\s*$/.test(toString(first)) || /^\s*[:：]/.test(second.value));
}

function section(heading: Heading | null, position: Position | null, title: string, depth: number, parent: HeadingSection | null, pseudo = false): HeadingSection {
  return { heading, position, title, depth, pseudo, blocks: [], children: [], parent };
}

/**
 * Cuts `tree` into heading sections.
 * @param tree the mdast root
 * @returns a synthetic root section (depth 0, no heading) whose children are the top-level sections
 */
export function sectionTree(tree: Root): HeadingSection {
  const root = section(null, null, "", 0, null);
  const stack: HeadingSection[] = [root];
  const top = () => stack[stack.length - 1]!;
  tree.children.forEach((node, index) => {
    if (node.type === "heading") {
      while (stack.length > 1 && (top().pseudo || top().depth >= node.depth)) stack.pop();
      const child = section(node, node.position ?? null, cleanHeading(toString(node)), node.depth, top());
      top().children.push(child);
      stack.push(child);
      return;
    }
    // A line that starts with a bold label and goes on ("**Compensation:** $80K") is a field of the section, not of the group above it.
    if (top().pseudo && node.type === "paragraph" && isFieldLine(node)) stack.pop();
    const label = node.type === "paragraph" && top() !== root ? pseudoHeadingLabel(node, tree.children[index + 1]) : null;
    if (label !== null) {
      if (top().pseudo) stack.pop();
      const child = section(null, node.position ?? null, label, top().depth + 0.5, top(), true);
      top().children.push(child);
      stack.push(child);
      return;
    }
    top().blocks.push(node);
  });
  return root;
}

/** The section and every section below it, in document order (iterative: no stack limit). */
export function* walkSections(start: HeadingSection): Generator<HeadingSection> {
  const pending: HeadingSection[] = [start];
  while (pending.length > 0) {
    const next = pending.pop()!;
    yield next;
    for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i]!);
  }
}

/** A section made of some blocks of another, for readers that hand part of a section on. */
export function virtualSection(title: string, blocks: RootContent[], parent: HeadingSection | null, children: HeadingSection[] = []): HeadingSection {
  return { heading: null, position: null, title, depth: parent ? parent.depth + 0.5 : 0, pseudo: true, blocks, children, parent };
}
