import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { sectionTree, walkSections } from "../../src/extract/sections.ts";
import { parseMarkdown } from "../../src/parse/index.ts";

const titles = (md: string) => [...walkSections(sectionTree(parseMarkdown(new VFile(md))))].slice(1).map((s) => `${s.depth}:${s.title}`);

describe("heading sections", () => {
  it("nests sections by heading depth", () => {
    expect(titles("# A\n## B\n### C\n## D\n")).toEqual(["1:A", "2:B", "3:C", "2:D"]);
  });

  it("does not take a # line inside a code block for a heading", () => {
    expect(titles("# A\n\n```sh\n# not a heading\n```\n\n## B\n")).toEqual(["1:A", "2:B"]);
  });

  it("keeps blocks before the first heading in the root section", () => {
    const tree = sectionTree(parseMarkdown(new VFile("Intro.\n\n# A\n")));
    expect(tree.blocks.map((b) => b.type)).toEqual(["paragraph"]);
  });
});

describe("pseudo-headings: a bold line over a group", () => {
  const tree = (md: string) => sectionTree(parseMarkdown(new VFile(md)));

  it("opens a sub-section for a bold line with a colon, inside or outside the bold, or above a list", () => {
    expect(titles("# A\n\n**Required Skills:**\n- x\n\n**Soft Skills**:\n- y\n\n**Notes**\n- z\n")).toEqual(["1:A", "1.5:Required Skills", "1.5:Soft Skills", "1.5:Notes"]);
  });

  it("does not take a labelled line with a value, or bold prose, for a heading", () => {
    expect(titles("# A\n\n**Tools**: Git\n\n**Bold statement.**\n\nText.\n")).toEqual(["1:A"]);
  });

  it("closes the group at a field line, the next bold line or heading", () => {
    const root = tree("# A\n\n**Day in the Life:**\n- meetings\n\n**Compensation:** $80K\n\n## B\n");
    const a = root.children[0]!;
    expect(a.children.map((c) => [c.title, c.blocks.length, c.pseudo])).toEqual([
      ["Day in the Life", 1, true],
      ["B", 0, false],
    ]);
    expect(a.blocks.map((b) => b.type)).toEqual(["paragraph"]);
    expect(a.children[0]!.parent).toBe(a);
  });
});
