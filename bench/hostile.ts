/**
 * Time per hostile file: every input of the hostile-input suite (tests/hostile/generate.ts: the
 * committed fixtures and the generated 5 MB guide, 1 MB lines, 100,000 headings, deep nesting)
 * run through read → parse → extract → validate, one after another, each timed on its own.
 * `npm run bench` runs it after the build scenarios; `npm run bench:hostile` runs it alone.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hostileInputs } from "../tests/hostile/generate.ts";
import { loadContent } from "../src/load.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface HostileTiming {
  name: string;
  bytes: number;
  ms: number;
  /** Heap growth while loading it, in MB: a sign of memory the input makes the parser hold. */
  heapMb: number;
  roles: number;
  errors: string[];
}

export function timeHostileInputs(): HostileTiming[] {
  return hostileInputs().map(({ name, content }) => {
    const bytes = content();
    const size = typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.byteLength;
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    const { file, roles } = loadContent(bytes, name);
    const ms = performance.now() - start;
    const heapMb = Math.max(0, process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    const errors = [...new Set(file.messages.filter((m) => m.fatal === true).map((m) => m.ruleId ?? "unknown"))];
    return { name, bytes: size, ms, heapMb, roles: roles.length, errors };
  });
}

export function hostileTable(timings: readonly HostileTiming[]): string {
  const rows = timings.map((t) => `| ${t.name} | ${(t.bytes / 1024).toFixed(1)} KB | ${t.ms.toFixed(1)} | ${t.heapMb.toFixed(0)} | ${t.roles} | ${t.errors.join(", ") || "–"} |`);
  return ["| hostile input | size | ms | heap MB | roles | errors |", "| --- | ---: | ---: | ---: | ---: | --- |", ...rows].join("\n");
}

/** Times every hostile input and writes bench/hostile-results.json and .md. */
export async function runHostile(): Promise<string> {
  const timings = timeHostileInputs();
  const table = hostileTable(timings);
  await writeFile(path.join(ROOT, "bench", "hostile-results.json"), `${JSON.stringify({ generatedAt: new Date().toISOString(), timings }, null, 2)}\n`);
  await writeFile(path.join(ROOT, "bench", "hostile-results.md"), `# Hostile inputs: time per file\n\nWritten by \`npm run bench\` (or \`npm run bench:hostile\`).\n\n${table}\n`);
  return table;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runHostile().then((table) => process.stdout.write(`${table}\n\nWrote bench/hostile-results.json and bench/hostile-results.md.\n`));
}
