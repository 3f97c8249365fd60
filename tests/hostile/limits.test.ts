/**
 * Large hostile inputs, written by the tests into a temporary folder (never committed): deep
 * nesting, a 5 MB guide, 1 MB lines, 100,000 headings, patterns that make the markdown parser
 * slow by the square of their size, and a file over the size limit. Each is loaded in bounded time
 * and memory and gives a page or an `input-too-complex` / `file-too-large` error at its line; none
 * overflows the stack or hangs. How long each takes is the benchmark's business: the only time
 * limit here is the test timeout.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent, loadRoles } from "../../src/load.ts";
import { toDiagnostics } from "../../src/model/diagnostics.ts";
import { DEFAULT_LIMITS, MAX_DEPTH, MAX_LEVELS, MAX_MARKS, MAX_NAME_LENGTH, MAX_NESTING, MAX_PLANS, MAX_ROLES, MAX_SKILL_NAMES, MAX_SKILLS, type Limits } from "../../src/limits.ts";
import { MAX_FILE_BYTES } from "../../src/read/decode.ts";
import { buildSite } from "../../src/site/build.ts";
import { fiveMegabyteGuide, HEAD, hundredThousandHeadings, LARGE } from "./generate.ts";
import { check, listAll, tempDir, unsafeMarkup } from "./helpers.ts";

const LONG = 1_000_000;

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
function errorsOf(text: string, limits: Limits = DEFAULT_LIMITS): { ruleId: string; line: number | null }[] {
  const { file } = loadContent(text, "hostile.md", limits);
  return toDiagnostics([file])
    .filter((d) => d.severity === "error")
    .map((d) => ({ ruleId: d.ruleId, line: d.line }));
}

describe("nesting", () => {
  it.each([
    ["10,000 list levels on one line", "- ".repeat(10_000) + "deep\n"],
    ["10,000 ordered list levels on one line", "1. ".repeat(10_000) + "deep\n"],
    ["10,000 block quotes on one line", ">".repeat(10_000) + " deep\n"],
    ["10,000 mixed containers on one line", "> - 1. ".repeat(3_334) + "deep\n"],
  ])("%s: an input-too-complex error at that line, before parsing", async (_name, line) => {
    const text = `${HEAD}## Skills\n${line}`;
    expect(errorsOf(text)).toEqual([{ ruleId: "input-too-complex", line: 7 }]);
    const file = await guide("nested.md", text);
    const { code, diagnostics } = await check(file);
    expect(code).toBe(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: "input-too-complex", line: 7, severity: "error" });
  });

  it("list levels by indentation: an error at the line that goes past the limit", () => {
    // Each level is indented 2 more columns: 10,000 levels would be a 100 MB file (over the size
    // limit), so the limit is met long before; proven here with a limit of 20.
    const nesting = 20;
    let text = `${HEAD}## Skills\n`;
    for (let level = 0; level < 3 * nesting; level++) text += `${"  ".repeat(level)}- level ${level}\n`;
    expect(errorsOf(text, { ...DEFAULT_LIMITS, nesting })).toEqual([{ ruleId: "input-too-complex", line: 7 + nesting }]);
    expect(errorsOf(text)).toEqual([]);
  });

  it(`lists nested ${MAX_NESTING - 10} deep are read (the limit is not a near miss for real guides)`, () => {
    let text = `${HEAD}## Core Responsibilities\n`;
    for (let level = 0; level < MAX_NESTING - 10; level++) text += `${"  ".repeat(level)}- duty ${level}\n`;
    const { file, roles } = loadContent(text, "ok.md");
    expect(file.messages.filter((m) => m.fatal)).toEqual([]);
    expect(roles[0]!.role.responsibilities).toHaveLength(MAX_NESTING - 10);
  });

  it("emphasis nested past the tree's depth limit: an error at the paragraph, no stack overflow", () => {
    const depth = MAX_DEPTH + 100;
    const text = `${HEAD}## Notes\n${"*".repeat(2 * depth)}deep${"*".repeat(2 * depth)}\n`;
    expect(errorsOf(text)).toEqual([{ ruleId: "input-too-complex", line: 7 }]);
  });

  it.each([
    ["<div>", "</div>"],
    ["<table><tr><td><ul><li>", "</li></ul></td></tr></table>"],
    ["<span>", ""],
  ])("10,000 nested HTML elements (%s): an error at the HTML, no stack overflow", (open, close) => {
    const text = `${HEAD}## Tech Stack Requirements by Experience Level\n\n${open.repeat(10_000)}deep${close.repeat(10_000)}\n`;
    expect(errorsOf(text)).toEqual([{ ruleId: "input-too-complex", line: 8 }]);
  });

  it("HTML tables of hundreds of cells and rows without end tags are read", () => {
    const rows = Array.from({ length: 600 }, (_, i) => `<tr><td>Level ${i}<td>Skill ${i}`).join("\n");
    const { file } = loadContent(`${HEAD}## Notes\n\n<table>\n${rows}\n</table>\n`, "table.md");
    // (The extractor takes 600 rows of "Level" for too many levels: that limit is another.)
    expect(file.messages.filter((m) => m.reason.includes("HTML here is nested"))).toEqual([]);
  });

  it("links nested inside links, and quotes inside lists inside quotes, over many lines", () => {
    let quotes = `${HEAD}## Notes\n`;
    for (let level = 1; level <= 3 * MAX_NESTING; level++) quotes += `${"> ".repeat(level)}level ${level}\n`;
    expect(errorsOf(quotes)[0]).toEqual({ ruleId: "input-too-complex", line: 7 + MAX_NESTING });
    const links = `${HEAD}## Notes\n${"[a ".repeat(MAX_DEPTH)}x${"](u)".repeat(MAX_DEPTH)}\n`;
    expect(() => loadContent(links, "links.md")).not.toThrow();
  });
});

describe("a 5 MB guide", () => {
  let text: string;
  beforeAll(() => {
    text = fiveMegabyteGuide();
  });

  it("loads into one role that keeps every section, and builds its page", async () => {
    const file = await guide("five-megabytes.md", text);
    expect((await readFile(file)).length).toBeGreaterThan(5_000_000);
    const { roles, files } = await loadRoles([file]);
    expect(toDiagnostics(files).filter((d) => d.severity === "error")).toEqual([]);
    expect(roles).toHaveLength(1);
    const sections = roles[0]!.sections;
    expect(sections.length).toBeGreaterThan(2_000);
    expect(sections[sections.length - 1]!.heading).toMatch(/^Notes \d+$/);
    const site = path.join(root, "five-site");
    const result = await buildSite(roles, site);
    expect(result.pages).toBeGreaterThan(1);
    const page = await readFile(path.join(site, "roles", roles[0]!.slug, "index.html"), "utf8");
    expect(unsafeMarkup(page)).toEqual([]);
    expect(page.length).toBeGreaterThan(5_000_000);
  }, 300_000);
});

describe("a single 1 MB line", () => {
  const line = (unit: string) => unit.repeat(Math.ceil(LONG / unit.length)).slice(0, LONG);
  // The places whose text the extractors match with patterns, one line of LONG characters in one of them.
  const PLACES: Record<string, (body: string) => string> = {
    "a level heading": (body) => `## Tech Stack Requirements by Experience Level\n### ${body} (2-4 years)\n#### Must-Have:\n- **Python** - Code\n`,
    "a requirement": (body) => `## Tech Stack Requirements by Experience Level\n### Mid (2-4 years)\n#### Must-Have:\n- **${body.slice(0, 200)}** - ${body}\n`,
    "a labelled skill list": (body) => `## Required Skills\n**Technical**: ${body}\n`,
    "a plan heading": (body) => `## Transition Paths\n### From ${body} (6-month plan)\n**Months 1-3**: Basics\n• SQL\n`,
    "a phase": (body) => `## Transition Paths\n### From Teacher (6-month plan)\n**Months ${body.slice(0, 200)}**: ${body}\n• ${body.slice(0, 1000)}\n`,
    "a ladder": (body) => `## Career Progression\n${body}\n`,
    "an unknown section": (body) => `## Notes\n${body}\n`,
  };

  it.each([
    ["spaces", "a level heading", `a${" ".repeat(LONG)}b`],
    ["spaces", "a requirement", `a${" ".repeat(LONG)}b`],
    ["colons", "a labelled skill list", line("a:")],
    ["brackets", "a plan heading", line("(")],
    ["digits", "a level heading", line("1")],
    ["digits and dashes", "a phase", line("1-")],
    ["words and commas", "a labelled skill list", line("skill, ")],
    ["arrows", "a ladder", line("a → ")],
    ["slashes", "a requirement", line("abcd/")],
    ["spaced dashes", "a requirement", line("a - ")],
    ["years", "a level heading", line("2-4 years ")],
    ["months", "a phase", line("Months 1-3 ")],
    ["hashes", "an unknown section", line("#")],
    ["emoji and mojibake", "a level heading", line("🤖 ü§ñ ‚Üí ")],
  ])("of %s in %s: read in bounded time, with a page or diagnostics that say where", (_name, place, body) => {
    const { file, roles } = loadContent(`${HEAD}${PLACES[place]!(body)}`, "long-line.md");
    const diagnostics = toDiagnostics([file]);
    expect(diagnostics.filter((d) => d.ruleId === "internal-error")).toEqual([]);
    for (const d of diagnostics) expect(d.line, d.ruleId).toBeGreaterThan(0);
    // A role, or an error that says where: a title or name of a megabyte is one (MAX_NAME_LENGTH).
    expect(roles.length > 0 || diagnostics.some((d) => d.severity === "error" && d.line! > 5)).toBe(true);
  }, 120_000);

  it.each([
    ["bold marks", line("**")],
    ["underscores", line("_a ")],
    ["tildes", line("~a ")],
    ["link openers", line("[")],
    ["links", line("[a](b)")],
    ["emphasised links", line("*[a*](b)")],
    ["footnote references", line("[^a]")],
    ["nested brackets", `${"[".repeat(LONG / 2)}${"]".repeat(LONG / 2)}`],
  ])("of %s: an input-too-complex error at its line", async (_name, body) => {
    const text = `${HEAD}## Notes\n${body}\n`;
    expect(errorsOf(text)).toEqual([{ ruleId: "input-too-complex", line: 7 }]);
  });

  it(`paragraphs of ${MAX_MARKS.toLocaleString("en")} emphasis and link marks at most are read`, () => {
    const count = Math.floor(MAX_MARKS / 8) - 1;
    const text = `${HEAD}## Notes\n${"*[a*](b) ".repeat(count)}\n\n${"**bold** [link](u) ".repeat(count)}\n`;
    const { file, roles } = loadContent(text, "marks.md");
    expect(file.messages.filter((m) => m.fatal === true)).toEqual([]);
    expect(roles[0]!.role.sections[0]!.text.length).toBeGreaterThan(count * 8);
  }, 120_000);
});

describe("100,000 headings", () => {
  it("load into one role in bounded time, each unknown heading kept and reported", async () => {
    const file = await guide("headings.md", hundredThousandHeadings());
    const { roles, files } = await loadRoles([file]);
    expect(roles).toHaveLength(1);
    expect(roles[0]!.sections).toHaveLength(100_000);
    const diagnostics = toDiagnostics(files);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(diagnostics.filter((d) => d.ruleId === "unplaced-section")).toHaveLength(100_000);
    expect(diagnostics.find((d) => d.message.includes(`"Heading 99999"`))).toMatchObject({ line: 7 + 3 * 99_999 });
  }, 300_000);
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

  it("the default limits are those the README states", () => {
    expect([MAX_SKILLS, MAX_SKILL_NAMES, MAX_LEVELS, MAX_PLANS, MAX_NAME_LENGTH, MAX_ROLES]).toEqual([1_000, 100_000, 200, 200, 2_000, 100]);
    expect(DEFAULT_LIMITS).toMatchObject({ skills: MAX_SKILLS, skillNames: MAX_SKILL_NAMES, levels: MAX_LEVELS, plans: MAX_PLANS, nameLength: MAX_NAME_LENGTH, roles: MAX_ROLES });
  });

  it("a requirement of a megabyte is cut on the pages of the skills it names", async () => {
    const requirement = `${skills(50)}, ${"and more ".repeat(100_000)}`;
    const { roles } = loadContent(`${HEAD}## Tech Stack Requirements by Experience Level\n### Mid (2-4 years)\n#### Must-Have:\n- **${requirement}** - detail\n`, "long.md");
    const site = path.join(root, "long-requirement");
    await buildSite(roles.map((r) => r.role), site);
    const page = await readFile(path.join(site, "skills", "skill-0", "index.html"), "utf8");
    expect(page.length).toBeLessThan(100_000);
    const total = (await listAll(site)).length;
    expect(total).toBeLessThan(200);
  }, 120_000);
});

describe("every large input of the benchmark's list", () => {
  it.each(Object.keys(LARGE).filter((name) => !/5 MB|100,000 headings/.test(name)))("%s: loads with a page or errors that say where, never a crash", (name) => {
    const { file, roles } = loadContent(LARGE[name]!(), "large.md");
    const diagnostics = toDiagnostics([file]);
    expect(diagnostics.filter((d) => d.ruleId === "internal-error")).toEqual([]);
    expect(roles.length > 0 || diagnostics.some((d) => d.severity === "error" && d.line! >= 1)).toBe(true);
  }, 120_000);
});

describe("size", () => {
  it(`a file over ${MAX_FILE_BYTES / 1024 / 1024} MiB is a file-too-large error, and is never read into memory`, async () => {
    const folder = path.join(root, "huge");
    await mkdir(folder);
    const file = path.join(folder, "huge.md");
    await writeFile(file, `${HEAD}${"Some text. ".repeat(Math.ceil((MAX_FILE_BYTES + 1) / 11))}`);
    const { code, diagnostics } = await check(file);
    expect(code).toBe(1);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: "file-too-large", line: 1, severity: "error" })]);
    const inMemory = loadContent(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61), "huge.md");
    expect(inMemory.file.messages.map((m) => m.ruleId)).toEqual(["file-too-large"]);
    expect(await listAll(folder)).toEqual(["huge.md"]);
  }, 60_000);
});
