/**
 * The role's prose parts: its summary (an Overview section, or the text under the title), its
 * responsibilities and its typical background.
 */
import type { Position } from "unist";
import { readBlocks } from "./blocks.ts";
import { sectionConcept } from "./heading-names.ts";
import { entriesOf, flatten, isProse, type Entry } from "./entries.ts";
import { isStructuralText } from "./names.ts";
import { Out, type ReadEnv, type Result } from "./out.ts";
import type { HeadingSection } from "./sections.ts";
import { addChain, addTailLadder, placeEntry } from "./values.ts";

/**
 * Reads labelled lines by their labels and the rest as summary prose; a line that is only an
 * arrow chain is a ladder or a growth step, and a sentence that ends with one after a colon draws
 * that ladder too; lists that name no part are kept unplaced, since a list is rarely a summary.
 * Text in HTML blocks counts as prose.
 */
export function readOverview(section: HeadingSection, env: ReadEnv): Result {
  const out = new Out();
  const paragraphs: Entry[] = [];
  const htmlText: { text: string; position: Position }[] = [];
  out.merge(
    readBlocks(section, section.blocks, env, (text, position) => {
      htmlText.push({ text, position });
      return true;
    }),
  );
  let introduces = false;
  for (const block of section.blocks) {
    if (!isProse(block)) {
      introduces = false;
      continue;
    }
    for (const entry of entriesOf([block])) {
      if (placeEntry(section, entry, out)) continue;
      if (addChain(entry, out)) continue;
      if (block.type === "paragraph") {
        paragraphs.push(entry);
        addTailLadder(entry, out);
      }
      // A list that a sentence ending in a colon introduces ("…helps engineers to:") is part of the prose.
      else if (introduces) for (const item of flatten([entry])) paragraphs.push({ ...item, text: `- ${item.text}` });
      else out.keepEntries(section, [entry]);
    }
    introduces = block.type === "paragraph" && /[:：]$/.test(paragraphs[paragraphs.length - 1]?.text ?? "") && paragraphs[paragraphs.length - 1]!.position.end.line === block.position?.end.line;
  }
  const prose = [...htmlText, ...paragraphs.map((e) => ({ text: e.text, position: e.position }))].sort(
    (a, b) => a.position.start.line - b.position.start.line || a.position.start.column - b.position.start.column,
  );
  if (prose.length > 0) out.add({ kind: "summary", text: prose.map((p) => p.text).join("\n"), position: prose[0]!.position });
  out.readChildren(section);
  return out.result();
}

/**
 * Every line of a responsibilities section is one; so is every line of a sub-section whose
 * heading names no other part ("#### Planning", "#### Sprint coordination"): a group of them,
 * whose heading is kept as written beside them.
 */
export function readResponsibilities(section: HeadingSection, env: ReadEnv): Result {
  const out = new Out();
  out.merge(readBlocks(section, section.blocks, env));
  for (const entry of flatten(entriesOf(section.blocks))) {
    if (entry.text) out.add({ kind: "responsibility", text: entry.text, position: entry.position });
  }
  for (const child of section.children) {
    if (sectionConcept(child)) out.read(child);
    else {
      if (!isStructuralText(child.title)) out.keepHeading(child);
      out.merge(readResponsibilities(child, env));
    }
  }
  return out.result();
}

export function readBackground(section: HeadingSection, env: ReadEnv): Result {
  const out = new Out();
  out.merge(
    readBlocks(section, section.blocks, env, (text, position) => {
      out.add({ kind: "background", text, position });
      return true;
    }),
  );
  const entries = flatten(entriesOf(section.blocks)).filter((e) => e.text);
  if (entries.length > 0) out.add({ kind: "background", text: entries.map((e) => e.text).join("\n"), position: entries[0]!.position });
  out.readChildren(section);
  return out.result();
}
