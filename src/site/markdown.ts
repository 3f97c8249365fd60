/**
 * Markdown as the site shows it: mdast → hast (remark-rehype), the raw HTML of a short safe list
 * parsed (rehype-raw), cleaned with a strict schema (rehype-sanitize), serialised
 * (hast-util-to-html). A pure function of its input and options; the one producer of HTML from an
 * author's text that templates print unescaped.
 *
 * What the author wrote stays visible: raw HTML that holds anything beyond the safe list (a
 * `<script>`, an `<iframe>`, an unclosed comment, a custom element) is shown as the text it is,
 * rather than dropped. Links keep only http, https and mailto targets, marked `rel="nofollow
 * noopener"`; a relative target names a file of the guide's own repository, which the site does not
 * publish, so it becomes a link only when a `base` address resolves it, and stays text otherwise.
 * Images are never loaded from another host (the site's Content-Security-Policy allows its own
 * images only, and a page must not call other hosts): one with an https source becomes a link to
 * the image, named by its alt text.
 */
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot, Text as HastText } from "hast";
import { toHtml } from "hast-util-to-html";
import type { Nodes as MdastNodes, Root as MdastRoot, RootContent } from "mdast";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { type Options as SanitizeSchema } from "rehype-sanitize";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";
import { parseMarkdown } from "../parse/index.ts";

/** The elements raw HTML may use to be parsed as HTML; any other tag makes the whole HTML node text. */
const RAW_TAGS = new Set(
  (
    "a abbr b bdi bdo blockquote br caption center cite code col colgroup dd del details dfn div dl dt em figcaption figure font " +
    "h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q rp rt ruby s samp small source span strike strong sub summary " +
    "sup table tbody td tfoot th thead time tr tt u ul var wbr"
  ).split(" "),
);

/** Elements whose raw HTML need no closing tag, so they do not count towards nesting. */
const VOID_TAGS = new Set(["br", "col", "hr", "img", "source", "wbr"]);

/** The deepest raw HTML nesting parsed as HTML: deeper, it is shown as text (every step after the parse recurses). */
export const MAX_RAW_NESTING = 100;

const cells = ["colSpan", "rowSpan"];

/**
 * The strict schema: phrasing and block elements of prose, tables and lists; no id, class, style or
 * event handler; links to http, https and mailto (or a relative target); images from https (or a
 * relative source). Elements outside it are unwrapped, their text kept; `<script>` and `<style>`
 * are dropped with their content.
 */
export const SCHEMA = {
  allowComments: false,
  allowDoctypes: false,
  ancestors: { tbody: ["table"], td: ["table"], th: ["table"], thead: ["table"], tfoot: ["table"], tr: ["table"], caption: ["table"] },
  attributes: {
    a: ["href", "title"],
    abbr: ["title"],
    dfn: ["title"],
    img: ["src", "alt", "title"],
    details: ["open"],
    ol: ["start", "reversed"],
    td: cells,
    th: [...cells, "scope"],
    time: ["dateTime"],
    "*": ["lang", "dir"],
  },
  clobber: [],
  clobberPrefix: "",
  protocols: { href: ["http", "https", "mailto"], src: ["https"] },
  required: {},
  strip: ["script", "style"],
  tagNames: [...RAW_TAGS].filter((t) => !["center", "font", "picture", "source"].includes(t)),
} satisfies SanitizeSchema;

/** Every element the renderer may write: the schema's, after headings are shifted. */
export const MARKDOWN_ELEMENTS: ReadonlySet<string> = new Set(SCHEMA.tagNames);

export interface MarkdownOptions {
  /**
   * One line of text (a requirement, a topic, a detail): rendered as phrasing content, with no
   * paragraph around it. A line that markdown reads as anything but one paragraph ("1. Learn",
   * "# x") is shown as written.
   */
  inline?: boolean;
  /** The level the text's shallowest heading takes (3: "#" or "##", whichever comes first, is an `<h3>`); deeper ones keep their distance, up to `<h6>`. */
  headingDepth?: number;
  /** The address relative link and image targets are resolved against (the guide in its repository); without it they stay text. */
  base?: string | null;
  /** Trusted changes made after sanitizing: the site's own links (skill names), which need no check. */
  decorate?: (tree: HastRoot) => void;
}

const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeSanitize, SCHEMA).freeze();
const toHastRaw = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeSanitize, SCHEMA).freeze();

/** Characters without which a line of text parses to itself: no mark, entity, tag, autolink or escape. */
const PLAIN = /^[^\\`*_[\]<>&!~|#@:\n\r\t]*$/;

/**
 * Renders markdown to sanitised HTML.
 * @param input markdown text, or an mdast tree (which is not changed)
 * @param options inline or block, heading depth, base address, trusted decoration
 */
export function renderMarkdown(input: string | MdastRoot, options: MarkdownOptions = {}): string {
  if (typeof input === "string" && options.inline && PLAIN.test(input) && !/^\s*(?:[-+]\s|\d+[.)](?:\s|$))/.test(input)) {
    return serialise({ type: "root", children: [{ type: "text", value: input.trim() }] }, options);
  }
  let tree: MdastRoot = typeof input === "string" ? parseMarkdown(new VFile(input)) : structuredClone(input);
  if (options.inline) {
    const [only] = tree.children;
    if (tree.children.length !== 1 || only!.type !== "paragraph") {
      const text = typeof input === "string" ? input.trim() : null;
      if (text !== null) return serialise({ type: "root", children: [{ type: "text", value: text }] }, options);
    }
  }
  const raw = prepare(tree);
  let hast = (raw ? toHastRaw : toHast).runSync(tree) as HastRoot;
  if (options.inline && hast.children.length === 1 && isElement(hast.children[0]!, "p")) {
    hast = { type: "root", children: (hast.children[0] as Element).children };
  }
  return serialise(hast, options);
}

function serialise(tree: HastRoot, options: MarkdownOptions): string {
  finish(tree, options);
  options.decorate?.(tree);
  // Spaces at the end of a line (raw HTML's indentation, a code line's) show nothing.
  return toHtml(tree).replace(/[ \t]+$/gm, "");
}

function isElement(node: HastNodes, name?: string): node is Element {
  return node.type === "element" && (name === undefined || node.tagName === name);
}

/**
 * Before conversion: raw HTML beyond the safe list becomes text, a task item's box becomes a
 * character (a checkbox with no label would be a form control nobody can name). Iterative.
 * @returns whether any raw HTML is left to parse
 */
function prepare(tree: MdastRoot): boolean {
  let raw = false;
  const pending: MdastNodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === "root" || node.type === "listItem" || node.type === "blockquote" || node.type === "footnoteDefinition") {
      // Raw HTML standing as a block keeps its lines, as a code block does.
      node.children.forEach((child, i) => {
        if (child.type === "html" && !safeHtml(child.value)) (node.children as RootContent[])[i] = { type: "code", value: child.value, position: child.position };
      });
    }
    if (node.type === "html") {
      if (safeHtml(node.value)) raw = true;
      else (node as unknown as { type: string }).type = "text";
    }
    if (node.type === "listItem" && typeof node.checked === "boolean") {
      const first = node.children[0];
      const mark = node.checked ? "☑ " : "☐ ";
      if (first?.type === "paragraph") first.children.unshift({ type: "text", value: mark });
      else node.children.unshift({ type: "paragraph", children: [{ type: "text", value: mark }] } as RootContent as never);
      node.checked = null;
    }
    if ("children" in node) for (const child of node.children) pending.push(child);
  }
  return raw;
}

/** Whether raw HTML uses only the safe list, closes its comments and nests no deeper than the limit. */
export function safeHtml(html: string): boolean {
  if (/<[!?](?!--)/.test(html)) return false;
  // Every comment closed (found left to right: linear).
  for (let at = html.indexOf("<!--"); at >= 0; at = html.indexOf("<!--", at)) {
    const end = html.indexOf("-->", at + 4);
    if (end < 0) return false;
    at = end + 3;
  }
  let depth = 0;
  for (const match of html.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9-]*)/g)) {
    const name = match[2]!.toLowerCase();
    if (!RAW_TAGS.has(name)) return false;
    if (VOID_TAGS.has(name)) continue;
    depth += match[1] ? -1 : 1;
    if (depth > MAX_RAW_NESTING) return false;
  }
  return true;
}

/** An address with a scheme ("https:", "mailto:"), as opposed to a relative one. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function resolve(url: string, base: string | null | undefined): string | null {
  if (SCHEME.test(url)) return url;
  if (!base || url.startsWith("#")) return null;
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

/**
 * After sanitizing: headings shifted under their section, link targets resolved or unwrapped,
 * `rel` on every link off the site, images as links (or as text inside a link). Iterative: no
 * stack limit.
 */
function finish(tree: HastRoot, options: MarkdownOptions): void {
  const headings: Element[] = [];
  const pending: { parent: HastRoot | Element; inLink: boolean }[] = [{ parent: tree, inLink: false }];
  while (pending.length > 0) {
    const { parent, inLink } = pending.pop()!;
    const work = [...(parent.children as ElementContent[])];
    const children: ElementContent[] = [];
    for (let i = 0; i < work.length; i++) {
      const child = work[i]!;
      if (child.type !== "element") {
        children.push(child);
        continue;
      }
      if (/^h[1-6]$/.test(child.tagName)) headings.push(child);
      if (child.tagName === "img") {
        children.push(imageLink(child, options.base, inLink));
        continue;
      }
      if (child.tagName === "a") {
        const href = typeof child.properties.href === "string" ? resolve(child.properties.href, options.base) : null;
        if (href === null || inLink) {
          // No target the site can follow (or a link inside a link): the link's text, where it was.
          work.splice(i + 1, 0, ...child.children);
          continue;
        }
        child.properties = { ...child.properties, href, rel: ["nofollow", "noopener"] };
      }
      if (child.tagName === "table") {
        // A wide table scrolls on its own, and a keyboard can scroll it (it takes focus).
        children.push({ type: "element", tagName: "div", properties: { className: ["table-scroll"], tabIndex: 0 }, children: [child] });
        pending.push({ parent: child, inLink });
        continue;
      }
      children.push(child);
      pending.push({ parent: child, inLink: inLink || child.tagName === "a" });
    }
    parent.children = children as never;
  }
  if (headings.length > 0) {
    const top = Math.min(...headings.map((h) => Number(h.tagName[1])));
    const depth = options.headingDepth ?? 3;
    for (const h of headings) h.tagName = `h${Math.min(6, Number(h.tagName[1]) - top + depth)}`;
  }
}

/** An image as a link to it, named by its alt text (or as that text when its source cannot be followed). */
function imageLink(img: Element, base: string | null | undefined, inLink: boolean): ElementContent {
  const alt = typeof img.properties.alt === "string" ? img.properties.alt.trim() : "";
  const label: HastText = { type: "text", value: `Image${alt ? `: ${alt}` : ""}` };
  const src = typeof img.properties.src === "string" ? resolve(img.properties.src, base) : null;
  if (src === null || inLink) return { type: "element", tagName: "span", properties: {}, children: [label] };
  return { type: "element", tagName: "a", properties: { href: src, rel: ["nofollow", "noopener"] }, children: [label] };
}
