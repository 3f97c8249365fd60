/**
 * Diagnostics are vfile messages (like remark-lint's), so that vfile-reporter prints them and every
 * stage reports the same way. This module gives them one JSON shape and the helpers to raise them.
 */
import { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import type { Point, Position } from "unist";
import { z } from "zod";
import { ruleOf, ruleUrl, Severity, type Found, type RuleArgs, type RuleId } from "./rules.ts";
import { forTerminal } from "./terminal.ts";

export { Severity, type Found };

export const Diagnostic = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  endLine: z.number().int().nullable(),
  endColumn: z.number().int().nullable(),
  severity: Severity,
  ruleId: z.string(),
  /** What was found and what was expected. */
  message: z.string(),
  /** What to do about it (the rule's hint). */
  note: z.string().nullable(),
  /** Where the rule is documented: its row of the README's table of rules. */
  url: z.string().nullable(),
  /** The value found, when the rule names one (a misspelt heading). */
  actual: z.string().optional(),
  /** The values expected instead. */
  expected: z.array(z.string()).optional(),
});

export type Diagnostic = z.infer<typeof Diagnostic>;

/** Where a diagnostic points: a whole node's span or a single point. */
export type Place = Position | Point | undefined;

/**
 * Adds a diagnostic to `file`, worded, graded and documented by its rule (`rules.ts`).
 * @param file the file the problem is in
 * @param ruleId the rule, e.g. `level-years-range`: a stable id tests and users can rely on
 * @param args what the call site found, as the rule's message takes it
 * @param place the node span or point it concerns
 * @param found the value found and those expected, when the rule does not tell them from `args`
 */
export function report<K extends RuleId>(file: VFile, ruleId: K, args: RuleArgs<K>, place?: Place, found?: Found): VFileMessage {
  const rule = ruleOf(ruleId);
  const message = file.message(rule.message(args), { place, ruleId, source: "career-atlas" });
  message.fatal = rule.severity === "error" ? true : rule.severity === "warning" ? false : undefined;
  message.note = rule.hintFor?.(args) ?? rule.hint;
  message.url = ruleUrl(ruleId);
  const { actual, expected } = found ?? rule.found?.(args) ?? {};
  if (actual !== undefined) message.actual = actual;
  if (expected !== undefined) message.expected = [...expected];
  return message;
}

/** A message as a person reads it: what was found and expected, then what to do, on one line. */
export function withHint(message: Pick<VFileMessage, "reason" | "note">): string {
  if (!message.note) return message.reason;
  return /[.?!:;]$/.test(message.reason) ? `${message.reason} ${message.note}` : `${message.reason}. ${message.note}`;
}

export function severityOf(fatal: boolean | null | undefined): Severity {
  return fatal === true ? "error" : fatal === false ? "warning" : "info";
}

/** The diagnostics of every file, in file order, then by position. */
export function toDiagnostics(files: readonly VFile[]): Diagnostic[] {
  return files.flatMap((file) =>
    [...file.messages]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      .map((m) => ({
        file: file.path,
        line: m.line ?? null,
        column: m.column ?? null,
        endLine: m.place && "start" in m.place ? m.place.end.line : null,
        endColumn: m.place && "start" in m.place ? m.place.end.column : null,
        severity: severityOf(m.fatal),
        ruleId: m.ruleId ?? "unknown",
        message: m.reason,
        note: m.note ?? null,
        url: m.url ?? null,
        ...(m.actual == null ? {} : { actual: m.actual }),
        ...(m.expected == null ? {} : { expected: [...m.expected] }),
      })),
  );
}

export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((m) => m.fatal === true));
}

/** Most diagnostics printed per file: a report of 100,000 lines helps no one and takes a minute to lay out. */
export const MAX_PRINTED = 200;

/**
 * The files to print, as copies made safe for a terminal (`forTerminal`: the path, each reason, hint and
 * rule id): each with at most `max` of its diagnostics (errors first, then warnings, then infos,
 * each in file order), and a line per shortened file saying what was left out. The reporter's own
 * colours are added after, so they still work.
 * @param files the files with their diagnostics
 * @param max the most diagnostics printed per file
 */
export function forPrinting(files: readonly VFile[], max = MAX_PRINTED): { files: VFile[]; omitted: string[] } {
  const omitted: string[] = [];
  const rank = (fatal: boolean | null | undefined) => (fatal === true ? 0 : fatal === false ? 1 : 2);
  const shown = files.map((file) => {
    let kept = file.messages;
    if (file.messages.length > max) {
      kept = [...file.messages].sort((a, b) => rank(a.fatal) - rank(b.fatal) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)).slice(0, max);
      const keep = new Set(kept);
      const left = new Map<string, number>();
      for (const message of file.messages) if (!keep.has(message)) left.set(message.ruleId ?? "unknown", (left.get(message.ruleId ?? "unknown") ?? 0) + 1);
      const counts = [...left].map(([rule, count]) => `${count} ${rule}`).join(", ");
      omitted.push(forTerminal(`${file.path}: ${file.messages.length - max} more diagnostics not shown (${counts}); \`career-atlas check --format json\` lists them all.`));
    }
    const copy = new VFile(file.history.length > 0 ? { path: forTerminal(file.path) } : {});
    for (const m of kept) {
      const message = copy.message(forTerminal(m.reason), { place: m.place ?? undefined, ruleId: m.ruleId === undefined ? undefined : forTerminal(m.ruleId), source: m.source });
      message.fatal = m.fatal;
      if (m.note != null) message.note = forTerminal(m.note);
      if (m.url != null) message.url = forTerminal(m.url);
      if (m.actual != null) message.actual = forTerminal(m.actual);
      if (m.expected != null) message.expected = m.expected.map(forTerminal);
    }
    return copy;
  });
  return { files: shown, omitted };
}
