/**
 * The role's prose parts: its summary (an Overview section, or the text under the title), its
 * responsibilities and its typical background.
 */
import type { Position } from "unist";
import { place } from "../model/raw-role.ts";
import type { Context } from "./context.ts";
import { entriesOf, flatten, isProse, type Entry } from "./entries.ts";
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
 * Reads labelled lines by their labels and the rest as summary prose; lists that name no part are
 * kept unplaced, since a list is rarely a summary.
 */
export function readOverview(section: HeadingSection, ctx: Context): void {
  const paragraphs: Entry[] = [];
  for (const block of section.blocks) {
    if (!isProse(block)) {
      ctx.keepBlocks(section.title, [block]);
      continue;
    }
    for (const entry of entriesOf([block])) {
      if (entry.label && ctx.placeField(entry, ctx)) continue;
      if (block.type === "paragraph") paragraphs.push(entry);
      else ctx.keepEntries(section.title, [entry]);
    }
  }
  if (paragraphs.length > 0) {
    addSummary(paragraphs.map((e) => e.text).join("\n"), paragraphs[0]!.position, ctx);
  }
  for (const child of section.children) ctx.readSection(child, ctx);
}

export function readResponsibilities(section: HeadingSection, ctx: Context): void {
  ctx.keepBlocks(section.title, section.blocks.filter((b) => !isProse(b)));
  for (const entry of flatten(entriesOf(section.blocks))) {
    if (entry.text) addResponsibility(entry.text, entry.position, ctx);
  }
  for (const child of section.children) ctx.readSection(child, ctx);
}

export function readBackground(section: HeadingSection, ctx: Context): void {
  ctx.keepBlocks(section.title, section.blocks.filter((b) => !isProse(b)));
  const entries = flatten(entriesOf(section.blocks)).filter((e) => e.text);
  if (entries.length > 0) addBackground(entries.map((e) => e.text).join("\n"), entries[0]!.position, ctx);
  for (const child of section.children) ctx.readSection(child, ctx);
}
