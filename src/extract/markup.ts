/**
 * Markup that site generators read and readers never see: kramdown's table-of-contents marker
 * ("* TOC" then "{:toc}"), attribute lists ("{: .note}"), Docusaurus admonition fences, Hugo
 * shortcodes, Liquid tags and Hugo's TOML front matter. Extraction reads past these blocks (the
 * directives it keeps as unplaced text, with a `generator-markup` info) and the word count of
 * `src/report/coverage.ts` skips them, so neither counts them as the guide's text.
 */
import type { RootContent } from "mdast";
import { toString } from "mdast-util-to-string";

const IAL = /^\{:[^{}\n]*\}$/;

function isIalLines(text: string): boolean {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.length > 0 && lines.every((l) => IAL.test(l));
}

/** Hugo's TOML front matter ("+++" lines around "key = value" lines), which markdown reads as the first paragraph. */
function isTomlFrontMatter(block: RootContent, text: string): boolean {
  return block.position?.start.line === 1 && /^\+\+\+\n[^]*\n\+\+\+$/.test(text.trim());
}

/**
 * Lines that are only a site generator's directives: Docusaurus admonition fences (":::caution",
 * ":::"), Hugo shortcodes ("{{% include "x" %}}", "{{< figure >}}") and Liquid tags ("{% raw %}").
 */
const DIRECTIVE = /^(?::::[\w-]*(?: .*)?|\{\{[%<].*[%>]\}\}|\{%.*%\})$/u;

function isDirectiveLines(text: string): boolean {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.length > 0 && lines.every((l) => DIRECTIVE.test(l));
}

/** A heading or line that is only a template expression ("{{page.title}}"): the generator's, not the author's words. */
export function isTemplateExpression(text: string): boolean {
  return /^\{\{[^{}]*\}\}$/u.test(text.trim());
}

/**
 * Whether a block is only a generator's directives (admonition fences, shortcodes, Liquid tags):
 * markup the author wrote on purpose, so it is kept as written with the role's unplaced text, never
 * read as a title or a summary.
 */
export function isDirectiveBlock(block: RootContent): boolean {
  return block.type === "paragraph" && isDirectiveLines(toString(block));
}

/** Whether a block is only generator markup: a kramdown TOC marker or attribute list, admonition fences, shortcodes, Liquid tags, or TOML front matter. */
export function isMarkupBlock(block: RootContent): boolean {
  if (block.type === "paragraph") {
    const text = toString(block);
    return isIalLines(text) || isDirectiveLines(text) || isTomlFrontMatter(block, text);
  }
  if (block.type === "list" && block.children.length === 1) {
    const text = toString(block.children[0]!).trim();
    return /^TOC\s*\{:\s*toc\s*\}$/i.test(text);
  }
  return false;
}
