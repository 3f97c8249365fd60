/**
 * Markup that site generators read and readers never see: kramdown's table-of-contents marker
 * ("* TOC" then "{:toc}") and attribute lists ("{: .note}"). Extraction skips these blocks and the
 * word count of `src/report/coverage.ts` skips them too, so neither counts them as text.
 */
import type { RootContent } from "mdast";
import { toString } from "mdast-util-to-string";

const IAL = /^\{:[^{}\n]*\}$/;

function isIalLines(text: string): boolean {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.length > 0 && lines.every((l) => IAL.test(l));
}

/** Whether a block is only generator markup: a kramdown TOC marker or attribute list. */
export function isMarkupBlock(block: RootContent): boolean {
  if (block.type === "paragraph") return isIalLines(toString(block));
  if (block.type === "list" && block.children.length === 1) {
    const text = toString(block.children[0]!).trim();
    return /^TOC\s*\{:\s*toc\s*\}$/i.test(text);
  }
  return false;
}
