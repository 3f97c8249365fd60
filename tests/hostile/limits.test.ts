/**
 * The limits that keep hostile input bounded (`Limits`, src/limits.ts: the read stage's file size,
 * the parse stage's nesting, marks, tree depth and chunking, what a file may ask of the site), each
 * proven with a low configured limit on a small input: an `input-too-complex` or `file-too-large`
 * error at the line where the limit is passed, and the same input just under it read. Where a test
 * is about what the parser would do at the default limits (10,000 nested levels refused before they
 * overflow the stack), it uses such an input at the defaults: the scan refuses it in milliseconds.
 * The inputs the benchmark times at full size (tests/hostile/generate.ts: a 5 MB guide, 1 MB lines,
 * 100,000 headings, an 11 MB file) are made here at a fiftieth of it or less; how long each takes
 * is the benchmark's business, and the only time limit here is the test timeout.
 */
import { mkdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { VFile } from "vfile";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, Limits, MAX_LEVELS, MAX_NAME_LENGTH, MAX_PLANS, MAX_ROLES, MAX_SKILL_NAMES, MAX_SKILLS } from "../../src/limits.ts";
import { loadContent, loadRoles } from "../../src/load.ts";
import { toDiagnostics } from "../../src/model/diagnostics.ts";
import { CHUNK_FROM, CHUNK_SIZE, parseMarkdown } from "../../src/parse/index.ts";
import { chunkingOf, MAX_BLOCK_WORK, MAX_DEPTH, MAX_MARK_WORK, MAX_MARKS, MAX_NESTING } from "../../src/parse/limits.ts";
import { MAX_FILE_BYTES } from "../../src/read/decode.ts";
import { buildSite } from "../../src/site/render.ts";
import { HEAD, headings, LARGE, largeGuide, LONG_LINES, MARK_LINES, PLACES } from "./generate.ts";
import { check, listAll, tempDir, unsafeMarkup } from "./helpers.ts";

let root: string;
beforeAll(async () => {
  root = await tempDir();
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Writes `text` as a guide in the temporary folder and returns its path. */
async function guide(name: string, text: string | Uint8Array): Promise<string> {
  const file = path.join(root, name);
  await writeFile(file, text);
  return file;
}

/** The errors of loading `text`, as rule id and line. */
function errorsOf(text: string | Uint8Array, limits: Limits = DEFAULT_LIMITS): { ruleId: string; line: number | null }[] {
  const { file } = loadContent(text, "hostile.md", limits);
  return toDiagnostics([file])
    .filter((d) => d.severity === "error")
    .map((d) => ({ ruleId: d.ruleId, line: d.line }));
}

/** Chunks of about a kilobyte from 4 KB on, so that a guide of some kilobytes is parsed as a 5 MB one is. */
const CHUNKED: Limits = { ...DEFAULT_LIMITS, chunkFrom: 4_096, chunkSize: 1_024 };

describe("nesting", () => {
  const nesting = 10;
  const low: Limits = { ...DEFAULT_LIMITS, nesting };
  const CONTAINERS: [string, (levels: number) => string][] = [
    ["list levels", (n) => `${"- ".repeat(n)}deep`],
    ["ordered list levels", (n) => `${"1. ".repeat(n)}deep`],
    ["block quotes", (n) => `${">".repeat(n)} deep`],
    ["mixed containers", (n) => `${Array.from({ length: n }, (_, i) => ["> ", "- ", "1. "][i % 3]).join("")}deep`],
  ];

  it.each(CONTAINERS)(`${nesting + 2} %s on one line with a limit of ${nesting}: an input-too-complex error at that line, before parsing; ${nesting} are read`, (_name, line) => {
    expect(errorsOf(`${HEAD}## Skills\n${line(nesting + 2)}\n`, low)).toEqual([{ ruleId: "input-too-complex", line: 7 }]);
    expect(errorsOf(`${HEAD}## Skills\n${line(nesting)}\n`, low)).toEqual([]);
  });

  it.each(CONTAINERS)("10,000 %s on one line at the default limit: refused by the scan before they can overflow the parser's stack", (_name, line) => {
    expect(errorsOf(`${HEAD}## Skills\n${line(10_000)}\n`)).toEqual([{ ruleId: "input-too-complex", line: 7 }]);
  });

  it("the error makes `check` exit 1, naming the line", async () => {
    const file = await guide("nested.md", `${HEAD}## Skills\n${"- ".repeat(MAX_NESTING + 1)}deep\n`);
    const { code, diagnostics } = await check(file);
    expect(code).toBe(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: "input-too-complex", line: 7, severity: "error" });
  });

  it("list levels by indentation: an error at the line that goes past the limit", () => {
    // Each level is indented 2 more columns: 10,000 levels would be a 100 MB file (over the size limit).
    let text = `${HEAD}## Skills\n`;
    for (let level = 0; level < 3 * nesting; level++) text += `${"  ".repeat(level)}- level ${level}\n`;
    expect(errorsOf(text, low)).toEqual([{ ruleId: "input-too-complex", line: 7 + nesting }]);
    expect(errorsOf(text)).toEqual([]);
  });

  it(`lists nested ${MAX_NESTING - 10} deep are read at the default limit (it is not a near miss for real guides)`, () => {
    let text = `${HEAD}## Core Responsibilities\n`;
    for (let level = 0; level < MAX_NESTING - 10; level++) text += `${"  ".repeat(level)}- duty ${level}\n`;
    const { file, roles } = loadContent(text, "ok.md");
    expect(file.messages.filter((m) => m.fatal)).toEqual([]);
    expect(roles[0]!.role.responsibilities).toHaveLength(MAX_NESTING - 10);
  });

  const depth = 20;
  const shallow: Limits = { ...DEFAULT_LIMITS, depth };

  it(`emphasis nested past the tree's depth limit (${depth}): an error at the paragraph, no stack overflow`, () => {
    const nested = (levels: number) => `${HEAD}## Notes\n${"*".repeat(2 * levels)}deep${"*".repeat(2 * levels)}\n`;
    expect(errorsOf(nested(depth + 10), shallow)).toEqual([{ ruleId: "input-too-complex", line: 7 }]);
    expect(errorsOf(nested(5), shallow)).toEqual([]);
  });

  it.each([
    ["<div>", "</div>"],
    ["<table><tr><td><ul><li>", "</li></ul></td></tr></table>"],
    ["<span>", ""],
  ])(`HTML elements (%s) nested past the depth limit (${depth}): an error at the HTML, no stack overflow`, (open, close) => {
    const nested = (times: number) => `${HEAD}## Tech Stack Requirements by Experience Level\n\n${open.repeat(times)}deep${close.repeat(times)}\n`;
    expect(errorsOf(nested(depth + 10), shallow)).toEqual([{ ruleId: "input-too-complex", line: 8 }]);
    // Two elements of the table's five nest (table, ul): the others close by themselves.
    expect(errorsOf(nested(depth / 4), shallow).filter((e) => e.ruleId === "input-too-complex")).toEqual([]);
  });

  it("10,000 nested HTML elements at the default limit: an error at the HTML, before the extractors parse it", () => {
    expect(errorsOf(`${HEAD}## Notes\n\n${"<div>".repeat(10_000)}deep${"</div>".repeat(10_000)}\n`)).toEqual([{ ruleId: "input-too-complex", line: 8 }]);
  });

  it(`HTML tables of many cells and rows without end tags are read (they nest nothing), even with a depth limit of ${depth}`, () => {
    const rows = Array.from({ length: 100 }, (_, i) => `<tr><td>Level ${i}<td>Skill ${i}`).join("\n");
    const { file } = loadContent(`${HEAD}## Notes\n\n<table>\n${rows}\n</table>\n`, "table.md", shallow);
    expect(file.messages.filter((m) => m.reason.includes("HTML here is nested"))).toEqual([]);
  });

  it("quotes inside quotes over many lines: an error at the line past the limit; links nested in links: no crash", () => {
    let quotes = `${HEAD}## Notes\n`;
    for (let level = 1; level <= 3 * nesting; level++) quotes += `${"> ".repeat(level)}level ${level}\n`;
    expect(errorsOf(quotes, low)[0]).toEqual({ ruleId: "input-too-complex", line: 7 + nesting });
    const links = `${HEAD}## Notes\n${"[a ".repeat(2 * depth)}x${"](u)".repeat(2 * depth)}\n`;
    const { file } = loadContent(links, "links.md", shallow);
    expect(file.messages.filter((m) => m.ruleId === "internal-error")).toEqual([]);
  });
});

describe("a large guide, parsed in chunks", () => {
  // What a 5 MB guide is at the default chunking: some kilobytes with chunks of a kilobyte.
  const text = largeGuide(40_000);
  const sections = text.split("\n").filter((line) => line.startsWith("## Notes ")).length;

  it("is parsed in many chunks into the tree of a single parse", () => {
    let texts = 0;
    const chunked = parseMarkdown(new VFile(text), chunkingOf(CHUNKED), () => ++texts > 0);
    expect(texts).toBeGreaterThan(20);
    expect(JSON.parse(JSON.stringify(chunked))).toEqual(JSON.parse(JSON.stringify(parseMarkdown(new VFile(text), { from: Infinity, size: Infinity }))));
  });

  it("loads into one role that keeps every section, as a single parse does, and builds its page", async () => {
    const file = await guide("large.md", text);
    const { roles, files } = await loadRoles([file], { limits: CHUNKED });
    expect(toDiagnostics(files).filter((d) => d.severity === "error")).toEqual([]);
    expect(roles).toHaveLength(1);
    expect(roles[0]!.sections).toHaveLength(sections);
    expect(roles[0]!.sections.at(-1)!.heading).toBe(`Notes ${sections - 1}`);
    expect(roles).toEqual((await loadRoles([file], { limits: { ...CHUNKED, chunkFrom: text.length } })).roles);
    const site = path.join(root, "large-site");
    const result = await buildSite(roles, site);
    expect(result.pages).toBeGreaterThan(1);
    const page = await readFile(path.join(site, "roles", roles[0]!.slug, "index.html"), "utf8");
    expect(unsafeMarkup(page)).toEqual([]);
    expect(page.length).toBeGreaterThan(text.length);
  }, 60_000);
});

describe("a long line", () => {
  const LONG = 20_000;

  it.each(LONG_LINES.map(({ shape, place, line }) => [shape, place, line(LONG)]))(
    `of %s in %s (${LONG.toLocaleString("en")} characters): read, with a page or diagnostics that say where`,
    (_shape, place, body) => {
      const { file, roles } = loadContent(`${HEAD}${PLACES[place]!(body)}`, "long-line.md");
      const diagnostics = toDiagnostics([file]);
      expect(diagnostics.filter((d) => d.ruleId === "internal-error")).toEqual([]);
      for (const d of diagnostics) expect(d.line, d.ruleId).toBeGreaterThan(0);
      // A role, or an error that says where: a title or name this long is one (MAX_NAME_LENGTH).
      expect(roles.length > 0 || diagnostics.some((d) => d.severity === "error" && d.line! > 5)).toBe(true);
    },
  );

  const marks = 100;
  const few: Limits = { ...DEFAULT_LIMITS, marks };

  it.each(MARK_LINES.map(({ shape, line }) => [shape, line(10 * marks)]))(`of %s, past a limit of ${marks} marks: an input-too-complex error at its line`, (_shape, body) => {
    expect(errorsOf(`${HEAD}## Notes\n${body}\n`, few)).toEqual([{ ruleId: "input-too-complex", line: 7 }]);
  });

  it(`of ${(MAX_MARKS + 2).toLocaleString("en")} nested brackets at the default limit: refused before parsing`, () => {
    const brackets = MARK_LINES.find((m) => m.shape === "nested brackets")!.line(MAX_MARKS + 2);
    expect(errorsOf(`${HEAD}## Notes\n${brackets}\n`)).toEqual([{ ruleId: "input-too-complex", line: 7 }]);
  });

  it(`paragraphs of ${marks} emphasis and link marks at most are read; one more is refused`, () => {
    // "*[a*](b) " holds 4 marks, "**bold** [link](u) " 6.
    const paragraphs = (count: number) => `${HEAD}## Notes\n${"*[a*](b) ".repeat(count)}\n\n${"**bold** [link](u) ".repeat(Math.floor(marks / 6))}\n`;
    const count = marks / 4;
    const { file, roles } = loadContent(paragraphs(count), "marks.md", few);
    expect(file.messages.filter((m) => m.fatal === true)).toEqual([]);
    expect(roles[0]!.role.sections[0]!.text.length).toBeGreaterThan(count * 8);
    expect(errorsOf(paragraphs(count + 1), few)).toEqual([{ ruleId: "input-too-complex", line: 7 }]);
  });

  it("many paragraphs of marks add up: an error at the paragraph where the file's work passes its limit", () => {
    // 88 marks a paragraph cost 88² = 7,744 each: two are within 20,000, the third is not.
    const lowWork: Limits = { ...DEFAULT_LIMITS, marks, markWork: 20_000 };
    const paragraphs = (count: number) => `${HEAD}## Notes\n${`${"*[a*](b) ".repeat(22)}\n\n`.repeat(count)}`;
    expect(errorsOf(paragraphs(2), lowWork)).toEqual([]);
    expect(errorsOf(paragraphs(5), lowWork)).toEqual([{ ruleId: "input-too-complex", line: 12 }]);
    expect(errorsOf(paragraphs(5), few)).toEqual([]);
  });
});

describe("many headings", () => {
  const count = 300;

  it(`${count} headings, parsed in chunks: one role, each unknown heading kept and reported at its line`, async () => {
    const file = await guide("headings.md", headings(count));
    const { roles, files } = await loadRoles([file], { limits: CHUNKED });
    expect(roles).toHaveLength(1);
    expect(roles[0]!.sections).toHaveLength(count);
    const diagnostics = toDiagnostics(files);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(diagnostics.filter((d) => d.ruleId === "unplaced-section")).toHaveLength(count);
    expect(diagnostics.find((d) => d.message.includes(`"Heading ${count - 1}"`))).toMatchObject({ line: 7 + 3 * (count - 1) });
  });
});

describe("what a file asks of the site", () => {
  const skills = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `Skill ${from + i}`).join(", ");
  // Each limit proven low, on a small input: the same checks run with the defaults on every guide.
  const low: Limits = { ...DEFAULT_LIMITS, skills: 10, skillNames: 50, levels: 5, fileLevels: 1_000, plans: 5, nameLength: 20, roles: 3 };

  it.each([
    [`more than ${low.skills} distinct skills`, `## Required Skills\n**Technical**: ${skills(6)}\n**Tools**: ${skills(6, 6)}\n`, 8],
    [
      `more than ${low.skillNames} skill names`,
      `## Tech Stack Requirements by Experience Level\n### Mid (2-4 years)\n#### Must-Have:\n${Array.from({ length: 8 }, () => `- **${skills(10)}** - again`).join("\n")}\n`,
      9 + 5,
    ],
    [`more than ${low.levels} levels`, `## Experience Levels\n${Array.from({ length: low.levels + 5 }, (_, i) => `### Level ${i} (${i}-${i + 1} years)\n- **Python** - code`).join("\n")}\n`, 7 + 2 * low.levels],
    [`more than ${low.plans} plans`, `## Transition Paths\n${Array.from({ length: low.plans + 5 }, (_, i) => `### From Role ${i} (3-month plan)\n**Months 1-3**: Basics`).join("\n")}\n`, 7 + 2 * low.plans],
    [`a skill name over ${low.nameLength} characters`, `## Required Skills\n- ${"x".repeat(low.nameLength + 1)}\n`, 7],
    [`a role title over ${low.nameLength} characters`, "", 1],
  ])("%s: an input-too-complex error at the first one over the limit", (name, body, line) => {
    const text = name.startsWith("a role title") ? `# ${"Long ".repeat(low.nameLength / 4 + 1)}\n\n## Overview\nx\n` : `${HEAD}${body}`;
    expect(errorsOf(text, low)).toEqual([{ ruleId: "input-too-complex", line }]);
    // With the defaults, the same small file is read.
    expect(errorsOf(text)).toEqual([]);
  });

  it(`more than ${low.roles} roles in one file: an error at the first one over`, () => {
    // A section is a role of its own when it holds two parts of one (here an overview and skills).
    const text = Array.from({ length: low.roles + 3 }, (_, i) => `# Role ${i}\n## Overview\nRole number ${i}.\n## Required Skills\n- Skill ${i}\n`).join("\n");
    expect(errorsOf(text, low)).toEqual([{ ruleId: "input-too-complex", line: 1 + 6 * low.roles }]);
    expect(errorsOf(text)).toEqual([]);
  });

  it("a requirement of 10 KB is cut on the pages of the skills it names", async () => {
    const tail = "and more ".repeat(1_000).trimEnd();
    const { roles } = loadContent(`${HEAD}## Tech Stack Requirements by Experience Level\n### Mid (2-4 years)\n#### Must-Have:\n- **${skills(5)}, ${tail}** - detail\n`, "long.md");
    const site = path.join(root, "long-requirement");
    await buildSite(roles.map((r) => r.role), site);
    const page = await readFile(path.join(site, "skills", "skill-0", "index.html"), "utf8");
    // A skill's page shows at most 300 characters of each requirement that names it.
    expect(page).toContain("and more");
    expect(page).not.toContain("and more ".repeat(40));
    expect((await listAll(site)).length).toBeLessThan(200);
  }, 60_000);
});

describe("every large input of the benchmark's list, at a hundredth of its size", () => {
  // The default limits lowered as far as the inputs are, so that each meets the limit it meets at full size.
  const scaled: Limits = { ...DEFAULT_LIMITS, fileBytes: 100 * 1024, nesting: 10, marks: 100, markWork: 10_000, blockWork: 500, depth: 40, chunkFrom: 640, chunkSize: 160, nameLength: 20 };

  it.each(Object.keys(LARGE))("%s: loads with a page or errors that say where, never a crash", (name) => {
    const { file, roles } = loadContent(LARGE[name]!(0.01), "large.md", scaled);
    const diagnostics = toDiagnostics([file]);
    expect(diagnostics.filter((d) => d.ruleId === "internal-error")).toEqual([]);
    expect(roles.length > 0 || diagnostics.some((d) => d.severity === "error" && d.line! >= 1)).toBe(true);
  });
});

describe("size", () => {
  const fileBytes = 4_096;
  const small: Limits = { ...DEFAULT_LIMITS, fileBytes };

  it(`a file over the limit (${fileBytes} bytes here) is a file-too-large error, and is never read into memory; one of the limit is read`, async () => {
    const folder = path.join(root, "huge");
    await mkdir(folder);
    const body = (bytes: number) => `${HEAD}${"Some text. ".repeat(bytes)}`.slice(0, bytes);
    await writeFile(path.join(folder, "huge.md"), body(fileBytes + 1_000));
    await writeFile(path.join(folder, "ok.md"), body(fileBytes).replace("Hostile", "Bounded"));
    const { roles, files } = await loadRoles([folder], { limits: small });
    expect(roles.map((r) => r.title)).toEqual(["Bounded Engineer"]);
    expect(toDiagnostics(files).filter((d) => d.severity === "error")).toEqual([expect.objectContaining({ ruleId: "file-too-large", line: 1, file: expect.stringMatching(/huge\.md$/) })]);
    expect(errorsOf(new Uint8Array(fileBytes + 1).fill(0x61), small)).toEqual([{ ruleId: "file-too-large", line: 1 }]);
    expect(errorsOf(new Uint8Array(fileBytes).fill(0x61), small).map((e) => e.ruleId)).not.toContain("file-too-large");
    expect(await listAll(folder)).toEqual(["huge.md", "ok.md"]);
  });

  it(`at the default limit, \`check\` refuses a file of ${MAX_FILE_BYTES / 1024 / 1024} MiB and a byte by its size alone, exit 1`, async () => {
    // A sparse file: nothing is written, and nothing read (its zeros would be a binary-file error).
    const folder = path.join(root, "sparse");
    await mkdir(folder);
    const file = path.join(folder, "sparse.md");
    await writeFile(file, "");
    await truncate(file, MAX_FILE_BYTES + 1);
    const { code, diagnostics } = await check(file);
    expect(code).toBe(1);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: "file-too-large", line: 1, severity: "error" })]);
  });
});

describe("the default limits", () => {
  it("are those the README states (its Security section), and a valid `Limits`", () => {
    expect(Limits.parse(DEFAULT_LIMITS)).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS).toEqual({
      fileBytes: 10 * 1024 * 1024,
      nesting: 100,
      marks: 10_000,
      markWork: 100_000_000,
      blockWork: 5_000_000,
      depth: 400,
      chunkFrom: 64 * 1024,
      chunkSize: 16 * 1024,
      roles: 100,
      skills: 1_000,
      skillNames: 100_000,
      levels: 200,
      fileLevels: 1_000,
      plans: 200,
      nameLength: 2_000,
      comparisonCells: 50_000,
      siteItems: 2_000_000,
    });
    expect([MAX_FILE_BYTES, MAX_NESTING, MAX_MARKS, MAX_MARK_WORK, MAX_BLOCK_WORK, MAX_DEPTH, CHUNK_FROM, CHUNK_SIZE]).toEqual([
      DEFAULT_LIMITS.fileBytes,
      DEFAULT_LIMITS.nesting,
      DEFAULT_LIMITS.marks,
      DEFAULT_LIMITS.markWork,
      DEFAULT_LIMITS.blockWork,
      DEFAULT_LIMITS.depth,
      DEFAULT_LIMITS.chunkFrom,
      DEFAULT_LIMITS.chunkSize,
    ]);
    expect([MAX_SKILLS, MAX_SKILL_NAMES, MAX_LEVELS, MAX_PLANS, MAX_NAME_LENGTH, MAX_ROLES]).toEqual([
      DEFAULT_LIMITS.skills,
      DEFAULT_LIMITS.skillNames,
      DEFAULT_LIMITS.levels,
      DEFAULT_LIMITS.plans,
      DEFAULT_LIMITS.nameLength,
      DEFAULT_LIMITS.roles,
    ]);
  });

  it(`are what a load uses: ${MAX_NESTING} levels on a line are read, ${MAX_NESTING + 1} refused`, () => {
    expect(errorsOf(`${HEAD}## Skills\n${"- ".repeat(MAX_NESTING)}deep\n`)).toEqual([]);
    expect(errorsOf(`${HEAD}## Skills\n${"- ".repeat(MAX_NESTING + 1)}deep\n`)).toEqual([{ ruleId: "input-too-complex", line: 7 }]);
  });
});
