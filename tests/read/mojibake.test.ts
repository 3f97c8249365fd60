import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { repairMojibake } from "../../src/read/mojibake.ts";

const seed = (name: string) => readFileSync(new URL(`../../seeds/${name}`, import.meta.url), "utf8");
const corpusDir = new URL("../fixtures/corpus/", import.meta.url);
const corpus = readdirSync(corpusDir).filter((name) => name.endsWith(".md"));

/**
 * Makes mojibake the way it happens: UTF-8 bytes decoded with the wrong codec. `stream: true`
 * because Node's one-shot windows-1252 decode is Latin-1 for 0x80–0x9F (nodejs/node#60888).
 */
function garble(text: string, codec: "macintosh" | "windows-1252"): string {
  const decoder = new TextDecoder(codec);
  return decoder.decode(new TextEncoder().encode(text), { stream: true }) + decoder.decode();
}

const GENUINE = [
  "Müller",
  "São Paulo",
  "Ångström",
  "데이터 엔지니어",
  "机器学习工程师",
  "🤖 Machine Learning Engineer",
  "ML Engineer → Senior ML Engineer",
  "2–4 years — roughly",
  "“curly” and ‘single’ quotes, it’s",
  "naïve café, Straße – Weg…",
  "«\u00a0guillemets\u00a0» 2² €5 ±1 °C © ™ • ¶ ß",
  "e\u0301 decomposed",
  "👩‍💼 ✨ 🛠️",
];

describe("repairMojibake on the seeds", () => {
  const levels = seed("machine-learning-engineer-levels.md");

  it("repairs the Mac Roman mojibake of the levels seed", () => {
    const result = repairMojibake(levels);
    expect(result.encoding).toBe("macintosh");
    expect(result.firstLine).toBe(1);
    // 🤖, 📋, three →, 🛠️, 🚀 and three more → in the growth headings.
    expect(result.count).toBe(10);
    expect(result.example).toEqual({ from: "\uF8FFü§ñ", to: "🤖" });
    const lines = result.text.split("\n");
    expect(lines[0]).toBe("# 🤖 Machine Learning Engineer");
    expect(lines[2]).toBe("## 📋 Role Overview");
    expect(lines[5]).toBe("- **Career Progression**: ML Engineer → Senior ML Engineer → ML Lead → AI Architect");
    expect(lines[9]).toBe("## 🛠️ Tech Stack Requirements by Experience Level");
    expect(lines[61]).toBe("## 🚀 Career Growth Path");
    expect(lines[63]).toBe("### **Mid → Experienced Level:**");
  });

  it("changes nothing but the mojibake runs, and keeps every line", () => {
    const result = repairMojibake(levels);
    const before = levels.split("\n");
    const after = result.text.split("\n");
    expect(after).toHaveLength(before.length);
    after.forEach((line, i) => {
      if (!/[^\x00-\x7f]/.test(before[i]!)) expect(line).toBe(before[i]);
    });
    expect(result.text).not.toMatch(/[\uF8FF√ü§ñ‚Üí]/);
  });

  it("leaves the genuine UTF-8 transitions seed unchanged", () => {
    const text = seed("machine-learning-engineer-transitions.md");
    expect(text).toContain("→");
    expect(text).toContain("•");
    expect(repairMojibake(text)).toEqual({ text, encoding: null, firstLine: null, count: 0, example: null });
  });

  it.each(corpus)("leaves the corpus file %s unchanged", (name) => {
    const text = readFileSync(new URL(name, corpusDir), "utf8");
    expect(repairMojibake(text)).toEqual({ text, encoding: null, firstLine: null, count: 0, example: null });
  });
});

describe("repairMojibake on genuine text", () => {
  it.each(GENUINE)("leaves %s unchanged", (text) => {
    expect(repairMojibake(text)).toEqual({ text, encoding: null, firstLine: null, count: 0, example: null });
  });

  it("leaves all the genuine samples together unchanged", () => {
    const text = GENUINE.join("\n");
    expect(repairMojibake(text).text).toBe(text);
  });

  it("leaves a quote or dash before an accented letter unchanged (Mac Roman bytes D5 8E are valid UTF-8)", () => {
    for (const text of ["l’équipe et l’été", "«“Élan”»", "ça — élan", "‘Ära’"]) expect(repairMojibake(text).encoding).toBeNull();
  });

  it("leaves genuine text unchanged when its characters sit next to each other", () => {
    // Both Mac Roman and Windows-1252 characters, adjacent, but no valid UTF-8 among them.
    for (const text of ["«»", "–—", "“”", "©®", "äöü", "ÄÖÜß", "éè", "£€", "…¶§", "ÀÉÎÕÜ"]) {
      expect(repairMojibake(text).text).toBe(text);
    }
  });
});

describe("repairMojibake on Windows-1252 mojibake", () => {
  it("repairs text made by decoding UTF-8 as Windows-1252", () => {
    const garbled = garble("café → naïve", "windows-1252");
    expect(garbled).toBe("cafÃ© â†’ naÃ¯ve");
    expect(repairMojibake(garbled)).toEqual({
      text: "café → naïve",
      encoding: "windows-1252",
      firstLine: 1,
      count: 3,
      example: { from: "Ã©", to: "é" },
    });
  });

  it("repairs the bytes 0x80–0x9F that differ from Latin-1", () => {
    // Typed, not made by garble(): this checks the table, not Node's decoder against itself.
    expect(repairMojibake("donâ€™t â€” â€œquotedâ€\u009d â‚¬5").text).toBe("don’t — “quoted” €5");
  });

  it("prefers Windows-1252 for Ã© even though Mac Roman reads it as a combining mark", () => {
    expect(repairMojibake("cafÃ©")).toMatchObject({ text: "café", encoding: "windows-1252" });
  });
});

describe("repairMojibake, positions and mixtures", () => {
  it("reports the line of the first repaired run", () => {
    const text = `# Title\n\nMüller\n${garble("São Paulo", "macintosh")}\n${garble("→", "macintosh")}\n`;
    expect(repairMojibake(text)).toMatchObject({
      text: "# Title\n\nMüller\nSão Paulo\n→\n",
      encoding: "macintosh",
      firstLine: 4,
      count: 2,
    });
  });

  it("repairs mojibake next to genuine text and leaves the genuine text", () => {
    const text = `Genuine: Müller → 데이터. Garbled: ${garble("🤖 Ångström", "macintosh")}.`;
    expect(repairMojibake(text).text).toBe("Genuine: Müller → 데이터. Garbled: 🤖 Ångström.");
  });

  it("reads an ambiguous run the way the rest of the file was garbled", () => {
    // "KÃ£" alone is "Kã" read as Windows-1252; next to Mac Roman-only mojibake ("🤖") it is the
    // decomposed "K" + U+0323 read as Mac Roman.
    expect(repairMojibake("KÃ£")).toMatchObject({ text: "Kã", encoding: "windows-1252" });
    const decomposed = "🤖 K\u0323";
    expect(repairMojibake(garble(decomposed, "macintosh"))).toMatchObject({ text: decomposed, encoding: "macintosh" });
  });

  it("declines a run that reads as valid UTF-8 with both codecs and nothing else to go on", () => {
    // "Õ¥" is Armenian "ե" read as Windows-1252, or U+0374 read as Mac Roman.
    expect(repairMojibake("Õ¥")).toEqual({ text: "Õ¥", encoding: null, firstLine: null, count: 0, example: null });
    // With Windows-1252-only mojibake elsewhere ("ðŸ¤–" for "🤖") the file says which it is.
    expect(repairMojibake(garble("ե 🤖", "windows-1252"))).toMatchObject({ text: "ե 🤖", encoding: "windows-1252" });
  });

  it("never repairs a run into a C1 control character", () => {
    // "Â€" would be C2 80, that is U+0080, read as Windows-1252: no one meant that.
    expect(repairMojibake("donâ€™t pay Â€5")).toMatchObject({ text: "don’t pay Â€5", count: 1 });
  });

  it("repairs every non-ASCII sample garbled with either codec", () => {
    for (const codec of ["macintosh", "windows-1252"] as const) {
      for (const text of GENUINE) {
        expect(repairMojibake(garble(text, codec))).toMatchObject({ text, encoding: codec });
      }
    }
  });
});

describe("repairMojibake robustness", () => {
  it("never throws on lone surrogates and odd characters", () => {
    for (const text of ["\ud800", "a\udc00√", "\uF8FF", "\u0000√©", "\ufffd\ufffd", "ÃÃÃ\ud83e"]) {
      expect(() => repairMojibake(text)).not.toThrow();
    }
  });

  it("returns ASCII and empty text unchanged", () => {
    expect(repairMojibake("").text).toBe("");
    expect(repairMojibake("plain ASCII\n").count).toBe(0);
  });

  it.each([
    ["mojibake", garble("🤖 → é ", "macintosh")],
    ["Windows-1252 mojibake", garble("’ é → ", "windows-1252")],
    ["genuine accents", "Müller é "],
    ["one long run", "√"],
    ["an alternating run", "Ã©Ã"],
  ])("handles a 1 MB line of %s in linear time", (_name, unit) => {
    // A quadratic repair would take hours on it: the test timeout is the bound (the benchmark times a 1 MB mojibake line).
    const line = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const result = repairMojibake(line);
    expect(result.text.length).toBeGreaterThan(0);
  });
});
