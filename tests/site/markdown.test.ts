/**
 * The markdown renderer (src/site/markdown.ts) and the texts the templates print with it
 * (src/site/rich-text.ts): markdown rendered, headings under their section, links and images by
 * the schema's rules, raw HTML beyond the safe list shown as written.
 */
import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import { selectAll } from "hast-util-select";
import { toString } from "hast-util-to-string";
import { describe, expect, it } from "vitest";
import { MARKDOWN_ELEMENTS, MAX_RAW_NESTING, renderMarkdown, safeHtml } from "../../src/site/markdown.ts";
import { inlineHtml, proseHtml, requirementHtml, sectionHtml } from "../../src/site/rich-text.ts";

const tree = (html: string) => fromHtml(html, { fragment: true });
const elements = (html: string, selector = "*") => selectAll(selector, tree(html)) as Element[];
const text = (html: string) => toString(tree(html)).replace(/\s+/g, " ").trim();
const skill = (name: string) => ({ name, slug: name.toLowerCase(), url: `/skills/${name.toLowerCase()}/` });

describe("renderMarkdown", () => {
  it("renders markdown, its headings shifted so the shallowest takes the depth asked for", () => {
    const html = renderMarkdown("## Tips\n\nSome **bold**, *em* and `code`.\n\n### More\n\n- one\n- two\n\n```\nx < y\n```\n", { headingDepth: 4 });
    expect(elements(html, "h4, h5, h6").map((h) => [h.tagName, toString(h)])).toEqual([
      ["h4", "Tips"],
      ["h5", "More"],
    ]);
    expect(elements(html, "strong, em, code, li").map((e) => toString(e))).toEqual(["bold", "em", "code", "one", "two", "x < y\n"]);
    expect(html).not.toContain("**");
    expect(renderMarkdown("# A\n\n###### B", { headingDepth: 3 })).toBe("<h3>A</h3>\n<h6>B</h6>");
  });

  it("wraps a table in a box a keyboard can scroll", () => {
    const html = renderMarkdown("| a | b |\n|---|:-:|\n| 1 | 2 |");
    const [box] = elements(html, "div.table-scroll");
    expect(box!.properties).toEqual({ className: ["table-scroll"], tabIndex: 0 });
    expect(elements(html, "td").map((td) => [toString(td), td.properties.align])).toEqual([
      ["1", undefined],
      ["2", undefined],
    ]);
  });

  it("keeps http, https and mailto links, marked nofollow noopener; others become their text", () => {
    const html = renderMarkdown(
      "[site](https://example.org/a) [plain](http://example.org) [mail](mailto:a@example.org) [js](javascript:alert(1)) [data](data:text/html,x) [vb](vbscript:x) [rel](../guide.md) [frag](#top)",
    );
    expect(elements(html, "a").map((a) => [toString(a), a.properties.href, a.properties.rel])).toEqual([
      ["site", "https://example.org/a", ["nofollow", "noopener"]],
      ["plain", "http://example.org", ["nofollow", "noopener"]],
      ["mail", "mailto:a@example.org", ["nofollow", "noopener"]],
    ]);
    expect(text(html)).toBe("site plain mail js data vb rel frag");
  });

  it("resolves relative targets against a base address, when it has one", () => {
    const html = renderMarkdown("[score](../score.md#levels) ![chart](img/c.png)", { base: "https://example.org/repo/blob/main/guides/dev.md" });
    expect(elements(html, "a").map((a) => [toString(a), a.properties.href])).toEqual([
      ["score", "https://example.org/repo/blob/main/score.md#levels"],
      ["Image: chart", "https://example.org/repo/blob/main/guides/img/c.png"],
    ]);
  });

  it("loads no image: an https image is a link to it, one it cannot follow its label, one inside a link its label", () => {
    const html = renderMarkdown('![diagram](https://example.org/d.png) ![local](./a.png) ![](x.png) [![badge](https://img.example/b.svg)](https://example.org) <img src="javascript:alert(1)" alt="evil" onerror="alert(1)">');
    expect(elements(html, "img")).toEqual([]);
    expect(elements(html, "a").map((a) => [toString(a), a.properties.href])).toEqual([
      ["Image: diagram", "https://example.org/d.png"],
      ["Image: badge", "https://example.org"],
    ]);
    expect(text(html)).toBe("Image: diagram Image: local Image Image: badge Image: evil");
  });

  it("parses raw HTML of the safe list and strips what the schema does not allow", () => {
    const html = renderMarkdown('H<sub>2</sub>O is <b onclick="alert(1)" style="color:red" class="x" id="y">bold</b>.\n\n<table><tr><td colspan="2" onmouseover="x">cell</td></tr></table>\n\n<!-- a note -->\n');
    expect(elements(html, "sub, b, td").map((e) => [e.tagName, toString(e), Object.keys(e.properties)])).toEqual([
      ["sub", "2", []],
      ["b", "bold", []],
      ["td", "cell", ["colSpan"]],
    ]);
    expect(html).not.toContain("note");
    expect(html).not.toMatch(/onclick|onmouseover|style|class="x"|id=/);
  });

  it("shows raw HTML beyond the safe list as the text it is: a block as a code block, inline as text", () => {
    for (const raw of [
      "<script>alert(1)</script>",
      "<style>body { display: none }</style>",
      '<iframe src="https://example.org/"></iframe>',
      "<svg onload=alert(1)><circle/></svg>",
      '<form><button formaction="javascript:alert(1)">go</button></form>',
      '<object data="x"></object>',
      "<!-- never closed",
      "<zz-evil>custom</zz-evil>",
    ]) {
      const block = renderMarkdown(`${raw}\n`);
      // An HTML block (CommonMark's) keeps its lines in a code block; a tag it does not start one with is a paragraph's text.
      expect(["pre,code", "p"], raw).toContain(elements(block).map((e) => e.tagName).join());
      expect(toString(tree(block)).trim(), raw).toBe(raw);
      const inline = renderMarkdown(`Before ${raw} after`, { inline: true });
      expect(elements(inline).filter((e) => !["span", "a"].includes(e.tagName)), raw).toEqual([]);
      expect(text(inline), raw).toContain("Before <");
    }
  });

  it("drops srcset with the <source> that carries it, and the <picture> around an image", () => {
    const html = renderMarkdown('<picture><source srcset="https://example.org/a.png"><img srcset="https://example.org/b.png 2x" src="https://example.org/c.png" alt="Logo"></picture>\n');
    expect(html).not.toMatch(/srcset|<source|<picture|<img/i);
    expect(text(html)).toBe("Image: Logo");
  });

  it("nests raw HTML at most MAX_RAW_NESTING deep", () => {
    const deep = (n: number) => `${"<div>".repeat(n)}x${"</div>".repeat(n)}`;
    expect(safeHtml(deep(MAX_RAW_NESTING))).toBe(true);
    expect(safeHtml(deep(MAX_RAW_NESTING + 1))).toBe(false);
    expect(elements(renderMarkdown(deep(MAX_RAW_NESTING + 1)), "div")).toEqual([]);
  });

  it("shows a task item's box as a character, with no unlabelled form control", () => {
    const html = renderMarkdown("- [x] done\n- [ ] to do\n");
    expect(elements(html, "input")).toEqual([]);
    expect(elements(html, "li").map((li) => toString(li))).toEqual(["☑ done", "☐ to do"]);
  });

  it("writes only elements of its schema", () => {
    const html = renderMarkdown("# T\n\n> q\n\n1. a\n\n---\n\n~~s~~ <kbd>K</kbd> <details><summary>s</summary>d</details> term[^1]\n\n[^1]: note\n");
    for (const e of elements(html)) expect(MARKDOWN_ELEMENTS.has(e.tagName) || e.tagName === "div" || e.tagName === "span", e.tagName).toBe(true);
  });

  it("renders one line without a paragraph, and a line markdown reads as blocks as written", () => {
    expect(renderMarkdown("Python with **NumPy**", { inline: true })).toBe("Python with <strong>NumPy</strong>");
    expect(renderMarkdown("1. Learn SQL", { inline: true })).toBe("1. Learn SQL");
    expect(renderMarkdown("# Not a heading", { inline: true })).toBe("# Not a heading");
    expect(renderMarkdown("C++ & C# at 5 < 6", { inline: true })).toBe("C++ &#x26; C# at 5 &#x3C; 6");
    // The shortcut for text with no markdown gives what the parser gives.
    for (const plain of ["Python with NumPy", "Data pipelines", "Go, Rust (2 years)"]) {
      expect(renderMarkdown(plain, { inline: true })).toBe(renderMarkdown(`${plain}\u200b`, { inline: true }).replace("\u200b", ""));
    }
  });
});

describe("the texts templates print", () => {
  it("links each skill of a requirement at its first mention outside links and code, in reading order", () => {
    const shown = requirementHtml({ text: "**Python** or Python, [NumPy](https://numpy.org) and `Pandas` with SQL", skills: ["Python", "NumPy", "Pandas", "SQL", "Go"].map(skill) });
    expect(elements(shown.html, "a").map((a) => [toString(a), a.properties.href])).toEqual([
      ["Python", "/skills/python/"],
      ["NumPy", "https://numpy.org"],
      ["SQL", "/skills/sql/"],
    ]);
    expect(elements(shown.html, "strong a")).toHaveLength(1);
    expect(shown.unnamed.map((s) => s.name)).toEqual(["NumPy", "Pandas", "Go"]);
  });

  it("renders an unplaced section under its heading, without repeating a heading it starts with", () => {
    expect(sectionHtml({ heading: "Getting Started", text: "### Getting Started:\n\n#### Entry\n\nText" })).toEqual({ heading: "Getting Started", html: "<h4>Entry</h4>\n<p>Text</p>" });
    expect(sectionHtml({ heading: "Notes", text: "## Other\n\nText" })).toEqual({ heading: "Notes", html: "<h4>Other</h4>\n<p>Text</p>" });
    expect(sectionHtml({ heading: "", text: "Text" })).toEqual({ heading: "Untitled section", html: "<p>Text</p>" });
  });

  it("gives plain prose its links back, off-site links only, and its paragraphs", () => {
    const html = proseHtml("Read MDN <b>now</b>.\n\nThen MDN again, or Evil.", [
      { text: "MDN", url: "https://developer.mozilla.org/" },
      { text: "Evil", url: "javascript:alert(1)" },
    ], true);
    expect(elements(html, "p").map((p) => toString(p))).toEqual(["Read MDN <b>now</b>.", "Then MDN again, or Evil."]);
    expect(elements(html, "a").map((a) => [toString(a), a.properties.href, a.properties.rel])).toEqual([["MDN", "https://developer.mozilla.org/", ["nofollow", "noopener"]]]);
    expect(inlineHtml(null)).toBe("");
    expect(inlineHtml("a <script>")).toBe("a &#x3C;script>");
  });
});
