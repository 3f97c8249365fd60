/**
 * The new shapes, shuffled: whatever order and nesting they come in, loading gives roles or an
 * error that says why not, never a crash, and every word of a role that loads reaches its export.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/load.ts";
import { coverage } from "../../src/report/coverage.ts";

const FRAGMENTS = [
  "# 14. Data Engineer\n",
  "## 1. Data Analyst\n",
  "### Overview\nTurns data into decisions.\n",
  "## Levels\n",
  "### Level IC1: Associate (0-2 years)\n",
  "## D1 - Developer 1\n",
  "### Principal Engineer and Beyond\n",
  "### Years 0-2: Foundations\n",
  "### Skills for Senior Level\n",
  "**Required Skills:**\n",
  "**Soft Skills**:\n",
  "- **Tools:** Git, Cloud Platforms (AWS/GCP)\n",
  "- **Practices**:\n  - **Delivery**\n    - CI/CD\n",
  "**Compensation:** $80K\n",
  "| Level | Years | Scope |\n| --- | --- | --- |\n| Junior | 0-2 | Answers questions |\n",
  "| Skill | Junior | Senior |\n| --- | --- | --- |\n| SQL | basic | expert |\n",
  "<table>\n<tr><th>Level/Skill</th><th>Scope</th></tr>\n\n<tr><td>1</td><td><ul><li>a</li></ul></td></tr>\n</table>\n",
  "<picture>\n  <img alt=\"Chart\" src=\"c.png\">\n</picture>\n",
  "<GitHubButtons />\nSome intro.\n",
  "```\nJunior\n↓\nSenior\n```\n",
  "Senior → Staff\n",
  "## Common Career Transitions\n",
  "- **From Sysadmin to SRE:** Automate (3-6 months)\n",
  "### From Developer to DevOps\n1. Learn Linux\n",
  "**Weeks 1–3**: Python\n",
  "**Month 1 –** Basics\n",
  "**Year 1-2**: Statistics\n",
  "### 주니어 (0-2년차)\n",
  "### 从数据分析师（6个月计划）\n",
  "* TOC\n{:toc}\n",
  "---\ntitle: Wrangler\nlevels:\n  - name: Mid\n    years: 2-4\n    criteria: [SQL]\n---\n",
  "\n",
];

describe("shuffled shapes", () => {
  it("never crash, and lose no word of a role that loads", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 25 }), (parts) => {
        const { file, roles } = loadContent(parts.join(""), "fuzz.md");
        // A role, an error, or no role with an info saying why (a page about roles, not a role).
        expect(roles.length > 0 || file.messages.some((m) => m.fatal === true || m.ruleId === "no-role")).toBe(true);
        if (roles.length > 0 && !file.messages.some((m) => m.fatal === true)) expect(coverage(file, roles.map((r) => r.role)).lost).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
