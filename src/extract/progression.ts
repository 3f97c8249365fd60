/**
 * Career ladders and alternative paths: "Junior ML Engineer → ML Engineer → Senior ML Engineer"
 * (also "->", "⇒"), drawn in a code block one title a line with "↓" between, and
 * "Alternative paths: X, Y". Under "Alternative Paths", a bold line above a ladder names a track
 * ("**Management Track:**" then "Senior Engineer → Team Lead → …"): the track is a path, the chain
 * its ladder. A line that is only a chain of two ("Senior → Staff") outside a ladder section is a
 * step from one level to the next (see growth.ts).
 */
import type { Code } from "mdast";
import type { Position } from "unist";
import { place } from "../model/raw-role.ts";
import type { Context } from "./context.ts";
import { sectionConcept } from "./heading-names.ts";
import { hasArrow, splitArrows } from "./arrows.ts";
import { entriesOf, inOrder, type Entry } from "./entries.ts";
import { addGrowth } from "./growth.ts";
import { levelFor, looksLikeLevel } from "./level-names.ts";
import { conceptOf } from "./names.ts";
import { addRequirement } from "./requirements.ts";
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

/** A line that is only an arrow chain, outside a ladder section: two titles are a growth step, more a ladder. */
export function addChain(entry: Entry, ctx: Context): boolean {
  if (entry.label || entry.children.length > 0) return false;
  const titles = splitArrows(entry.text);
  if (!titles) return false;
  return titles.length === 2 ? addGrowth(entry.text, [], entry.position, ctx) : addLadder(entry.text, entry.position, ctx);
}

/** Adds an alternative path once. */
export function addPath(text: string, position: Position, ctx: Context): void {
  if (ctx.pathKeys.has(text)) return;
  ctx.pathKeys.add(text);
  const paths = ctx.raw.data.alternativePaths!;
  paths.push(place(ctx.raw, ["alternativePaths", paths.length], position, text));
}

export function addAlternatives(list: string, position: Position, ctx: Context): void {
  for (const name of splitList(list)) addPath(name, position, ctx);
}

const DOWN = /^(?:↓|⬇|⇓|\||v|V|⬇️)$/u;

/**
 * A ladder drawn in a code block: arrow chains, or one title a line with "↓" lines between.
 * @returns false, adding nothing, when the block draws no ladder
 */
export function ladderFromCode(code: Code, ctx: Context): boolean {
  const position = code.position ?? ctx.raw.position;
  const lines = code.value.split("\n").map((l) => l.trim()).filter(Boolean);
  if (lines.some((l) => DOWN.test(l))) {
    const titles = lines.filter((l) => !DOWN.test(l));
    if (titles.length < 2 || titles.some((t) => t.length > 120)) return false;
    return addLadder(titles.join(" → "), position, ctx);
  }
  const chains = lines.filter(hasArrow);
  if (chains.length === 0 || chains.length !== lines.length) return false;
  if (!chains.every((line) => splitArrows(line))) return false;
  return chains.every((line) => addLadder(line, position, ctx));
}

/**
 * The lines of a ladder that each name a level and the titles it holds ("**Entry-Level:** Junior
 * ML Engineer, Associate ML Engineer"), when three or more do: each label a level, the titles its
 * requirement, the labels in order the ladder.
 */
function readLevelLines(entries: readonly Entry[], ctx: Context): Set<string> {
  const lines = entries.filter((e) => e.label && e.value && !conceptOf(e.label) && looksLikeLevel(e.label, true));
  if (lines.length < 3) return new Set();
  for (const line of lines) {
    const index = levelFor(line.label!, line.position, ctx);
    addRequirement(index, line.position, { text: line.value, detail: null, priority: "other", group: null, skills: [] }, ctx);
  }
  addLadder(lines.map((l) => l.label!).join(" → "), lines[0]!.position, ctx);
  return new Set(lines.map(where));
}

/** An entry's place, which names it across two readings of the same blocks. */
const where = (entry: Entry) => `${entry.position.start.line}:${entry.position.start.column}`;

export function readProgression(section: HeadingSection, ctx: Context): void {
  const levelLines = readLevelLines(entriesOf(section.blocks), ctx);
  inOrder(section.blocks, (others) => ctx.readBlocks(section, others), (entry) => {
    if (levelLines.has(where(entry))) return;
    if (entry.label && conceptOf(entry.label, ["alternatives"])) addAlternatives(entry.value, entry.position, ctx);
    else if (ctx.placeEntry(section, entry)) return;
    else if (!addLadder(entry.text, entry.position, ctx)) ctx.keepEntries(section, [entry]);
  });
  ctx.readChildren(section);
}

/** Reads a list of paths: ladders drawn as chains, "**Path**: note" as one path, other lines as lists of paths. */
function readPathEntries(entries: readonly Entry[], ctx: Context): number {
  let ladders = 0;
  for (const entry of entries) {
    if (!entry.label && addLadder(entry.text, entry.position, ctx)) ladders++;
    // "**Data Scientist**: for those who like statistics" is one path with a note, not a list.
    else if (entry.label) addPath(entry.text, entry.position, ctx);
    else addAlternatives(entry.text, entry.position, ctx);
    ladders += readPathEntries(entry.children, ctx);
  }
  return ladders;
}

export function readAlternatives(section: HeadingSection, ctx: Context): void {
  ctx.readBlocks(section, section.blocks);
  readPathEntries(entriesOf(section.blocks), ctx);
  for (const child of section.children) {
    if (!child.pseudo) {
      ctx.readSection(child, ctx);
      continue;
    }
    ctx.readBlocks(child, child.blocks);
    const ladders = readPathEntries(entriesOf(child.blocks), ctx);
    // "**Management Track:**" over a ladder names a path; "**Specialized Paths:**" over a list only groups them.
    if (ladders > 0) addPath(child.title, child.position ?? ctx.raw.position, ctx);
    else if (!sectionConcept(child)) ctx.keepHeading(child);
    ctx.readChildren(child);
  }
}
