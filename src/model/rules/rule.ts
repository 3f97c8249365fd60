/**
 * The shape of one rule of the registry (`../rules.ts`), apart from the rules themselves so that
 * each stage's file of rules can use it without importing the registry that gathers them.
 */
import { z } from "zod";

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

/** What a diagnostic found and what was expected instead, for tools (vfile-message's `actual` and `expected`). */
export interface Found {
  actual?: string;
  expected?: readonly string[];
}

/**
 * A rule, its diagnostics built from arguments `A` (what the call site knows: names, numbers, lines),
 * so that a call site says what it found, never how to word it or how grave it is.
 */
export interface Rule<A> {
  severity: Severity;
  /** What the rule is about, in a few words. */
  title: string;
  /** What was found and what was expected. */
  message: (args: A) => string;
  /** What to do about it, as the README's table gives it. */
  hint: string;
  /** What to do, where the advice depends on what was found; `hint` otherwise. */
  hintFor?: (args: A) => string;
  /** The value found and the values expected, when there are such (vfile-message's `actual`, `expected`). */
  found?: (args: A) => Found;
}

/** No arguments: the message says all there is. */
export type NoArgs = Record<never, never>;

/** A rule, with `A` inferred from its message's parameter. */
export function rule<A = NoArgs>(definition: Rule<A>): Rule<A> {
  return definition;
}

/** "1 block", "3 blocks". */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;
}

/** A whole number as the README and messages write it: 100,000. */
export function num(n: number): string {
  return n.toLocaleString("en");
}
