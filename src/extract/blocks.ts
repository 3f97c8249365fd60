/**
 * The blocks of a section that are not prose (code, tables, HTML, quotes, images): ladders drawn
 * in code, level tables (markdown or HTML), text in HTML; what stays unread is left over.
 */
import type { Code, Html, RootContent } from "mdast";
import type { Position } from "unist";
import { hasArrow, splitArrows } from "./arrows.ts";
import { isMediaParagraph, isProse } from "./entries.ts";
import { gridOfTable, gridsOf, hasMedia, isMediaOnly, parseHtmlRun, textOutsideTables } from "./html.ts";
import { isLevelTable, readLevelTable } from "./level-tables.ts";
import { Out, type ReadEnv, type Result } from "./out.ts";
import type { HeadingSection } from "./sections.ts";
import { addLadder } from "./values.ts";

/** Text an HTML block holds, offered to the reader (true when it took it as prose). */
export type OnText = (text: string, position: Position) => boolean;

const DOWN = /^(?:↓|⬇|⇓|\||v|V|⬇️)$/u;

/**
 * A ladder drawn in a code block: arrow chains, or one title a line with "↓" lines between.
 * @returns false, adding nothing, when the block draws no ladder
 */
function ladderFromCode(code: Code, env: ReadEnv, out: Out): boolean {
  const position = code.position ?? env.position;
  const lines = code.value.split("\n").map((l) => l.trim()).filter(Boolean);
  if (lines.some((l) => DOWN.test(l))) {
    const titles = lines.filter((l) => !DOWN.test(l));
    if (titles.length < 2 || titles.some((t) => t.length > 120)) return false;
    return addLadder(titles.join(" → "), position, out);
  }
  const chains = lines.filter(hasArrow);
  if (chains.length === 0 || chains.length !== lines.length) return false;
  if (!chains.every((line) => splitArrows(line))) return false;
  return chains.every((line) => addLadder(line, position, out));
}

/**
 * Reads the non-prose blocks among `blocks`: ladders drawn in code, level tables (markdown or
 * HTML), text in HTML (to `onText`), images; leaves the rest over.
 */
export function readBlocks(section: HeadingSection, blocks: readonly RootContent[], env: ReadEnv, onText?: OnText): Result {
  const out = new Out();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (isProse(block)) continue;
    if (block.type === "html") {
      const run: Html[] = [block];
      while (blocks[i + 1]?.type === "html") run.push(blocks[++i] as Html);
      readHtml(section, run, env, out, onText);
      continue;
    }
    if (block.type === "code" && ladderFromCode(block, env, out)) continue;
    if (block.type === "table") {
      const grid = gridOfTable(block);
      if (grid && isLevelTable(grid)) {
        out.merge(readLevelTable(grid, section));
        continue;
      }
    }
    out.keepBlocks(section, [block], isMediaParagraph(block));
  }
  return out.result();
}

function readHtml(section: HeadingSection, run: Html[], env: ReadEnv, out: Out, onText?: OnText): void {
  if (run.some((node) => !node.position)) return out.keepBlocks(section, run);
  const parsed = parseHtmlRun(run, env.text);
  const grids = gridsOf(parsed);
  const text = textOutsideTables(parsed);
  if (grids.length > 0) {
    if (!grids.every(isLevelTable)) return out.keepBlocks(section, run);
    for (const grid of grids) out.merge(readLevelTable(grid, section));
    // Text or images beside the tables stay with them, as written.
    if (text || hasMedia(parsed)) out.keepBlocks(section, run);
    return;
  }
  if (isMediaOnly(parsed)) return out.keepBlocks(section, run, true);
  // Text beside an image stays with it, as written; text alone (a component like <GitHubButtons />) is prose.
  if (text && !hasMedia(parsed) && onText?.(text, parsed.position)) return;
  out.keepBlocks(section, run);
}
