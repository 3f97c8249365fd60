/**
 * Shapes met in real guides by other authors (tests/fixtures/corpus), each from a small fixture of
 * its own in tests/extract/fixtures/: levels as top headings titled in full, levels as a list of
 * links, a page about one level, an FAQ that gives no role, groups of responsibilities, links and
 * media in prose, and Hugo's TOML front matter.
 */
import { describe, expect, it } from "vitest";
import { fixture, load, only } from "./fixture-roles.ts";
import { experienceField, levelRun } from "../../src/extract/level-names.ts";
import { roleTitle } from "../../src/extract/index.ts";
import { loadContent } from "../../src/load.ts";
import { toDiagnostics } from "../../src/model/diagnostics.ts";
import { coverage } from "../../src/report/coverage.ts";


describe("levels as top headings, each titled in full", () => {
  it("make one role titled by what they share, each its own level, in order", () => {
    const { role, diagnostics } = only("levels-top-headings.md");
    expect(role.title).toBe("Data Analyst");
    expect(role.levels.map((l) => [l.name, l.code, l.years])).toEqual([
      ["Data Analyst I", null, null],
      ["Data Analyst II", "DA2", { min: 2, max: null }],
      ["Senior Data Analyst", null, { min: 5, max: null }],
    ]);
    expect(role.ladders).toEqual([["Data Analyst I", "Data Analyst II", "Senior Data Analyst"]]);
    // A heading that is no level stays the author's, unplaced.
    expect(role.sections.map((s) => s.heading)).toEqual(["Conclusion"]);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(["unplaced-section"]);
  });

  it("take a level's years from its experience field, which is no requirement", () => {
    const { role } = only("levels-top-headings.md");
    expect(role.levels.map((l) => l.experience)).toEqual([
      "Typically requires no professional experience.",
      "Typically requires a minimum of 2 years of professional experience.",
      "5+",
    ]);
    expect(role.levels.flatMap((l) => l.requirements.map((r) => r.text))).toEqual(["Builds dashboards others have designed.", "Owns reports end to end.", "Synonyms", "Leads analyses across teams."]);
  });

  it("need three titles sharing a phrase that is no rank, the rest of each a rank", () => {
    expect(levelRun(["Junior Engineer", "Middle I Engineer", "Senior Engineer"])).toEqual({ title: "Engineer", levels: [0, 1, 2] });
    expect(levelRun(["Engineer I", "Engineer II"])).toBeNull();
    expect(levelRun(["Role 1", "Role 2", "Role 3"])).toBeNull();
    expect(levelRun(["From Data Scientist", "From Analyst", "From Engineer"])).toBeNull();
    expect(levelRun(["Senior Engineer Interviews", "Senior Engineer Salaries", "Senior Engineer"])).toBeNull();
  });

  it("read experience fields in their common forms", () => {
    expect(experienceField("**Typical Experience:** 0-2 years".replace(/\*/g, ""))).toEqual({ years: { min: 0, max: 2 }, text: "0-2 years" });
    expect(experienceField("Experience: 4+")).toEqual({ years: { min: 4, max: null }, text: "4+" });
    expect(experienceField("Experience: at least 3 years in a product team")?.years).toEqual({ min: 3, max: null });
    expect(experienceField("Experienced engineers mentor others")).toBeNull();
  });
});

describe("levels as a list of links", () => {
  it("are levels and a ladder; the list keeps its targets, as written", () => {
    const { role } = only("levels-link-list.md");
    expect(role.levels.map((l) => l.name)).toEqual(["Junior Designer", "Middle I Designer", "Senior Designer"]);
    expect(role.ladders).toEqual([["Junior Designer", "Middle I Designer", "Senior Designer"]]);
    expect(role.sections.map((s) => s.heading)).toEqual(["Grades"]);
  });
});

describe("a page about one level", () => {
  it("is one role with that level, its sections that name no part groups of the level's requirements", () => {
    const { role } = only("one-level-page.md");
    expect(role.title).toBe("L4");
    expect(role.levels.map((l) => [l.name, l.code])).toEqual([["L4", "L4"]]);
    expect(role.levels[0]!.requirements.map((r) => [r.text, r.group])).toEqual([
      ["Delivers projects that matter to the whole team.", "Impact"],
      ["Owns a service in production", "Ownership"],
    ]);
  });
});

describe("a page titled by one level's name", () => {
  it("is that level, even when its sub-headings carry codes of their own", () => {
    const text = "# Senior II Support Engineer\n\n## Craft (C3)\n- Leads incident reviews\n\n## Impact (I3)\n- Shapes the on-call rota\n\n## Skills\n- Zendesk\n";
    const { roles } = loadContent(text, "s.md");
    const role = roles[0]!.role;
    expect(role.levels.map((l) => [l.name, l.requirements.map((r) => [r.text, r.group])])).toEqual([
      ["Senior II Support Engineer", [["Leads incident reviews", "Craft (C3)"], ["Shapes the on-call rota", "Impact (I3)"]]],
    ]);
    expect(role.skills.map((s) => s.name)).toEqual(["Zendesk"]);
  });
});

describe("a page about roles, not a role", () => {
  it("an FAQ gives no role and an info that says why, not an error", () => {
    const { roles, diagnostics } = load("no-role-faq.md");
    expect(roles).toEqual([]);
    expect(diagnostics).toEqual([{ ruleId: "no-role", severity: "info", line: 1, column: 1 }]);
  });

  it("a page that only quotes a guide in a code block gives no role, and says so", () => {
    const { roles, file, diagnostics } = load("quoted-guide.md");
    expect(roles).toEqual([]);
    expect(diagnostics).toEqual([{ ruleId: "no-role", severity: "info", line: 1, column: 1 }]);
    expect(file.messages[0]!.reason).toContain("quotes a guide in a code block (line 5)");
  });

  it("a short role page with only an opening paragraph is still a role", () => {
    const { roles } = loadContent("# Data Wrangler\n\nCleans data for the analysts.\n", "w.md");
    expect(roles.map((p) => p.role.summary)).toEqual(["Cleans data for the analysts."]);
  });
});

describe("responsibilities in groups", () => {
  it("every line of a group under Responsibilities is one, and Accountabilities are too", () => {
    const { role } = only("responsibility-groups.md");
    expect(role.responsibilities).toEqual(["The team ships what it commits to", "Plans the sprint with the product owner", "Runs one-to-ones"]);
    // The group headings are the author's: kept, as written.
    expect(role.sections).toEqual([{ heading: "Responsibilities", text: "#### Planning\n\n#### People", source: "responsibility-groups.md" }]);
  });
});

describe("links, media and TOML front matter", () => {
  it("keeps the targets of links in prose beside the role, a banner as media, and no TOML in the summary", () => {
    const { role, diagnostics } = only("links-and-media.md");
    expect(role.summary).toBe("Read the handbook first.");
    expect(role.links).toEqual([{ text: "handbook", url: "https://example.org/handbook" }]);
    // A list item keeps its link's target in its text.
    expect(role.skills.map((s) => [s.name, s.detail])).toEqual([
      ["SQL", "https://sql.example.org/"],
      ["Python", null],
    ]);
    expect(role.sections.map((s) => s.text)).toEqual(["![](https://img.example.org/banner.png)"]);
    expect(diagnostics).toEqual([{ ruleId: "unplaced-media", severity: "info", line: 7, column: 1 }]);
  });
});

describe("levels in tiers, ladders of labelled level lines, and a Skills column", () => {
  it("bold lines under a tier heading of a levels section are levels; the tier heading is kept", () => {
    const { role } = only("levels-tiers-and-lines.md");
    expect(role.levels.slice(0, 3).map((l) => [l.name, l.requirements.map((r) => [r.text, r.detail])])).toEqual([
      ["Trainee", [["Impact", "Self"], ["Autonomy", "Guided"]]],
      ["Associate", [["Impact", "Self → Team"]]],
      ["Specialist", [["Impact", "Team"]]],
    ]);
    expect(role.sections[0]).toMatchObject({ heading: "Level Structure", text: "### Entry Tier\n\n### Core Tier" });
  });

  it("labelled lines of a ladder that name levels are levels holding their titles, in the ladder's order", () => {
    const { role } = only("levels-tiers-and-lines.md");
    expect(role.ladders).toEqual([["Entry-Level", "Mid-Level", "Senior-Level"]]);
    expect(role.levels.find((l) => l.name === "Entry-Level")!.requirements.map((r) => r.text)).toEqual(["Support Trainee, Helpdesk Associate"]);
    // A label that names no level stays as written.
    expect(role.sections[1]!.text).toBe("**Typical Career Ladder:**\n\n* **Management Track:** Support Manager");
  });

  it("a level table's Skills column is the role's skills, not a level", () => {
    const { role } = only("levels-tiers-and-lines.md");
    expect(role.levels.map((l) => l.name)).not.toContain("Skills");
    expect(role.levels.slice(-2).map((l) => [l.name, l.requirements.map((r) => [r.text, r.detail])])).toEqual([
      ["Level 1", [["Tickets", "basic"]]],
      ["Level 2", [["Tickets", "expert"]]],
    ]);
    expect(role.skills.map((s) => s.name)).toEqual(["Zendesk", "Jira"]);
  });
});

describe("titles and generator markup", () => {
  it("drops the department a framework files a role under, and a template expression as the H1", () => {
    expect(roleTitle("💻 Tech Lead - Engineering Framework")).toBe("Tech Lead");
    expect(roleTitle("Data Engineering Framework")).toBe("Data Engineering");
    const { roles } = loadContent("---\ntitle: Support Engineer\n---\n# {{page.title}}\n\n## Skills\n- Zendesk\n", "t.md");
    expect(roles.map((p) => p.role.title)).toEqual(["Support Engineer"]);
  });

  it("skips admonition fences, shortcodes and Liquid tags, keeping the text between them", () => {
    const text = "# Analyst\n\n:::caution\n\nStill a draft.\n\n:::\n\n{{% include \"note.md\" %}}\n\n{% raw %}\n\n## Skills\n- SQL\n";
    const { roles, file } = loadContent(text, "a.md");
    expect(roles[0]!.role.summary).toBe("Still a draft.");
    expect(coverage(file, roles.map((p) => p.role)).lost).toEqual([]);
  });
});

describe("author help for shapes that cannot be read", () => {
  it("a Levels section that gives no level gets a levels-unread warning at its heading, its text kept", () => {
    const { file, placed } = loadContent("# Analyst\n\n## Overview\nA.\n\n## Levels\nWe have several, described elsewhere.\n", "a.md");
    expect(toDiagnostics([file]).map((d) => [d.ruleId, d.line, d.column])).toContainEqual(["levels-unread", 6, 1]);
    expect(placed!.role.sections.map((s) => s.text)).toEqual(["We have several, described elsewhere."]);
  });

  it("a section under Transition Paths that speaks of months but is no plan gets a plan-unread warning", () => {
    const text = "# Analyst\n\n## Transition Paths\n### Teacher plan\n**Months 1-3**: SQL\n\n### Useful links\n- Blog\n";
    const diagnostics = toDiagnostics([loadContent(text, "a.md").file]);
    expect(diagnostics.filter((d) => d.ruleId === "plan-unread").map((d) => [d.line, d.column])).toEqual([[4, 1]]);
  });
});

describe("an IC and a management track in one levels section", () => {
  it("gives two roles: the tiers from the first management one on are the second, titled by that tier", () => {
    const { roles, file } = load("tracks-ic-and-management.md");
    expect(roles.map((r) => [r.title, r.levels.map((l) => l.name)])).toEqual([
      ["Engineering", ["Engineer", "Senior Engineer"]],
      ["Management", ["Team Lead", "CTO"]],
    ]);
    expect(coverage(file, roles).lost).toEqual([]);
  });
});

describe("arrows are structure only between title-like parts", () => {
  it("a heading naming two levels twice is one growth step; a table row of a chain is a step with its requirements", () => {
    const { role } = only("arrows.md");
    expect(role.growth).toEqual([
      { from: "SWE-1", to: "SWE-2", steps: ["Own a feature end to end"] },
      { from: "Junior", to: "Mid", steps: ["Lead a project"] },
    ]);
    // The names beside the codes, and the table's header, are kept as written.
    expect(role.sections[0]).toMatchObject({ heading: "Growth", text: "### SWE-1 → SWE-2: Junior I → Junior II\n\nMove | What it takes" });
    expect(role.levels.map((l) => [l.name, l.code])).toEqual([
      ["Junior I", "SWE-1"],
      ["Junior II", "SWE-2"],
    ]);
  });

  it("an arrow inside a sentence is text, neither a ladder nor a step", () => {
    const { role } = only("arrows.md");
    expect(role.ladders).toEqual([]);
    expect(role.sections[1]!.text).toBe("Promotions happen yearly (IC1 → IC2, IC2 → IC3).\n\nConfigure security groups so EKS → RDS works.");
  });
});
