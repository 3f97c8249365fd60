/**
 * `npm run corpus`: loads every role guide in tests/fixtures/corpus/ one at a time, the way
 * `career-atlas export` reads it, and prints a markdown table: per guide the roles it gives, the
 * hand-written facts (tests/fixtures/corpus/expected/) that hold out of all its facts, and the
 * share of its words that reached the export, placed or kept unplaced; then a total row. The
 * facts that do not hold, and the words lost, go to stderr.
 *
 * `npm run corpus -- --misses` rewrites expected/misses.json to list exactly the facts that do not
 * hold, keeping the reason already written for a fact still missed (a new miss gets the matcher's
 * account of what was found: replace it with why the code cannot read it yet).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadContent } from "../src/load.ts";
import { coverage } from "../src/report/coverage.ts";
import { guidesIn, matchFacts, readFacts, readMisses, type FactResult, type Misses } from "../tests/corpus/facts.ts";

export interface CorpusRow {
  guide: string;
  titles: string[];
  /** Facts judged; null when the guide has no facts file yet. */
  facts: FactResult[] | null;
  words: number;
  reached: number;
  lost: string[];
}

/** Loads each guide of `dir` on its own and judges it. */
export function corpusRows(dir: string): CorpusRow[] {
  const expectedDir = path.join(dir, "expected");
  return guidesIn(dir).map((guide) => {
    const file = path.join(dir, guide);
    const loaded = loadContent(readFileSync(file), file);
    const roles = loaded.roles.map((p) => p.role);
    const facts = readFacts(expectedDir, guide);
    const measured = coverage(loaded.file, roles);
    return { guide, titles: roles.map((r) => r.title), facts: facts ? matchFacts(facts, roles) : null, words: measured.words, reached: measured.reached, lost: measured.lost };
  });
}

const percent = (part: number, whole: number) => `${whole === 0 ? 100 : Math.floor((part / whole) * 1000) / 10}%`;
const cell = (text: string) => text.replace(/\|/g, "\\|");

/** The rows as a markdown table, with a total row (its words over the guides that give roles). */
export function corpusTable(rows: readonly CorpusRow[]): string {
  const matched = (r: CorpusRow) => r.facts?.filter((f) => f.matched).length ?? 0;
  const total = (r: CorpusRow) => r.facts?.length ?? 0;
  const sum = (f: (r: CorpusRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const roleWords = (f: (r: CorpusRow) => number) => (r: CorpusRow) => (r.titles.length ? f(r) : 0);
  const lines = [
    "| guide | roles read | facts matched | words kept |",
    "| --- | --- | ---: | ---: |",
    ...rows.map((r) => {
      const facts = r.facts ? `${matched(r)} / ${total(r)}` : "no facts file";
      // A guide that gives no role exports no words; it says why instead (rule no-role).
      const kept = r.titles.length ? percent(r.reached, r.words) : "no role";
      return `| ${cell(r.guide.replace(/\.md$/, ""))} | ${r.titles.length ? cell(r.titles.join("; ")) : "none"} | ${facts} | ${kept} |`;
    }),
    `| **total (${rows.length} guides)** | ${sum((r) => r.titles.length)} | **${sum(matched)} / ${sum(total)}** (${percent(sum(matched), sum(total))}) | ${percent(sum(roleWords((r) => r.reached)), sum(roleWords((r) => r.words)))} |`,
  ];
  return lines.join("\n");
}

/** misses.json for `rows`: every fact that does not hold, with the reason already given for it or the matcher's. */
export function missesOf(rows: readonly CorpusRow[], old: Misses): Misses {
  const out: Misses = {};
  for (const row of rows) {
    const missed = (row.facts ?? []).filter((f) => !f.matched);
    if (missed.length === 0) continue;
    out[row.guide] = Object.fromEntries(missed.map((f) => [f.id, old[row.guide]?.[f.id] ?? f.why]));
  }
  return out;
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (invokedDirectly) {
  const dir = fileURLToPath(new URL("../tests/fixtures/corpus/", import.meta.url));
  const rows = corpusRows(dir);
  process.stdout.write(`${corpusTable(rows)}\n`);
  for (const row of rows) {
    for (const fact of row.facts ?? []) if (!fact.matched) process.stderr.write(`${row.guide}: ${fact.id}: ${fact.why}\n`);
    if (row.lost.length && row.titles.length) process.stderr.write(`${row.guide}: lost ${row.lost.join(", ")}\n`);
  }
  if (process.argv.includes("--misses")) {
    const file = path.join(dir, "expected", "misses.json");
    writeFileSync(file, `${JSON.stringify(missesOf(rows, readMisses(path.join(dir, "expected"))), null, 2)}\n`);
    process.stderr.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}
