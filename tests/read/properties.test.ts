import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VFile } from "vfile";
import { splitFrontMatter } from "../../src/read/front-matter.ts";
import { readRoleText } from "../../src/read/index.ts";
import { repairMojibake } from "../../src/read/mojibake.ts";
import { firstInvalidUtf8 } from "../../src/read/utf8.ts";

type Codec = "macintosh" | "windows-1252";

/** UTF-8 bytes decoded with the wrong codec (`stream: true`: see nodejs/node#60888). */
function garble(text: string, codec: Codec): string {
  const decoder = new TextDecoder(codec);
  return decoder.decode(new TextEncoder().encode(text), { stream: true }) + decoder.decode();
}

/** The characters of a codec's upper half, bytes 0x80–0xFF in order. */
function upperHalf(codec: Codec): string {
  const decoder = new TextDecoder(codec);
  const bytes = Uint8Array.from({ length: 128 }, (_, i) => i + 0x80);
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

const tables = {
  macintosh: new Map([...upperHalf("macintosh")].map((c, i) => [c, i + 0x80])),
  "windows-1252": new Map([...upperHalf("windows-1252")].map((c, i) => [c, i + 0x80])),
};

// Characters the repair is built from; the Latin-1 upper half too, so that the filter does not
// depend on Node's table being right. Text without them has no run the repair could touch.
const codecChars = new Set([...upperHalf("macintosh"), ...upperHalf("windows-1252")]);
for (let code = 0x80; code <= 0xff; code++) codecChars.add(String.fromCharCode(code));

/**
 * Whether some run of `codec` characters in `text` is valid UTF-8 once encoded back: then text
 * garbled with the other codec can be read either way ("Õ¥" is Armenian "ե" read as Windows-1252,
 * or U+0374 read as Mac Roman) and the repair may decline to guess.
 */
function alsoReadsAs(text: string, codec: Codec): boolean {
  const table = tables[codec];
  const strict = new TextDecoder("utf-8", { fatal: true });
  // Every key is a single character ≥ U+0080, so none needs escaping in a character class.
  const runs = text.match(new RegExp(`[${[...table.keys()].join("")}]{2,}`, "g")) ?? [];
  return runs.some((run) => {
    try {
      strict.decode(Uint8Array.from([...run].map((c) => table.get(c)!)));
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Whether some run of `codec` characters in `text` is a quote or dash then a letter, alone: such a
 * run is also everyday text ("l’équipe", whose Mac Roman bytes D5 8E are Armenian "Վ"), which the
 * repair leaves as it is.
 */
function readsAsPunctuationThenLetter(text: string, codec: Codec): boolean {
  const table = tables[codec];
  const runs = text.match(new RegExp(`[${[...table.keys()].join("")}]+`, "g")) ?? [];
  return runs.some((run) => /^\p{P}\p{L}$/u.test(run));
}

const other = (codec: Codec): Codec => (codec === "macintosh" ? "windows-1252" : "macintosh");

const textWithoutCodecChars = fc.string({ unit: "grapheme", maxLength: 60 }).filter((s) => ![...s].some((c) => codecChars.has(c)));
const textWithNonAscii = fc.string({ unit: "grapheme", maxLength: 40 }).filter((s) => /[^\x00-\x7f]/.test(s));
const codec = fc.constantFrom<Codec>("macintosh", "windows-1252");

describe("read stage properties", () => {
  it("readRoleText never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const file = readRoleText(text, "fuzz.md");
        expect(typeof file.value).toBe("string");
      }),
      { numRuns: 500 },
    );
  });

  it("readRoleText never throws on any bytes, and marks them readable exactly when it gives text", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const file = readRoleText(bytes, "fuzz.md");
        expect(file.data.readable).toBe(file.messages.every((m) => m.fatal !== true));
        if (!file.data.readable) expect(file.value).toBe("");
      }),
      { numRuns: 500 },
    );
  });

  it("readRoleText never throws on text that starts like front matter", () => {
    const yamlish = fc.string({ unit: fc.constantFrom("a", ":", " ", "\n", "-", "[", "{", "&", "*", "!", "'", '"', "#", "|", ">", "?"), maxLength: 60 });
    fc.assert(
      fc.property(yamlish, (yaml) => {
        const file = readRoleText(`---\n${yaml}\n---\n# Role\n`, "fuzz.md");
        expect(String(file.value).split("\n").length).toBe(`---\n${yaml}\n---\n# Role\n`.split("\n").length);
      }),
      { numRuns: 500 },
    );
  });

  it("splitFrontMatter keeps the line count and the text after the closing fence", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const { body, raw } = splitFrontMatter(text, new VFile());
        const lines = text.split("\n");
        expect(body.split("\n")).toHaveLength(lines.length);
        if (raw === null) expect(body).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("repairMojibake leaves text without codec characters unchanged", () => {
    fc.assert(
      fc.property(textWithoutCodecChars, (text) => {
        expect(repairMojibake(text)).toEqual({ text, encoding: null, firstLine: null, count: 0, example: null });
      }),
      { numRuns: 1000 },
    );
  });

  it("repairMojibake undoes mojibake made with either codec, or declines when it is ambiguous", () => {
    let unambiguous = 0;
    fc.assert(
      fc.property(textWithNonAscii, codec, (text, wrong) => {
        const garbled = garble(text, wrong);
        const result = repairMojibake(garbled);
        if (alsoReadsAs(garbled, other(wrong)) || readsAsPunctuationThenLetter(garbled, wrong)) {
          // e.g. Mac Roman "KÃ£" (decomposed "Ḳ") is also Windows-1252 "Kã": any one reading, or none.
          if (result.encoding === null) expect(result.text).toBe(garbled);
          return;
        }
        unambiguous++;
        expect(result.text).toBe(text);
        expect(result.encoding).toBe(wrong);
      }),
      { numRuns: 1000 },
    );
    // Ambiguity is the exception (about 14% of these texts by this broad test): the property
    // must mostly test the repair itself.
    expect(unambiguous).toBeGreaterThan(800);
  });

  it("repairMojibake undoes mojibake in a text that is ASCII around it", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), textWithNonAscii, fc.string({ maxLength: 20 }), codec, (before, text, after, wrong) => {
        const garbled = before + garble(text, wrong) + after;
        fc.pre(!alsoReadsAs(garbled, other(wrong)) && !readsAsPunctuationThenLetter(garbled, wrong));
        const result = repairMojibake(garbled);
        expect(result.text).toBe(before + text + after);
        // `before` is ASCII (fc.string's default unit), and garbling keeps ASCII where it was.
        const whole = before + text;
        expect(result.firstLine).toBe(whole.slice(0, whole.search(/[^\x00-\x7f]/)).split("\n").length);
      }),
      { numRuns: 500 },
    );
  });

  it("firstInvalidUtf8 agrees with a fatal TextDecoder", () => {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    // Bytes biased towards the edges of the UTF-8 ranges, where validators go wrong.
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 255 }),
      fc.constantFrom(0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (array) => {
        const bytes = Uint8Array.from(array);
        const at = firstInvalidUtf8(bytes);
        let valid = true;
        try {
          decoder.decode(bytes);
        } catch {
          valid = false;
        }
        expect(at < 0).toBe(valid);
        // Everything before the reported byte is valid, and it is where the decoder's first U+FFFD is.
        if (at >= 0) {
          expect(() => decoder.decode(bytes.subarray(0, at))).not.toThrow();
          const lenient = new TextDecoder("utf-8").decode(bytes);
          expect(lenient.indexOf("\ufffd")).toBe(new TextDecoder("utf-8").decode(bytes.subarray(0, at)).length);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
