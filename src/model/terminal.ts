/**
 * Text from the input (headings, names, file names) printed to a terminal. A terminal obeys the
 * control characters in what it prints: ESC starts sequences that clear the screen, retitle the
 * window or set the clipboard (OSC 52), and C1 controls (U+009B is CSI) do the same on terminals
 * that read them; a newline in a file name would split a diagnostic into a line that looks like
 * another; bidi overrides reorder what is shown ("Trojan Source"). Each becomes a visible escape
 * instead, so what is printed is what the input holds. JSON output needs none of this: JSON
 * escapes every C0 control itself, and its readers want the exact text.
 */

// C0 controls, DEL, C1 controls, the line and paragraph separators, the bidi embeddings and
// overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  return SHORT[ch] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`);
}

/**
 * `text` safe to print on a terminal, as one line: every control character, line separator and
 * bidi control written as a visible escape (`\x1b`, `\n`, `\u202e`); all else kept as it is.
 * @param text text that may come from the input
 */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE, escape);
}

// What JSON.stringify leaves raw that a terminal may still obey: it escapes C0 controls only.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text safe to print on a terminal and still exact: DEL, C1 controls, line separators and
 * bidi controls (which JSON.stringify leaves raw) written as `\u` escapes, so every string parses
 * back to the very same text.
 * @param json the output of JSON.stringify
 */
export function jsonForTerminal(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
