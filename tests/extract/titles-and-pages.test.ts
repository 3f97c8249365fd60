/**
 * Ladders written in passing (at the end of a sentence, with years beside each title), the title
 * of a guide headed by framing words alone or by levels, levels headed with their pay, and pages of
 * prose that describe no role.
 */
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import type { ReadEnv, Result } from "../../src/extract/out.ts";
import { readOverview } from "../../src/extract/overview.ts";
import { readProgression } from "../../src/extract/progression.ts";
import { sectionTree, type HeadingSection } from "../../src/extract/sections.ts";
import { loadContent } from "../../src/load.ts";
import { parseMarkdown } from "../../src/parse/index.ts";
import { coverage } from "../../src/report/coverage.ts";

const at = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

function setUp(markdown: string): { section: HeadingSection; env: ReadEnv } {
  const section = sectionTree(parseMarkdown(new VFile({ path: "s.md", value: markdown }))).children[0]!;
  return { section, env: { text: markdown, title: "Engineer", position: at, tops: new Set([section]), pageLevel: null } };
}

const ladders = (result: Result) => result.values.flatMap((v) => (v.kind === "ladder" ? [v.titles] : []));
const summaries = (result: Result) => result.values.flatMap((v) => (v.kind === "summary" ? [v.text] : []));

function load(markdown: string) {
  const { file, roles } = loadContent(Buffer.from(markdown), "page.md");
  const read = roles.map((p) => p.role);
  return { roles: read, rules: file.messages.map((m) => m.ruleId), lost: coverage(file, read).lost };
}

describe("a ladder at the end of a sentence", () => {
  it("is read after a colon, three titles or more, and the sentence stays prose", () => {
    const { section, env } = setUp("## Overview\nMost companies have something like: Junior → Senior → Staff → Principal.\n");
    const result = readOverview(section, env);
    expect(ladders(result)).toEqual([["Junior", "Senior", "Staff", "Principal"]]);
    expect(summaries(result)).toEqual(["Most companies have something like: Junior → Senior → Staff → Principal."]);
  });

  it("is not read from an arrow inside a sentence, nor from two titles", () => {
    for (const text of ["Configure security groups so EKS → RDS → S3 works.", "The usual step: Senior → Staff."]) {
      const { section, env } = setUp(`## Overview\n${text}\n`);
      expect(ladders(readOverview(section, env)), text).toEqual([]);
    }
  });
});

describe("ladder titles", () => {
  it("leave the years beside them to the levels", () => {
    const { section, env } = setUp("## Career Path\n```\nJunior Engineer (0-2 years)\n↓\nSenior Engineer (5-8 years)\n↓\nPrincipal\n```\n");
    expect(ladders(readProgression(section, env))).toEqual([["Junior Engineer", "Senior Engineer", "Principal"]]);
  });

  it("keep a title that is years alone", () => {
    const { section, env } = setUp("## Career Path\nYear 1 → Year 2 → Year 3\n");
    expect(ladders(readProgression(section, env))).toEqual([["Year 1", "Year 2", "Year 3"]]);
  });
});

describe("a title of framing words alone", () => {
  it("gives way to the field the opening text names", () => {
    const { roles } = load("# Career Progression Guide\nUnderstanding career paths in Platform Engineering, SRE, and DevOps helps.\n\n## Responsibilities\n- Run the platform\n");
    expect(roles.map((r) => r.title)).toEqual(["Platform Engineering"]);
  });

  it("stays when the opening text names none", () => {
    const { roles } = load("# Career Guide\nRead on.\n\n## Responsibilities\n- Run the platform\n");
    expect(roles.map((r) => r.title)).toEqual(["Career Guide"]);
  });
});

describe("prose under a title that names no job", () => {
  const page = (title: string) => `# ${title}\n\n# Summary\nA complete education in computer science.\n\n# Community\nJoin us.\n\n# Curriculum\nCourses.\n\n# Team\nPeople.\n`;

  it("gives no role, with a no-role info, when three sections or more beside its summary name no part", () => {
    const { roles, rules } = load(page("Contents"));
    expect(roles).toEqual([]);
    expect(rules).toContain("no-role");
  });

  it("is a role under a job's title, or when the page is short", () => {
    expect(load(page("Data Engineer")).roles.map((r) => r.title)).toEqual(["Data Engineer"]);
    const short = load("# Contents\n\n## Overview\nA page.\n\n## Notes\nMore.\n");
    expect(short.roles.map((r) => r.title)).toEqual(["Contents"]);
    expect(short.lost).toEqual([]);
  });

  it("is a role when its opening part is an Overview, not a Summary: a team's guide under its field's name keeps its page", () => {
    const guide = load("# Data Platform\n\n## Overview\nWe run the pipelines.\n\n## How we work\nIn pairs.\n\n## On-call\nWeekly.\n\n## Tooling\nAirflow.\n");
    expect(guide.roles.map((r) => r.title)).toEqual(["Data Platform"]);
    expect(guide.rules).not.toContain("no-role");
    expect(guide.lost).toEqual([]);
  });
});

describe("H1s that are levels", () => {
  const page = "# 1Y 基础 8-10k\n- 熟悉HTML\n\n# 2-3Y 具有框架开发经验 10-15/20k\n- 熟悉Vue\n\n# 3-5Y 15-20/25k\n- 熟悉Node\n";

  it("are levels, none the title, each named without its pay, a level of years alone named by them", () => {
    const { roles, rules, lost } = load(page);
    expect(roles).toHaveLength(1);
    expect(roles[0]!.title).toBe("Page");
    expect(rules).toContain("title-from-filename");
    expect(roles[0]!.levels.map((l) => [l.name, l.years])).toEqual([
      ["基础", { min: 1, max: 1 }],
      ["具有框架开发经验", { min: 2, max: 3 }],
      ["3-5Y", { min: 3, max: 5 }],
    ]);
    // The headings, pay included, are kept as written.
    expect(roles[0]!.sections.map((s) => s.heading)).toEqual(["1Y 基础 8-10k", "2-3Y 具有框架开发经验 10-15/20k", "3-5Y 15-20/25k"]);
    expect(lost).toEqual([]);
  });

  it("leave the first H1 the title when it alone is a level", () => {
    expect(load("# Senior (5+ years)\n- Leads\n\n# Notes\nMore.\n").roles.map((r) => r.title)).toEqual(["Senior (5+ years)"]);
  });
});
