/** Where each level, requirement and plan phase was written, kept for the site's "suggest a change" links. */
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/load.ts";
import { mergeRoles } from "../../src/model/merge.ts";

const GUIDE = `# Data Analyst

## Overview
Turns data into decisions.

## Tech Stack Requirements by Experience Level
### Mid Level (2-4 years)
#### Must-Have:
- **SQL** - Querying
- **Python** - Scripting

## Transition Paths
### From Teacher (6-month plan)
**Months 1-3**: Foundations
- Statistics
**Months 4-6**: Practice
- Projects
`;

function load(text: string, name: string) {
  const { roles } = loadContent(new TextEncoder().encode(text), name);
  return roles;
}

describe("origins", () => {
  it("give each level, requirement and phase its file and line", () => {
    const [placed] = load(GUIDE, "guides/analyst.md");
    const role = placed!.role;
    const lines = GUIDE.split("\n");
    const at = (origin: { path: string; line: number } | undefined) => {
      expect(origin?.path).toBe("guides/analyst.md");
      return lines[origin!.line - 1]!;
    };
    expect(at(role.levels[0]!.origin)).toContain("Mid Level");
    expect(role.levels[0]!.requirements.map((r) => at(r.origin))).toEqual(["- **SQL** - Querying", "- **Python** - Scripting"]);
    expect(role.transitions[0]!.phases.map((p) => at(p.origin))).toEqual(["**Months 1-3**: Foundations", "**Months 4-6**: Practice"]);
  });

  it("do not keep a requirement twice when two files of one role both give it", () => {
    const a = load(GUIDE, "a.md");
    const b = load(GUIDE.replace("## Overview\nTurns data into decisions.\n", "## Overview\nTurns data into decisions.\n\nMore.\n"), "b.md");
    const [merged] = mergeRoles([...a, ...b]);
    expect(merged!.levels[0]!.requirements.map((r) => r.text)).toEqual(["SQL", "Python"]);
    expect(merged!.levels[0]!.requirements[0]!.origin).toEqual({ path: "a.md", line: 9 });
  });
});
