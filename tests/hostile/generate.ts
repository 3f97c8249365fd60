/**
 * The hostile inputs too large to commit, made on demand: for the tests (limits.test.ts) and for the
 * benchmark, which reports the time each takes (`hostileInputs()` lists them with the small
 * committed fixtures).
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

/** A guide of 5 MB and more: one role with thousands of sections of prose, labelled lists and tables. */
export function fiveMegabyteGuide(): string {
  const words = "data model pipeline python sql review design system team ship metric test deploy cloud cost latency user query index".split(" ");
  const word = (i: number) => words[(i * 7919) % words.length]!;
  const parts = [HEAD];
  let size = HEAD.length;
  for (let i = 0; size < 5_000_000; i++) {
    const part =
      `## Notes ${i}\n\n${Array.from({ length: 60 }, (_, k) => word(i + k)).join(" ")}.\n\n` +
      `${Array.from({ length: 8 }, (_, k) => `- **${word(i * k)}**: ${word(k)}, ${word(i)}, ${word(i + k + 1)}`).join("\n")}\n\n` +
      `| Skill | Level |\n|---|---|\n${Array.from({ length: 5 }, (_, k) => `| ${word(i + k)} | ${k + 1} |`).join("\n")}\n\n`;
    parts.push(part);
    size += part.length;
  }
  return parts.join("");
}

/** 100,000 headings, each with a line of text: heading i is on line 6 + 3i. */
export function hundredThousandHeadings(): string {
  const lines = [HEAD];
  for (let i = 0; i < 100_000; i++) lines.push(`## Heading ${i}\nText ${i}.\n\n`);
  return lines.join("");
}

/** The large hostile inputs by name, each made when called. */
export const LARGE: Record<string, () => string | Uint8Array> = {
  "10,000 nested list levels": () => `${HEAD}## Skills\n${"- ".repeat(10_000)}deep\n`,
  "10,000 nested block quotes": () => `${HEAD}## Notes\n${">".repeat(10_000)} deep\n`,
  "10,000 nested HTML elements": () => `${HEAD}## Notes\n\n<div>\n${"<div><span>".repeat(5_000)}deep${"</span></div>".repeat(5_000)}\n</div>\n`,
  "10,000 list levels by indentation (to 2 MB)": () => {
    let text = `${HEAD}## Skills\n`;
    for (let level = 0; level < 10_000 && text.length < 2_000_000; level++) text += `${"  ".repeat(level)}- level ${level}\n`;
    return text;
  },
  "a 5 MB guide": fiveMegabyteGuide,
  "a 1 MB line of spaces in a level heading": () => `${HEAD}## Experience Levels\n### a${" ".repeat(1_000_000)}b (2-4 years)\n- **Python** - code\n`,
  "a 1 MB line of colons": () => `${HEAD}## Required Skills\n**Technical**: ${repeatTo("a:", 1_000_000)}\n`,
  "a 1 MB line of brackets": () => `${HEAD}## Transition Paths\n### From ${repeatTo("(", 1_000_000)} (6-month plan)\n`,
  "a 1 MB line of digits": () => `${HEAD}## Experience Levels\n### ${repeatTo("1", 1_000_000)} (2-4 years)\n`,
  "a 1 MB line of bold marks": () => `${HEAD}## Notes\n${repeatTo("**", 1_000_000)}\n`,
  "a 1 MB line of arrows": () => `${HEAD}## Career Progression\n${repeatTo("a → ", 1_000_000)}\n`,
  "100,000 headings": hundredThousandHeadings,
  "100,000 nested brackets": () => `${HEAD}## Notes\n${"[".repeat(50_000)}${"]".repeat(50_000)}\n`,
  "a 1 MB line of emphasised links": () => `${HEAD}## Notes\n${repeatTo("*[a*](b)", 1_000_000)}\n`,
  "an 11 MB file": () => `${HEAD}${repeatTo("Some text. ", 11 * 1024 * 1024)}`,
};

/** Every hostile input, small (committed) and large (generated), by name: for the benchmark. */
export function hostileInputs(): { name: string; content: () => string | Uint8Array }[] {
  const small = readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .map((file) => ({ name: path.relative(FIXTURES, file), content: () => readFileSync(file) }));
  return [...small, ...Object.entries(LARGE).map(([name, content]) => ({ name, content }))];
}
