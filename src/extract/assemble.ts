/**
 * Builds a role from its readers' results: the one place that fills the `RawRole`. Values are
 * applied in file order (the order of the sections, each reader's in the order it read them):
 * a level named twice is one level, a skill filed twice under one category once, an alternative
 * path once. What no reader placed is grouped under the top section it stands in and kept as the
 * role's unplaced sections, so that nothing the author wrote vanishes; the readers' diagnostics
 * are reported on the file in file order.
 */
import type { Position } from "unist";
import type { VFile } from "vfile";
import { report } from "../model/diagnostics.ts";
import { place, type RawRole } from "../model/raw-role.ts";
import type { Range } from "../model/role.ts";
import { toSlug } from "../model/slug.ts";
import { useFrontMatter } from "./front-matter.ts";
import { parseLevelName } from "./level-names.ts";
import type { Finding, LevelRef, LevelValue, Leftover, Result, Value } from "./out.ts";
import type { HeadingSection } from "./sections.ts";
import type { StageValue } from "./stages.ts";

interface Piece {
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

function appendText(current: string | null | undefined, text: string): string {
  return current ? `${current}\n\n${text}` : text;
}

function sameYears(a: Range | null | undefined, b: Range | null): boolean {
  return a?.min === b?.min && a?.max === b?.max;
}

function describe(years: Range): string {
  return years.max === null ? `${years.min}+ years` : `${years.min}-${years.max} years`;
}

const byPlace = (a: Finding, b: Finding) => a.place.start.line - b.place.start.line || a.place.start.column - b.place.start.column;

/** The role as it is built from results; private to `assemble`. */
class Assembly {
  private readonly lines: string[];
  private readonly levelIndex = new Map<string, number>();
  private readonly headedLevels = new Set<string>();
  private readonly levelOf = new Map<LevelValue, number>();
  /** Level values that added a level, rather than naming one already known. */
  private readonly created = new Set<LevelValue>();
  private readonly skillKeys = new Set<string>();
  private readonly pathKeys = new Set<string>();
  /** Values that were placed, of those that may not be (a skill already filed). */
  private readonly placed = new Set<Value>();
  /** The years of the last level that gave some, where "and Beyond" starts. */
  private lastYears: Range | null = null;
  readonly stages: StageValue[] = [];
  private readonly used = new Set<HeadingSection>();
  private readonly findings: Finding[] = [];
  private readonly leftovers: Leftover[] = [];
  private readonly groups = new Map<HeadingSection, Group>();
  private readonly keptUnder = new Set<HeadingSection>();

  constructor(
    readonly raw: RawRole,
    private readonly file: VFile,
    text: string,
    private readonly tops: ReadonlySet<HeadingSection>,
  ) {
    this.lines = text.split("\n");
  }

  take(result: Result): void {
    for (const value of result.values) this.apply(value);
    this.leftovers.push(...result.leftovers);
    this.findings.push(...result.diagnostics);
  }

  private level(ref: LevelRef): number {
    return typeof ref === "number" ? ref : this.levelOf.get(ref)!;
  }

  private apply(value: Value): void {
    const { raw } = this;
    const data = raw.data;
    switch (value.kind) {
      case "summary":
        data.summary = place(raw, ["summary"], data.summary ? undefined : value.position, appendText(data.summary, value.text));
        return;
      case "background":
        data.background = place(raw, ["background"], data.background ? undefined : value.position, appendText(data.background, value.text));
        return;
      case "responsibility":
        data.responsibilities!.push(place(raw, ["responsibilities", data.responsibilities!.length], value.position, value.text));
        return;
      case "level":
        this.levelOf.set(value, this.addLevel(value));
        return;
      case "requirement": {
        const index = this.level(value.level);
        const requirements = data.levels![index]!.requirements!;
        requirements.push(place(raw, ["levels", index, "requirements", requirements.length], value.position, value.requirement));
        return;
      }
      case "years": {
        const index = this.level(value.level);
        const level = data.levels![index]!;
        if (!level.years) level.years = place(raw, ["levels", index, "years"], value.position, value.range);
        return;
      }
      case "code": {
        const index = this.level(value.level);
        const level = data.levels![index]!;
        if (level.code) return;
        // A number beside the level's name (no position) is its code only when the name does not hold it.
        if (value.position) level.code = place(raw, ["levels", index, "code"], value.position, value.code);
        else if (!level.name.includes(value.code)) level.code = value.code;
        return;
      }
      case "experience": {
        const index = this.level(value.level);
        const level = data.levels![index]!;
        level.experience = place(raw, ["levels", index, "experience"], value.position, level.experience ? `${level.experience}\n${value.text}` : value.text);
        if (value.years && !level.years) level.years = place(raw, ["levels", index, "years"], value.position, value.years);
        return;
      }
      case "skill": {
        const key = `${value.category.toLowerCase()}\u0000${value.slug}`;
        if (value.slug && this.skillKeys.has(key)) return;
        if (value.slug) this.skillKeys.add(key);
        this.placed.add(value);
        const { name, slug, category, detail } = value;
        data.skills!.push(place(raw, ["skills", data.skills!.length], value.position, { name, slug, category, detail }));
        return;
      }
      case "ladder":
        data.ladders!.push(place(raw, ["ladders", data.ladders!.length], value.position, value.titles));
        return;
      case "growth": {
        const { from, to, steps } = value;
        data.growth!.push(place(raw, ["growth", data.growth!.length], value.position, { from, to, steps }));
        return;
      }
      case "path":
        if (this.pathKeys.has(value.text)) return;
        this.pathKeys.add(value.text);
        data.alternativePaths!.push(place(raw, ["alternativePaths", data.alternativePaths!.length], value.position, value.text));
        return;
      case "plan": {
        const path = ["transitions", data.transitions!.length];
        data.transitions!.push(place(raw, path, value.position, value.plan));
        for (const [inner, position] of value.places) place(raw, [...path, ...inner], position, null);
        return;
      }
      case "stage":
        this.stages.push(value);
        return;
      case "used":
        this.used.add(value.section);
        return;
      case "front-matter":
        useFrontMatter(this.file, value.key);
        return;
    }
  }

  /**
   * The index of the level a value names, added when new; years that disagree with an earlier mention are reported.
   * Two headings of one name make two levels, which validation rejects.
   */
  private addLevel(value: LevelValue): number {
    const { text, position, heading } = value;
    const { name, code, years: written, beyond } = parseLevelName(text);
    const levels = this.raw.data.levels!;
    const slug = toSlug(name) || toSlug(code ?? "") || `level-${levels.length + 1}`;
    const known = this.levelIndex.get(slug);
    const index = heading && this.headedLevels.has(slug) ? -1 : (known ?? -1);
    if (heading) this.headedLevels.add(slug);
    let years = written;
    // "and Beyond" starts where the level before it ends.
    if (!years && beyond && this.lastYears) years = { min: this.lastYears.max ?? this.lastYears.min, max: null };
    if (years) this.lastYears = years;
    if (index === -1) {
      levels.push({ name, slug, code, years, requirements: [] });
      if (known === undefined) this.levelIndex.set(slug, levels.length - 1);
      this.created.add(value);
      place(this.raw, ["levels", levels.length - 1], position, null);
      place(this.raw, ["levels", levels.length - 1, "years"], position, null);
      return levels.length - 1;
    }
    const level = levels[index]!;
    if (years && !level.years) {
      level.years = years;
      place(this.raw, ["levels", index, "years"], position, null);
    } else if (years && written && !sameYears(level.years, years)) {
      this.findings.push({ ruleId: "level-years-mismatch", args: { level: name, here: describe(years), first: describe(level.years!) }, place: position });
    }
    level.code ??= code;
    return index;
  }

  private sourceOf(position: Position): string {
    return this.lines.slice(position.start.line - 1, position.end.line).join("\n").trim();
  }

  /** The top section `section` belongs to: the group its unplaced text is kept under. */
  private topOf(section: HeadingSection): HeadingSection {
    let current = section;
    while (!this.tops.has(current) && current.parent && current.parent.parent) current = current.parent;
    return current;
  }

  private keep(section: HeadingSection, piece: Piece): void {
    if (piece.text === "") return;
    for (let s: HeadingSection | null = section; s && !this.keptUnder.has(s); s = s.parent) this.keptUnder.add(s);
    const top = this.topOf(section);
    const group = this.groups.get(top) ?? { section: top, pieces: [], headings: new Set<HeadingSection>() };
    this.groups.set(top, group);
    // The heading lines of the sub-sections between the top section and this piece, once each.
    for (let s: HeadingSection | null = section; s && s !== top; s = s.parent) {
      if (group.headings.has(s) || !s.position) continue;
      group.headings.add(s);
      if (s.position !== piece.position) group.pieces.push({ text: this.sourceOf(s.position), position: s.position, heading: true });
    }
    group.pieces.push(piece);
  }

  /**
   * Keeps what was left over: the pieces first, then the headings kept on conditions, in the order
   * they were left, once the whole role tells whether text below them was kept, a reader used them
   * or what they named was placed.
   */
  private keepLeftovers(): void {
    for (const left of this.leftovers) {
      if (left.kind !== "piece") continue;
      this.keep(left.section, { text: left.text ?? this.sourceOf(left.position), position: left.position, ...(left.media ? { media: true } : {}) });
    }
    for (const left of this.leftovers) {
      if (left.kind !== "heading") continue;
      const { section } = left;
      if (left.unlessKept && this.keptUnder.has(section)) continue;
      if (left.unlessUsed && this.used.has(section)) continue;
      if (left.ifUsed && !this.used.has(section)) continue;
      if (left.unlessPlaced?.some((v) => this.placed.has(v))) continue;
      this.keep(section, { text: this.sourceOf(section.position!), position: section.position! });
    }
  }

  /** Moves what was kept into `role.sections`, one diagnostic per group, and the readers' diagnostics to the file. */
  finish(sourcePath: string): void {
    this.keepLeftovers();
    const groups = [...this.groups.values()].map((group) => ({ ...group, pieces: inOrder(group.pieces) }));
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
      const args = { heading: heading || null, blocks: content.length };
      this.findings.push({ ruleId: content.every((p) => p.media) ? "unplaced-media" : "unplaced-section", args, place: first });
    }
    const reported = this.findings.filter((f) => !(Array.isArray(f.unlessNewLevel) && f.unlessNewLevel.some((level) => this.created.has(level))));
    for (const finding of reported.sort(byPlace)) report(this.file, finding.ruleId, finding.args, finding.place);
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

export interface AssembleInput<T> {
  raw: RawRole;
  file: VFile;
  /** The file's text (front matter blanked), which positions index. */
  text: string;
  tops: ReadonlySet<HeadingSection>;
  /** Every reader's result, in file order, sub-sections read in place. */
  results: readonly Result[];
  /** Reads the roadmap stages once the levels are known (see `stages.ts`). */
  stages: (stages: readonly StageValue[], levels: RawRole["data"]["levels"]) => Result;
  /** What the whole role gives (a ladder from its levels, its links), added before the leftovers are kept. */
  complete: (raw: RawRole) => T;
}

/**
 * Fills `raw` from the results, then joins the roadmap stages to their levels, completes the role,
 * keeps what is left over as unplaced sections and reports every diagnostic.
 * @returns what `complete` gives
 */
export function assemble<T>({ raw, file, text, tops, results, stages, complete }: AssembleInput<T>): T {
  const role = new Assembly(raw, file, text, tops);
  for (const result of results) role.take(result);
  if (role.stages.length > 0) role.take(stages(role.stages, raw.data.levels));
  const completed = complete(raw);
  role.finish(file.path);
  return completed;
}
