/**
 * The classification of every section of a file, as data for `career-atlas check --explain`: its
 * line, what it was read as, and why (each signal with its weight).
 */
import type { Root } from "mdast";
import { classify, type Signal, type SectionKind } from "./classify.ts";
import { hoistFromLists } from "./entries.ts";
import { isMarkupBlock } from "./markup.ts";
import { sectionTree, walkSections } from "./sections.ts";

export interface ExplainedSection {
  line: number;
  column: number;
  /** The heading as cleaned for matching; a bold-line pseudo-heading is marked by `pseudo`. */
  heading: string;
  pseudo: boolean;
  depth: number;
  kind: SectionKind;
  score: number;
  signals: Signal[];
  /** The known name a misspelt heading was read as. */
  typo: string | null;
}

/**
 * Every section of a parsed file, in document order, with its classification.
 * @param tree the file's mdast
 */
export function explainSections(tree: Root): ExplainedSection[] {
  const root = sectionTree({ ...tree, children: hoistFromLists(tree.children.filter((block) => !isMarkupBlock(block))) });
  const out: ExplainedSection[] = [];
  for (const section of walkSections(root)) {
    if (!section.position) continue;
    const c = classify(section);
    out.push({
      line: section.position.start.line,
      column: section.position.start.column,
      heading: section.title,
      pseudo: section.pseudo,
      depth: section.depth,
      kind: c.kind,
      score: c.score,
      signals: c.signals,
      typo: c.typo?.known ?? null,
    });
  }
  return out;
}

/** One line per section: "12:1  skills  1.2  ## Required Skills  (heading names "required skills" +1; …)". */
export function explainText(rows: readonly ExplainedSection[], escape: (text: string) => string = (t) => t): string {
  const lines = rows.map((r) => {
    const marker = r.pseudo ? "**" : "#".repeat(Math.max(1, Math.floor(r.depth)));
    const why = r.signals.length ? r.signals.map((s) => `${s.reason} → ${s.kind} +${s.weight}`).join("; ") : "no signal";
    return `${`${r.line}:${r.column}`.padEnd(8)} ${r.kind.padEnd(16)} ${r.score.toFixed(2).padStart(5)}  ${marker} ${escape(r.heading)}  (${escape(why)})`;
  });
  return `${lines.join("\n")}${lines.length ? "\n" : ""}`;
}
