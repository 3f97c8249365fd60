/**
 * What every extractor shares while reading one role: the draft it fills, the file it reports to,
 * and the keeper of text that no extractor could place, so that nothing the author wrote vanishes.
 */
import type { RootContent } from "mdast";
import type { Position } from "unist";
import type { VFile } from "vfile";
import { report } from "../model/diagnostics.ts";
import type { RawRole } from "../model/raw-role.ts";
import type { Range } from "../model/role.ts";
import type { Entry } from "./entries.ts";
import type { HeadingSection } from "./sections.ts";

/** Reads a section by whatever part its heading names; set by the extractor's entry point. */
export type SectionReader = (section: HeadingSection, ctx: Context) => void;
/** Places a labelled entry ("**Career Progression**: A → B") by its label; false when the label names no part. */
export type FieldReader = (entry: Entry, ctx: Context) => boolean;
/**
 * Reads the blocks of a section that are not prose (code, tables, HTML, quotes): ladders drawn in
 * code, level tables, HTML. Text an HTML block holds goes to `onText` when given; what stays
 * unread is kept unplaced.
 */
/** Reads the sub-sections of a section: runs of level headings, roadmap stages, and each other sub-section by its heading. */
export type ChildrenReader = (section: HeadingSection, ctx: Context) => void;
export type BlockReader = (section: HeadingSection, blocks: readonly RootContent[], ctx: Context, onText?: (text: string, position: Position) => boolean) => void;

export interface Piece {
  text: string;
  position: Position;
  /** An image or other media with no text of its own. */
  media?: boolean;
  /** The heading line of a sub-section, kept so that its pieces read in place. */
  heading?: boolean;
}

interface Group {
  section: HeadingSection;
  pieces: Piece[];
  headings: Set<HeadingSection>;
}

/** A roadmap stage ("### Years 0-2: Foundations") waiting for the level its years fall in. */
export interface Stage {
  section: HeadingSection;
  years: Range;
  title: string;
}

export class Context {
  readonly raw: RawRole;
  readonly file: VFile;
  /** The file's text (front matter blanked), which node offsets index. */
  readonly text: string;
  private readonly lines: string[];
  /** The role's own top sections: unplaced text is grouped under the one it stands in. */
  readonly tops = new Set<HeadingSection>();
  /** Unplaced pieces by the top section they stand in, in the order the sections were met. */
  private readonly leftovers = new Map<HeadingSection, Group>();

  /** Level slug → index in `raw.data.levels`, and the slugs that have a heading of their own. */
  readonly levelIndex = new Map<string, number>();
  readonly headedLevels = new Set<string>();
  /** "category\0slug" of every role-wide skill, so each is filed once; every alternative path, likewise. */
  readonly skillKeys = new Set<string>();
  readonly pathKeys = new Set<string>();
  /** The years of the last level that gave some, where "and Beyond" starts. */
  lastYears: Range | null = null;
  /** On a page about one level ("# L3"), that level's index: sections that name no part are groups of its requirements. */
  pageLevel: number | null = null;
  /** Roadmap stages to match to levels once every level is known. */
  readonly stages: Stage[] = [];
  /** Sections some of whose text was kept unplaced, and sections whose heading a reader used (as a group name). */
  private readonly keptUnder = new Set<HeadingSection>();
  readonly headingsUsed = new Set<HeadingSection>();

  readonly readSection: SectionReader;
  readonly placeField: FieldReader;
  private readonly blockReader: BlockReader;
  private readonly childrenReader: ChildrenReader;

  constructor(raw: RawRole, file: VFile, text: string, readers: { section: SectionReader; field: FieldReader; blocks: BlockReader; children: ChildrenReader }) {
    this.raw = raw;
    this.file = file;
    this.text = text;
    this.lines = text.split("\n");
    this.readSection = readers.section;
    this.placeField = readers.field;
    this.blockReader = readers.blocks;
    this.childrenReader = readers.children;
  }

  /**
   * Places a labelled entry by its label (see `FieldReader`); what is nested under a placed entry
   * is kept unplaced, since the field took only the line itself.
   * @returns false when the label names no part
   */
  placeEntry(section: HeadingSection, entry: Entry): boolean {
    if (!entry.label || !this.placeField(entry, this)) return false;
    this.keepEntries(section, entry.children);
    return true;
  }

  /** Reads the sub-sections of `section` (see `ChildrenReader`). */
  readChildren(section: HeadingSection): void {
    this.childrenReader(section, this);
  }

  /** Reads the non-prose blocks among `blocks` (see `BlockReader`). */
  readBlocks(section: HeadingSection, blocks: readonly RootContent[], onText?: (text: string, position: Position) => boolean): void {
    this.blockReader(section, blocks, this, onText);
  }

  /** The source lines a node or entry spans, exactly as written. */
  sourceOf(position: Position): string {
    return this.lines.slice(position.start.line - 1, position.end.line).join("\n").trim();
  }

  /** The top section `section` belongs to: the group its unplaced text is kept under. */
  private topOf(section: HeadingSection): HeadingSection {
    let current = section;
    while (!this.tops.has(current) && current.parent && current.parent.parent) current = current.parent;
    return current;
  }

  /**
   * Keeps entries no extractor placed, under the section they stood in: each with its nested
   * entries, unless `withChildren` is false because the caller reads those itself.
   */
  keepEntries(section: HeadingSection, entries: readonly Entry[], withChildren = true): void {
    for (const entry of entries) {
      const position = withChildren ? entry.span : entry.position;
      this.keep(section, { text: this.sourceOf(position), position });
    }
  }

  /** Keeps blocks no extractor placed (code, tables, HTML, quotes, or prose nobody claimed). */
  keepBlocks(section: HeadingSection, blocks: readonly RootContent[], media = false): void {
    for (const block of blocks) {
      if (block.type === "thematicBreak" || !block.position) continue;
      this.keep(section, { text: this.sourceOf(block.position), position: block.position, media });
    }
  }

  /** Keeps a section's heading line alone, when it has no text of its own. */
  keepHeading(section: HeadingSection): void {
    if (!section.position) return;
    this.keep(section, { text: this.sourceOf(section.position), position: section.position });
  }

  /** Whether any text in `section` or below it was kept unplaced, its heading line then kept with it. */
  hasKept(section: HeadingSection): boolean {
    return this.keptUnder.has(section);
  }

  keep(section: HeadingSection, piece: Piece): void {
    if (piece.text === "") return;
    for (let s: HeadingSection | null = section; s && !this.keptUnder.has(s); s = s.parent) this.keptUnder.add(s);
    const top = this.topOf(section);
    const group = this.leftovers.get(top) ?? { section: top, pieces: [], headings: new Set<HeadingSection>() };
    this.leftovers.set(top, group);
    // The heading lines of the sub-sections between the top section and this piece, once each.
    for (let s: HeadingSection | null = section; s && s !== top; s = s.parent) {
      if (group.headings.has(s) || !s.position) continue;
      group.headings.add(s);
      if (s.position !== piece.position) group.pieces.push({ text: this.sourceOf(s.position), position: s.position, heading: true });
    }
    group.pieces.push(piece);
  }

  /** Moves what was kept into `role.sections`, one diagnostic per group, and returns nothing more to place. */
  flushUnplaced(sourcePath: string): void {
    const groups = [...this.leftovers.values()].map((group) => ({ ...group, pieces: inOrder(group.pieces) }));
    const start = (g: Group) => g.pieces.find((p) => !p.heading)?.position.start ?? { line: Infinity, column: 0 };
    groups.sort((a, b) => start(a).line - start(b).line || start(a).column - start(b).column);
    for (const group of groups) {
      const pieces = group.pieces;
      const content = pieces.filter((p) => !p.heading);
      if (content.length === 0) continue;
      const heading = group.section.title;
      const text = pieces.map((p) => p.text).join("\n\n");
      const index = this.raw.data.sections!.length;
      this.raw.data.sections!.push({ heading, text, source: sourcePath });
      const first = content[0]!.position;
      this.raw.positions.set(`sections.${index}`, first);
      const where = heading ? `Section "${heading}"` : "Text before the first section";
      const blocks = `${content.length} block${content.length === 1 ? "" : "s"}`;
      if (content.every((p) => p.media)) {
        report(this.file, "info", "unplaced-media", `${where} holds an image or other media with no text (${blocks}); kept as written and shown on the role page.`, first);
        continue;
      }
      report(
        this.file,
        "warning",
        "unplaced-section",
        `${where} holds text that matches no known part (${blocks}); kept as written and shown on the role page. Rename the heading to a known part (see the README's input format) to place it.`,
        first,
      );
    }
    this.leftovers.clear();
  }
}

/** Pieces in document order, without those that lie inside another (a list item kept with its nested list). */
function inOrder(pieces: readonly Piece[]): Piece[] {
  const sorted = [...pieces].sort(
    (a, b) => a.position.start.line - b.position.start.line || a.position.start.column - b.position.start.column || b.position.end.line - a.position.end.line,
  );
  const out: Piece[] = [];
  let reach: Position["end"] | null = null;
  for (const piece of sorted) {
    const end = piece.position.end;
    if (reach && (end.line < reach.line || (end.line === reach.line && end.column <= reach.column))) continue;
    out.push(piece);
    reach = end;
  }
  return out;
}
