/**
 * A site generator's markup is never a title or a summary, and never vanishes: its directives are
 * kept as written in one unplaced section, with a `generator-markup` info at the first.
 */
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/load.ts";
import { toDiagnostics } from "../../src/model/diagnostics.ts";

const GUIDE = [
  '{{% include "header.md" %}}',
  "",
  "# Data Wrangler",
  "",
  ":::tip",
  "",
  "Cleans and joins data for the analysts.",
  "",
  ":::",
  "",
  "## Required Skills",
  "- **Tools**: SQL, Python",
  "",
  "{% raw %}",
  "",
].join("\n");

describe("generator markup", () => {
  it("is kept as written, unplaced, with one info at its first line", () => {
    const { roles, file } = loadContent(GUIDE, "wrangler.md");
    const [role] = roles.map((r) => r.role);
    expect(role!.title).toBe("Data Wrangler");
    expect(role!.summary).toBe("Cleans and joins data for the analysts.");
    expect(role!.sections).toContainEqual({ heading: "Site generator markup", text: '{{% include "header.md" %}}\n\n:::tip\n\n:::\n\n{% raw %}', source: "wrangler.md" });
    expect(toDiagnostics([file]).filter((d) => d.ruleId === "generator-markup").map((d) => [d.severity, d.line, d.column])).toEqual([["info", 1, 1]]);
  });

  it("gives no section and no info to a guide without any", () => {
    const { roles, file } = loadContent("# Data Wrangler\n\nCleans data.\n", "plain.md");
    expect(roles[0]!.role.sections).toEqual([]);
    expect(toDiagnostics([file]).map((d) => d.ruleId)).not.toContain("generator-markup");
  });
});
