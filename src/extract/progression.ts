/**
 * Career ladders and alternative paths: "Junior ML Engineer → ML Engineer → Senior ML Engineer"
 * (also "->", "⇒"), drawn in a code block one title a line with "↓" between, and
 * "Alternative paths: X, Y". Under "Alternative Paths", a bold line above a ladder names a track
 * ("**Management Track:**" then "Senior Engineer → Team Lead → …"): the track is a path, the chain
 * its ladder. A line that is only a chain of two ("Senior → Staff") outside a ladder section is a
 * step from one level to the next (see growth.ts).
 */
import { readBlocks } from "./blocks.ts";
import { sectionConcept } from "./heading-names.ts";
import { entriesOf, inOrder, type Entry } from "./entries.ts";
import { looksLikeLevel } from "./level-names.ts";
import { conceptOf } from "./names.ts";
import { Out, type ReadEnv, type Result } from "./out.ts";
import type { HeadingSection } from "./sections.ts";
import { addAlternatives, addLadder, addPath, placeEntry } from "./values.ts";

/**
 * The lines of a ladder that each name a level and the titles it holds ("**Entry-Level:** Junior
 * ML Engineer, Associate ML Engineer"), when three or more do: each label a level, the titles its
 * requirement, the labels in order the ladder.
 */
function readLevelLines(entries: readonly Entry[], out: Out): Set<string> {
  const lines = entries.filter((e) => e.label && e.value && !conceptOf(e.label) && looksLikeLevel(e.label, true));
  if (lines.length < 3) return new Set();
  for (const line of lines) {
    const level = out.level(line.label!, line.position);
    out.requirement(level, line.position, { text: line.value, detail: null, priority: "other", group: null, skills: [] });
  }
  addLadder(lines.map((l) => l.label!).join(" → "), lines[0]!.position, out);
  return new Set(lines.map(where));
}

/** An entry's place, which names it across two readings of the same blocks. */
const where = (entry: Entry) => `${entry.position.start.line}:${entry.position.start.column}`;

export function readProgression(section: HeadingSection, env: ReadEnv): Result {
  const out = new Out();
  const levelLines = readLevelLines(entriesOf(section.blocks), out);
  inOrder(section.blocks, (others) => out.merge(readBlocks(section, others, env)), (entry) => {
    if (levelLines.has(where(entry))) return;
    if (entry.label && conceptOf(entry.label, ["alternatives"])) addAlternatives(entry.value, entry.position, out);
    else if (placeEntry(section, entry, out)) return;
    else if (!addLadder(entry.text, entry.position, out)) out.keepEntries(section, [entry]);
  });
  out.readChildren(section);
  return out.result();
}

/** Reads a list of paths: ladders drawn as chains, "**Path**: note" as one path, other lines as lists of paths. */
function readPathEntries(entries: readonly Entry[], out: Out): number {
  let ladders = 0;
  for (const entry of entries) {
    if (!entry.label && addLadder(entry.text, entry.position, out)) ladders++;
    // "**Data Scientist**: for those who like statistics" is one path with a note, not a list.
    else if (entry.label) addPath(entry.text, entry.position, out);
    else addAlternatives(entry.text, entry.position, out);
    ladders += readPathEntries(entry.children, out);
  }
  return ladders;
}

export function readAlternatives(section: HeadingSection, env: ReadEnv): Result {
  const out = new Out();
  out.merge(readBlocks(section, section.blocks, env));
  readPathEntries(entriesOf(section.blocks), out);
  for (const child of section.children) {
    if (!child.pseudo) {
      out.read(child);
      continue;
    }
    out.merge(readBlocks(child, child.blocks, env));
    const ladders = readPathEntries(entriesOf(child.blocks), out);
    // "**Management Track:**" over a ladder names a path; "**Specialized Paths:**" over a list only groups them.
    if (ladders > 0) addPath(child.title, child.position ?? env.position, out);
    else if (!sectionConcept(child)) out.keepHeading(child);
    out.readChildren(child);
  }
  return out.result();
}
