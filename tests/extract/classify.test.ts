/**
 * The section classifier alone, on sections built in the test: what the heading names (exactly,
 * by one half of a bilingual heading, or misspelt), what the content's shape says, and the weights.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { classify, editDistance, headingConceptOf, nearName } from "../../src/extract/classify.ts";
import { sectionTree, type HeadingSection } from "../../src/extract/sections.ts";
import { loadContent } from "../../src/load.ts";
import { toDiagnostics } from "../../src/model/diagnostics.ts";
import { parseMarkdown } from "../../src/parse/index.ts";

/** The first top-level section of `markdown`. */
function section(markdown: string): HeadingSection {
  return sectionTree(parseMarkdown(new VFile({ path: "s.md", value: markdown }))).children[0]!;
}

const kinds = (s: HeadingSection) => classify(s).signals.map((sig) => [sig.kind, sig.weight]);

describe("the heading", () => {
  it("names a part exactly, in any language the table knows", () => {
    expect(classify(section("## Required Skills\n- SQL\n"))).toMatchObject({ kind: "skills", concept: "skills", score: 1, typo: null });
    expect(classify(section("## 주요 업무\n- 보고서\n"))).toMatchObject({ kind: "responsibilities", concept: "responsibilities" });
    expect(classify(section("## Career Progression\n"))).toMatchObject({ kind: "ladder", concept: "progression" });
  });

  it("names a part by one half of a bilingual heading", () => {
    const c = classify(section("## Compétences requises (Required Skills)\n- SQL\n"));
    expect(c).toMatchObject({ kind: "skills", concept: "skills", typo: null });
    expect(c.signals[0]!.weight).toBeLessThan(1);
    expect(headingConceptOf("Habilidades / Skills")?.concept).toBe("skills");
  });

  it("reads a near miss as the name it misspells, and says so", () => {
    expect(classify(section("## Requried Skills\n- SQL\n"))).toMatchObject({ kind: "skills", concept: "skills", typo: { written: "Requried Skills", known: "Required Skills" } });
    expect(classify(section("## Overveiw\nText.\n")).typo?.known).toBe("Overview");
  });

  it("leaves ordinary words alone: short headings, and words two letters from a name", () => {
    expect(nearName("Process")).toBeNull();
    expect(nearName("Vision")).toBeNull();
    expect(nearName("Tols")).toBeNull();
    expect(classify(section("## Team Size\nFive.\n"))).toMatchObject({ kind: "other", score: 0, concept: null, signals: [] });
  });

  it("reads a level or a stage by its own heading", () => {
    expect(classify(section("### Senior Engineer (5-8 years)\n- Leads\n"))).toMatchObject({ kind: "level", concept: null });
    expect(classify(section("### Years 0-2: Foundations\n- Learn\n")).kind).toBe("plan");
  });
});

describe("the content", () => {
  it("sub-headings with years or level codes are levels", () => {
    const s = section("## Ladder of ours\n### Junior (0-2 years)\nA\n### Senior (5+ years)\nB\n");
    expect(classify(s).kind).toBe("levels");
    expect(kinds(s)).toEqual([["levels", 0.6]]);
  });

  it("sub-headings that are month or week ranges are a plan", () => {
    expect(classify(section("## Our roadmap\n### Month 1 – Linux\nA\n### Month 2 – Networks\nB\n")).kind).toBe("plan");
  });

  it("an arrow chain of short titles is a ladder; an arrow in a sentence is not", () => {
    expect(classify(section("## Where next\nJunior → Mid → Senior\n")).kind).toBe("ladder");
    expect(classify(section("## Where next\nConfigure the security groups so that the EKS nodes reach RDS → it works in the end for everyone involved\n")).kind).toBe("other");
  });

  it("a table whose columns are levels is levels; bold-label lines lean to skills", () => {
    expect(classify(section("## Matrix\n| Area | Junior | Senior |\n| --- | --- | --- |\n| Code | basic | expert |\n")).kind).toBe("levels");
    expect(kinds(section("## Kit\n- **Tools**: Git, Docker\n- **Cloud**: AWS\n"))).toEqual([["skills", 0.2]]);
  });

  it("a named heading keeps its name's kind, the content adding to its score", () => {
    const c = classify(section("## Required Skills\n- **Tools**: Git, Docker\n- **Cloud**: AWS\n"));
    expect(c).toMatchObject({ kind: "skills", score: 1.2 });
  });
});

describe("edit distance", () => {
  it("counts a swap of two letters as one edit and stops past its limit", () => {
    expect(editDistance("requried", "required", 2)).toBe(1);
    expect(editDistance("overveiw", "overview", 1)).toBe(1);
    expect(editDistance("skills", "skils", 1)).toBe(1);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(editDistance("short", "a much longer text", 2)).toBe(3);
  });
});

describe("heading-typo", () => {
  it("warns at the heading's own line and column, naming the known name, and reads the section as it", () => {
    const path = fileURLToPath(new URL("./fixtures/typos.md", import.meta.url));
    const { file, placed } = loadContent(readFileSync(path), "typos.md");
    const typos = toDiagnostics([file]).filter((d) => d.ruleId === "heading-typo");
    expect(typos.map((d) => [d.severity, d.line, d.column])).toEqual([
      ["warning", 3, 1],
      ["warning", 6, 1],
      ["warning", 10, 1],
    ]);
    expect(typos[1]!.message).toContain('did you mean "Required Skills"?');
    // Editors get what was written and what was meant.
    expect(file.messages.find((m) => m.ruleId === "heading-typo")).toMatchObject({ actual: "Overveiw", expected: ["Overview"] });
    const role = placed!.role;
    expect(role.summary).toBe("Turns data into decisions.");
    expect(role.skills.map((s) => s.name)).toEqual(["SQL", "Python"]);
    expect(role.responsibilities).toEqual(["Weekly reports"]);
    // "Process" is an ordinary word: kept unplaced, no typo.
    expect(role.sections.map((s) => s.heading)).toEqual(["Process"]);
  });
});
