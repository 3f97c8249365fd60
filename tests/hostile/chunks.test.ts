/**
 * A large document is parsed in chunks cut at top-level headings (src/parse/index.ts), which keeps
 * the memory of a 5 MB parse flat. The chunks must give the very tree one parse gives, positions
 * included, whatever the blocks around the cuts: fenced code and HTML that run across them, lists,
 * quotes, tables, setext headings. Here every possible cut is made (chunks of one character).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { parseMarkdown } from "../../src/parse/index.ts";

const whole = (text: string) => JSON.parse(JSON.stringify(parseMarkdown(new VFile(text), { from: Infinity, size: Infinity }))) as unknown;
const chunked = (text: string) => JSON.parse(JSON.stringify(parseMarkdown(new VFile(text), { from: 0, size: 1 }))) as unknown;

const FRAGMENTS = [
  "# Heading\n",
  "## Sub\n",
  "#not a heading\n",
  "#\n",
  "text\n",
  "Setext\n===\n",
  "Setext\n---\n",
  "\n",
  "\n\n",
  "   \n",
  "- item\n",
  "  continued\n",
  "1. one\n",
  "   ```\n",
  "> quote\n",
  "> # quoted heading\n",
  "```\n",
  "~~~~\n",
  "```js\n",
  "    indented code\n",
  "<!--\n",
  "-->\n",
  "<script>\n",
  "</script>\n",
  "<div>\n",
  "</div>\n",
  "<?php\n",
  "?>\n",
  "<![CDATA[\n",
  "]]>\n",
  "| a | b |\n|---|---|\n| 1 | 2 |\n",
  "***\n",
  "**bold**\n",
  "[^note]\n",
];

describe("parsing in chunks", () => {
  it("gives the tree of a single parse, positions included", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(chunked(text)).toEqual(whole(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it.each([
    ["an unclosed fence", "# A\n\n```\ncode\n\n# not a heading\n\ntext\n"],
    ["an unclosed comment", "# A\n\n<!--\n\n# not a heading\n\n-->\n\n# B\n"],
    ["a fence that a div hides from a line scanner", "# A\n\n<div>\n```\n</div>\n\n```\n\n# inside\n```\n\n# C\n"],
    ["headings one after another", "# A\n# B\n## C\ntext\n# D\n"],
    ["a list item's fence", "# A\n\n- item\n  ```\n  code\n\n# B\n"],
  ])("around %s", (_name, text) => {
    expect(chunked(text)).toEqual(whole(text));
  });
});
