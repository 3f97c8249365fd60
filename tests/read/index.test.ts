import { mkdtemp, rm, symlink } from "node:fs/promises";
import { readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { VFile } from "vfile";
import { readRoleFile, readRoleText } from "../../src/read/index.ts";

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const seed = (name: string) => path(`../../seeds/${name}`);
const fixture = (name: string) => path(`./fixtures/${name}`);
const corpusDir = path("../fixtures/corpus/");
const corpus = readdirSync(corpusDir).filter((name) => name.endsWith(".md"));

const messages = (file: VFile) => file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal]);

describe("readRoleFile", () => {
  it("repairs the levels seed with one mojibake-repaired warning at line 1", async () => {
    const file = await readRoleFile(seed("machine-learning-engineer-levels.md"), "seeds/machine-learning-engineer-levels.md");
    expect(file.path).toBe("seeds/machine-learning-engineer-levels.md");
    expect(messages(file)).toEqual([["mojibake-repaired", 1, 1, false]]);
    expect(file.messages[0]!.reason).toContain("Mac Roman");
    expect(file.messages[0]!.reason).toContain("🤖");
    expect(file.data).toEqual({ frontMatter: null, frontMatterRaw: null, readable: true });
    const lines = String(file.value).split("\n");
    expect(lines[0]).toBe("# 🤖 Machine Learning Engineer");
    expect(lines[9]).toBe("## 🛠️ Tech Stack Requirements by Experience Level");
  });

  it("reads the transitions seed as it is, with no messages", async () => {
    const file = await readRoleFile(seed("machine-learning-engineer-transitions.md"));
    expect(messages(file)).toEqual([]);
    expect(file.value).toBe(readFileSync(seed("machine-learning-engineer-transitions.md"), "utf8"));
    expect(file.data.readable).toBe(true);
  });

  it.each(corpus)("reads the corpus file %s with no repair and every line in place", async (name) => {
    const file = await readRoleFile(join(corpusDir, name));
    expect(messages(file)).toEqual([]);
    // Line endings are read as LF (one corpus guide is CRLF throughout).
    const original = readFileSync(join(corpusDir, name), "utf8").split(/\r?\n/);
    const read = String(file.value).split("\n");
    expect(read).toHaveLength(original.length);
    // Lines are identical, except front matter lines, which are blank.
    const frontMatterLines = file.data.frontMatterRaw == null ? 0 : file.data.frontMatterRaw.split("\n").length + 1;
    read.forEach((line, i) => expect(line).toBe(i < frontMatterLines ? "" : original[i]));
  });

  it("keeps front matter data and raw text on file.data", async () => {
    const file = await readRoleFile(fixture("bom-crlf.md"));
    expect(messages(file)).toEqual([]);
    expect(file.data).toEqual({ frontMatter: { title: "Data Engineer" }, frontMatterRaw: "title: Data Engineer\n", readable: true });
    expect(file.value).toBe("\n\n\n# Data Engineer\n\nOld Mac line\nnext line\n");
  });

  it("keeps invalid front matter raw, with a warning, and the file readable", async () => {
    const file = await readRoleFile(fixture("front-matter-invalid.md"));
    expect(messages(file)).toEqual([["front-matter-invalid", 4, 1, false]]);
    expect(file.data.readable).toBe(true);
    expect(file.data.frontMatterRaw).toContain("summary: [unclosed");
  });

  it.each([
    ["empty.md", "empty-file", 1, 1],
    ["whitespace-only.md", "empty-file", 1, 1],
    ["binary.png.md", "binary-file", 1, 1],
    ["utf16le.md", "binary-file", 1, 1],
    ["latin1.md", "invalid-utf8", 3, 6],
  ])("marks %s unreadable with %s", async (name, rule, line, column) => {
    const file = await readRoleFile(fixture(name));
    expect(messages(file)).toEqual([[rule, line, column, true]]);
    expect(file.value).toBe("");
    expect(file.data.readable).toBe(false);
  });

  it("reads genuine accented, Korean and Chinese text unchanged", async () => {
    const file = await readRoleFile(fixture("genuine-unicode.md"));
    expect(messages(file)).toEqual([]);
    expect(file.value).toBe(readFileSync(fixture("genuine-unicode.md"), "utf8"));
  });

  it("turns a missing file into read-failed, without throwing", async () => {
    const file = await readRoleFile(fixture("does-not-exist.md"), "roles/missing.md");
    expect(file.path).toBe("roles/missing.md");
    expect(messages(file)).toEqual([["read-failed", 1, 1, true]]);
    expect(file.messages[0]!.reason).toContain("ENOENT");
    expect(file.data.readable).toBe(false);
    expect(file.value).toBe("");
  });

  it("turns a directory into read-failed", async () => {
    const file = await readRoleFile(path("./fixtures/"));
    expect(messages(file)).toEqual([["read-failed", 1, 1, true]]);
    expect(file.messages[0]!.reason).toContain("EISDIR");
  });

  it("turns any other file system error into read-failed, naming its code", async () => {
    // A symlink loop fails for every user, root included (a chmod 000 file would not fail for root).
    const dir = await mkdtemp(join(tmpdir(), "career-atlas-read-"));
    try {
      const loop = join(dir, "loop.md");
      await symlink(loop, loop);
      const file = await readRoleFile(loop);
      expect(messages(file)).toEqual([["read-failed", 1, 1, true]]);
      expect(file.messages[0]!.reason).toContain("ELOOP");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("readRoleText", () => {
  it("runs the same pipeline on a string", () => {
    const file = readRoleText("\uFEFF---\r\ntitle: X\r\n---\r\n# Caf\u221A\u00A9\r\n", "x.md");
    expect(file.path).toBe("x.md");
    expect(messages(file)).toEqual([["mojibake-repaired", 4, 1, false]]);
    expect(file.value).toBe("\n\n\n# Café\n");
    expect(file.data).toEqual({ frontMatter: { title: "X" }, frontMatterRaw: "title: X\n", readable: true });
  });

  it("runs the same pipeline on bytes", () => {
    const file = readRoleText(new Uint8Array([0x23, 0x20, 0xe9, 0x0a]), "x.md");
    expect(messages(file)).toEqual([["invalid-utf8", 1, 3, true]]);
    expect(file.data.readable).toBe(false);
  });

  it("names the Windows-1252 codec in the warning", () => {
    const file = readRoleText("# Title\n\ndonâ€™t\n", "x.md");
    expect(messages(file)).toEqual([["mojibake-repaired", 3, 1, false]]);
    expect(file.messages[0]!.reason).toContain("Windows-1252");
    expect(file.value).toBe("# Title\n\ndon’t\n");
  });
});
