/**
 * `npm run corpus`: loads every role guide in tests/fixtures/corpus/ (or the folders and files
 * given) the way `career-atlas export` does, one file at a time, and prints a markdown table: per
 * file the roles (with their titles), role-wide skills, levels, requirements, ladders, transitions, errors, warnings
 * and the share of the file's words that reached the export, placed or kept unplaced.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadRoles } from "../src/load.ts";
import { coverage } from "../src/report/coverage.ts";

/** Files in a corpus folder that are notes about it, not role guides. */
const NOT_GUIDES = new Set(["SOURCES.md", "README.md"]);

function guidesIn(input: string): string[] {
  if (!statSync(input).isDirectory()) return [input];
  return readdirSync(input)
    .filter((name) => name.endsWith(".md") && !NOT_GUIDES.has(name))
    .sort()
    .map((name) => path.join(input, name));
}

export interface CorpusRow {
  file: string;
  titles: string[];
  skills: number;
  levels: number;
  requirements: number;
  ladders: number;
  transitions: number;
  errors: number;
  warnings: number;
  share: number;
  lost: string[];
}

/** Loads each guide on its own and measures what it gives. */
export async function corpusRows(inputs: readonly string[]): Promise<CorpusRow[]> {
  const rows: CorpusRow[] = [];
  for (const file of inputs.flatMap(guidesIn)) {
    const { roles, files } = await loadRoles([file]);
    const messages = files.flatMap((f) => f.messages);
    const measured = coverage(files[0]!, roles);
    rows.push({
      file: path.basename(file),
      titles: roles.map((r) => r.title),
      skills: roles.reduce((n, r) => n + r.skills.length, 0),
      levels: roles.reduce((n, r) => n + r.levels.length, 0),
      requirements: roles.reduce((n, r) => n + r.levels.reduce((m, l) => m + l.requirements.length, 0), 0),
      ladders: roles.reduce((n, r) => n + r.ladders.length, 0),
      transitions: roles.reduce((n, r) => n + r.transitions.length, 0),
      errors: messages.filter((m) => m.fatal === true).length,
      warnings: messages.filter((m) => m.fatal === false).length,
      share: measured.share,
      lost: measured.lost,
    });
  }
  return rows;
}

/** The rows as a markdown table. */
export function corpusTable(rows: readonly CorpusRow[]): string {
  const percent = (share: number) => `${Math.floor(share * 1000) / 10}%`;
  const lines = [
    "| file | roles | skills | levels | requirements | ladders | transitions | errors | warnings | words reached |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.file} | ${r.titles.length} (${r.titles.join("; ")}) | ${r.skills} | ${r.levels} | ${r.requirements} | ${r.ladders} | ${r.transitions} | ${r.errors} | ${r.warnings} | ${percent(r.share)} |`,
    ),
  ];
  return lines.join("\n");
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (invokedDirectly) {
  const inputs = process.argv.slice(2);
  const rows = await corpusRows(inputs.length ? inputs : [fileURLToPath(new URL("../tests/fixtures/corpus/", import.meta.url))]);
  process.stdout.write(`${corpusTable(rows)}\n`);
  for (const row of rows) if (row.lost.length) process.stderr.write(`${row.file}: lost ${row.lost.join(", ")}\n`);
}
