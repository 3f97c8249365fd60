import type { Html } from "mdast";
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { gridsOf, htmlReadableText, isMediaOnly, parseHtmlRun, textOutsideTables } from "../../src/extract/html.ts";
import { parseMarkdown } from "../../src/parse/index.ts";

function run(md: string) {
  const nodes = parseMarkdown(new VFile(md)).children.filter((n): n is Html => n.type === "html");
  return parseHtmlRun(nodes, md);
}

describe("HTML in markdown", () => {
  it("parses a table that blank lines split into several HTML nodes, with cell positions in the file", () => {
    const md = "Intro.\n\n<table>\n  <tr><th>Level</th><th>Scope</th></tr>\n\n  <tr><td>1</td><td><ul><li>a</li><li>b</li></ul></td></tr>\n</table>\n";
    const [grid] = gridsOf(run(md));
    expect(grid!.header.map((c) => c.text)).toEqual(["Level", "Scope"]);
    expect(grid!.rows.map((r) => r.map((c) => c.items))).toEqual([[["1"], ["a", "b"]]]);
    expect(grid!.rows[0]![1]!.position.start).toMatchObject({ line: 6, column: 17 });
  });

  it("tells media from text", () => {
    expect(isMediaOnly(run('<picture>\n  <img alt="Chart" src="c.png">\n</picture>\n'))).toBe(true);
    const component = run("<GitHubButtons />\nUnderstanding career paths helps.\n");
    expect(isMediaOnly(component)).toBe(false);
    expect(textOutsideTables(component)).toBe("Understanding career paths helps.");
  });

  it("gives the words a reader sees: text, alt and title, not tags or other attributes", () => {
    expect(htmlReadableText('<img alt="Radar chart" src="/charts/x.png"><b title="Note">Bold</b>').split(/\s+/).filter(Boolean)).toEqual(["Radar chart", "Note", "Bold"].flatMap((w) => w.split(" ")));
  });
});
