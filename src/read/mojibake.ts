/**
 * Undoes mojibake: UTF-8 text that some tool once decoded as Mac Roman (or Windows-1252) and
 * saved again as UTF-8, so that "🤖" became "ü§ñ" and "→" became "‚Üí". Encoding such a run back
 * to the wrong codec's bytes gives the original UTF-8 bytes. Genuine text must survive: a run is
 * only replaced when its bytes are valid UTF-8, and a codec is only used for a file when it leaves
 * fewer suspicious sequences than it found.
 */
import { firstInvalidUtf8 } from "./utf8.ts";

export type MojibakeCodec = "macintosh" | "windows-1252";

export interface MojibakeRepair {
  /** The repaired text, or the input itself when nothing was repaired. */
  text: string;
  /** The codec the text had been wrongly read with, or null when nothing was repaired. */
  encoding: MojibakeCodec | null;
  /** 1-based line of the first repaired run, or null. */
  firstLine: number | null;
  /** How many runs were repaired. */
  count: number;
  /** The first repaired run, before and after, for the message that tells the user. */
  example: { from: string; to: string } | null;
}

const CODECS: readonly MojibakeCodec[] = ["macintosh", "windows-1252"];

// Char code → byte (or -1), one per codec, built on first use from Node's own decoder so that no
// table is typed by hand. `stream: true` matters: since Node 20.18.3 the one-shot decode of
// "windows-1252" takes a Latin-1 fast path and maps 0x80–0x9F to C1 controls instead of "€", "’"
// and friends (nodejs/node#60888); the streaming path goes through ICU and gives the WHATWG table.
const tables = new Map<MojibakeCodec, Int16Array | null>();

function reverseTable(codec: MojibakeCodec): Int16Array | null {
  if (tables.has(codec)) return tables.get(codec)!;
  let table: Int16Array | null = null;
  try {
    table = new Int16Array(0x10000).fill(-1);
    for (let byte = 0x80; byte <= 0xff; byte++) {
      const decoder = new TextDecoder(codec);
      const char = decoder.decode(Uint8Array.of(byte), { stream: true }) + decoder.decode();
      // Every byte of both codecs is one BMP character; anything else means a broken decoder,
      // and a wrong table would "repair" genuine text, so the codec is then not used at all.
      if (char.length !== 1 || char.charCodeAt(0) < 0x80 || table[char.charCodeAt(0)] !== -1) {
        table = null;
        break;
      }
      table[char.charCodeAt(0)] = byte;
    }
  } catch {
    table = null; // a Node built without full ICU has no "macintosh" decoder
  }
  tables.set(codec, table);
  return table;
}

// Characters mojibake is made of: those of either codec's upper half.
let alphabet: Uint8Array | null = null;

function mojibakeAlphabet(): Uint8Array {
  if (alphabet) return alphabet;
  alphabet = new Uint8Array(0x10000);
  for (const codec of CODECS) {
    const table = reverseTable(codec);
    if (!table) continue;
    for (let code = 0x80; code < 0x10000; code++) if (table[code]! >= 0) alphabet[code] = 1;
  }
  return alphabet;
}

// Characters no one writes on purpose: C1 controls, unassigned code points, private use (Mac
// Roman's 0xF0 is the Apple logo U+F8FF, the first byte of every emoji) and the replacement char.
const ODD_CHARS = /[\u0080-\u009f\p{Cn}\p{Co}\ufffd]/gu;
// A decoded run must not bring these in; replacement chars and private use can be genuine.
const ODD_DECODED = /[\u0080-\u009f\p{Cn}]/u;
const STARTS_WITH_MARK = /^\p{M}/u;
// A quote or dash then a letter ("l’équipe", "“Élan") is everyday text, though its Mac Roman bytes
// (D5 8E) happen to be valid UTF-8 (U+054E, Armenian): real mojibake of one character after a
// punctuation mark is rare, and of a word is a longer run.
const PUNCTUATION_THEN_LETTER = /^\p{P}\p{L}$/u;

/**
 * How mojibake-like the text looks: adjacent non-ASCII pairs with at least one character from the
 * codecs' upper halves ("Ã©", "ü§", and the "ð" a wrong codec leaves glued to what it decoded),
 * plus characters no one writes on purpose. Genuine accented text has few such pairs; mojibake
 * has one per byte after the first of every non-ASCII character.
 */
function suspicion(text: string): number {
  const inAlphabet = mojibakeAlphabet();
  let pairs = 0;
  let previous = 0; // 0: ASCII, 1: other non-ASCII, 2: codec character
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character: its low half neither pairs nor breaks the chain.
    if (code >= 0xdc00 && code <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))) continue;
    const current = code < 0x80 ? 0 : inAlphabet[code] === 1 ? 2 : 1;
    if (current > 0 && previous > 0 && (current === 2 || previous === 2)) pairs++;
    previous = current;
  }
  ODD_CHARS.lastIndex = 0;
  let odd = 0;
  while (ODD_CHARS.exec(text) !== null) odd++;
  return pairs + odd;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

interface Candidate extends MojibakeRepair {
  encoding: MojibakeCodec;
  /** Runs whose repair starts with a combining mark: the sign of the wrong codec (see below). */
  marks: number;
  /** Characters of the text the repaired runs explain. */
  explained: number;
  score: number;
}

const utf8 = new TextDecoder("utf-8");

/** Repairs every run of `codec` characters whose bytes are valid UTF-8, in one pass. */
function repairWith(text: string, codec: MojibakeCodec, table: Int16Array): Candidate {
  const parts: string[] = [];
  let copiedTo = 0;
  let line = 1;
  let count = 0;
  let marks = 0;
  let explained = 0;
  let firstLine: number | null = null;
  let example: MojibakeRepair["example"] = null;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) line++;
    if (table[code]! < 0) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && table[text.charCodeAt(end)]! >= 0) end++;
    // One character is one byte ≥ 0x80, never valid UTF-8 alone: "ü" in "Müller" stops here.
    if (end - i >= 2 && !(end - i === 2 && PUNCTUATION_THEN_LETTER.test(text.slice(i, end)))) {
      const bytes = new Uint8Array(end - i);
      for (let k = i; k < end; k++) bytes[k - i] = table[text.charCodeAt(k)]!;
      if (firstInvalidUtf8(bytes) < 0) {
        const decoded = utf8.decode(bytes);
        if (!ODD_DECODED.test(decoded)) {
          parts.push(text.slice(copiedTo, i), decoded);
          copiedTo = end;
          count++;
          explained += end - i;
          if (STARTS_WITH_MARK.test(decoded)) marks++;
          if (firstLine === null) {
            firstLine = line;
            example = { from: text.slice(i, end), to: decoded };
          }
        }
      }
    }
    i = end;
  }
  parts.push(text.slice(copiedTo));
  const repaired = count > 0 ? parts.join("") : text;
  return { text: repaired, encoding: codec, firstLine, count, example, marks, explained, score: count > 0 ? suspicion(repaired) : Infinity };
}

/**
 * Finds and reverses mojibake. Tries Mac Roman and Windows-1252 and keeps the one that leaves the
 * fewest suspicious sequences, when that is strictly fewer than before; otherwise returns the
 * text unchanged. Never throws; linear in the length of the text.
 * @param text decoded UTF-8 text (LF line endings)
 */
export function repairMojibake(text: string): MojibakeRepair {
  const unchanged: MojibakeRepair = { text, encoding: null, firstLine: null, count: 0, example: null };
  try {
    const candidates: Candidate[] = [];
    for (const codec of CODECS) {
      const table = reverseTable(codec);
      if (table) candidates.push(repairWith(text, codec, table));
    }
    const before = suspicion(text);
    // Fewest suspicious sequences left first; then the codec that explains more of the text (a
    // wrong codec decodes only fragments of a run); then, as "Ã©" is "é" read as Windows-1252 but
    // a bare combining mark (U+0329) read as Mac Roman, the one whose repairs start with no mark.
    // The `< before` gate is the safety net: with every run valid UTF-8 and no C1 or unassigned
    // character let in, a repair already leaves fewer suspicious sequences than it found.
    const better = candidates
      .filter((c) => c.count > 0 && c.score < before)
      .sort((a, b) => a.score - b.score || b.explained - a.explained || a.marks - b.marks);
    const best = better[0];
    if (!best) return unchanged;
    const second = better[1];
    // Two codecs that explain the text equally well but differently: do not guess.
    if (
      second &&
      second.score === best.score &&
      second.explained === best.explained &&
      second.marks === best.marks &&
      second.text !== best.text
    ) {
      return unchanged;
    }
    return { text: best.text, encoding: best.encoding, firstLine: best.firstLine, count: best.count, example: best.example };
  } catch {
    return unchanged;
  }
}
