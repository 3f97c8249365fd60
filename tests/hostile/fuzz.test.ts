/**
 * Fuzzing: fast-check builds 10,000 random documents from markdown fragments (headings, lists, bold
 * labels, tables, arrows, emoji, mojibake, HTML, link titles with quotes) and runs the parser and the
 * renderer of inline text on them: nothing throws, no stage fails on them, and no `<` the input
 * holds reaches the HTML unescaped. A few hundred of them go through every page template as well.
 * The markdown renderer (src/site/markdown.ts), the one way an author's markup reaches a page, is
 * held to its schema instead: whatever the input (javascript: and data: addresses, event handlers,
 * <script>, <style>, <iframe>, <svg>, srcset, formaction…), it writes only the elements and
 * attributes the schema allows, and links only to http, https and mailto; every `<` it writes is one
 * of those, every other `<` of the input is escaped.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import type { Nodes } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toString } from "hast-util-to-string";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/catalog/index.ts";
import { requirementView } from "../../src/catalog/requirements.ts";
import { loadContent } from "../../src/load.ts";
import type { Role } from "../../src/model/role.ts";
import { MARKDOWN_ELEMENTS, renderMarkdown } from "../../src/site/markdown.ts";
import { catalogPlugin } from "../../src/site/plugin.ts";
import { inlineHtml, requirementHtml } from "../../src/site/rich-text.ts";
import { unsafeMarkup } from "./helpers.ts";

const RUNS = 10_000;
const PAGE_RUNS = 200;
const RENDER_RUNS = 3_000;

/** Markers no template writes: if one shows in the HTML as a tag, input reached it unescaped. */
const MARKERS = /<(?:zz-evil|img|iframe|object|embed|style|b|i|u|em|joins|svg onload)[\s>/]/i;

const FRAGMENTS = [
  "# Machine Learning Engineer\n",
  "# <zz-evil>Title</zz-evil>\n",
  "## Overview\n",
  "## Required Skills\n",
  "## Core Responsibilities\n",
  "## 🛠️ Tech Stack Requirements by Experience Level\n",
  "### **Mid Level (2-4 years)**\n",
  "### Senior <b>Level</b> (4+ years)\n",
  "#### **Must-Have:**\n",
  "#### Good-to-Have\n",
  "#### <i>Other</i> Group:\n",
  "- **Python with NumPy, Pandas** - Programming\n",
  "- **TensorFlow / PyTorch**: Frameworks <img src=x onerror=alert(1)>\n",
  "- **<zz-evil>SQL</zz-evil>** - Queries & <joins>\n",
  "  - nested <u>item</u>\n",
  "    - deeper\n",
  "1. numbered\n",
  "**Technical**: Python, SQL, <script>alert(1)</script>\n",
  "**Tools <em>x</em>**: Docker, \"Kubernetes\", 'Helm'\n",
  "Junior → Mid → <b>Senior</b>\n",
  "A -> B ⇒ C\n",
  "Alternative paths: <zz-evil>A</zz-evil>, B\n",
  "## Transition Paths\n",
  "### From <b>Data Scientist</b> (9-month plan)\n",
  "**Months 1-3**: Basics <script>alert('phase')</script>\n",
  "• topic <zz-evil x=\"y\">\n",
  "**Key Skills**: A, <svg onload=alert(1)>\n",
  "**Time Commitment**: 12-18 hours/week\n",
  "## 🚀 Career Growth Path\n",
  "### **Mid → Experienced Level:**\n",
  "| a | <zz-evil> |\n|---|---|\n| 1 | <img src=x> |\n",
  "```\n# not a heading <zz-evil>\n```\n",
  "<script>alert(1)</script>\n",
  "<div onclick=\"alert(1)\">\n",
  "</div>\n",
  "<!-- ",
  " -->",
  "<iframe src=\"https://example.com/\"></iframe>\n",
  "[link](javascript:alert(1) \"a \\\"title\\\" and 'this'\")",
  "[data](data:text/html,<zz-evil> 'it\\'s')",
  "[mixed](JaVaScRiPt:alert(1)) [vb](vbscript:msgbox(1)) [rel](../x.md) [frag](#top)",
  "![img](data:image/svg+xml,<svg onload=alert(1)>) ![ok](https://example.com/i.png)",
  "<img srcset=\"https://example.com/x.png 2x\" src=x onerror=alert(1)>",
  "<button formaction=\"javascript:alert(1)\">go</button>",
  "<a href=\"javascript:alert(1)\" onclick=\"alert(1)\">raw</a>",
  "<b onmouseover=\"alert(1)\" style=\"color:red\">b</b>",
  "<details open ontoggle=alert(1)><summary>s</summary>d</details>\n",
  "<table><tr><td onclick=x>c</td></tr></table>\n",
  "<style>*{}</style>\n",
  "- [x] task\n",
  "&lt;zz-evil&gt; &amp; &#60;script&#62;",
  "\\<zz-evil>",
  "`<zz-evil>`",
  "🤖 ",
  "👩🏽‍💻",
  "ü§ñ ‚Üí ",
  "Ã© ",
  "---\n",
  "---\ntitle: <zz-evil>\n---\n",
  "> quote <zz-evil>\n",
  "\n",
  "\n\n",
  " ",
  "\"",
  "'",
  "<",
  ">",
  "&",
  "*",
  "_",
];

const documents = fc
  .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 16 })
  .map((parts) => parts.join(""));

// Eleventy's own Nunjucks, set up as src/site/eleventy.ts sets it up: autoescape, the plugin's filters.
const require = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"));
interface Nunjucks {
  Environment: new (loader: unknown, options: Record<string, unknown>) => NunjucksEnvironment;
  FileSystemLoader: new (paths: string[]) => unknown;
}
interface NunjucksEnvironment {
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  render(name: string, context: Record<string, unknown>): string;
  renderString(source: string, context: Record<string, unknown>): string;
}
const nunjucks = require("nunjucks") as Nunjucks;
const TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));
const partials = new nunjucks.Environment(new nunjucks.FileSystemLoader([`${TEMPLATES}partials`]), { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
partials.addFilter("requirementHtml", requirementHtml);
partials.addFilter("inlineHtml", inlineHtml);

/** A page template without its front matter. */
const pageSource = (name: string) => readFileSync(`${TEMPLATES}${name}`, "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
const PAGES = { role: pageSource("role.njk"), levels: pageSource("levels.njk"), plan: pageSource("plan.njk"), skill: pageSource("skill.njk"), index: pageSource("index.njk") };

/** The plugin's filters that print the markdown renderer's output unescaped. */
const RENDERERS = new Set(["inlineHtml", "proseHtml", "requirementHtml", "sectionHtml"]);

/**
 * @returns the environment, its global data, and every HTML the renderer's filters gave the pages
 *   (to be checked against the schema, and taken out before the pages are searched for leaks)
 */
function pagesEnvironment(roles: Role[]): { env: NunjucksEnvironment; data: Record<string, unknown>; rendered: Set<string> } {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([`${TEMPLATES}partials`, TEMPLATES]), { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  const data: Record<string, unknown> = {};
  const rendered = new Set<string>();
  catalogPlugin(buildCatalog(roles))({
    addGlobalData: (name, value) => {
      data[name] = typeof value === "function" ? (value as () => unknown)() : value;
    },
    addFilter: (name, filter) => {
      if (!RENDERERS.has(name)) return env.addFilter(name, filter);
      env.addFilter(name, (...args: never[]) => {
        const out = filter(...args);
        const html = typeof out === "string" ? out : (out as { html: string }).html;
        if (html) rendered.add(html);
        return out;
      });
    },
  });
  return { env, data, rendered };
}

/** The attributes the renderer writes (hast names): the schema's, and its own table regions and link `rel`. */
const RENDER_ATTRIBUTES = new Set(["href", "title", "rel", "colSpan", "rowSpan", "scope", "start", "reversed", "open", "dateTime", "lang", "dir", "className", "tabIndex"]);

/**
 * What in the renderer's HTML its schema does not allow: an element or attribute beyond it, a link
 * to anything but http, https, mailto or a page of the site, a `<` that opens any other tag.
 */
function rendererProblems(html: string): string[] {
  const problems: string[] = [];
  for (const [, name] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)) if (!MARKDOWN_ELEMENTS.has(name!) && name !== "div" && name !== "span") problems.push(`<${name}> written`);
  const pending: Nodes[] = [fromHtml(html, { fragment: true })];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === "element") {
      if (!MARKDOWN_ELEMENTS.has(node.tagName) && node.tagName !== "div" && node.tagName !== "span") problems.push(`<${node.tagName}> element`);
      const href = String(node.properties.href ?? "");
      if (/^(?:https?:|mailto:)/i.test(href) && String(node.properties.rel) !== "nofollow,noopener") problems.push(`<a href="${href}"> without rel="nofollow noopener"`);
      for (const [key, value] of Object.entries(node.properties)) {
        if (!RENDER_ATTRIBUTES.has(key)) problems.push(`<${node.tagName} ${key}>`);
        if (key === "href" && !/^(?:https?:\/\/|mailto:|\/skills\/)/i.test(String(value))) problems.push(`<a href="${String(value)}">`);
        if (key === "rel" && String(value) !== "nofollow,noopener") problems.push(`<a rel="${String(value)}">`);
        if (key === "className" && String(value) !== "table-scroll") problems.push(`<${node.tagName} class="${String(value)}">`);
      }
    }
    if ("children" in node) pending.push(...node.children);
  }
  return problems;
}

/** `html` without the renderer's parts (checked apart, by `rendererProblems`). */
function withoutRendered(html: string, rendered: ReadonlySet<string>): string {
  let out = html;
  for (const part of [...rendered].sort((a, b) => b.length - a.length)) out = out.split(part).join("");
  return out;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#92;": "\\" };
/** Undoes Nunjucks' escaping (its six entities). */
const unescape = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#39|#92);/g, (entity) => ENTITIES[entity]!);

/** Every `<` in `html` that opens a tag no template writes, as the text after it. */
function leaks(html: string): string[] {
  return [...html.matchAll(/<[^>]{0,30}/g)].map((m) => m[0]).filter((tag) => MARKERS.test(`${tag} `));
}

describe(`${RUNS.toLocaleString("en")} random documents`, () => {
  it("parse, extract and validate without throwing or failing a stage; their inline text renders escaped", () => {
    fc.assert(
      fc.property(documents, (text) => {
        const { file, roles } = loadContent(text, "fuzz.md");
        expect(file.messages.filter((m) => m.ruleId === "internal-error" || m.ruleId === "input-too-complex")).toEqual([]);
        expect(roles.length > 0 || file.messages.some((m) => m.fatal === true)).toBe(true);
        for (const { role } of roles) {
          for (const level of role.levels) {
            for (const requirement of level.requirements) {
              const r = requirementView(requirement);
              const html = partials.render("requirement.njk", { r });
              const text = requirementHtml(r).html;
              const detail = inlineHtml(requirement.detail);
              expect(rendererProblems(text), text).toEqual([]);
              expect(rendererProblems(detail), detail).toEqual([]);
              expect(leaks(withoutRendered(html, new Set([text, detail]))), html).toEqual([]);
              expect(unsafeMarkup(html)).toEqual([]);
              // The partial shows what the renderer made of the text and the detail, where they go.
              const shown = toString(fromHtml(html, { fragment: true }));
              expect(shown.startsWith(toString(fromHtml(text, { fragment: true })))).toBe(true);
              if (requirement.detail) expect(shown.endsWith(`— ${toString(fromHtml(detail, { fragment: true }))}`)).toBe(true);
            }
          }
          for (const value of [role.title, role.summary ?? "", ...role.responsibilities, ...role.skills.map((s) => s.name), ...role.sections.map((s) => s.text)]) {
            const html = partials.renderString("{{ value }}", { value });
            expect(html.includes("<")).toBe(false);
            expect(unescape(html)).toBe(value);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it("render through every page template with no markup from the input", () => {
    fc.assert(
      fc.property(fc.array(documents, { minLength: 1, maxLength: 3 }), (texts) => {
        const roles = texts.flatMap((text, i) => loadContent(text, `fuzz-${i}.md`).roles.map((p) => p.role));
        const bySlug = new Map(roles.map((r) => [r.slug, r]));
        const { env, data, rendered } = pagesEnvironment([...bySlug.values()]);
        const catalog = data["catalog"] as ReturnType<typeof buildCatalog>;
        const pages = [
          env.renderString(PAGES.index, data),
          ...catalog.roles.flatMap((role) => [env.renderString(PAGES.role, { ...data, role }), env.renderString(PAGES.levels, { ...data, role })]),
          ...catalog.plans.map((plan) => env.renderString(PAGES.plan, { ...data, plan })),
          ...catalog.skills.slice(0, 5).map((skill) => env.renderString(PAGES.skill, { ...data, skill })),
        ];
        for (const part of rendered) expect(rendererProblems(part), part).toEqual([]);
        for (const html of pages) {
          expect(leaks(withoutRendered(html, rendered))).toEqual([]);
          expect(unsafeMarkup(html)).toEqual([]);
        }
      }),
      { numRuns: PAGE_RUNS },
    );
  }, 300_000);

  it(`render as markdown (${RENDER_RUNS.toLocaleString("en")} of them) with no element, attribute or address beyond the schema`, () => {
    fc.assert(
      fc.property(documents, (text) => {
        for (const html of [renderMarkdown(text), renderMarkdown(text, { inline: true }), renderMarkdown(text, { headingDepth: 5, base: "https://example.org/guides/a.md" })]) {
          expect(rendererProblems(html), html).toEqual([]);
          expect(unsafeMarkup(`<!DOCTYPE html><html><head><title>t</title></head><body>${html}</body></html>`), html).toEqual([]);
        }
      }),
      { numRuns: RENDER_RUNS },
    );
  }, 300_000);

  it("(the renderer's check finds what it looks for)", () => {
    expect(rendererProblems('<p>a <a href="https://example.org/" rel="nofollow noopener">link</a> <a href="/skills/sql/">SQL</a></p>')).toEqual([]);
    for (const bad of ['<a href="javascript:alert(1)">x</a>', '<a href="../x.md">x</a>', "<img src=x>", '<b onclick="x">b</b>', '<p style="x">p</p>', "<script></script>", '<div class="other">d</div>', '<a href="https://example.org/">no rel</a>']) {
      expect(rendererProblems(bad), bad).not.toEqual([]);
    }
  });
});
