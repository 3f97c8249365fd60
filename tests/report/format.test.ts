import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { report } from "../../src/model/diagnostics.ts";
import { formatGithub, formatText } from "../../src/report/format.ts";

function fileWith(path: string): VFile {
  const file = new VFile({ path });
  report(file, "unplaced-section", { heading: "Team 100%", blocks: 2 }, { start: { line: 3, column: 1 }, end: { line: 4, column: 9 } });
  report(file, "level-years-range", { where: 'Level "Mid" › years › max', problem: "min must not be greater than max" }, { line: 2, column: 5 });
  report(file, "front-matter-unread", { keys: ["layout"] });
  return file;
}

describe("formatText", () => {
  it("starts every line with file:line:column, in file order, then the message and what to do, then counts", () => {
    const lines = formatText([fileWith("guides/a.md")]).split("\n");
    expect(lines[0]).toMatch(/^guides\/a\.md {5}\s*info {5}Front matter key "layout" left out of the role: .*\. Nothing to do; keep them if another tool needs them\. {2}front-matter-unread$/);
    expect(lines[1]).toMatch(/^guides\/a\.md:2:5\s+error\s+Level "Mid" › years › max: min must not be greater than max\. Write the range lowest first, as in "2-4 years"\. {2}level-years-range$/);
    expect(lines[2]).toMatch(/^guides\/a\.md:3:1\s+warning\s+Section "Team 100%" holds text that matches no known part \(2 blocks\); kept as written and shown on the role page\. Rename the heading /);
    expect(lines.slice(3)).toEqual(["", "3 messages (✖ 1 error, ⚠ 1 warning, ℹ 1 info)", ""]);
  });

  it("prints nothing for files without diagnostics", () => {
    expect(formatText([new VFile({ path: "a.md" })])).toBe("");
  });
});

describe("formatGithub", () => {
  it("writes one workflow command per diagnostic, with the end of a span and the rule as title", () => {
    expect(formatGithub([fileWith("guides/a.md")]).split("\n")).toEqual([
      expect.stringMatching(/^::notice file=guides\/a\.md,title=front-matter-unread::Front matter key "layout" .* Nothing to do; keep them if another tool needs them\.$/),
      '::error file=guides/a.md,line=2,col=5,title=level-years-range::Level "Mid" › years › max: min must not be greater than max. Write the range lowest first, as in "2-4 years".',
      expect.stringMatching(/^::warning file=guides\/a\.md,line=3,col=1,endLine=4,endColumn=9,title=unplaced-section::Section "Team 100%25" holds text .* Rename the heading /),
      "",
    ]);
  });

  it("escapes what would end a property or the command: %, CR, LF, and in properties : and ,", () => {
    const out = formatGithub([fileWith("a,b:c%.md")]);
    expect(out).toContain("file=a%2Cb%3Ac%25.md,");
    const file = new VFile({ path: "x.md" });
    file.message("one\r\ntwo", { place: { line: 1, column: 1 }, ruleId: "r" }).fatal = false;
    expect(formatGithub([file])).toBe("::warning file=x.md,line=1,col=1,title=r::one%0D%0Atwo\n");
  });
});
