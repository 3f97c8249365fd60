/**
 * Real role guides by other authors (tests/fixtures/corpus, see its SOURCES.md). Each gives a role
 * with a title and its levels or skills, and no error; none crashes. What each gives is pinned in
 * a golden JSON under tests/fixtures/golden/ (regenerate with `npx vitest run tests/corpus.test.ts -u`
 * and read the diff). That every word reaches the export is checked in tests/nothing-lost.test.ts.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRoles } from "../src/load.ts";
import { toDiagnostics } from "../src/model/diagnostics.ts";
import type { Role } from "../src/model/role.ts";
import { corpusDir, root } from "./seeds.ts";

const guides = readdirSync(corpusDir).filter((name) => name.endsWith(".md") && name !== "SOURCES.md").sort();

function placedParts(role: Role): string[] {
  const parts = { summary: role.summary, background: role.background, responsibilities: role.responsibilities.length, skills: role.skills.length, levels: role.levels.length, ladders: role.ladders.length, alternativePaths: role.alternativePaths.length, growth: role.growth.length, transitions: role.transitions.length };
  return Object.entries(parts).filter(([, v]) => Boolean(v)).map(([k]) => k);
}

describe("the corpus of real role guides", () => {
  it("holds the seven guides named in SOURCES.md", () => {
    expect(guides).toHaveLength(7);
  });

  for (const name of guides) {
    it(name, async () => {
      const { roles, files } = await loadRoles([path.join(corpusDir, name)]);
      const diagnostics = toDiagnostics(files).map(({ ruleId, severity, line, column }) => ({ ruleId, severity, line, column }));
      // Every guide here is well formed: it gives a role and no error.
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(roles.length).toBeGreaterThan(0);
      for (const role of roles) {
        expect(role.title).not.toBe("");
        expect(placedParts(role)).toEqual(expect.arrayContaining([expect.stringMatching(/^(?:levels|skills)$/)]));
      }
      const golden = path.join(root, "tests/fixtures/golden", name.replace(/\.md$/, ".json"));
      await expect(`${JSON.stringify({ roles: roles.map((r) => ({ ...r, sources: r.sources.map((s) => path.basename(s.path)) })), diagnostics }, null, 2)}\n`).toMatchFileSnapshot(golden);
    });
  }
});
