/**
 * Diagnostics as text for people and for tools. `text` puts `file:line:column` at the start of
 * every line, the form terminals and editors turn into a link to the place (vfile-reporter prints
 * the file once above its messages, which none of them link). `github` writes GitHub Actions
 * workflow commands, which a CI run shows as annotations on the lines of a pull request. Both are
 * given files made safe for a terminal (`forPrinting`), so no control character reaches it.
 */
import type { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { severityOf, withHint, type Severity } from "../model/diagnostics.ts";
import { plural } from "../catalog/format.ts";

const SYMBOL: Record<Severity, string> = { error: "✖", warning: "⚠", info: "ℹ" };

function byPlace(a: VFileMessage, b: VFileMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** `path:line:column`, or the path alone for a message about the whole file. */
function where(file: VFile, message: VFileMessage): string {
  const path = file.path || "<input>";
  return message.line == null ? path : `${path}:${message.line}:${message.column ?? 1}`;
}

/**
 * One line per diagnostic, `file:line:column  severity  message hint  rule`, then a count.
 * @param files files with their diagnostics, made safe for a terminal
 * @returns the text, ending in a newline; empty when there is no diagnostic
 */
export function formatText(files: readonly VFile[]): string {
  const rows: string[][] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const file of files) {
    for (const message of [...file.messages].sort(byPlace)) {
      const severity = severityOf(message.fatal);
      counts[severity]++;
      rows.push([where(file, message), severity, withHint(message), message.ruleId ?? ""]);
    }
  }
  if (rows.length === 0) return "";
  const widths = [0, 1].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map(([place, severity, reason, rule]) => `${place!.padEnd(widths[0]!)}  ${severity!.padEnd(widths[1]!)}  ${reason}  ${rule}`.trimEnd());
  const parts = (["error", "warning", "info"] as const).filter((s) => counts[s] > 0).map((s) => `${SYMBOL[s]} ${plural(counts[s], s)}`);
  lines.push("", `${plural(rows.length, "message")} (${parts.join(", ")})`);
  return `${lines.join("\n")}\n`;
}

/**
 * What a build prints of its diagnostics: `formatText`, then a line per file whose diagnostics were
 * shortened; empty when there is no diagnostic.
 * @param shown what `forPrinting` gave
 */
export function formatReport(shown: { files: readonly VFile[]; omitted: readonly string[] }): string {
  const printed = formatText(shown.files);
  return printed ? `${printed}${shown.omitted.map((line) => `${line}\n`).join("")}` : "";
}

/** A value in a workflow command's message: `%`, CR and LF escaped as GitHub's runner expects. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property of a workflow command: `:` and `,` end it, so they are escaped too. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/**
 * One GitHub Actions annotation per diagnostic: `::warning file=…,line=…,col=…,title=rule::message`.
 * @param files files with their diagnostics, made safe for a terminal
 */
export function formatGithub(files: readonly VFile[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const message of [...file.messages].sort(byPlace)) {
      const properties = [`file=${escapeProperty(file.path || "<input>")}`];
      if (message.line != null) {
        properties.push(`line=${message.line}`, `col=${message.column ?? 1}`);
        const end = message.place && "end" in message.place ? message.place.end : null;
        if (end) properties.push(`endLine=${end.line}`, `endColumn=${end.column}`);
      }
      if (message.ruleId) properties.push(`title=${escapeProperty(message.ruleId)}`);
      lines.push(`::${COMMAND[severityOf(message.fatal)]} ${properties.join(",")}::${escapeData(withHint(message))}`);
    }
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}
