/**
 * Diagnostics are vfile messages (like remark-lint's), so that vfile-reporter prints them and every
 * stage reports the same way. This module gives them one JSON shape and the helpers to raise them.
 */
import type { VFile } from "vfile";
import type { Point, Position } from "unist";
import { z } from "zod";

export const Severity = z.enum(["error", "warning", "info"]);

export const Diagnostic = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  endLine: z.number().int().nullable(),
  endColumn: z.number().int().nullable(),
  severity: Severity,
  ruleId: z.string(),
  message: z.string(),
});

export type Severity = z.infer<typeof Severity>;
export type Diagnostic = z.infer<typeof Diagnostic>;

/** Where a diagnostic points: a whole node's span or a single point. */
export type Place = Position | Point | undefined;

/**
 * Adds a diagnostic to `file`.
 * @param file the file the problem is in
 * @param severity error (fails check and build), warning, or info
 * @param ruleId a stable id tests and users can rely on, e.g. `level-years-range`
 * @param reason what was found, what was expected and what to do
 * @param place the node span or point it concerns
 */
export function report(file: VFile, severity: Severity, ruleId: string, reason: string, place?: Place): void {
  const message = file.message(reason, { place, ruleId, source: "career-atlas" });
  message.fatal = severity === "error" ? true : severity === "warning" ? false : undefined;
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
      })),
  );
}

export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((m) => m.fatal === true));
}
