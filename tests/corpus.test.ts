/**
 * Real role guides by other authors (tests/fixtures/corpus, see its SOURCES.md): none crashes or
 * gives an error, and each gives a role with a title, or no role with a reason in its facts file.
 * What each gives is judged against hand-written facts in tests/corpus/facts.test.ts; that every
 * word reaches the export is checked in tests/nothing-lost.test.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRoles } from "../src/load.ts";
import { toDiagnostics } from "../src/model/diagnostics.ts";
import { guidesIn, readFacts } from "./corpus/facts.ts";
import { corpusDir } from "./seeds.ts";

const guides = guidesIn(corpusDir);

describe("the corpus of real role guides", () => {
  it("holds every guide SOURCES.md names", () => {
    const sources = readFileSync(path.join(corpusDir, "SOURCES.md"), "utf8");
    expect(guides).toHaveLength(34);
    // The first table names files as they are; the list names them by owner, repository and path.
    const named = (name: string) => sources.includes(`| ${name} |`) || sources.includes(`- ${name.split("__").slice(0, 2).join("/")} |`);
    expect(guides.filter((g) => !named(g))).toEqual([]);
  });

  for (const name of guides) {
    it(name, async () => {
      const { roles, files } = await loadRoles([path.join(corpusDir, name)]);
      const diagnostics = toDiagnostics(files);
      expect(diagnostics.filter((d) => d.severity === "error").map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([]);
      for (const role of roles) expect(role.title.trim()).not.toBe("");
      if (roles.length > 0) return;
      // No role: the guide's facts say why a reader finds none, and the file says so too.
      expect(readFacts(path.join(corpusDir, "expected"), name)?.noRole ?? null).not.toBeNull();
      expect(diagnostics.some((d) => d.ruleId === "no-role")).toBe(true);
    });
  }
});
