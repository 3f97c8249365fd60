import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { splitFrontMatter } from "../../src/read/front-matter.ts";

const read = (url: URL) => readFileSync(url, "utf8");
const fixture = (name: string) => read(new URL(`./fixtures/${name}`, import.meta.url));
const corpus = (name: string) => read(new URL(`../fixtures/corpus/${name}`, import.meta.url));
const seed = (name: string) => read(new URL(`../../seeds/${name}`, import.meta.url));

function split(text: string) {
  const file = new VFile({ path: "test.md" });
  const result = splitFrontMatter(text, file);
  return { ...result, messages: file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal]) };
}

/** The body must have the file's lines: blank for lines 1..fenceLine, identical after. */
function expectLinesKept(text: string, body: string, closingFenceLine: number) {
  const before = text.split("\n");
  const after = body.split("\n");
  expect(after).toHaveLength(before.length);
  after.forEach((line, i) => expect(line).toBe(i < closingFenceLine ? "" : before[i]));
}

describe("splitFrontMatter", () => {
  it("parses a valid mapping and blanks its lines", () => {
    const text = fixture("front-matter-valid.md");
    const result = split(text);
    expect(result.data).toEqual({ title: "Data Engineer", tags: ["data", "pipelines"], level: 3 });
    expect(result.raw).toBe("title: Data Engineer\ntags:\n  - data\n  - pipelines\nlevel: 3\n");
    expect(result.messages).toEqual([]);
    expectLinesKept(text, result.body, 7);
    // The later `---` divider stays in the body.
    expect(result.body.split("\n")[11]).toBe("---");
  });

  it("reads the front matter of real corpus files", () => {
    expect(split(corpus("ictasl-machine-learning-engineer.md")).data).toMatchObject({
      layout: "resource",
      title: "14. Machine Learning Engineer",
    });
    expect(split(corpus("monzo-data-engineering.md")).data).toMatchObject({ title: "📊 Data Engineering Framework" });
    const platform = corpus("platform-engineering-career.md");
    const result = split(platform);
    expect(result.data).toEqual({ title: "Overview", sidebar_position: 1 });
    expect(result.messages).toEqual([]);
    expectLinesKept(platform, result.body, 4);
  });

  it("accepts comments-only front matter without data or messages", () => {
    const text = corpus("data-engineer-senior-to-staff.md");
    const result = split(text);
    expect(result.data).toBeNull();
    expect(result.messages).toEqual([]);
    expect(result.raw).toContain("# artifact_type: career_ladder");
    expectLinesKept(text, result.body, 9);
    expect(result.body.split("\n")[9]).toBe("# Data Engineer Career Progression Ladder");
  });

  it("warns about invalid YAML at its file position, keeping the raw text and blanking the lines", () => {
    const text = fixture("front-matter-invalid.md");
    const result = split(text);
    expect(result.data).toBeNull();
    expect(result.raw).toBe("title: Data Engineer\nsummary: [unclosed\nlevel: 3\n");
    expect(result.messages).toEqual([["front-matter-invalid", 4, 1, false]]);
    expectLinesKept(text, result.body, 5);
  });

  it("converts YAML positions to file positions (YAML line 1 is file line 2)", () => {
    expect(split("---\nkey: value\n  bad: indent\n---\n# Role\n").messages).toEqual([["front-matter-invalid", 2, 6, false]]);
    expect(split('---\ntitle: ok\n"unterminated\n---\n').messages).toEqual([["front-matter-invalid", 3, 1, false]]);
  });

  it("warns about a list", () => {
    const result = split(fixture("front-matter-list.md"));
    expect(result.data).toBeNull();
    expect(result.messages).toEqual([["front-matter-invalid", 2, 1, false]]);
  });

  it("warns about a scalar, such as a paragraph between two dividers", () => {
    const text = fixture("divider-first-line.md");
    const result = split(text);
    expect(result.data).toBeNull();
    expect(result.messages).toEqual([["front-matter-invalid", 3, 1, false]]);
    expectLinesKept(text, result.body, 5);
  });

  it("warns about an alias it cannot resolve, without throwing", () => {
    const result = split("---\na: &x 1\nb: *y\n---\n");
    expect(result.data).toBeNull();
    expect(result.messages.map((m) => m[0])).toEqual(["front-matter-invalid"]);
  });

  it("takes the last value of a repeated key", () => {
    expect(split("---\na: 1\na: 2\n---\n")).toMatchObject({ data: { a: 2 }, messages: [] });
  });

  it("closes on `...` as well as `---`", () => {
    expect(split("---\ntitle: X\n...\nbody\n")).toMatchObject({ data: { title: "X" }, body: "\n\n\nbody\n" });
  });

  it("accepts empty front matter", () => {
    expect(split("---\n---\n# Role\n")).toEqual({ data: null, raw: "", body: "\n\n# Role\n", messages: [] });
  });

  it("keeps the line count when the closing fence is the last line, with no newline", () => {
    expect(split("---\ntitle: X\n---")).toMatchObject({ data: { title: "X" }, body: "\n\n" });
  });

  it.each([
    ["no front matter", "# Role\n\ntitle: no\n"],
    ["no closing fence", "---\ntitle: X\n# Role\n"],
    ["a fence with trailing spaces", "--- \ntitle: X\n---\n"],
    ["a fence on line 2", "\n---\ntitle: X\n---\n"],
    ["a lone fence", "---"],
    ["an empty text", ""],
  ])("returns the text as it is for %s", (_name, text) => {
    expect(split(text)).toEqual({ data: null, raw: null, body: text, messages: [] });
  });

  it("does not take a divider in the middle of the levels seed for front matter", () => {
    const text = seed("machine-learning-engineer-levels.md");
    expect(text.split("\n")[7]).toBe("---");
    expect(split(text)).toEqual({ data: null, raw: null, body: text, messages: [] });
  });
});
