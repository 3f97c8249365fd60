/**
 * Experience levels and their requirements. Levels come from headings ("### Mid Level (2-4 years)",
 * "## D1 - Developer 1", "### Level IC1: Associate", "### Principal Engineer and Beyond") with
 * "#### Must-Have:" or "**Required Skills:**" groups beneath; from a field ("Experience Levels: Mid
 * (2-4 years), Experienced (4+ years)"); from tables, markdown or HTML, with levels as rows or as
 * columns; from headings that name a level ("Skills for Senior Level"); and from roadmap stages by
 * years ("### Years 0-2: Foundations"), which join the level those years fall in. A level named in
 * several places is one level; years that disagree are a warning.
 */
import type { Position } from "unist";
import type { Range } from "../model/role.ts";
import { report } from "../model/diagnostics.ts";
import { toSlug } from "../model/slug.ts";
import { place } from "../model/raw-role.ts";
import type { Context } from "./context.ts";
import { entriesOf, splitDash, type Entry } from "./entries.ts";
import type { Grid } from "./html.ts";
import { conceptOf, isStructuralText, namesOf, normalizeName, startsWithName } from "./names.ts";
import { findYears, yearStage } from "./numbers.ts";
import type { HeadingSection } from "./sections.ts";
import { skillItems, skillsNamed, splitList } from "./skill-names.ts";

type Priority = "must" | "good" | "other";
/**
 * How a requirement names skills: by its text; by the list after its label ("**Tools**: Git, Docker");
 * by its text unless a colon label is followed by prose ("**Adopts**: actively learns…" names none), as
 * for a level's own lines; or not at all.
 */
type SkillsFrom = "text" | "list" | "line" | "none";

const CODE = "[A-Z]{1,4}-?\\d{1,2}[A-Z]?";
/** A level code written before the name: "IC1 - Associate", "Level IC1: Associate", "D1 - Developer 1", "SWE-1: Engineer". */
const CODE_FIRST = new RegExp(`^(?:[Ll]evel )?(${CODE}|(?<=^[Ll]evel )\\d{1,2})(?: ?[:\\-–—.)] ?| )(.+)$`, "u");
/** A level code written after it: "Senior Engineer (L5)", "Senior Engineer - L5". */
const CODE_LAST = new RegExp(`^(.+?) ?(?:[(（](${CODE})[)）]|[-–—,] ?(${CODE}))$`, "u");
const CODE_ONLY = new RegExp(`^(?:[Ll]evel )?(${CODE})$`, "u");
/** "Principal Engineer and Beyond", "Director & above", "Staff+". */
const BEYOND = /^(.+?)(?: (?:and|&) (?:beyond|above|up)| ?\+)$/iu;

export interface LevelName {
  name: string;
  code: string | null;
  years: Range | null;
  /** Written as open-ended without years ("and Beyond"): its years start where the level before ends. */
  beyond: boolean;
}

/** "Mid Level (2-4 years)" → Mid, 2–4; "Level IC1: Associate" → Associate, code IC1; "Principal and Beyond" → Principal, open. */
export function parseLevelName(text: string): LevelName {
  const found = findYears(text);
  let name = (found ? found.rest : text).replace(/\s+/g, " ").replace(/ ?[:：]$/, "").trim();
  let code: string | null = null;
  let beyond = false;
  const only = CODE_ONLY.exec(name);
  const first = only ? null : CODE_FIRST.exec(name);
  const last = only || first ? null : CODE_LAST.exec(name);
  if (only) code = only[1]!;
  else if (first && /\p{L}/u.test(first[2]!)) [code, name] = [first[1]!, first[2]!.trim()];
  else if (last) [code, name] = [last[2] ?? last[3]!, last[1]!.trim()];
  const open = found ? null : BEYOND.exec(name);
  if (open) [name, beyond] = [open[1]!.trim(), true];
  const bare = name.replace(/^level /i, "").replace(/ level$/i, "").trim();
  if (/^\d+$/.test(bare)) name = `Level ${bare}`;
  else if (bare) name = bare;
  return { name, code, years: found?.range ?? null, beyond };
}

/** Words that name a level in a title: enough to read a table's header cells as levels. */
const LEVEL_WORDS = new Set([
  "junior", "mid", "middle", "intermediate", "senior", "staff", "principal", "lead", "entry", "associate", "intern", "graduate",
  "distinguished", "fellow", "experienced", "beginner", "level", "l1", "l2", "l3", "l4", "l5", "l6", "l7",
]);

/** Whether a heading or cell reads as a level: it has years, a level code, "and Beyond", or a level word. */
export function looksLikeLevel(text: string, loose = false): boolean {
  if (findYears(text)) return true;
  const clean = text.replace(/\s+/g, " ").trim();
  if (CODE_ONLY.test(clean) || (CODE_FIRST.test(clean) && /\p{L}/u.test(CODE_FIRST.exec(clean)![2]!)) || CODE_LAST.test(clean)) return true;
  if (/^level \S+/i.test(clean)) return true;
  if (!loose) return false;
  return BEYOND.test(clean) || /^\d{1,2}$/.test(clean) || normalizeName(clean).split(" ").some((w) => LEVEL_WORDS.has(w));
}

function sameYears(a: Range | null | undefined, b: Range | null): boolean {
  return a?.min === b?.min && a?.max === b?.max;
}

function describe(years: Range): string {
  return years.max === null ? `${years.min}+ years` : `${years.min}-${years.max} years`;
}

/**
 * The index of the level named `text`, added when new; years that disagree with an earlier mention are reported.
 * @param heading whether `text` is a level's own heading; two headings of one name make two levels, which validation rejects
 */
export function levelFor(text: string, position: Position, ctx: Context, heading = false): number {
  const { name, code, years: written, beyond } = parseLevelName(text);
  const levels = ctx.raw.data.levels!;
  const slug = toSlug(name) || toSlug(code ?? "") || `level-${levels.length + 1}`;
  const known = ctx.levelIndex.get(slug);
  const index = heading && ctx.headedLevels.has(slug) ? -1 : (known ?? -1);
  if (heading) ctx.headedLevels.add(slug);
  let years = written;
  // "and Beyond" starts where the level before it ends.
  if (!years && beyond && ctx.lastYears) years = { min: ctx.lastYears.max ?? ctx.lastYears.min, max: null };
  if (years) ctx.lastYears = years;
  if (index === -1) {
    levels.push({ name, slug, code, years, requirements: [] });
    if (known === undefined) ctx.levelIndex.set(slug, levels.length - 1);
    place(ctx.raw, ["levels", levels.length - 1], position, null);
    place(ctx.raw, ["levels", levels.length - 1, "years"], position, null);
    return levels.length - 1;
  }
  const level = levels[index]!;
  if (years && !level.years) {
    level.years = years;
    place(ctx.raw, ["levels", index, "years"], position, null);
  } else if (years && written && !sameYears(level.years, years)) {
    report(
      ctx.file,
      "warning",
      "level-years-mismatch",
      `Level "${name}" is ${describe(years)} here but ${describe(level.years!)} where it was first named; kept ${describe(level.years!)}. Make the two agree.`,
      position,
    );
  }
  level.code ??= code;
  return index;
}

/** "Experience Levels: Mid (2-4 years), Experienced (4+ years)" names two levels. */
export function addLevelList(list: string, position: Position, ctx: Context): void {
  for (const name of splitList(list)) levelFor(name, position, ctx);
}

function requirementOf(entry: Entry, priority: Priority, group: string | null, from: SkillsFrom) {
  let text = entry.label ?? entry.text;
  let detail = entry.label ? entry.value || null : null;
  if (!entry.label) {
    const dash = splitDash(entry.text);
    if (dash) [text, detail] = dash;
  }
  const labelled = entry.label !== null && detail !== null;
  const skills =
    from === "none"
      ? []
      : from === "list" && labelled
        ? skillsNamed(detail!)
        : from === "line" && labelled && entry.separator === ":"
          ? (skillItems(detail!)?.length ?? 0) >= 2 ? skillsNamed(detail!) : []
          : skillsNamed(text);
  return { text, detail, priority, group, skills };
}

function addRequirement(levelIndex: number, position: Position, requirement: ReturnType<typeof requirementOf>, ctx: Context): void {
  const requirements = ctx.raw.data.levels![levelIndex]!.requirements!;
  requirements.push(place(ctx.raw, ["levels", levelIndex, "requirements", requirements.length], position, requirement));
}

/** Adds a requirement per entry (groups nested in entries included); returns how many. */
function addRequirements(levelIndex: number, entries: readonly Entry[], priority: Priority, group: string | null, from: SkillsFrom, ctx: Context): number {
  let added = 0;
  for (const entry of entries) {
    const kind = entry.label && !entry.value && entry.children.length > 0 ? groupOf(entry.label) : null;
    if (kind) {
      // A group inside a group keeps both names: "Practices · Delivery".
      const named = kind.priority === "other" && group ? `${group} · ${kind.group}` : kind.group;
      added += addRequirements(levelIndex, entry.children, kind.priority === "other" ? priority : kind.priority, named, kind.from, ctx);
      continue;
    }
    if (entry.text) {
      addRequirement(levelIndex, entry.position, requirementOf(entry, priority, group, from), ctx);
      added++;
    }
    added += addRequirements(levelIndex, entry.children, priority, group, from, ctx);
  }
  return added;
}

/**
 * A group of requirements by its heading: "Must-Have" and "Required Skills" → must; "Good-to-Have" →
 * good; any other name is kept as the group of an "other" priority. Skills groups name skills by
 * the list after each label; responsibilities name none.
 */
export function groupOf(title: string): { priority: Priority; group: string | null; from: SkillsFrom } {
  const concept = conceptOf(title);
  const from: SkillsFrom = concept === "skills" || concept === "keySkills" ? "list" : concept === "responsibilities" ? "none" : "text";
  if (concept === "mustHave" || startsWithName(title, namesOf("mustHave"))) return { priority: "must", group: null, from };
  if (concept === "goodToHave" || startsWithName(title, namesOf("goodToHave"))) return { priority: "good", group: null, from };
  return { priority: "other", group: title, from };
}

/**
 * Reads a group of a level (a sub-heading or bold line) and the groups nested in it.
 * @returns how many requirements it added
 */
function readGroup(levelIndex: number, section: HeadingSection, kind: ReturnType<typeof groupOf>, ctx: Context): number {
  const requirements = ctx.raw.data.levels![levelIndex]!.requirements!;
  const before = requirements.length;
  ctx.readBlocks(section, section.blocks);
  let added = addRequirements(levelIndex, entriesOf(section.blocks), kind.priority, kind.group, kind.from, ctx);
  for (const child of section.children) {
    const inner = groupOf(child.title);
    // A plain sub-group keeps its parent's priority ("#### Must-Have" › "**Languages:**") and its name ("Roadmap · Languages").
    const group = inner.priority === "other" && kind.group ? `${kind.group} · ${child.title}` : inner.group;
    added += readGroup(levelIndex, child, inner.priority === "other" && kind.priority !== "other" ? { ...inner, priority: kind.priority, group: child.title } : { ...inner, group }, ctx);
  }
  // A group whose name no requirement carries (it holds nothing, or only a table or a Must-Have group) is still a heading the author wrote.
  const named = kind.group !== null && requirements.slice(before).some((r) => r.group !== null && r.group !== undefined && r.group.startsWith(kind.group!));
  if (!named && !ctx.hasKept(section) && !isStructuralText(section.title)) ctx.keepHeading(section);
  return added;
}

/** Reads a level's own section: its heading names it, its lines and groups are its requirements. */
export function readLevel(section: HeadingSection, ctx: Context, title = section.title): void {
  const index = levelFor(title, section.position ?? ctx.raw.position, ctx, true);
  ctx.readBlocks(section, section.blocks);
  addRequirements(index, entriesOf(section.blocks), "other", null, "line", ctx);
  for (const child of section.children) readGroup(index, child, groupOf(child.title), ctx);
}

/** A levels section: each sub-heading is a level, unless it names another part. */
export function readLevels(section: HeadingSection, ctx: Context): void {
  ctx.readBlocks(section, section.blocks);
  for (const entry of entriesOf(section.blocks)) {
    if (!ctx.placeEntry(section, entry)) ctx.keepEntries(section, [entry]);
  }
  for (const child of section.children) {
    if (conceptOf(child.title)) ctx.readSection(child, ctx);
    else readLevel(child, ctx);
  }
}

/**
 * The sections among `sections` that are levels: those whose headings read as levels, when at
 * least two do (one heading with years could be anything: "Short Term (3-6 months)" is not one).
 */
export function levelSections(sections: readonly HeadingSection[]): Set<HeadingSection> {
  const found = sections.filter((s) => !s.pseudo && !conceptOf(s.title) && !yearStage(s.title) && looksLikeLevel(s.title));
  const beyond = sections.filter((s) => !s.pseudo && BEYOND.test(s.title.trim()) && !conceptOf(s.title));
  return new Set(found.length >= 2 ? [...found, ...beyond] : []);
}

/** "Advanced Technical Skills for Senior Level" → group "Advanced Technical Skills" of level "Senior". */
export function levelGroupHeading(title: string): { group: string; level: string } | null {
  // indexOf, not a regex with two lazy groups: linear however long the heading.
  const text = title.replace(/\s+/g, " ").trim();
  const lower = text.toLowerCase();
  if (!lower.endsWith(" level")) return null;
  const at = [" at ", " for "].map((w) => lower.indexOf(w)).filter((i) => i > 0).sort((a, b) => a - b)[0];
  if (at === undefined) return null;
  const group = text.slice(0, at);
  const level = text.slice(at + (lower.startsWith(" at ", at) ? 4 : 5), -" level".length).replace(/^the /i, "").trim();
  return group && level ? { group, level } : null;
}

/**
 * A group name that keeps the heading above it when that heading names no part ("On Being a Senior
 * Engineer · Leadership"), so that heading is not lost; the heading is then marked as used.
 */
function inContainer(section: HeadingSection, name: string, ctx: Context): string {
  const parent = section.parent;
  if (!parent || ctx.tops.has(section) || !parent.parent || !parent.position || conceptOf(parent.title)) return name;
  ctx.headingsUsed.add(parent);
  return `${parent.title} · ${name}`;
}

/** Reads a section whose heading names a level and a group of it ("Leadership Expectations at Senior Level"). */
export function readLevelGroup(section: HeadingSection, named: { group: string; level: string }, ctx: Context): void {
  const index = levelFor(named.level, section.position ?? ctx.raw.position, ctx);
  const kind = groupOf(named.group);
  readGroup(index, section, { ...kind, group: kind.group === null ? null : inContainer(section, kind.group, ctx) }, ctx);
}

/** Notes a roadmap stage ("### Years 0-2: Foundations") to be joined to its level once all levels are read. */
export function addStage(section: HeadingSection, ctx: Context): boolean {
  const stage = yearStage(section.title);
  if (!stage) return false;
  ctx.stages.push({ section, years: stage.years, title: inContainer(section, section.title, ctx) });
  return true;
}

/**
 * A finder of the level whose years hold a stage's years: the level starting at the same year, else
 * the one (latest starting) whose years hold the stage's start. Built once: linear however many stages.
 */
function levelsByYears(ctx: Context): (years: Range) => number {
  const levels = ctx.raw.data.levels!;
  const starts = new Map<number, number>();
  const sorted: { min: number; max: number | null; index: number }[] = [];
  levels.forEach((level, index) => {
    if (!level.years) return;
    if (!starts.has(level.years.min)) starts.set(level.years.min, index);
    sorted.push({ min: level.years.min, max: level.years.max, index });
  });
  sorted.sort((a, b) => a.min - b.min || a.index - b.index);
  return (years) => {
    const exact = starts.get(years.min);
    if (exact !== undefined) return exact;
    let low = 0;
    let high = sorted.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (sorted[mid]!.min <= years.min) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    const candidate = sorted[found];
    return candidate && (candidate.max === null || years.min < candidate.max) ? candidate.index : -1;
  };
}

/** Joins each roadmap stage to the level its years fall in; a stage no level holds is kept unplaced. */
export function resolveStages(ctx: Context): void {
  if (ctx.stages.length === 0) return;
  const levelForYears = levelsByYears(ctx);
  for (const stage of ctx.stages) {
    const index = levelForYears(stage.years);
    if (index < 0) {
      if (stage.section.parent && ctx.headingsUsed.has(stage.section.parent)) ctx.keepHeading(stage.section.parent);
      ctx.keepHeading(stage.section);
      ctx.keepBlocks(stage.section, stage.section.blocks);
      ctx.readChildren(stage.section);
      continue;
    }
    readGroup(index, stage.section, { priority: "other", group: stage.title, from: "list" }, ctx);
  }
  ctx.stages.length = 0;
}

/** Column headings that give a level's years ("Years", "Experience"). */
function isYearsColumn(header: string): boolean {
  return ["year", "years of experience", "experience", "yoe", "year of experience"].includes(normalizeName(header));
}

/** Whether a header cell names the level column: "Level", "Level/Skill", "Position", "Title". */
function levelColumnRank(header: string): number {
  const concept = conceptOf(header);
  if (concept === "levelColumn") return 2;
  if (concept === "levels") return 1;
  return 0;
}

/** A cell of this many words or fewer is a value ("expert", "Yes"), not a statement of its own. */
const SHORT_CELL = 2;

type TableShape = { kind: "rows"; nameColumn: number } | { kind: "columns" };

/**
 * How a table holds levels: as rows (a "Level" or "Position" column, or a first column of level
 * names) or as columns (header cells that read as levels); null for any other table.
 */
function tableShape(grid: Grid): TableShape | null {
  const header = grid.header.map((c) => c.text);
  if (header.length < 2 || grid.rows.length === 0) return null;
  const ranks = header.map(levelColumnRank);
  const best = Math.max(...ranks);
  if (best > 0) return { kind: "rows", nameColumn: ranks.indexOf(best) };
  const levelHeaders = header.slice(1).filter((h) => looksLikeLevel(h, true)).length;
  if (levelHeaders >= 2 && levelHeaders * 2 >= header.length - 1) return { kind: "columns" };
  const levelCells = grid.rows.filter((row) => row[0] && looksLikeLevel(row[0].text, true)).length;
  if (levelCells >= 2 && levelCells * 2 >= grid.rows.length) return { kind: "rows", nameColumn: 0 };
  return null;
}

/** Whether a table holds levels (see `readLevelTable`). */
export function isLevelTable(grid: Grid): boolean {
  return tableShape(grid) !== null;
}

/**
 * Reads a table of levels, levels as rows or as columns. Every other cell is a requirement grouped
 * by its column's or row's heading. Returns false, reading nothing, for any other table.
 */
export function readLevelTable(grid: Grid, section: HeadingSection, ctx: Context): boolean {
  const shape = tableShape(grid);
  if (!shape) return false;
  return shape.kind === "rows" ? readLevelRows(grid, shape.nameColumn, ctx) : readLevelColumns(grid, section, ctx);
}

function readLevelRows(grid: Grid, nameColumn: number, ctx: Context): boolean {
  const header = grid.header.map((c) => c.text);
  // A "Level" column of numbers beside a "Position" column is the level's number, not a requirement.
  const numberColumn = header.findIndex((h, i) => i !== nameColumn && levelColumnRank(h) === 1 && grid.rows.every((r) => /^\d*$/.test(r[i]?.text ?? "")));
  grid.rows.forEach((row, rowIndex) => {
    const nameCell = row[nameColumn];
    const number = numberColumn >= 0 ? row[numberColumn]?.text : undefined;
    if (row.every((c) => c.text === "")) return;
    const name = nameCell?.text || (number ? number : `${rowIndex + 1}`);
    const index = levelFor(name, nameCell?.position ?? grid.position, ctx);
    const level = ctx.raw.data.levels![index]!;
    if (number && !level.code && !level.name.includes(number)) level.code = number;
    row.forEach((cell, column) => {
      if (column === nameColumn || column === numberColumn) return;
      const heading = header[column] ?? "";
      const years = isYearsColumn(heading) ? (findYears(cell.text) ?? findYears(`${cell.text} years`)) : null;
      if (years) {
        if (!level.years) level.years = place(ctx.raw, ["levels", index, "years"], cell.position, years.range);
        return;
      }
      addCell(index, cell, heading, false, ctx);
    });
  });
  return true;
}

function readLevelColumns(grid: Grid, section: HeadingSection, ctx: Context): boolean {
  const levels = grid.header.map((cell, column) => (column === 0 ? -1 : levelFor(cell.text || `${column}`, cell.position, ctx)));
  for (const row of grid.rows) {
    const area = row[0]?.text ?? "";
    const cells = row.filter((cell, column) => column > 0 && levels[column] !== undefined && cell.items.length > 0);
    // A row with nothing under any level (a line run on into the table) is kept as written.
    if (cells.length === 0 && row[0] && area) ctx.keep(section, { text: area, position: row[0].position });
    row.forEach((cell, column) => {
      if (column === 0 || levels[column] === undefined || levels[column]! < 0) return;
      addCell(levels[column]!, cell, area, true, ctx);
    });
  }
  return true;
}

/**
 * One cell of a level table as requirements: a short cell under a heading ("Python" › "basic") is
 * that heading with the cell as its detail; a longer one is a requirement of its own, grouped by
 * the heading. Headings of rows name skills; headings of columns are aspects ("Scope"), not skills.
 */
function addCell(levelIndex: number, cell: { items: string[]; position: Position }, heading: string, headingIsSkill: boolean, ctx: Context): void {
  const kind = groupOf(heading || "Requirements");
  for (const item of cell.items) {
    const short = cell.items.length === 1 && item.split(" ").length <= SHORT_CELL && heading !== "";
    const skillList = kind.from === "list";
    const requirement = short
      ? { text: heading, detail: item, priority: kind.priority, group: null, skills: headingIsSkill ? skillsNamed(heading) : skillList ? skillsNamed(item) : [] }
      : { text: item, detail: null, priority: kind.priority, group: kind.priority === "other" ? kind.group : null, skills: skillList ? skillsNamed(item) : [] };
    addRequirement(levelIndex, cell.position, requirement, ctx);
  }
}
