import { HtmlValidate, formatterFactory } from "html-validate";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
const root = "/tmp/s1/site";
const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter(e => e.isFile() && e.name.endsWith(".html")).map(e => path.join(e.parentPath, e.name));
const hv = new HtmlValidate({ extends: ["html-validate:recommended"] });
const seen = new Map<string, number>();
for (const f of files) {
  const report = await hv.validateString(readFileSync(f, "utf8"), f);
  for (const r of report.results) for (const m of r.messages) { const k = `${m.ruleId}: ${m.message}`; if (!seen.has(k)) console.log(path.relative(root, f), m.line, k); seen.set(k, (seen.get(k) ?? 0) + 1); }
}
console.log(files.length, [...seen].map(([k, n]) => `${n}x ${k}`).join("\n"));
