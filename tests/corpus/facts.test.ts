/**
 * The hand-written facts of every corpus guide (tests/fixtures/corpus/expected/), one case per
 * fact. A fact the code does not meet yet is listed, with its reason, in expected/misses.json: its
 * case is expected to fail, so a fact that starts holding turns red until its entry is removed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/load.ts";
import { corpusDir } from "../seeds.ts";
import { guidesIn, matchFacts, readFacts, readMisses, type FactResult } from "./facts.ts";

const expectedDir = path.join(corpusDir, "expected");
const guides = guidesIn(corpusDir);
const misses = readMisses(expectedDir);
const judged = new Map<string, FactResult[]>();

for (const guide of guides) {
  describe(guide, () => {
    const facts = readFacts(expectedDir, guide);
    if (!facts) {
      it("has a facts file", () => {
        expect.fail(`no tests/fixtures/corpus/expected/${guide.replace(/\.md$/, ".json")}: write the facts a careful reader takes from the guide`);
      });
      return;
    }
    it("names its guide", () => {
      expect(facts.guide).toBe(guide);
    });
    const file = path.join(corpusDir, guide);
    const { roles } = loadContent(readFileSync(file), file);
    const results = matchFacts(facts, roles.map((p) => p.role));
    judged.set(guide, results);
    for (const result of results) {
      const miss = misses[guide]?.[result.id];
      const check = () => expect(result.matched, result.why).toBe(true);
      if (miss === undefined) it(result.id, check);
      else it.fails(`${result.id} (known miss: ${miss})`, check);
    }
  });
}

describe("misses.json", () => {
  it("names only guides and facts that exist", () => {
    const stale = Object.entries(misses).flatMap(([guide, ids]) =>
      Object.keys(ids)
        .filter((id) => !judged.get(guide)?.some((r) => r.id === id))
        .map((id) => `${guide}: ${id}`),
    );
    expect(stale).toEqual([]);
  });
});
