/**
 * What a reader gives back: the values it read, each with its position, the nodes it left
 * unplaced, and its diagnostics, all as data. A reader builds its own `Out` and returns
 * `out.result()`; nothing here is shared between readers, so no reader sees another's work and
 * the order they run in cannot change the outcome. `assemble.ts` turns the results into a role.
 */
import type { RootContent } from "mdast";
import type { Position } from "unist";
import type { Raised, RuleArgs, RuleId } from "../model/rules.ts";
import type { RoleInput } from "../model/raw-role.ts";
import type { Range, SkillRef } from "../model/role.ts";
import type { Entry } from "./entries.ts";
import type { HeadingSection } from "./sections.ts";

/** A level named where it stands ("### Senior (5+ years)"); the values that follow refer to it. */
export interface LevelValue {
  kind: "level";
  text: string;
  position: Position;
  /** Whether `text` is the level's own heading: two headings of one name make two levels. */
  heading: boolean;
}

/** A level a value belongs to: one named by the same reader, or (for roadmap stages) one already built. */
export type LevelRef = LevelValue | number;

export interface Requirement {
  text: string;
  detail: string | null;
  priority: "must" | "good" | "other";
  group: string | null;
  skills: SkillRef[];
}

export type TransitionInput = RoleInput["transitions"][number];

export type Value =
  | { kind: "summary" | "background" | "responsibility"; text: string; position: Position }
  | LevelValue
  | { kind: "requirement"; level: LevelRef; requirement: Requirement; position: Position }
  /** Years or code that a level takes only when it has none yet; a code with no position also not when its name holds it. */
  | { kind: "years"; level: LevelRef; range: Range; position: Position }
  | { kind: "code"; level: LevelRef; code: string; position: Position | null }
  | { kind: "experience"; level: LevelRef; text: string; years: Range | null; position: Position }
  | { kind: "skill"; name: string; slug: string; category: string; detail: string | null; position: Position }
  | { kind: "ladder"; titles: string[]; position: Position }
  | { kind: "growth"; from: string; to: string; steps: string[]; position: Position }
  | { kind: "path"; text: string; position: Position }
  /** A plan, whole, with the positions of its parts by their path inside it. */
  | { kind: "plan"; plan: TransitionInput; position: Position; places: [(string | number)[], Position][] }
  /** A roadmap stage ("### Years 0-2: Foundations"), joined to its level once every level is known. */
  | { kind: "stage"; section: HeadingSection; years: Range; title: string }
  /** A heading a reader used as (part of) a group name: it is then not kept on its own. */
  | { kind: "used"; section: HeadingSection }
  /** A front matter key a reader used. */
  | { kind: "front-matter"; key: string };

export type Leftover =
  /** Text left unplaced under `section`: the source at `position`, or `text` when given (a table cell). */
  | { kind: "piece"; section: HeadingSection; position: Position; text?: string; media?: boolean }
  /**
   * A heading line kept on its own, under conditions that only the whole role can tell: unless
   * some text in or below it is kept anyway, unless a reader used it, unless one of `unlessPlaced`
   * was placed; or only if a reader used it.
   */
  | { kind: "heading"; section: HeadingSection; unlessKept?: boolean; unlessUsed?: boolean; unlessPlaced?: readonly Value[]; ifUsed?: boolean }
  /** A sub-section this reader does not read: the dispatcher reads it by its heading (or only its sub-sections) where `at` says, among the values. */
  | { kind: "section"; section: HeadingSection; childrenOnly: boolean; at: number };

/** A diagnostic a reader found: its rule and what was found (see `report`), and where. */
export type Finding = Raised & {
  place: Position;
  /**
   * Reported only if none of these levels is new to the role. A reader writes "section" and the
   * dispatcher puts there every level its section and sub-sections name, once it has read them.
   */
  unlessNewLevel?: "section" | readonly LevelValue[];
};

export interface Result {
  values: Value[];
  leftovers: Leftover[];
  diagnostics: Finding[];
}

/** What every reader may look at, never change: the file's text and the role being read. */
export interface ReadEnv {
  /** The file's text (front matter blanked), which node offsets index. */
  readonly text: string;
  /** The role's title, and where it starts (the fallback position of what has none). */
  readonly title: string;
  readonly position: Position;
  /** The role's own top sections. */
  readonly tops: ReadonlySet<HeadingSection>;
  /** On a page about one level ("# L3"), that level: sections that name no part are groups of it. */
  readonly pageLevel: LevelValue | null;
}

/** One reader's result while it is being built. */
export class Out {
  private readonly values: Value[] = [];
  private readonly leftovers: Leftover[] = [];
  private readonly diagnostics: Finding[] = [];

  add<V extends Value>(value: V): V {
    this.values.push(value);
    return value;
  }

  level(text: string, position: Position, heading = false): LevelValue {
    return this.add({ kind: "level", text, position, heading });
  }

  requirement(level: LevelRef, position: Position, requirement: Requirement): void {
    this.add({ kind: "requirement", level, requirement, position });
  }

  /** The values so far, to ask what the reader gave. */
  get given(): readonly Value[] {
    return this.values;
  }

  /** Text left unplaced: `text` as given, else the source the position spans. */
  keep(section: HeadingSection, position: Position, text?: string, media?: boolean): void {
    if (text === "") return;
    this.leftovers.push({ kind: "piece", section, position, ...(text === undefined ? {} : { text }), ...(media ? { media } : {}) });
  }

  /** Entries left unplaced: each with its nested entries, unless `withChildren` is false because the reader reads those itself. */
  keepEntries(section: HeadingSection, entries: readonly Entry[], withChildren = true): void {
    for (const entry of entries) this.keep(section, withChildren ? entry.span : entry.position);
  }

  keepBlocks(section: HeadingSection, blocks: readonly RootContent[], media = false): void {
    for (const block of blocks) if (block.type !== "thematicBreak" && block.position) this.keep(section, block.position, undefined, media);
  }

  /** A section's heading line, kept on its own (see `Leftover`'s conditions). */
  keepHeading(section: HeadingSection, conditions: Omit<Extract<Leftover, { kind: "heading" }>, "kind" | "section"> = {}): void {
    if (section.position) this.leftovers.push({ kind: "heading", section, ...conditions });
  }

  /** A sub-section for the dispatcher to read by its heading. */
  read(section: HeadingSection): void {
    this.leftovers.push({ kind: "section", section, childrenOnly: false, at: this.values.length });
  }

  /** The sub-sections of `section`, for the dispatcher to read by their headings. */
  readChildren(section: HeadingSection): void {
    this.leftovers.push({ kind: "section", section, childrenOnly: true, at: this.values.length });
  }

  report<K extends RuleId>(ruleId: K, args: RuleArgs<K>, place: Position, condition: Pick<Finding, "unlessNewLevel"> = {}): void {
    // `args` fit `ruleId` by the signature; TypeScript cannot tie a generic K to one member of `Raised`.
    this.diagnostics.push({ ruleId, args, place, ...condition } as Finding);
  }

  /** Takes in the result of a reader this one calls, as if it had read that itself. */
  merge(result: Result): void {
    const offset = this.values.length;
    this.values.push(...result.values);
    for (const leftover of result.leftovers) this.leftovers.push(leftover.kind === "section" ? { ...leftover, at: leftover.at + offset } : leftover);
    this.diagnostics.push(...result.diagnostics);
  }

  result(): Result {
    return { values: this.values, leftovers: this.leftovers, diagnostics: this.diagnostics };
  }
}
