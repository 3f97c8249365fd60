/**
 * `career-atlas check --explain`: for every section of every file the inputs name, its line, what
 * the classifier read it as and why. Reads (once, with the load's checks on what a folder may hold)
 * and parses within the load's limits as the load does; extract's `explainSections` does the rest.
 */
import { explainSections, explainText } from "./extract/explain.ts";
import { readInputs } from "./load.ts";
import { forTerminal } from "./model/terminal.ts";
import { parseWithinLimits } from "./parse/limits.ts";
import { readRoleText } from "./read/index.ts";

/**
 * The explanation of every file `inputs` name, as text: a line with the file's path, then one per section.
 * A file that cannot be read or parsed gets none (`check` reports why).
 * @param inputs files or folders, as `check` takes them
 */
export async function explainInputs(inputs: readonly string[]): Promise<string> {
  const { files } = await readInputs(inputs);
  const out: string[] = [];
  for (const input of files) {
    if (input.bytes === null) continue;
    const file = readRoleText(input.bytes, input.display);
    if (!file.data.readable) continue;
    const tree = parseWithinLimits(file);
    if (!tree) continue;
    // Headings are the author's text: control characters in them must not drive the terminal.
    out.push(`${forTerminal(input.display)}\n${explainText(explainSections(tree), forTerminal)}`);
  }
  return out.join("\n");
}
