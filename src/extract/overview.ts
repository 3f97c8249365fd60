/**
 * The role's prose parts: its summary (an Overview section, or the text under the title), its
 * responsibilities and its typical background.
 */
import type { Position } from "unist";
import { place } from "../model/raw-role.ts";
import type { Context } from "./context.ts";
import { sectionConcept } from "./heading-names.ts";
import { entriesOf, flatten, isProse, type Entry } from "./entries.ts";
import { addChain } from "./progression.ts";
import { isStructuralText } from "./names.ts";
import type { HeadingSection } from "./sections.ts";

function appendText(current: string | null | undefined, text: string): string {
  return current ? `${current}\n\n${text}` : text;
}

export function addSummary(text: string, position: Position, ctx: Context): void {
  const data = ctx.raw.data;
  data.summary = place(ctx.raw, ["summary"], data.summary ? undefined : position, appendText(data.summary, text));
}

export function addBackground(text: string, position: Position, ctx: Context): void {
  const data = ctx.raw.data;
  data.background = place(ctx.raw, ["background"], data.background ? undefined : position, appendText(data.background, text));
}

export function addResponsibility(text: string, position: Position, ctx: Context): void {
  const list = ctx.raw.data.responsibilities!;
  list.push(place(ctx.raw, ["responsibilities", list.length], position, text));
}

/**
 * Reads labelled lines by their labels and the rest as summary prose; a line that is only an
 * arrow chain is a ladder or a growth step; lists that name no part are kept unplaced, since a
 * list is rarely a summary. Text in HTML blocks counts as prose.
 */
export function readOverview(section: HeadingSection, ctx: Context): void {
  const paragraphs: Entry[] = [];
  const htmlText: { text: string; position: Position }[] = [];
  ctx.readBlocks(section, section.blocks, (text, position) => {
    htmlText.push({ text, position });
    return true;
  });
  let introduces = false;
  for (const block of section.blocks) {
    if (!isProse(block)) {
      introduces = false;
      continue;
    }
    for (const entry of entriesOf([block])) {
      if (ctx.placeEntry(section, entry)) continue;
      if (addChain(entry, ctx)) continue;
      if (block.type === "paragraph") paragraphs.push(entry);
      // A list that a sentence ending in a colon introduces ("…helps engineers to:") is part of the prose.
      else if (introduces) for (const item of flatten([entry])) paragraphs.push({ ...item, text: `- ${item.text}` });
      else ctx.keepEntries(section, [entry]);
    }
    introduces = block.type === "paragraph" && /[:：]$/.test(paragraphs[paragraphs.length - 1]?.text ?? "") && paragraphs[paragraphs.length - 1]!.position.end.line === block.position?.end.line;
  }
  const prose = [...htmlText, ...paragraphs.map((e) => ({ text: e.text, position: e.position }))].sort(
    (a, b) => a.position.start.line - b.position.start.line || a.position.start.column - b.position.start.column,
  );
  if (prose.length > 0) addSummary(prose.map((p) => p.text).join("\n"), prose[0]!.position, ctx);
  ctx.readChildren(section);
}

/**
 * Every line of a responsibilities section is one; so is every line of a sub-section whose
 * heading names no other part ("#### Planning", "#### Sprint coordination"): a group of them,
 * whose heading is kept as written beside them.
 */
export function readResponsibilities(section: HeadingSection, ctx: Context): void {
  ctx.readBlocks(section, section.blocks);
  for (const entry of flatten(entriesOf(section.blocks))) {
    if (entry.text) addResponsibility(entry.text, entry.position, ctx);
  }
  for (const child of section.children) {
    if (sectionConcept(child)) ctx.readSection(child, ctx);
    else {
      if (!isStructuralText(child.title)) ctx.keepHeading(child);
      readResponsibilities(child, ctx);
    }
  }
}

export function readBackground(section: HeadingSection, ctx: Context): void {
  ctx.readBlocks(section, section.blocks, (text, position) => {
    addBackground(text, position, ctx);
    return true;
  });
  const entries = flatten(entriesOf(section.blocks)).filter((e) => e.text);
  if (entries.length > 0) addBackground(entries.map((e) => e.text).join("\n"), entries[0]!.position, ctx);
  ctx.readChildren(section);
}
