/**
 * A synthetic corpus of role guides for the benchmark, deterministic from a seed: half the files in
 * the shape of `seeds/machine-learning-engineer-transitions.md` (overview, skills, ladder, transition
 * plans with `**Months 1-3**` phases), half in the shape of `seeds/machine-learning-engineer-levels.md`
 * (emoji headings, levels with Must-Have / Good-to-Have lists, growth paths), each 2–4 KB, drawing
 * on one vocabulary of about 300 skills used Zipf-like, so that skill pages fill up as they would
 * for a real company. Every file passes `career-atlas check` without warnings.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { toSlug } from "../src/model/slug.ts";
import * as V from "./vocabulary.ts";

export type Shape = "transitions" | "levels";

export interface CorpusOptions {
  /** How many role files to write. */
  roles: number;
  /** The PRNG seed: the same seed gives byte-identical files. */
  seed: number;
}

export interface CorpusFile {
  /** File name inside the corpus folder: `<slug>.md`. */
  name: string;
  title: string;
  slug: string;
  shape: Shape;
  text: string;
  /** The titles of the ladder the file draws, bottom up. */
  ladder: string[];
}

export interface Corpus {
  dir: string;
  files: CorpusFile[];
  /** Total size in bytes (UTF-8). */
  bytes: number;
  /** Distinct ladder titles (by slug): the nodes of the progression graph. */
  ladderTitles: number;
}

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  }
  /** `count` distinct items of `list`. */
  sample<T>(list: readonly T[], count: number): T[] {
    return this.shuffle([...list]).slice(0, Math.min(count, list.length));
  }
}

/** Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s: a few skills everywhere, a long tail. */
class Zipf {
  private readonly cumulative: number[];
  constructor(readonly size: number, s = 1.05) {
    let total = 0;
    this.cumulative = Array.from({ length: size }, (_, k) => (total += 1 / (k + 1) ** s));
    this.cumulative = this.cumulative.map((c) => c / total);
  }
  draw(random: Random): number {
    const u = random.next();
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

type Kind = "technical" | "tools" | "soft" | "domain";
const POOLS: Record<Kind, readonly string[]> = { technical: V.TECHNICAL, tools: V.TOOLS, soft: V.SOFT, domain: V.DOMAIN };

/** Every skill of the vocabulary (deduplicated by slug), for tests and the report. */
export const VOCABULARY: readonly string[] = (() => {
  const seen = new Map<string, string>();
  for (const name of Object.values(POOLS).flat()) if (!seen.has(toSlug(name))) seen.set(toSlug(name), name);
  return [...seen.values()];
})();

/**
 * Picks skills for one role: Zipf over each pool, the ranks rotated a little per job family so that
 * engineers and designers lean towards different skills while the most common ones stay shared.
 */
class SkillPicker {
  private readonly zipf = new Map<Kind, Zipf>();
  constructor(private readonly random: Random, private readonly family: number) {
    for (const [kind, pool] of Object.entries(POOLS) as [Kind, readonly string[]][]) this.zipf.set(kind, new Zipf(pool.length));
  }
  one(kind: Kind): string {
    const pool = POOLS[kind];
    const rank = this.zipf.get(kind)!.draw(this.random);
    return pool[(rank + this.family * 5) % pool.length]!;
  }
  /** `count` distinct skills of `kind`, none of `avoid`. */
  some(kind: Kind, count: number, avoid: Set<string> = new Set()): string[] {
    const out: string[] = [];
    for (let tries = 0; out.length < count && tries < count * 20; tries++) {
      const name = this.one(kind);
      const slug = toSlug(name);
      if (avoid.has(slug)) continue;
      avoid.add(slug);
      out.push(name);
    }
    return out;
  }
}

interface Title {
  title: string;
  /** Domain and noun without the qualifier: "Payments Engineer". */
  base: string;
  domain: string;
  noun: (typeof V.NOUNS)[number];
}

/** N distinct titles with distinct slugs: qualifier × domain × noun in a seeded order, a counter past the end. */
function makeTitles(random: Random, count: number): Title[] {
  const combos: [number, number, number][] = [];
  for (let q = 0; q < V.QUALIFIERS.length; q++) for (let d = 0; d < V.DOMAINS.length; d++) for (let n = 0; n < V.NOUNS.length; n++) combos.push([q, d, n]);
  random.shuffle(combos);
  const slugs = new Set<string>();
  const titles: Title[] = [];
  for (let i = 0; titles.length < count; i++) {
    const [q, d, n] = combos[i % combos.length]!;
    const round = Math.floor(i / combos.length);
    const noun = V.NOUNS[n]!;
    const domain = V.DOMAINS[d]!;
    const base = `${domain} ${noun.noun}`;
    const title = [V.QUALIFIERS[q], base, round > 0 ? String(round + 1) : ""].filter(Boolean).join(" ");
    const slug = toSlug(title);
    if (slugs.has(slug)) continue;
    slugs.add(slug);
    titles.push({ title, base, domain, noun });
  }
  return titles;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentenceList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function summaryOf(random: Random, t: Title): string {
  const focus = random.sample(V.FOCUS, 3);
  const [served, with1, with2] = random.sample(V.AUDIENCES, 3);
  return (
    `${random.pick(V.VERBS)} ${random.pick(V.OBJECTS)} ${t.domain.toLowerCase()} work for ${served}. ` +
    `Focuses on ${sentenceList(focus)}, working closely with ${with1} and ${with2}.`
  );
}

function responsibility(random: Random, t: Title): string {
  return `${random.pick(V.TASKS)} ${random.pick(V.THINGS)} for ${t.domain.toLowerCase()}`;
}

/** A requirement's text: one skill, "A with B, C", or "A / B". */
function requirementText(picker: SkillPicker, random: Random, used: Set<string>): string | null {
  const style = random.next();
  const kind: Kind = random.chance(0.55) ? "tools" : random.chance(0.7) ? "technical" : "domain";
  if (style < 0.5) return picker.some(kind, 1, used)[0] ?? null;
  if (style < 0.75) {
    const [first, ...rest] = picker.some(kind, random.int(2, 4), used);
    return first ? (rest.length ? `${first} with ${rest.join(", ")}` : first) : null;
  }
  const pair = picker.some(kind, 2, used);
  return pair.length ? pair.join(" / ") : null;
}

interface LevelPlan {
  name: string;
  min: number;
  max: number | null;
}

const LEVEL_SCHEMES: readonly (readonly LevelPlan[])[] = [
  [{ name: "Mid", min: 2, max: 4 }, { name: "Experienced", min: 4, max: null }],
  [{ name: "Junior", min: 0, max: 2 }, { name: "Mid", min: 2, max: 4 }, { name: "Senior", min: 4, max: null }],
  [{ name: "Junior", min: 0, max: 2 }, { name: "Mid", min: 2, max: 5 }, { name: "Senior", min: 5, max: 8 }, { name: "Lead", min: 8, max: null }],
  [{ name: "Associate", min: 0, max: 1 }, { name: "Intermediate", min: 1, max: 4 }, { name: "Advanced", min: 4, max: null }],
];

function yearsText(level: LevelPlan): string {
  return level.max === null ? `${level.min}+ years` : `${level.min}-${level.max} years`;
}

/** Month ranges covering 1..months exactly, in `count` phases. */
function phaseRanges(random: Random, months: number, count: number): [number, number][] {
  const cuts = random.sample(Array.from({ length: months - 1 }, (_, i) => i + 1), count - 1).sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  let start = 1;
  for (const cut of [...cuts, months]) {
    ranges.push([start, cut]);
    start = cut + 1;
  }
  return ranges;
}

function monthsLabel([start, end]: [number, number]): string {
  return start === end ? `Month ${start}` : `Months ${start}-${end}`;
}

/** The ladder of a title's family: "Junior Payments Engineer → Payments Engineer → …". */
function familyLadder(t: Title, random: Random): string[] {
  const steps = [`Junior ${t.base}`, t.base, `Senior ${t.base}`];
  if (random.chance(0.6)) steps.push(random.chance(0.5) ? "Staff/Principal" : `Principal ${t.base}`);
  // Ladders of one job family meet at its manager; some end at the head of their domain instead.
  steps.push(random.chance(0.7) ? t.noun.manager : `Head of ${t.domain}`);
  return steps;
}

function transitionsShape(random: Random, t: Title, all: readonly Title[], self: number, ladder: string[]): string {
  const picker = new SkillPicker(random, t.noun.family);
  const out: string[] = [];
  out.push(`# ${t.title}`, "");
  const [thing1, thing2] = random.sample(V.THINGS, 2);
  out.push("## Overview", `${summaryOf(random, t)} ${random.pick(V.VERBS)} ${thing1} and ${thing2} that other teams rely on.`, "");
  out.push("## Core Responsibilities");
  for (const line of new Set(Array.from({ length: random.int(5, 8) }, () => responsibility(random, t)))) out.push(`- ${line}`);
  out.push("");
  const used = new Set<string>();
  out.push("## Required Skills");
  out.push(`**Technical**: ${picker.some("technical", random.int(4, 6), used).join(", ")}`);
  out.push(`**Tools**: ${picker.some("tools", random.int(4, 7), used).join(", ")}`);
  out.push(`**Soft**: ${picker.some("soft", random.int(2, 4), used).join(", ")}`);
  if (random.chance(0.4)) out.push(`**Domain**: ${picker.some("domain", random.int(1, 3), used).join(", ")}`);
  out.push("");
  out.push("## Typical Background");
  out.push(
    `${capitalise(random.pick(V.DEGREES))}. ${random.int(1, 6)}-${random.int(7, 10)} years of experience in ${random.pick(V.DOMAINS).toLowerCase()} or ${random.pick(V.DOMAINS).toLowerCase()}. ` +
      `Comfortable with ${sentenceList(random.sample(V.FOCUS, 2))}.`,
    "",
  );
  ladder.push(...familyLadder(t, random));
  out.push("## Career Progression", ladder.join(" → "), "");
  const alternatives = new Set<string>();
  for (let i = random.int(2, 3); i > 0; i--) alternatives.add(random.chance(0.5) ? all[random.int(0, all.length - 1)]!.title : random.pick(V.OUTSIDE_ROLES));
  alternatives.delete(t.title);
  if (alternatives.size) out.push(`Alternative paths: ${[...alternatives].join(", ")}`, "");
  out.push("## Transition Paths", "");
  const froms = new Set<string>([toSlug(t.title)]);
  for (let p = random.int(2, 3); p > 0; p--) {
    let from = "";
    for (let tries = 0; tries < 10 && (!from || froms.has(toSlug(from))); tries++) {
      const other = random.int(0, all.length - 1);
      from = random.chance(0.5) && other !== self ? all[other]!.title : random.pick(V.OUTSIDE_ROLES);
    }
    if (froms.has(toSlug(from))) continue;
    froms.add(toSlug(from));
    const months = random.int(3, 12);
    const count = Math.min(months, random.int(2, 4));
    out.push(`### From ${from} (${months}-month plan)`);
    const keySkills = new Set<string>();
    // Phase titles in the order the list gives them: foundations first, capstone last.
    const titles = random.sample(V.PHASE_TITLES, count).sort((a, b) => V.PHASE_TITLES.indexOf(a) - V.PHASE_TITLES.indexOf(b));
    phaseRanges(random, months, count).forEach((range, phase) => {
      out.push(`**${monthsLabel(range)}**: ${titles[phase]}`);
      const count = random.int(3, 4);
      const tools = random.int(1, count - 1);
      const taught = new Set<string>();
      for (const skill of [...picker.some("tools", tools, taught), ...picker.some("technical", count - tools, taught)]) {
        keySkills.add(skill);
        out.push(`• ${random.pick(V.TOPIC_VERBS)} ${skill}`);
      }
      out.push("");
    });
    out.push(`**Key Skills**: ${random.sample([...keySkills], 3).join(", ")}`);
    const hours = random.int(5, 15);
    out.push(`**Time Commitment**: ${hours}-${hours + random.int(2, 8)} hours/week`, "");
  }
  return out.join("\n");
}

function levelsShape(random: Random, t: Title, ladder: string[]): string {
  const picker = new SkillPicker(random, t.noun.family);
  const levels = random.pick(LEVEL_SCHEMES);
  const out: string[] = [];
  out.push(`# ${random.pick(V.EMOJI)} ${t.title}`, "");
  out.push("## 📋 Role Overview");
  out.push(`- **Experience Levels**: ${levels.map((l) => `${l.name} (${yearsText(l)})`).join(", ")}`);
  out.push(`- **Responsibility**: ${summaryOf(random, t).replace(/\.$/, "")}`);
  ladder.push(...familyLadder(t, random));
  out.push(`- **Career Progression**: ${ladder.join(" → ")}`);
  out.push("", "---", "");
  out.push("## 🛠️ Tech Stack Requirements by Experience Level", "");
  const carried: { line: string; text: string }[] = [];
  levels.forEach((level, index) => {
    const last = index === levels.length - 1;
    out.push(`### **${level.name} Level (${yearsText(level)})**`, "");
    const used = new Set<string>();
    const must: string[] = [];
    // Higher levels keep some of the must-haves below them, as the seed does.
    for (const kept of carried.slice(0, random.int(1, 3))) {
      must.push(kept.line);
      for (const name of kept.text.split(/ with |, | \/ /)) used.add(toSlug(name));
    }
    for (let i = random.int(4, 6); i > 0; i--) {
      const text = requirementText(picker, random, used);
      if (!text) continue;
      const line = `- **${text}** - ${random.pick(V.DETAILS)}`;
      must.push(line);
      carried.push({ line, text });
    }
    if (random.chance(0.5)) {
      const concept = picker.some("technical", 1, used)[0];
      if (concept) must.push(`- **${concept}**: ${sentenceList(random.sample(V.FOCUS, 2))}`);
    }
    out.push("#### **Must-Have:**", ...must, "");
    out.push("#### **Good-to-Have:**");
    for (let i = random.int(2, 4); i > 0; i--) {
      const text = requirementText(picker, random, used);
      if (text) out.push(`- **${text}** - ${random.pick(V.DETAILS)}`);
    }
    out.push("");
    if (last && random.chance(0.5)) {
      out.push("#### **Production Support & Miscellaneous:**");
      for (const item of random.sample(V.GROUP_ITEMS, random.int(3, 5))) out.push(`- **${item}**: ${sentenceList(random.sample(V.FOCUS, 2))}`);
      out.push("");
    }
  });
  out.push("## 🚀 Career Growth Path", "");
  for (let i = 0; i + 1 < levels.length; i++) {
    out.push(`### **${levels[i]!.name} → ${levels[i + 1]!.name} Level:**`);
    for (const step of random.sample(V.GROWTH_STEPS, random.int(3, 5))) out.push(`- ${step}`);
    out.push("");
  }
  const top = levels[levels.length - 1]!.name;
  out.push(`### **${top} → ${t.noun.manager}:**`);
  for (const step of random.sample(V.GROWTH_STEPS, random.int(3, 4))) out.push(`- ${step}`);
  out.push(`- ${picker.some("soft", 1).join("")} across teams`);
  return `${out.join("\n")}\n`;
}

/**
 * The corpus as text, without touching the disk: `roles` files, even indexes in the transitions
 * shape, odd ones in the levels shape.
 */
export function corpusFiles({ roles, seed }: CorpusOptions): CorpusFile[] {
  if (!Number.isInteger(roles) || roles < 1) throw new RangeError(`roles must be a positive integer, got ${roles}`);
  const titles = makeTitles(new Random(seed), roles);
  return titles.map((t, index) => {
    // One generator per file, seeded from the corpus seed and the index, so a file does not depend on the ones before it.
    const random = new Random((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
    const shape: Shape = index % 2 === 0 ? "transitions" : "levels";
    const ladder: string[] = [];
    const text = shape === "transitions" ? transitionsShape(random, t, titles, index, ladder) : levelsShape(random, t, ladder);
    const slug = toSlug(t.title);
    return { name: `${slug}.md`, title: t.title, slug, shape, text, ladder };
  });
}

/**
 * Writes the corpus into `dir` (created when missing).
 * @returns the files written and their total size
 */
export async function generateCorpus(options: CorpusOptions & { dir: string }): Promise<Corpus> {
  const files = corpusFiles(options);
  await mkdir(options.dir, { recursive: true });
  let bytes = 0;
  for (const file of files) {
    const data = Buffer.from(file.text, "utf8");
    bytes += data.length;
    await writeFile(path.join(options.dir, file.name), data);
  }
  const ladderTitles = new Set(files.flatMap((f) => f.ladder.map(toSlug))).size;
  return { dir: options.dir, files, bytes, ladderTitles };
}
