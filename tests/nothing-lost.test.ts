/**
 * Nothing the author wrote may vanish: every word of a file's text reaches the exported role,
 * placed in a part or kept in an unplaced section. Words the extractors consume as structure
 * (the known section names and labels, and the unit words of ranges) are the only exception.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { STRUCTURAL_WORDS, normalizeName } from "../src/extract/names.ts";
import { loadContent } from "../src/load.ts";
import { readRoleText } from "../src/read/index.ts";
import { levelsSeed, transitionsSeed } from "./seeds.ts";

const UNIT_WORDS = new Set(["year", "month", "plan", "hour", "week", "level", "from", "must", "have", "good", "to"]);

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The words of `path` that are not in its export. */
function lostWords(path: string, bytes: Uint8Array): string[] {
  const text = String(readRoleText(bytes, path).value);
  const { placed } = loadContent(bytes, path);
  const exported = new Set(words(JSON.stringify(placed?.role ?? null)));
  return [...new Set(words(text))].filter((w) => !exported.has(w) && !STRUCTURAL_WORDS.has(normalizeName(w)) && !UNIT_WORDS.has(normalizeName(w)));
}

describe("every word of each seed reaches the exported role", () => {
  for (const seed of [transitionsSeed, levelsSeed]) {
    it(seed.split("/").pop()!, () => {
      expect(lostWords(seed, readFileSync(seed))).toEqual([]);
    });
  }

  it("notices words that go missing", () => {
    // A role that fails validation exports nothing, so the check must report its words.
    const text = "# Role\n\n## Levels\n### Mid (4-2 years)\n- Zebracorn taming\n";
    expect(lostWords("role.md", new TextEncoder().encode(text))).toEqual(expect.arrayContaining(["zebracorn", "taming"]));
  });

  it("keeps text under an unknown heading as an unplaced section", () => {
    const text = "# Data Wrangler\n\n## Overview\nCleans data.\n\n## Team Size\nUsually five quokkas.\n";
    const { placed, file } = loadContent(text, "wrangler.md");
    expect(placed!.role.sections).toEqual([{ heading: "Team Size", text: "Usually five quokkas.", source: "wrangler.md" }]);
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([["unplaced-section", 7, 1]]);
    expect(lostWords("wrangler.md", new TextEncoder().encode(text))).toEqual([]);
  });
});
