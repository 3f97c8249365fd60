/**
 * Pages of jobs described in prose, one heading a job ("## Développeur Frontend" and a paragraph):
 * a role each, its skills those its prose lists after a lead-in ("such as HTML, CSS"); the pages
 * that look alike but are not (levels of one job, a role with parts); and an index of tracks, each
 * a job over links to its levels' pages.
 */
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { isJobTitle, jobSections, pageList } from "../../src/extract/job-titles.ts";
import { readProse } from "../../src/extract/prose.ts";
import { sectionTree } from "../../src/extract/sections.ts";
import { loadContent } from "../../src/load.ts";
import { parseMarkdown } from "../../src/parse/index.ts";
import { coverage } from "../../src/report/coverage.ts";

function tree(markdown: string) {
  return sectionTree(parseMarkdown(new VFile({ path: "s.md", value: markdown })));
}

function load(markdown: string) {
  const { file, roles } = loadContent(Buffer.from(markdown), "jobs.md");
  const read = roles.map((p) => p.role);
  return { roles: read, lost: coverage(file, read).lost };
}

const JOBS = [
  "Intro to the jobs.",
  "",
  "## Frontend Developer",
  "Builds interfaces with frameworks such as React, Vue or Angular.",
  "",
  "## Ingénieur DevOps",
  "Automatise les déploiements.",
  "",
  "## Data Scientist",
  "An expert in statistics and mathematics.",
  "",
  "# How to choose",
  "Read about each.",
  "",
].join("\n");

describe("job titles", () => {
  it("name a job by a role noun among a few words, in the languages the names table knows", () => {
    for (const title of ["Développeur Frontend", "Chef de projet Informatique", "Product Owner", "Ingeniero de datos", "前端开发工程师", "Testeur logiciel"]) {
      expect(isJobTitle(title), title).toBe(true);
    }
    for (const title of ["Comment choisir son futur métier ?", "Developer (2-4 years)", "How engineers grow in this team at our company today", "Product"]) {
      expect(isJobTitle(title), title).toBe(false);
    }
  });

  it("make a set of roles when three or more siblings, most of them, name jobs", () => {
    const root = tree(JOBS);
    expect(jobSections(root.children, root)?.map((s) => s.title)).toEqual(["Frontend Developer", "Ingénieur DevOps", "Data Scientist"]);
    expect(jobSections(root.children.slice(0, 2), root)).toBeNull();
  });

  it("make no set when a heading names a part (a role with parts) or the titles differ by rank (levels)", () => {
    const parts = tree("## Frontend Developer\nA.\n## Backend Developer\nB.\n## Data Engineer\nC.\n## Skills\n- SQL\n");
    expect(jobSections(parts.children, parts)).toBeNull();
    const ranks = tree("## Developer\nA.\n## Senior Developer\nB.\n## Staff Developer\nC.\n");
    expect(jobSections(ranks.children, ranks)).toBeNull();
  });

  it("give a role per job, its prose its summary, and keep the page's other text unplaced", () => {
    const { roles, lost } = load(JOBS);
    expect(roles.map((r) => r.title)).toEqual(["Frontend Developer", "Ingénieur DevOps", "Data Scientist"]);
    expect(roles[1]!.summary).toBe("Automatise les déploiements.");
    expect(roles[0]!.sections.map((s) => s.heading)).toEqual(["", "How to choose"]);
    expect(lost).toEqual([]);
  });
});

describe("readProse", () => {
  const skills = (markdown: string) => readProse(tree(markdown).children[0]!).values.map((v) => (v.kind === "skill" ? v.name : v.kind));

  it("reads the names listed after a lead-in, up to the list's end", () => {
    expect(skills("## A\nUses frameworks such as React, Vue or Angular. Then more.\n")).toEqual(["React", "Vue", "Angular"]);
    expect(skills("## A\nDes langages comme C#, Java, C++ etc...\n")).toEqual(["C#", "Java", "C++"]);
    expect(skills("## A\nLa maîtrise de langages comme [Python](https://python.org), PHP ou encore Java.\n")).toEqual(["Python", "PHP", "Java"]);
    expect(skills("## A\nIl doit connaître les langages JAVA et XML.\n")).toEqual(["JAVA", "XML"]);
  });

  it("reads fields of skill in lower case after a skills lead-in, and stops where the sentence goes on", () => {
    expect(skills("## A\nAn expert in statistics and mathematics.\n")).toEqual(["statistics", "mathematics"]);
    expect(skills("## A\nDes compétences en gestion de projet, gestion de serveurs et avoir de bonnes notions en réseau.\n")).toEqual(["gestion de projet", "gestion de serveurs"]);
  });

  it("reads no name where a lead-in opens a phrase", () => {
    expect(skills("## A\nIt thinks like a human. Comme son nom l'indique, il conçoit. Works like crazy with people.\n")).toEqual([]);
  });

  it("takes each sentence that states a duty as a responsibility, as written", () => {
    const result = readProse(tree("## A\nLe testeur est chargé de réaliser des tests. Il aime le café. Son travail consiste à relire le code. She is responsible for releases. Il participe à la conception.\n").children[0]!);
    expect(result.values.filter((v) => v.kind === "responsibility").map((v) => (v.kind === "responsibility" ? v.text : ""))).toEqual([
      "Le testeur est chargé de réaliser des tests.",
      "Son travail consiste à relire le code.",
      "She is responsible for releases.",
      "Il participe à la conception.",
    ]);
  });
});

describe("an index of tracks", () => {
  const INDEX = [
    "The ladder, in short.",
    "",
    "### [Developers](developers/path.md)",
    "* [Level1](developers/level1.md)",
    "* [Level2](developers/level2.md)",
    "",
    "### Managers",
    "* [Engineering Manager](managers/em.md)",
    "* [Director, Engineering](managers/director.md)",
    "",
  ].join("\n");

  it("finds a track's page list only under a job's title, each item a link alone", () => {
    const root = tree(INDEX);
    expect(root.children.map((s) => pageList(s) !== null)).toEqual([true, true]);
    const notes = tree("### Managers\n* [Engineering Manager](em.md) and more\n* [Director](d.md)\n### Links\n* [A](a.md)\n* [B](b.md)\n");
    expect(notes.children.map((s) => pageList(s) !== null)).toEqual([false, false]);
  });

  it("makes the first track the file's role and each other a role of its own, its pages its levels, the links kept", () => {
    const { roles, lost } = load(INDEX);
    expect(roles.map((r) => r.title)).toEqual(["Developers", "Managers"]);
    expect(roles[1]!.levels.map((l) => l.name)).toEqual(["Engineering Manager", "Director, Engineering"]);
    expect(lost).toEqual([]);
  });
});
