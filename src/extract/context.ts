/**
 * What every extractor shares while reading one role: the draft it fills, the file it reports to,
 * and the keeper of text that no extractor could place, so that nothing the author wrote vanishes.
 */
import type { RootContent } from "mdast";
import type { Position } from "unist";
import type { VFile } from "vfile";
import { report } from "../model/diagnostics.ts";
import type { RawRole } from "../model/raw-role.ts";
import type { Entry } from "./entries.ts";
import type { HeadingSection } from "./sections.ts";

/** Reads a section by whatever part its heading names; set by the extractor's entry point. */
export type SectionReader = (section: HeadingSection, ctx: Context) => void;
/** Places a labelled entry ("**Career Progression**: A → B") by its label; false when the label names no part. */
export type FieldReader = (entry: Entry, ctx: Context) => boolean;

export interface Piece {
  text: string;
  position: Position;
}

export class Context {
  readonly raw: RawRole;
  readonly file: VFile;
  private readonly lines: string[];
  /** Unplaced pieces by section heading, in the order the headings were met. */
  private readonly leftovers = new Map<string, Piece[]>();

  readonly readSection: SectionReader;
  readonly placeField: FieldReader;

  constructor(raw: RawRole, file: VFile, lines: string[], readers: { section: SectionReader; field: FieldReader }) {
    this.raw = raw;
    this.file = file;
    this.lines = lines;
    this.readSection = readers.section;
    this.placeField = readers.field;
  }

  /** The source lines a node or entry spans, exactly as written. */
  sourceOf(position: Position): string {
    return this.lines.slice(position.start.line - 1, position.end.line).join("\n").trim();
  }

  /** Keeps entries no extractor placed, under the heading of the section they stood in. */
  keepEntries(heading: string, entries: readonly Entry[]): void {
    for (const entry of entries) this.keep(heading, { text: this.sourceOf(entry.position), position: entry.position });
  }

  /** Keeps blocks no extractor placed (code, tables, HTML, quotes, or prose nobody claimed). */
  keepBlocks(heading: string, blocks: readonly RootContent[]): void {
    for (const block of blocks) {
      if (block.type === "thematicBreak" || !block.position) continue;
      this.keep(heading, { text: this.sourceOf(block.position), position: block.position });
    }
  }

  keep(heading: string, piece: Piece): void {
    if (piece.text === "") return;
    const pieces = this.leftovers.get(heading) ?? [];
    pieces.push(piece);
    this.leftovers.set(heading, pieces);
  }

  /** Moves what was kept into `role.sections`, one warning per section, and returns nothing more to place. */
  flushUnplaced(sourcePath: string): void {
    for (const [heading, pieces] of this.leftovers) {
      const text = [...new Set(pieces.map((p) => p.text))].join("\n\n");
      const index = this.raw.data.sections!.length;
      this.raw.data.sections!.push({ heading, text, source: sourcePath });
      const first = pieces[0]!.position;
      this.raw.positions.set(`sections.${index}`, first);
      const where = heading ? `Section "${heading}"` : "Text before the first section";
      report(
        this.file,
        "warning",
        "unplaced-section",
        `${where} holds text that matches no known part (${pieces.length} block${pieces.length === 1 ? "" : "s"}); kept as written and shown on the role page. Rename the heading to a known part (see the README's input format) to place it.`,
        first,
      );
    }
    this.leftovers.clear();
  }
}
