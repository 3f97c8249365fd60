/**
 * Level names: what a heading, cell or field says of a level ("### Mid Level (2-4 years)",
 * "## D1 - Developer 1", "### Level IC1: Associate", "### Principal Engineer and Beyond"), whether a
 * text reads as one (that a level named in several places is one level is `assemble.ts`'s job).
 */
import type { List } from "mdast";
import type { Position } from "unist";
import { toString } from "mdast-util-to-string";
import type { Range } from "../model/role.ts";
import { entriesOf } from "./entries.ts";
import { sectionConcept } from "./heading-names.ts";
import { normalizeName } from "./names.ts";
import { findYears, yearStage } from "./numbers.ts";
import type { HeadingSection } from "./sections.ts";

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

/** A pay range ("8-10k", "10-15/20k", "$120-150k"): no word of a level's name. */
const PAY = /^[$€£¥]?\d+(?:[-–/][$€£¥]?\d+)*[kK万]$/u;

/** The pay range a level heading ends with ("1Y 基础 8-10k" → "8-10k"), or null. */
export function payOf(text: string): string | null {
  const trimmed = text.trim();
  const last = trimmed.slice(trimmed.lastIndexOf(" ") + 1);
  return last !== trimmed && PAY.test(last) ? last : null;
}

/** "1Y 基础 8-10k" → "1Y 基础": a heading without the pay range it ends with. */
export function withoutPay(text: string): string {
  const pay = payOf(text);
  return pay ? text.trim().slice(0, -pay.length).trim() : text;
}

/** "Mid Level (2-4 years)" → Mid, 2–4; "Level IC1: Associate" → Associate, code IC1; "Principal and Beyond" → Principal, open; "3-5Y" → 3-5Y, 3–5. */
export function parseLevelName(text: string): LevelName {
  const found = findYears(text);
  // A level named by its years alone ("3-5Y") is named so.
  let name = (found ? found.rest || found.written : text).replace(/\s+/g, " ").replace(/ ?[:：]$/, "").trim();
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

/** Whether a heading is a level code alone ("L3", "MG4", "Level IC2"): the title of a page about one level. */
export function isLevelCode(text: string): boolean {
  return CODE_ONLY.test(text.replace(/\s+/g, " ").trim());
}

/** Whether a page's title names one level: a code alone ("L3", "MG4"), or a title with a rank word ("Senior II Engineer"). */
export function isLevelTitle(text: string): boolean {
  const clean = text.replace(/\s+/g, " ").trim();
  return isLevelCode(clean) || normalizeName(clean).split(" ").some((w) => LEVEL_WORDS.has(w) && w !== "level");
}


/**
 * The sections among `sections` that are levels: those whose headings read as levels, when at
 * least two do (one heading with years could be anything: "Short Term (3-6 months)" is not one).
 */
export function levelSections(sections: readonly HeadingSection[]): Set<HeadingSection> {
  const found = sections.filter((s) => !s.pseudo && !sectionConcept(s) && !yearStage(s.title) && looksLikeLevel(s.title));
  const beyond = sections.filter((s) => !s.pseudo && BEYOND.test(s.title.trim()) && !sectionConcept(s));
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

/** The label of a level's experience field: "Experience:", "**Typical Experience:**", "Years of experience:", "Experiência:", "경력:". */
const EXPERIENCE_LABEL = /^(?:typical |typically |required |minimum )?(?:years of experience|experience|yoe|experiência|experiencia|경력|经验|工作经验) ?[:：] ?/iu;
/** Words that make a stated number of years a lower bound: "a minimum of 5 years", "at least 3 years". */
const AT_LEAST = /\b(?:minimum|at least|min\.|no less than|mínimo|pelo menos|al menos)\b/iu;

/**
 * A level's experience field ("**Typical Experience:** 0-2 years", "Experience: 4+", "Experience:
 * Typically requires a minimum of 5 years…"): the years it gives (a lower bound when it says
 * "minimum" or "at least"), and the text after the label; null for any other line.
 */
export function experienceField(line: string): { years: Range | null; text: string } | null {
  if (!line.includes(":") && !line.includes("：")) return null;
  const text = line.replace(/\s+/g, " ").trim();
  const label = EXPERIENCE_LABEL.exec(text);
  if (!label) return null;
  const value = text.slice(label[0].length).trim();
  if (!value) return null;
  const found = findYears(value) ?? findYears(`${value.replace(/[.。]$/, "")} years`);
  const years = found ? (AT_LEAST.test(found.rest) ? { min: found.range.min, max: null } : found.range) : null;
  return { years, text: value };
}

/** Words that mark a rank within a role's title: "Senior", "Middle", "II" (a bare number is as likely a count: "Role 3"). */
const RANK = /^(?:i{1,3}|iv|v|vi{0,3}|ix|x|medior|expert|apprentice|chief|head|junior|mid|middle|intermediate|senior|staff|principal|lead|entry|associate|intern|graduate|distinguished|fellow|experienced|beginner|level|sr|jr)$/iu;

/**
 * Titles that are the levels of one role, written in full: three or more sharing a phrase that is
 * no rank itself ("OSPO Engineer I", "Senior OSPO Engineer"; "Junior Engineer", "Middle I Engineer"),
 * every other word of each a rank, or none ("Software Engineer" among "Senior Software Engineer").
 * @returns the shared phrase (the role's title, as first written) and the indexes of the titles that are levels, or null
 */
export function levelRun(titles: readonly string[]): { title: string; levels: number[] } | null {
  if (titles.length < 3) return null;
  const words = titles.map((t) => t.replace(/\s+/g, " ").trim().split(" ").filter(Boolean).slice(0, 12));
  const lower = words.map((w) => w.map((x) => x.toLowerCase()));
  const contains = (hay: string[], phrase: string[]) => {
    for (let i = 0; i + phrase.length <= hay.length; i++) if (phrase.every((p, j) => hay[i + j] === p)) return i;
    return -1;
  };
  let best: { phrase: string[]; written: string; levels: number[] } | null = null;
  // Candidate phrases come from the first titles: a run of levels starts early among its siblings.
  for (let t = 0; t < Math.min(lower.length, 3); t++) {
    const w = lower[t]!;
    for (let len = Math.min(w.length, 5); len >= 1; len--) {
      for (let start = 0; start + len <= w.length; start++) {
        const phrase = w.slice(start, start + len);
        // A rank at either end belongs to the levels, not to the role ("I Engineer" is no role).
        if (RANK.test(phrase[0]!) || RANK.test(phrase[phrase.length - 1]!) || !phrase.some((p) => /\p{L}{2}/u.test(p))) continue;
        const levels: number[] = [];
        lower.forEach((hay, i) => {
          const at = contains(hay, phrase);
          if (at < 0) return;
          const rest = [...hay.slice(0, at), ...hay.slice(at + phrase.length)].map((x) => x.replace(/[(),.:]/g, "")).filter(Boolean);
          if (rest.every((x) => RANK.test(x))) levels.push(i);
        });
        const ranked = levels.filter((i) => lower[i]!.length > phrase.length).length;
        // The phrase that makes the most titles levels wins; of two that make as many, the longer.
        const better = !best || levels.length > best.levels.length || (levels.length === best.levels.length && len > best.phrase.length);
        if (levels.length >= 3 && ranked >= 2 && better) best = { phrase, written: words[t]!.slice(start, start + len).join(" "), levels };
      }
    }
  }
  return best ? { title: best.written, levels: best.levels } : null;
}

/**
 * A list whose items are the levels of one role, one title an item, links or not ("- [Junior
 * Engineer](…)", "- [Middle I Engineer](…)"): the titles and their positions, or null.
 */
export function levelListOf(list: List): { names: { name: string; position: Position }[]; linked: boolean } | null {
  if (list.children.length < 3) return null;
  const names: { name: string; position: Position }[] = [];
  let linked = false;
  for (const item of list.children) {
    const [head, ...rest] = item.children;
    if (!head || head.type !== "paragraph" || rest.length > 0 || !item.position) return null;
    const name = toString(head).replace(/\s+/g, " ").trim();
    if (!name || name.split(" ").length > 8) return null;
    if (head.children.some((n) => n.type === "link" && !n.url.startsWith("#"))) linked = true;
    names.push({ name, position: item.position });
  }
  const run = levelRun(names.map((n) => n.name));
  return run && run.levels.length === names.length ? { names, linked } : null;
}

/** A section over bold-line levels only ("### Base Level" over "**Junior**", "**Senior**"): a tier of levels. */
export function isTier(section: HeadingSection): boolean {
  return !section.pseudo && section.children.length > 0 && section.children.every((c) => c.pseudo && !sectionConcept(c)) && entriesOf(section.blocks).length === 0;
}
