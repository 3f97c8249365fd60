/** VFile → mdast with positions: CommonMark with GitHub's tables, task lists and strikethrough. */
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { VFile } from "vfile";

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Parses `file.value` as markdown.
 * @param file a decoded file; its front matter, if any, already blanked out so positions stay true
 */
export function parseMarkdown(file: VFile): Root {
  return processor.parse(file) as Root;
}
