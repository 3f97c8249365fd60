/**
 * `career-atlas check --explain`: for every section of every file the inputs name, its line, what
 * the classifier read it as and why. Reads and parses as the load does; extract's
 * `explainSections` does the rest.
 */
import path from "node:path";
import { explainSections, explainText } from "./extract/explain.ts";
import { collectInputs } from "./load.ts";
import { forTerminal } from "./model/terminal.ts";
import { parseMarkdown } from "./parse/index.ts";
import { readRoleFile } from "./read/index.ts";

/**
 * The explanation of every file `inputs` name, as text: a line with the file's path, then one per section.
 * @param inputs files or folders, as `check` takes them
 */
export async function explainInputs(inputs: readonly string[]): Promise<string> {
  const { paths } = await collectInputs(inputs);
  const out: string[] = [];
  for (const filePath of paths) {
    const display = path.relative(process.cwd(), filePath) || filePath;
    const file = await readRoleFile(filePath, display);
    if (!file.data.readable) continue;
    // Headings are the author's text: control characters in them must not drive the terminal.
    out.push(`${forTerminal(display)}\n${explainText(explainSections(parseMarkdown(file)), forTerminal)}`);
  }
  return out.join("\n");
}
