/**
 * The blocks of a section that are not prose (code, tables, HTML, quotes, images): ladders drawn
 * in code, level tables (markdown or HTML), tables of skills a sentence introduces, text in HTML;
 * what stays unread is left over.
 */
import type { Code, Html, RootContent } from "mdast";
import type { Position } from "unist";
import { toString } from "mdast-util-to-string";
import { hasArrow, splitArrows } from "./arrows.ts";
import { isMediaParagraph, isProse } from "./entries.ts";
import { gridOfTable, gridsOf, hasMedia, isMediaOnly, parseHtmlRun, textOutsideTables, type Grid } from "./html.ts";
import { isLevelTable, readLevelTable } from "./level-tables.ts";
import { conceptOf } from "./names.ts";
import { Out, type ReadEnv, type Result } from "./out.ts";
import type { HeadingSection } from "./sections.ts";
import { skillItems } from "./skill-names.ts";
import { addLadder, addSkills } from "./values.ts";

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

/** A sentence introduces a table of skills in at most this many words. */
const MAX_LEAD_WORDS = 25;

/** A short sentence that names skills just above a table: "Below is the list of competencies for each track." */
function introducesSkills(block: RootContent | undefined): boolean {
  if (block?.type !== "paragraph") return false;
  const words = toString(block).split(/\s+/).filter(Boolean);
  return words.length <= MAX_LEAD_WORDS && words.some((w) => conceptOf(w.replace(/[^\p{L}]/gu, "")) === "skills");
}

/**
 * A table of skill names, a column a category ("| Craftsmanship | Impact |" over "| Delivery
 * Process | Ownership |"): each cell's names are skills of its column's heading. False, reading
 * nothing, when a heading is empty or a cell is prose rather than names.
 */
function readSkillTable(grid: Grid, out: Out): boolean {
  const categories = grid.header.map((c) => c.text);
  if (categories.some((c) => c === "")) return false;
  const cells = grid.rows.flatMap((row) => row.map((cell, column) => ({ cell, category: categories[column] })));
  if (cells.some(({ cell, category }) => cell.text !== "" && (category === undefined || !skillItems(cell.text)))) return false;
  for (const { cell, category } of cells) if (cell.text !== "") addSkills(category!, cell.text, cell.position, out);
  return true;
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
      if (grid && introducesSkills(blocks[i - 1]) && readSkillTable(grid, out)) continue;
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
