import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/load.ts";
import type { Role } from "../../src/model/role.ts";
import { coverage, exportedWords, wordsOf } from "../../src/report/coverage.ts";

function measure(text: string, edit: (roles: Role[]) => Role[] = (r) => r) {
  const { file, roles } = loadContent(text, "role.md");
  return coverage(file, edit(roles.map((p) => p.role)));
}

describe("words of a guide", () => {
  it("splits digits from letters and counts Han and kana a character at a time", () => {
    expect(wordsOf("주니어 (0-2년차) 数据分析 C++ Müller's")).toEqual(["주니어", "0", "2", "년차", "数", "据", "分", "析", "c", "müller", "s"]);
  });

  it("leaves out slugs and source paths of the export", () => {
    const words = exportedWords([{ slug: "zebra-role", title: "Analyst", sources: [{ path: "quokka.md" }] } as unknown as Role]);
    expect([...words]).toEqual(["analyst"]);
  });
});

describe("coverage", () => {
  it("is whole when every word reached the export", () => {
    expect(measure("# Analyst\n\n## Overview\nTurns data into decisions.\n")).toEqual({ words: 6, reached: 6, share: 1, lost: [] });
  });

  it("names the words that did not reach it, counting each use", () => {
    const result = measure("# Analyst\n\n## Overview\nTurns data into decisions, data again.\n", (roles) => roles.map((r) => ({ ...r, summary: "Turns into decisions." })));
    expect(result.lost).toEqual(["data", "again"]);
    expect(result).toMatchObject({ words: 8, reached: 5 });
  });

  it("counts link targets and image text, not HTML tags or generator markup", () => {
    const text = "* TOC\n{:toc}\n# Analyst\n\n## Overview\nSee [docs](https://example.org/zebra).\n\n<picture>\n  <img alt=\"Radar\" src=\"/x.png\">\n</picture>\n";
    // The role keeps the link's target in its links: take those out to see the target counted.
    const result = measure(text, (roles) => roles.map((r) => ({ ...r, sections: [], links: [] })));
    expect(result.lost).toEqual(["https", "example", "org", "zebra", "radar"]);
  });

  it("counts the front matter values extraction read, not site settings", () => {
    const text = "---\ntitle: Wrangler\nlayout: quokka\n---\n## Skills\n- SQL\n";
    expect(measure(text).lost).toEqual([]);
    expect(measure(text, (roles) => roles.map((r) => ({ ...r, title: "Other" }))).lost).toEqual(["wrangler"]);
  });
});
