import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { report } from "../../src/model/diagnostics.ts";
import { formatGithub, formatText } from "../../src/report/format.ts";

function fileWith(path: string): VFile {
  const file = new VFile({ path });
  report(file, "warning", "unplaced-section", "Section \"Team\" matches no part: 100% kept", { start: { line: 3, column: 1 }, end: { line: 4, column: 9 } });
  report(file, "error", "level-years-range", "Level \"Mid\" ends before it starts", { line: 2, column: 5 });
  report(file, "info", "no-role-content", "Nothing to read");
  return file;
}

describe("formatText", () => {
  it("starts every line with file:line:column, in file order, then counts", () => {
    const lines = formatText([fileWith("guides/a.md")]).split("\n");
    expect(lines[0]).toMatch(/^guides\/a\.md {5}\s*info {5}Nothing to read {2}no-role-content$/);
    expect(lines[1]).toMatch(/^guides\/a\.md:2:5\s+error\s+Level "Mid" ends before it starts {2}level-years-range$/);
    expect(lines[2]).toMatch(/^guides\/a\.md:3:1\s+warning\s+Section "Team"/);
    expect(lines.slice(3)).toEqual(["", "3 messages (✖ 1 error, ⚠ 1 warning, ℹ 1 info)", ""]);
  });

  it("prints nothing for files without diagnostics", () => {
    expect(formatText([new VFile({ path: "a.md" })])).toBe("");
  });
});

describe("formatGithub", () => {
  it("writes one workflow command per diagnostic, with the end of a span and the rule as title", () => {
    expect(formatGithub([fileWith("guides/a.md")]).split("\n")).toEqual([
      "::notice file=guides/a.md,title=no-role-content::Nothing to read",
      '::error file=guides/a.md,line=2,col=5,title=level-years-range::Level "Mid" ends before it starts',
      '::warning file=guides/a.md,line=3,col=1,endLine=4,endColumn=9,title=unplaced-section::Section "Team" matches no part: 100%25 kept',
      "",
    ]);
  });

  it("escapes what would end a property or the command: %, CR, LF, and in properties : and ,", () => {
    const out = formatGithub([fileWith("a,b:c%.md")]);
    expect(out).toContain("file=a%2Cb%3Ac%25.md,");
    const file = new VFile({ path: "x.md" });
    report(file, "warning", "r", "one\r\ntwo", { line: 1, column: 1 });
    expect(formatGithub([file])).toBe("::warning file=x.md,line=1,col=1,title=r::one%0D%0Atwo\n");
  });
});
