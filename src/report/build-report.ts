/**
 * What a build says, as text: the lines `career-atlas build` and `serve` print for a `BuildOutcome`.
 * Everything from the input or the file system goes through `forTerminal` (the diagnostics arrive
 * made safe by `forPrinting`), so nothing here can put a control character on a terminal.
 */
import { plural } from "../catalog/format.ts";
import { forTerminal } from "../model/terminal.ts";
import type { BuildOutcome } from "../site/build.ts";
import { formatReport } from "./format.ts";

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

/**
 * The text of one build, for each stream: stderr says what went wrong or needs a look (leftovers,
 * diagnostics, notices, why it stopped), stdout the one-line summary of a build that succeeded.
 * @param outcome what the build did
 * @param output the output folder as given
 */
export function buildText(outcome: BuildOutcome, output: string): { stdout: string; stderr: string } {
  const where = forTerminal(output);
  if (outcome.kind === "refused") return { stdout: "", stderr: `Build refused: ${forTerminal(outcome.refused.message)}\n` };
  const line = (text: string): string => `${forTerminal(text)}\n`;
  let stderr = outcome.leftovers.map((l) => line(`Could not remove ${l.path}, left by an earlier build (${l.reason}); remove it by hand.`)).join("");
  switch (outcome.kind) {
    case "stopped":
      if (outcome.cause === "logo") stderr += `Build stopped: the configured logo could not be read (${outcome.reason}); ${where} was left as it was.\n`;
      else stderr += `${formatReport(outcome.diagnostics)}Build stopped: the input has errors; ${where} was left as it was.\n`;
      return { stdout: "", stderr };
    case "failed":
      stderr += `${formatReport(outcome.diagnostics)}${outcome.notices.map(line).join("")}`;
      return { stdout: "", stderr: `${stderr}Build failed: ${outcome.cause}. ${where} was left as it was.\n` };
    case "kept": {
      const counts = `${plural(outcome.roles, "role")}, ${plural(outcome.pages, "page")}, ${plural(outcome.warnings, "warning")}`;
      return { stdout: `Built ${counts} in ${seconds(outcome.timings.total)} s (nothing changed: the site was kept as it was) → ${where}\n`, stderr: stderr + outcome.report };
    }
    case "built": {
      const counts = `${plural(outcome.roles, "role")}, ${plural(outcome.pages, "page")}, ${plural(outcome.warnings, "warning")}`;
      const kept = outcome.pages - outcome.rendered;
      const reuse = kept > 0 ? `; ${outcome.rendered} rendered, ${kept} kept from the previous build` : "";
      const search = `search index: ${plural(outcome.indexed, "page")}, ${seconds(outcome.timings.search)} s${reuse}`;
      return {
        stdout: `Built ${counts} in ${seconds(outcome.timings.total)} s (${search}) → ${where}\n`,
        stderr: `${stderr}${formatReport(outcome.diagnostics)}${outcome.notices.map(line).join("")}`,
      };
    }
  }
}

/** The line serve prints once its server listens. */
export function servingText(output: string, url: string): string {
  return `Serving ${forTerminal(output)} at ${url} (Ctrl+C to stop)\n`;
}
