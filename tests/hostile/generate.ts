/**
 * The hostile inputs too large to commit, made on demand. At their full size (`scale` 1) they are
 * the benchmark's (`hostileInputs()` lists them with the small committed fixtures, and
 * `bench/hostile.ts` times each); the tests make them at a hundredth of that or less and load them
 * with limits lowered as much, so that every shape is proven without a huge input.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FIXTURES } from "./helpers.ts";

/** The lines every generated guide starts with (5 lines: a title, an overview, a blank line). */
export const HEAD = "# Hostile Engineer\n\n## Overview\nA guide written to be hard to read.\n\n";

/** `unit` repeated to exactly `length` characters. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * A guide of `size` characters and more: one role with sections of prose, labelled lists and
 * tables, each section about 900 characters (section i is headed "Notes i").
 */
export function largeGuide(size: number): string {
  const words = "data model pipeline python sql review design system team ship metric test deploy cloud cost latency user query index".split(" ");
  const word = (i: number) => words[(i * 7919) % words.length]!;
  const parts = [HEAD];
  let length = HEAD.length;
  for (let i = 0; length < size; i++) {
    const part =
      `## Notes ${i}\n\n${Array.from({ length: 60 }, (_, k) => word(i + k)).join(" ")}.\n\n` +
      `${Array.from({ length: 8 }, (_, k) => `- **${word(i * k)}**: ${word(k)}, ${word(i)}, ${word(i + k + 1)}`).join("\n")}\n\n` +
      `| Skill | Level |\n|---|---|\n${Array.from({ length: 5 }, (_, k) => `| ${word(i + k)} | ${k + 1} |`).join("\n")}\n\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join("");
}

/** `count` headings, each with a line of text: heading i ("Heading i") is on line 6 + 3i. */
export function headings(count: number): string {
  const lines = [HEAD];
  for (let i = 0; i < count; i++) lines.push(`## Heading ${i}\nText ${i}.\n\n`);
  return lines.join("");
}

/** `n` at `scale`, at least 1. */
const at = (scale: number, n: number) => Math.max(1, Math.round(n * scale));

/** The large hostile inputs by name (their size at `scale` 1, the default), each made when called. */
export const LARGE: Record<string, (scale?: number) => string | Uint8Array> = {
  "10,000 nested list levels": (scale = 1) => `${HEAD}## Skills\n${"- ".repeat(at(scale, 10_000))}deep\n`,
  "10,000 nested block quotes": (scale = 1) => `${HEAD}## Notes\n${">".repeat(at(scale, 10_000))} deep\n`,
  "10,000 nested HTML elements": (scale = 1) => `${HEAD}## Notes\n\n<div>\n${"<div><span>".repeat(at(scale, 5_000))}deep${"</span></div>".repeat(at(scale, 5_000))}\n</div>\n`,
  "10,000 list levels by indentation (to 2 MB)": (scale = 1) => {
    let text = `${HEAD}## Skills\n`;
    for (let level = 0; level < at(scale, 10_000) && text.length < at(scale, 2_000_000); level++) text += `${"  ".repeat(level)}- level ${level}\n`;
    return text;
  },
  "a 5 MB guide": (scale = 1) => largeGuide(at(scale, 5_000_000)),
  "a 1 MB line of spaces in a level heading": (scale = 1) => `${HEAD}## Experience Levels\n### a${" ".repeat(at(scale, 1_000_000))}b (2-4 years)\n- **Python** - code\n`,
  "a 1 MB line of colons": (scale = 1) => `${HEAD}## Required Skills\n**Technical**: ${repeatTo("a:", at(scale, 1_000_000))}\n`,
  "a 1 MB line of brackets": (scale = 1) => `${HEAD}## Transition Paths\n### From ${repeatTo("(", at(scale, 1_000_000))} (6-month plan)\n`,
  "a 1 MB line of digits": (scale = 1) => `${HEAD}## Experience Levels\n### ${repeatTo("1", at(scale, 1_000_000))} (2-4 years)\n`,
  "a 1 MB line of bold marks": (scale = 1) => `${HEAD}## Notes\n${repeatTo("**", at(scale, 1_000_000))}\n`,
  "a 1 MB line of arrows": (scale = 1) => `${HEAD}## Career Progression\n${repeatTo("a → ", at(scale, 1_000_000))}\n`,
  "100,000 headings": (scale = 1) => headings(at(scale, 100_000)),
  "100,000 nested brackets": (scale = 1) => `${HEAD}## Notes\n${"[".repeat(at(scale, 50_000))}${"]".repeat(at(scale, 50_000))}\n`,
  "a 1 MB line of emphasised links": (scale = 1) => `${HEAD}## Notes\n${repeatTo("*[a*](b)", at(scale, 1_000_000))}\n`,
  "an 11 MB file": (scale = 1) => `${HEAD}${repeatTo("Some text. ", at(scale, 11 * 1024 * 1024))}`,
};

/** The places whose text the extractors match with patterns: a section with `body` on one line of it. */
export const PLACES: Record<string, (body: string) => string> = {
  "a level heading": (body) => `## Tech Stack Requirements by Experience Level\n### ${body} (2-4 years)\n#### Must-Have:\n- **Python** - Code\n`,
  "a requirement": (body) => `## Tech Stack Requirements by Experience Level\n### Mid (2-4 years)\n#### Must-Have:\n- **${body.slice(0, 200)}** - ${body}\n`,
  "a labelled skill list": (body) => `## Required Skills\n**Technical**: ${body}\n`,
  "a plan heading": (body) => `## Transition Paths\n### From ${body} (6-month plan)\n**Months 1-3**: Basics\n• SQL\n`,
  "a phase": (body) => `## Transition Paths\n### From Teacher (6-month plan)\n**Months ${body.slice(0, 200)}**: ${body}\n• ${body.slice(0, 1000)}\n`,
  "a ladder": (body) => `## Career Progression\n${body}\n`,
  "an unknown section": (body) => `## Notes\n${body}\n`,
};

/** Long lines the extractors must read in linear time: what each is made of, where it stands, and the line of `length` characters. */
export const LONG_LINES: { shape: string; place: string; line: (length: number) => string }[] = [
  { shape: "spaces", place: "a level heading", line: (n) => `a${" ".repeat(n)}b` },
  { shape: "spaces", place: "a requirement", line: (n) => `a${" ".repeat(n)}b` },
  { shape: "spaces before a year", place: "a level heading", line: (n) => `Mid${" ".repeat(n)}1 year` },
  { shape: "dots", place: "a requirement", line: (n) => `a${".".repeat(n)}b` },
  { shape: "colons", place: "a labelled skill list", line: (n) => repeatTo("a:", n) },
  { shape: "brackets", place: "a plan heading", line: (n) => repeatTo("(", n) },
  { shape: "digits", place: "a level heading", line: (n) => repeatTo("1", n) },
  { shape: "digits and dashes", place: "a phase", line: (n) => repeatTo("1-", n) },
  { shape: "words and commas", place: "a labelled skill list", line: (n) => repeatTo("skill, ", n) },
  { shape: "arrows", place: "a ladder", line: (n) => repeatTo("a → ", n) },
  { shape: "slashes", place: "a requirement", line: (n) => repeatTo("abcd/", n) },
  { shape: "spaced dashes", place: "a requirement", line: (n) => repeatTo("a - ", n) },
  { shape: "years", place: "a level heading", line: (n) => repeatTo("2-4 years ", n) },
  { shape: "months", place: "a phase", line: (n) => repeatTo("Months 1-3 ", n) },
  { shape: "hashes", place: "an unknown section", line: (n) => repeatTo("#", n) },
  { shape: "emoji and mojibake", place: "a level heading", line: (n) => repeatTo("🤖 ü§ñ ‚Üí ", n) },
];

/** Lines of emphasis and link marks, which the parser reads by the square of their number: refused before parsing. */
export const MARK_LINES: { shape: string; line: (length: number) => string }[] = [
  { shape: "bold marks", line: (n) => repeatTo("**", n) },
  { shape: "underscores", line: (n) => repeatTo("_a ", n) },
  { shape: "tildes", line: (n) => repeatTo("~a ", n) },
  { shape: "link openers", line: (n) => repeatTo("[", n) },
  { shape: "links", line: (n) => repeatTo("[a](b)", n) },
  { shape: "emphasised links", line: (n) => repeatTo("*[a*](b)", n) },
  { shape: "footnote references", line: (n) => repeatTo("[^a]", n) },
  { shape: "nested brackets", line: (n) => `${"[".repeat(Math.floor(n / 2))}${"]".repeat(Math.floor(n / 2))}` },
];

// The benchmark times every long line at 1 MB, but for the shapes LARGE above holds already.
const TIMED = new Set(["spaces in a level heading", "colons in a labelled skill list", "brackets in a plan heading", "digits in a level heading", "arrows in a ladder", "bold marks", "emphasised links", "nested brackets"]);
for (const { shape, place, line } of LONG_LINES) {
  if (!TIMED.has(`${shape} in ${place}`)) LARGE[`a 1 MB line of ${shape} in ${place}`] = (scale = 1) => `${HEAD}${PLACES[place]!(line(at(scale, 1_000_000)))}`;
}
for (const { shape, line } of MARK_LINES) {
  if (!TIMED.has(shape)) LARGE[`a 1 MB line of ${shape}`] = (scale = 1) => `${HEAD}## Notes\n${line(at(scale, 1_000_000))}\n`;
}

/** Every hostile input, small (committed) and large (generated at full size), by name: for the benchmark. */
export function hostileInputs(): { name: string; content: () => string | Uint8Array }[] {
  const small = readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .map((file) => ({ name: path.relative(FIXTURES, file), content: () => readFileSync(file) }));
  return [...small, ...Object.entries(LARGE).map(([name, make]) => ({ name, content: () => make() }))];
}
