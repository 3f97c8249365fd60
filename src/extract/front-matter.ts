/**
 * What a role guide's YAML front matter gives: the title and summary when the body has none, and a
 * whole framework held in it (levels with criteria, as Monzo's progression framework writes them:
 * `topics[].content[] = { level, criteria[], exampleCriteria[{criteria, examples[]}] }`, or a plain
 * `levels[] = { name, years, criteria[] }`). Keys that are no part of a role guide (a site
 * generator's `layout`, `permalink`, `sidebar_position`) are named in one info diagnostic.
 */
import type { Position } from "unist";
import type { VFile } from "vfile";
import { LineCounter, parseDocument, type Document } from "yaml";
import { report } from "../model/diagnostics.ts";
import { cleanHeading } from "./names.ts";
import { Out, type LevelRef, type Result } from "./out.ts";

declare module "vfile" {
  interface DataMap {
    /** The front matter keys extraction read; `src/report/coverage.ts` counts their words. */
    frontMatterUsed: string[];
  }
}

type Path = (string | number)[];

/** Positions of front matter values: YAML line n is file line n + 1. */
export class FrontMatterPlaces {
  private readonly doc: Document | null;
  private readonly lines = new LineCounter();

  constructor(raw: string | null) {
    this.doc = raw === null ? null : parseDocument(raw, { lineCounter: this.lines, uniqueKeys: false });
  }

  at(path: Path): Position {
    const node = this.doc?.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const range = node?.range;
    if (!range) return { start: { line: 2, column: 1 }, end: { line: 2, column: 1 } };
    const start = this.lines.linePos(range[0]);
    const end = this.lines.linePos(range[1]);
    return { start: { line: start.line + 1, column: start.col }, end: { line: end.line + 1, column: end.col } };
  }
}

function used(file: VFile, key: string): void {
  file.data.frontMatterUsed ??= [];
  if (!file.data.frontMatterUsed.includes(key)) file.data.frontMatterUsed.push(key);
}

/** The front matter's title, cleaned, or null; notes the key as read. */
export function frontMatterTitle(file: VFile): string | null {
  const title = file.data.frontMatter?.["title"];
  if (typeof title !== "string" || !cleanHeading(title)) return null;
  used(file, "title");
  return cleanHeading(title);
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());

/** "communication" → "Communication"; "👩‍💼 Leadership" → "Leadership". */
function groupName(topic: Record<string, unknown>): string | null {
  const title = typeof topic["title"] === "string" ? cleanHeading(topic["title"]) : "";
  if (title) return title;
  const name = typeof topic["name"] === "string" ? cleanHeading(topic["name"]) : "";
  return name ? name[0]!.toUpperCase() + name.slice(1) : null;
}

function levelName(value: unknown): string | null {
  if (typeof value === "number") return `Level ${value}`;
  if (typeof value === "string" && value.trim()) return /^\d+$/.test(value.trim()) ? `Level ${value.trim()}` : value.trim();
  return null;
}

function addCriteria(level: LevelRef, entry: Record<string, unknown>, group: string | null, path: Path, places: FrontMatterPlaces, out: Out): void {
  const add = (text: string, detail: string | null, at: Path) => out.requirement(level, places.at(at), { text, detail, priority: "other", group, skills: [] });
  for (const key of ["criteria", "requirements", "expectations", "skills"]) {
    const value = entry[key];
    if (!Array.isArray(value)) continue;
    value.forEach((item, i) => {
      if (typeof item === "string" && item.trim()) add(item.trim(), null, [...path, key, i]);
    });
  }
  const examples = entry["exampleCriteria"] ?? entry["examples"];
  if (Array.isArray(examples)) {
    examples.forEach((item, i) => {
      if (typeof item !== "object" || item === null) return;
      const record = item as Record<string, unknown>;
      const text = strings(record["criteria"] ?? record["text"])[0];
      if (text) add(text, strings(record["examples"]).join("\n") || null, [...path, "exampleCriteria", i]);
    });
  }
}

/** Monzo's shape: topics, each with content per level. */
function readTopics(topics: unknown[], places: FrontMatterPlaces, out: Out): boolean {
  let read = false;
  topics.forEach((topic, t) => {
    if (typeof topic !== "object" || topic === null) return;
    const record = topic as Record<string, unknown>;
    const group = groupName(record);
    const content = record["content"] ?? record["levels"];
    if (!Array.isArray(content)) return;
    content.forEach((entry, c) => {
      if (typeof entry !== "object" || entry === null) return;
      const name = levelName((entry as Record<string, unknown>)["level"]);
      if (!name) return;
      const path = ["topics", t, "content", c];
      addCriteria(out.level(name, places.at([...path, "level"])), entry as Record<string, unknown>, group, path, places, out);
      read = true;
    });
  });
  return read;
}

/** The plain shape: a list of levels, each with a name, years and criteria. */
function readLevelList(levels: unknown[], places: FrontMatterPlaces, out: Out): boolean {
  let read = false;
  levels.forEach((entry, i) => {
    if (typeof entry !== "object" || entry === null) return;
    const record = entry as Record<string, unknown>;
    const name = levelName(record["name"] ?? record["title"] ?? record["level"]);
    if (!name) return;
    const years = typeof record["years"] === "string" || typeof record["years"] === "number" ? ` (${record["years"]} years)` : "";
    const code = typeof record["code"] === "string" ? `${record["code"]} - ` : "";
    addCriteria(out.level(`${code}${name}${years}`, places.at(["levels", i])), record, null, ["levels", i], places, out);
    read = true;
  });
  return read;
}

/** Reads the levels a framework in the front matter holds. */
export function readFrontMatterLevels(file: VFile): Result {
  const out = new Out();
  const data = file.data.frontMatter;
  if (!data) return out.result();
  const places = new FrontMatterPlaces(file.data.frontMatterRaw ?? null);
  const used = (key: string) => out.add({ kind: "front-matter", key });
  if (Array.isArray(data["topics"]) && readTopics(data["topics"], places, out)) used("topics");
  if (Array.isArray(data["levels"]) && readLevelList(data["levels"], places, out)) used("levels");
  // "levels: 6" counts the levels the topics give.
  if (typeof data["levels"] === "number" && out.given.some((v) => v.kind === "level")) used("levels");
  return out.result();
}

/** The summary `summary` or `description` gives, for a role whose body gave none; its key is then noted as read. */
export function frontMatterSummary(file: VFile): string | null {
  const data = file.data.frontMatter;
  if (!data) return null;
  for (const key of ["summary", "description"]) {
    const value = data[key];
    if (typeof value === "string" && value.trim()) {
      used(file, key);
      return value.trim();
    }
  }
  return null;
}

/** Notes a front matter key as read by the role. */
export function useFrontMatter(file: VFile, key: string): void {
  used(file, key);
}

/** One info diagnostic naming the front matter keys no reader used. */
export function reportUnreadFrontMatter(file: VFile): void {
  const data = file.data.frontMatter;
  if (!data) return;
  const unread = Object.keys(data).filter((key) => !(file.data.frontMatterUsed ?? []).includes(key));
  if (unread.length === 0) return;
  report(file, "front-matter-unread", { keys: unread }, { line: 2, column: 1 });
}
