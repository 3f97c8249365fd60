/**
 * Fuzzing: fast-check builds 10,000 random documents from markdown fragments (headings, lists, bold
 * labels, tables, arrows, emoji, mojibake, HTML, link titles with quotes) and runs the parser and the
 * renderer of inline text on them: nothing throws, no stage fails on them, and no `<` the input
 * holds reaches the HTML unescaped. A few hundred of them go through every page template as well.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { fromHtml } from "hast-util-from-html";
import { toString } from "hast-util-to-string";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/catalog/index.ts";
import { requirementView } from "../../src/catalog/requirements.ts";
import { loadContent } from "../../src/load.ts";
import type { Role } from "../../src/model/role.ts";
import { catalogPlugin } from "../../src/site/plugin.ts";
import { unsafeMarkup } from "./helpers.ts";

const RUNS = 10_000;
const PAGE_RUNS = 200;

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

/** A page template without its front matter. */
const pageSource = (name: string) => readFileSync(`${TEMPLATES}${name}`, "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
const PAGES = { role: pageSource("role.njk"), levels: pageSource("levels.njk"), plan: pageSource("plan.njk"), skill: pageSource("skill.njk"), index: pageSource("index.njk") };

function pagesEnvironment(roles: Role[]): { env: NunjucksEnvironment; data: Record<string, unknown> } {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([`${TEMPLATES}partials`, TEMPLATES]), { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  const data: Record<string, unknown> = {};
  catalogPlugin(buildCatalog(roles))({
    addGlobalData: (name, value) => {
      data[name] = typeof value === "function" ? (value as () => unknown)() : value;
    },
    addFilter: (name, filter) => env.addFilter(name, filter),
  });
  return { env, data };
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
              expect(leaks(html), html).toEqual([]);
              expect(unsafeMarkup(html)).toEqual([]);
              // Escaped, not lost: the reader sees exactly what the author wrote.
              const shown = toString(fromHtml(html, { fragment: true }));
              expect(shown.startsWith(requirement.text)).toBe(true);
              if (requirement.detail) expect(shown.endsWith(`— ${requirement.detail}`)).toBe(true);
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
        const { env, data } = pagesEnvironment([...bySlug.values()]);
        const catalog = data["catalog"] as ReturnType<typeof buildCatalog>;
        const pages = [
          env.renderString(PAGES.index, data),
          ...catalog.roles.flatMap((role) => [env.renderString(PAGES.role, { ...data, role }), env.renderString(PAGES.levels, { ...data, role })]),
          ...catalog.plans.map((plan) => env.renderString(PAGES.plan, { ...data, plan })),
          ...catalog.skills.slice(0, 5).map((skill) => env.renderString(PAGES.skill, { ...data, skill })),
        ];
        for (const html of pages) {
          expect(leaks(html)).toEqual([]);
          expect(unsafeMarkup(html)).toEqual([]);
        }
      }),
      { numRuns: PAGE_RUNS },
    );
  }, 300_000);
});
