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
