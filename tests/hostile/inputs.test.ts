/**
 * Hostile inputs through check, export and build: each gives a clear diagnostic (rule id, file and
 * line) or a page where what the author wrote shows as text; no markup, script or address from the
 * input reaches a page, and nothing is written outside the output folder. The large inputs are in
 * limits.test.ts, the browser's view in tests/e2e/hostile.test.ts.
 */
import { SITE_MARKER } from "../../src/site/output-guard.ts";
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent, loadRoles } from "../../src/load.ts";
import type { Diagnostic } from "../../src/model/diagnostics.ts";
import { readPage, squash, toString } from "../site/helpers.ts";
import { check, cli, COLLISION, ERRORS, exportRoles, listAll, PAGES, tempDir, unsafeMarkup } from "./helpers.ts";

const rel = (file: string) => path.relative(process.cwd(), file);
const rules = (diagnostics: readonly Diagnostic[], file?: string) => diagnostics.filter((d) => !file || d.file === rel(file)).map((d) => d.ruleId);
const errors = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === "error");

const MARKUP = "/roles/markup-scriptalerttitle-script-engineer/";

describe("hostile guides that build", () => {
  let root: string;
  let site: string;
  let built: { code: number; stdout: string; stderr: string };
  let pages: string[];
  let fixturesBefore: string[];

  beforeAll(async () => {
    root = await tempDir();
    site = path.join(root, "site");
    fixturesBefore = await listAll(PAGES);
    built = await cli("build", "--input", PAGES, "--output", site);
    pages = (await listAll(site)).filter((f) => f.endsWith(".html"));
  }, 120_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("check passes with a warning (rule, file, line) for each thing it had to guess", async () => {
    const { code, diagnostics } = await check(PAGES);
    expect(code).toBe(0);
    expect(errors(diagnostics)).toEqual([]);
    const at = (file: string, ruleId: string) => diagnostics.find((d) => d.file === rel(path.join(PAGES, file)) && d.ruleId === ruleId);
    expect(at("empty-title.md", "title-from-filename")).toMatchObject({ severity: "warning", line: 1 });
    expect(at("invalid-yaml.md", "front-matter-invalid")).toMatchObject({ severity: "warning", line: 3 });
    expect(at("markup.md", "unplaced-section")).toMatchObject({ severity: "warning", line: 54 });
    expect(at("unclosed-comment.md", "unplaced-section")).toMatchObject({ severity: "warning", line: 6 });
  });

  it("export keeps what the author wrote, markup and all, as text", async () => {
    const { code, roles } = await exportRoles(PAGES);
    expect(code).toBe(0);
    const titles = roles.map((r) => r.title);
    expect(titles).toEqual(
      expect.arrayContaining(['Markup <script>alert("title")</script> Engineer', "../../etc/passwd", "<b>x</b>", "CON", "Empty Title", "Prototype Engineer"]),
    );
    expect(titles.find((t) => t.startsWith("Very Long Title"))).toHaveLength(2000);
    const markup = roles.find((r) => r.title.startsWith("Markup"))!;
    expect(markup.summary).toContain(`<img src=x onerror="alert('summary')">`);
    expect(markup.responsibilities).toContain('Ship <script>alert("responsibility")</script> safely');
    expect(markup.sections[0]!.text).toContain('<script>alert("raw block")</script>');
    const names = roles.find((r) => r.title === "Prototype Engineer")!.skills.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]));
  });

  it("front matter cannot reach the prototype of every object", async () => {
    await loadRoles([path.join(PAGES, "front-matter-proto.md")]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe("[object Array]");
  });

  it("build succeeds: one page per role, slugs that stay inside the site's folders", async () => {
    expect(built.code, built.stderr).toBe(0);
    const roles = pages.filter((p) => /^roles\/[^/]+\/index\.html$/.test(p)).map((p) => p.split("/")[1]);
    expect(roles).toEqual(
      expect.arrayContaining(["etc-passwd", "bx-b", "con-1", "empty-title", "prototype-engineer", "markup-scriptalerttitle-script-engineer"]),
    );
    const long = roles.find((r) => r!.startsWith("very-long-title"))!;
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(100);
    expect(pages).toContain("skills/proto/index.html");
    expect(pages).toContain("skills/constructor/index.html");
  });

  it("writes nothing outside the output folder, and leaves the input as it was", async () => {
    const beside = (await listAll(root)).filter((f) => !f.startsWith("site/"));
    expect(beside).toEqual([]);
    expect(await listAll(PAGES)).toEqual(fixturesBefore);
    // A title such as "../../etc/passwd" names a folder inside the site, never a path above it.
    for (const file of await listAll(site)) expect(path.resolve(site, file).startsWith(site + path.sep)).toBe(true);
  });

  it("no page holds an element, attribute, script or address that came from the input", async () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const html = await readFile(path.join(site, page), "utf8");
      expect(unsafeMarkup(html), page).toEqual([]);
    }
  });

  it("every page carries the Content-Security-Policy before anything it governs", async () => {
    for (const page of pages) {
      const html = await readFile(path.join(site, page), "utf8");
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
      expect(csp, page).not.toBeNull();
      expect(csp!.index, page).toBeLessThan(html.search(/<(?:link|script|style)\b/));
      const policy = new Map(csp![1]!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
      expect(policy.get("default-src")).toEqual(["'self'"]);
      expect(policy.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(policy.get("style-src")).toEqual(["'self'"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'none'"]);
    }
  });

  it("shows the markup an author wrote as text, where the author wrote it", async () => {
    const page = await readPage(site, MARKUP);
    expect(page.text("h1")).toBe('Markup <script>alert("title")</script> Engineer');
    expect(page.text(".lead")).toContain(`Builds <img src=x onerror="alert('summary')"> things <iframe src="https://example.com/"></iframe>`);
    expect(page.texts("#responsibilities li")).toContain('Ship <script>alert("responsibility")</script> safely');
    expect(page.texts("#skills h3")).toContain("Technical <em>category</em>");
    expect(page.texts("#levels h3")).toContain("Mid <u>Level</u> 2–4 years");
    expect(page.texts("#ladders li")).toContain("Senior <script>alert('ladder')</script>");
    // The section is rendered markdown: raw HTML beyond the renderer's safe list shows as written
    // (a block as a code block), a stray closing tag of the list and a closed comment are markup.
    const notes = squash(toString(page.one("#more details.unplaced .md")));
    for (const line of ['<script>alert("raw block")</script>', "<style>body { display: none }</style>", '<iframe src="https://example.com/frame"></iframe>', '<base href="https://example.com/">', '<form action="https://example.com/"><button>go</button></form>']) {
      expect(notes).toContain(line);
    }
    expect(notes).toContain("Text with a closing tag, a </textarea> and a </title>, then .");
    expect(page.all("#more details.unplaced .md pre").length).toBeGreaterThan(1);
    const plan = await readPage(site, `${MARKUP}from/bteacher-b/`);
    expect(plan.text("h1")).toContain("From <b>Teacher</b>");
    expect(squash(toString(plan.one("#checklist")))).toContain("SQL <img src=x onerror=alert('topic')>");
    expect((await readPage(site, "/roles/bx-b/")).text("h1")).toBe("<b>x</b>");
    expect((await readPage(site, "/roles/etc-passwd/")).text("h1")).toBe("../../etc/passwd");
    expect((await readPage(site, "/roles/con-1/")).text("h1")).toBe("CON");
    const comment = await readPage(site, "/roles/comment-engineer/");
    expect(comment.text(".lead")).toBe("Before the comment.");
    expect(toString(comment.one("#more .md pre"))).toContain("<!-- this comment is never closed");
  });

  it("keeps a page's <title> short whatever the title's length", async () => {
    const long = pages.find((p) => p.startsWith("roles/very-long-title") && p.split("/").length === 3)!;
    const title = (await readPage(site, `/${long.replace(/index\.html$/, "")}`)).text("title");
    expect(title.length).toBeLessThanOrEqual(70);
  });
});

describe("hostile files that are rejected", () => {
  it.each([
    ["invalid-utf8.md", "invalid-utf8", 4, 4],
    ["binary.md", "binary-file", 1, 1],
    ["empty.md", "empty-file", 1, 1],
    ["front-matter-only.md", "no-role-content", 1, 1],
  ])("%s: check and export fail with %s at %i:%i", async (name, ruleId, line, column) => {
    const file = path.join(ERRORS, name);
    const checked = await check(file);
    expect(checked.code).toBe(1);
    expect(errors(checked.diagnostics)).toEqual([expect.objectContaining({ file: rel(file), ruleId, line, column })]);
    const exported = await exportRoles(file);
    expect(exported.code).toBe(1);
    expect(exported.roles).toEqual([]);
  });

  it("two titles that give one slug are an error naming both files", async () => {
    const { code, diagnostics } = await check(COLLISION);
    expect(code).toBe(1);
    const [error] = errors(diagnostics);
    expect(error).toMatchObject({ ruleId: "slug-collision", file: rel(path.join(COLLISION, "data-engineer.md")), line: 1 });
    expect(error!.message).toContain("data-engineer-2.md");
  });

  it("build stops on them and leaves the previous site as it was, writing nothing beside it", async () => {
    const root = await tempDir();
    try {
      const site = path.join(root, "site");
      await mkdir(site);
      await writeFile(path.join(site, "index.html"), "previous site\n");
      // A site an earlier build made (the build refuses to replace a folder without its marker).
      await writeFile(path.join(site, SITE_MARKER), "");
      for (const input of [ERRORS, COLLISION]) {
        const run = await cli("build", "--input", input, "--output", site);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain("was left as it was");
        expect(await listAll(root)).toEqual([`site/${SITE_MARKER}`, "site/index.html"]);
        expect(await readFile(path.join(site, "index.html"), "utf8")).toBe("previous site\n");
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("hostile folders and paths", () => {
  let root: string;
  beforeAll(async () => {
    root = await tempDir();
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("a folder with no files is an input-empty error naming it", async () => {
    const empty = path.join(root, "empty");
    await mkdir(empty);
    const { code, diagnostics } = await check(empty);
    expect(code).toBe(1);
    expect(diagnostics).toEqual([expect.objectContaining({ file: empty, ruleId: "input-empty", line: 1, severity: "error" })]);
    const built = await cli("build", "--input", empty, "--output", path.join(root, "empty-site"));
    expect(built.code).toBe(1);
  });

  it("a symbolic link that leads outside the input folder is skipped with an input-outside warning naming it", async () => {
    const input = path.join(root, "linked");
    const outside = path.join(root, "outside");
    await mkdir(path.join(input, "sub"), { recursive: true });
    await mkdir(outside);
    await copyFile(path.join(PAGES, "html-title.md"), path.join(input, "html-title.md"));
    await writeFile(path.join(outside, "secret.md"), "# Secret Engineer\n\n## Overview\nOutside the input folder.\n");
    await symlink(path.join(outside, "secret.md"), path.join(input, "secret.md"));
    await symlink(outside, path.join(input, "outside-folder"));
    await symlink(path.join(input, "html-title.md"), path.join(input, "sub", "alias.md"));
    await symlink(path.join(root, "nothing.md"), path.join(input, "broken.md"));
    const { code, diagnostics } = await check(input);
    expect(code).toBe(0);
    const warnings = diagnostics.filter((d) => d.severity === "warning");
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: "input-outside", file: path.join(input, "secret.md"), line: 1 }),
        expect.objectContaining({ ruleId: "input-outside", file: path.join(input, "outside-folder"), line: 1 }),
        expect.objectContaining({ ruleId: "input-broken-link", file: path.join(input, "broken.md"), line: 1 }),
      ]),
    );
    const { roles } = await exportRoles(input);
    // The link inside the folder leads to a file read once; the secret is never read.
    expect(roles.map((r) => r.title)).toEqual(["<b>x</b>"]);
    expect(JSON.stringify(roles)).not.toContain("Secret");
  });

  it("a pipe named like a guide neither blocks nor crashes the read", async () => {
    const input = path.join(root, "fifo");
    await mkdir(input);
    await copyFile(path.join(PAGES, "con.md"), path.join(input, "con.md"));
    try {
      execFileSync("mkfifo", [path.join(input, "pipe.md")]);
    } catch {
      return; // no mkfifo here (Windows)
    }
    expect((await check(input)).code).toBe(0);
    const direct = await check(path.join(input, "pipe.md"));
    expect(direct.code).toBe(1);
    expect(direct.diagnostics[0]).toMatchObject({ ruleId: "input-missing", line: 1 });
  });

  it("a title that is empty, from a file name that is empty too, is a role-title error at line 1", async () => {
    const file = path.join(root, "_.md");
    await writeFile(file, "#\n\n## Overview\nNo title anywhere.\n");
    const { code, diagnostics } = await check(file);
    expect(code).toBe(1);
    expect(errors(diagnostics)).toContainEqual(expect.objectContaining({ ruleId: "role-title", file: rel(file), line: 1 }));
  });

  it("the CLI takes no command from Object's prototype", async () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const run = await cli(name);
      expect(run.code, name).toBe(2);
      expect(run.stderr).toContain(`unknown command "${name}"`);
    }
  });
});

describe("the checks themselves", () => {
  it("the page check finds what it looks for", () => {
    const page = (body: string) => `<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`;
    expect(unsafeMarkup(page('<p>fine <a href="/roles/x/">x</a></p>'))).toEqual([]);
    expect(unsafeMarkup(page('<p>a guide\'s <a href="https://example.com/" rel="nofollow noopener">link</a></p>'))).toEqual([]);
    for (const body of [
      "<script>alert(1)</script>",
      '<script src="https://example.com/x.js"></script>',
      "<img src=x onerror=alert(1)>",
      '<p onclick="alert(1)">x</p>',
      '<p style="color: red">x</p>',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="data:text/html,x">x</a>',
      '<a href="https://example.com/">an off-site link without rel="nofollow noopener"</a>',
      '<svg onload="alert(1)"></svg>',
      "<iframe></iframe>",
      '<meta http-equiv="refresh" content="0;url=https://example.com/">',
      "<zz-evil></zz-evil>",
    ]) {
      expect(unsafeMarkup(page(body)), body).not.toEqual([]);
    }
  });

  it("a file with hundreds of diagnostics prints 200 of them and a count of the rest", async () => {
    const root = await tempDir();
    try {
      const file = path.join(root, "many.md");
      await writeFile(file, `# Many Sections\n\n## Overview\nx\n\n${Array.from({ length: 300 }, (_, i) => `## Section ${i}\nText.\n`).join("\n")}`);
      const run = await cli("check", file);
      expect(run.code).toBe(0);
      expect(run.stderr.match(/unplaced-section/g)!.length).toBe(201);
      expect(run.stderr).toContain("100 more diagnostics not shown (100 unplaced-section)");
      expect((await check(file)).diagnostics).toHaveLength(300);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("hostile text in memory", () => {
  it("markdown link titles with quotes of both kinds keep the text of the link", () => {
    const { roles } = loadContent(`# Quotes\n\n## Overview\nSee [the "guide"](https://example.com/ "a \\"title\\" and 'more'") and [it's](<javascript:alert(1)> 'x "y" z').\n`, "q.md");
    expect(roles[0]!.role.summary).toBe(`See the "guide" and it's.`);
  });
});
