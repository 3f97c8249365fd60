/**
 * Nothing the author wrote may vanish: every word of a file's text reaches the exported roles,
 * placed in a part or kept in an unplaced section. Words the extractors consume as structure
 * (the known section names and labels, title framing and the unit words of ranges, all in
 * src/extract/names.ts) are the only exception. The count is src/report/coverage.ts, which
 * `npm run corpus` reports too.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../src/load.ts";
import { coverage } from "../src/report/coverage.ts";
import { guidesIn } from "./corpus/facts.ts";
import { corpusDir, levelsSeed, transitionsSeed } from "./seeds.ts";

/** The words of `path` that are not in its export. */
function lostWords(path: string, bytes: Uint8Array): string[] {
  const { file, roles } = loadContent(bytes, path);
  return coverage(file, roles.map((p) => p.role)).lost;
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

  it("keeps a nested list under an unplaced item, and a heading whose text went elsewhere", () => {
    const text = "# Analyst\n\n## Overview\nA.\n\n## Networking\n- **Communities:**\n  - Kaggle, meetups\n\n## Getting Started\n### Skills\n- SQL\n";
    const { placed } = loadContent(text, "a.md");
    expect(placed!.role.sections.map((s) => [s.heading, s.text])).toEqual([
      ["Networking", "- **Communities:**\n  - Kaggle, meetups"],
      ["Getting Started", "## Getting Started"],
    ]);
    expect(lostWords("a.md", new TextEncoder().encode(text))).toEqual([]);
  });
});

describe("every word of each corpus guide reaches the export", () => {
  const guides = guidesIn(corpusDir);

  it("covers the whole corpus", () => {
    expect(guides).toHaveLength(34);
  });

  for (const name of guides) {
    it(name, () => {
      const file = path.join(corpusDir, name);
      const loaded = loadContent(readFileSync(file), file);
      // A guide that gives no role exports nothing: it must say why instead.
      if (loaded.roles.length === 0) expect(loaded.file.messages.map((m) => m.ruleId)).toContain("no-role");
      else expect(coverage(loaded.file, loaded.roles.map((p) => p.role)).lost).toEqual([]);
    });
  }
});
