/**
 * Heading sections: the document cut at its headings into a tree, each section holding the
 * blocks up to the next heading of the same or a higher rank. Headings inside code blocks are
 * not headings here because remark never made them heading nodes.
 */
import type { Heading, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { cleanHeading } from "./names.ts";

export interface HeadingSection {
  /** The heading node, or null for the blocks before the first heading. */
  heading: Heading | null;
  /** The heading's text without decoration (emoji, numbering, emphasis, trailing colon). */
  title: string;
  depth: number;
  /** Blocks between this heading and the first sub-heading. */
  blocks: RootContent[];
  children: HeadingSection[];
}

/**
 * Cuts `tree` into heading sections.
 * @param tree the mdast root
 * @returns a synthetic root section (depth 0, no heading) whose children are the top-level sections
 */
export function sectionTree(tree: Root): HeadingSection {
  const root: HeadingSection = { heading: null, title: "", depth: 0, blocks: [], children: [] };
  const stack: HeadingSection[] = [root];
  for (const node of tree.children) {
    if (node.type === "heading") {
      while (stack.length > 1 && stack[stack.length - 1]!.depth >= node.depth) stack.pop();
      const section: HeadingSection = { heading: node, title: cleanHeading(toString(node)), depth: node.depth, blocks: [], children: [] };
      stack[stack.length - 1]!.children.push(section);
      stack.push(section);
    } else {
      stack[stack.length - 1]!.blocks.push(node);
    }
  }
  return root;
}

/** The section and every section below it, in document order. */
export function* walkSections(section: HeadingSection): Generator<HeadingSection> {
  yield section;
  for (const child of section.children) yield* walkSections(child);
}
