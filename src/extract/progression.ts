/**
 * Career ladders and alternative paths: "Junior ML Engineer → ML Engineer → Senior ML Engineer",
 * also drawn in a code block one title a line with "↓" between, and "Alternative paths: X, Y".
 */
import type { Code } from "mdast";
import type { Position } from "unist";
import { place } from "../model/raw-role.ts";
import type { Context } from "./context.ts";
import { hasArrow, splitArrows } from "./arrows.ts";
import { entriesOf, isProse } from "./entries.ts";
import { conceptOf } from "./names.ts";
import type { HeadingSection } from "./sections.ts";
import { splitList } from "./skill-names.ts";

/** Adds the ladder an arrow chain draws; false when `text` is no chain. */
export function addLadder(text: string, position: Position, ctx: Context): boolean {
  const titles = splitArrows(text);
  if (!titles) return false;
  const ladders = ctx.raw.data.ladders!;
  ladders.push(place(ctx.raw, ["ladders", ladders.length], position, titles));
  return true;
}

export function addAlternatives(list: string, position: Position, ctx: Context): void {
  const paths = ctx.raw.data.alternativePaths!;
  for (const name of splitList(list)) {
    if (!paths.includes(name)) paths.push(place(ctx.raw, ["alternativePaths", paths.length], position, name));
  }
}

/** A ladder drawn in a code block: an arrow chain, or one title a line with "↓" lines between. */
function ladderFromCode(code: Code, ctx: Context): boolean {
  const position = code.position ?? ctx.raw.position;
  const lines = code.value.split("\n").map((l) => l.trim()).filter(Boolean);
  if (lines.some((l) => /^[↓⬇|v]$/u.test(l))) {
    const titles = lines.filter((l) => !/^[↓⬇|v]$/u.test(l));
    return titles.length >= 2 && addLadder(titles.join(" → "), position, ctx);
  }
  const chains = lines.filter(hasArrow);
  if (chains.length === 0 || chains.length !== lines.length) return false;
  return chains.every((line) => addLadder(line, position, ctx));
}

export function readProgression(section: HeadingSection, ctx: Context): void {
  for (const block of section.blocks) {
    if (block.type === "code" && ladderFromCode(block, ctx)) continue;
    if (!isProse(block)) {
      ctx.keepBlocks(section.title, [block]);
      continue;
    }
    for (const entry of entriesOf([block])) {
      if (entry.label && conceptOf(entry.label, ["alternatives"])) addAlternatives(entry.value, entry.position, ctx);
      else if (entry.label && ctx.placeField(entry, ctx)) continue;
      else if (!addLadder(entry.text, entry.position, ctx)) ctx.keepEntries(section.title, [entry]);
    }
  }
  for (const child of section.children) ctx.readSection(child, ctx);
}

export function readAlternatives(section: HeadingSection, ctx: Context): void {
  ctx.keepBlocks(section.title, section.blocks.filter((b) => !isProse(b)));
  for (const entry of entriesOf(section.blocks)) {
    // "**Data Scientist**: for those who like statistics" is one path with a note, not a list.
    if (entry.label) {
      const paths = ctx.raw.data.alternativePaths!;
      paths.push(place(ctx.raw, ["alternativePaths", paths.length], entry.position, entry.text));
    } else addAlternatives(entry.text, entry.position, ctx);
  }
  for (const child of section.children) ctx.readSection(child, ctx);
}
