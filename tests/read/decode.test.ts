import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { decodeBytes } from "../../src/read/decode.ts";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

/** Decodes and returns the result with the messages as [ruleId, line, column, fatal]. */
function decode(input: Uint8Array) {
  const file = new VFile({ path: "test.md" });
  const text = decodeBytes(input, file);
  return { text, messages: file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal]) };
}

describe("decodeBytes", () => {
  it("returns valid UTF-8 unchanged, with no messages", () => {
    const text = "# Müller\n\n- 데이터 🤖 → naïve\n";
    expect(decode(new TextEncoder().encode(text))).toEqual({ text, messages: [] });
  });

  it("reports a 0-byte file as empty-file", () => {
    expect(decode(fixture("empty.md"))).toEqual({ text: null, messages: [["empty-file", 1, 1, true]] });
  });

  it("reports a file of only a BOM and whitespace as empty-file", () => {
    expect(decode(fixture("whitespace-only.md"))).toEqual({ text: null, messages: [["empty-file", 1, 1, true]] });
    expect(decode(bytes([0xef, 0xbb, 0xbf]))).toEqual({ text: null, messages: [["empty-file", 1, 1, true]] });
  });

  it("reports NUL bytes as binary-file", () => {
    expect(decode(fixture("binary.png.md"))).toEqual({ text: null, messages: [["binary-file", 1, 1, true]] });
    expect(decode(bytes("# Title\n", [0], "more text\n")).messages).toEqual([["binary-file", 1, 1, true]]);
  });

  it("reports a high share of control bytes as binary-file, but not a stray one", () => {
    expect(decode(bytes([1, 2, 3, 4], "abcd")).messages).toEqual([["binary-file", 1, 1, true]]);
    const stray = decode(bytes("# A long enough line of prose", [0x1b], " with an escape\n"));
    expect(stray.messages).toEqual([]);
    expect(stray.text).toBe("# A long enough line of prose\u001b with an escape\n");
  });

  it("reports UTF-16 as binary-file, naming the byte order mark", () => {
    const file = new VFile();
    expect(decodeBytes(fixture("utf16le.md"), file)).toBeNull();
    expect(file.messages.map((m) => m.ruleId)).toEqual(["binary-file"]);
    expect(file.messages[0]!.reason).toContain("UTF-16");
  });

  it("reports a Latin-1 byte as invalid-utf8 at its line and column", () => {
    // Line 3 is "- Caf\xE9 manager": the E9 is the 6th character.
    const file = new VFile();
    expect(decodeBytes(fixture("latin1.md"), file)).toBeNull();
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal])).toEqual([["invalid-utf8", 3, 6, true]]);
    expect(file.messages[0]!.reason).toContain("0xE9");
  });

  it("counts columns in characters, not bytes or UTF-16 units", () => {
    // "é" is 2 bytes, "🤖" 4 bytes and 2 UTF-16 units: the bad byte is still the 4th character.
    expect(decode(bytes("é🤖x", [0xff])).messages).toEqual([["invalid-utf8", 1, 4, true]]);
  });

  it("counts CRLF, lone CR and LF each as one line break", () => {
    expect(decode(bytes("a\r\nb\rc\nab", [0x80])).messages).toEqual([["invalid-utf8", 4, 3, true]]);
  });

  it("does not count a BOM as a column", () => {
    expect(decode(bytes([0xef, 0xbb, 0xbf], "ab", [0xc3])).messages).toEqual([["invalid-utf8", 1, 3, true]]);
  });

  it.each([
    ["a stray continuation byte", bytes("ab", [0x80]), 3, "0x80"],
    ["a lead byte cut short by ASCII", bytes("ab", [0xe2, 0x82], "c"), 3, "0xE2"],
    ["a lead byte at the end of the file", bytes("abc", [0xf0, 0x9f, 0xa4]), 4, "0xF0"],
    ["an overlong encoding", bytes("a", [0xc0, 0xaf]), 2, "0xC0"],
    ["an encoded surrogate", bytes("a", [0xed, 0xa0, 0x80]), 2, "0xED"],
    ["a code point above U+10FFFF", bytes("a", [0xf4, 0x90, 0x80, 0x80]), 2, "0xF4"],
  ])("locates %s", (_name, input, column, hex) => {
    const file = new VFile();
    expect(decodeBytes(input, file)).toBeNull();
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([["invalid-utf8", 1, column]]);
    expect(file.messages[0]!.reason).toContain(hex);
  });

  it("strips a BOM and turns CRLF and lone CR into LF, keeping the line count", () => {
    const { text, messages } = decode(fixture("bom-crlf.md"));
    expect(messages).toEqual([]);
    expect(text).toBe("---\ntitle: Data Engineer\n---\n# Data Engineer\n\nOld Mac line\nnext line\n");
  });

  it("strips only a leading BOM, not a U+FEFF inside the text", () => {
    expect(decode(bytes([0xef, 0xbb, 0xbf], "a\uFEFFb")).text).toBe("a\uFEFFb");
  });
});
