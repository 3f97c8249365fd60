/**
 * A UTF-8 validator that says *where* the bytes go wrong. TextDecoder only says *that* they do,
 * and throwing per check is too slow for the mojibake repair, which validates many short runs.
 * It follows the well-formed byte sequences of Unicode 15, table 3-7, which is also what a fatal
 * `TextDecoder("utf-8")` accepts (a property test keeps the two in step).
 */

/**
 * Index of the first byte of the first ill-formed sequence, or -1 when all is valid UTF-8.
 * For a truncated sequence ("E2 82" then a space) that is the lead byte, the one a reader would
 * blame ("é" saved as Latin-1 is the single byte E9).
 * @param bytes the bytes to check
 * @param start first index to check (default 0)
 * @param end index after the last byte to check (default `bytes.length`)
 */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    // Lead byte: how many continuation bytes follow, and the allowed range of the first one
    // (narrower after E0, ED, F0, F4 to rule out overlong forms, surrogates and > U+10FFFF).
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return i; // a stray continuation byte, C0/C1 (overlong) or F5–FF (never used)
    if (i + need >= end) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}
