/**
 * Every diagnostic Career Atlas can give, one entry per rule id: its severity, a title, the message
 * built from what the call site found, and what to do about it (the hint). Like Astro's errors-data,
 * this is the one place a rule is defined: `report` takes a rule id and arguments that fit it and
 * fills the message's reason, severity, `note` and `url` from here; `career-atlas rules` lists it,
 * and a test checks the README's table of rules against it. The rules live by stage in `rules/`.
 */
import { PART_RULES } from "./rules/parts.ts";
import { READ_RULES } from "./rules/read.ts";
import type { Rule } from "./rules/rule.ts";
import { SITE_RULES } from "./rules/site.ts";

export { Severity, type Found, type Rule } from "./rules/rule.ts";

export const RULES = { ...READ_RULES, ...PART_RULES, ...SITE_RULES };

export type RuleId = keyof typeof RULES;

/** The arguments rule `K`'s message is built from (of a union of rules, those of any of them). */
export type RuleArgs<K extends RuleId> = K extends RuleId ? ((typeof RULES)[K] extends Rule<infer A> ? A : never) : never;

/** A diagnostic as data before it is reported (a reader's finding): a rule and arguments that fit it. */
export type Raised = { [K in RuleId]: { ruleId: K; args: RuleArgs<K> } }[RuleId];

/** The file that documents the rules, relative to the project. */
export const RULES_DOC = "README.md";

/** The anchor of rule `id`'s row in the README's table of rules. */
export function ruleAnchor(id: RuleId): string {
  return `rule-${id}`;
}

/** Where rule `id` is documented: its row of the README's table (`url` of its diagnostics). */
export function ruleUrl(id: RuleId): string {
  return `${RULES_DOC}#${ruleAnchor(id)}`;
}

/** Whether `id` is a rule of the registry. */
export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** Rule `id` with its arguments' type forgotten, to build a message from arguments known to fit. */
export function ruleOf<K extends RuleId>(id: K): Rule<RuleArgs<K>> {
  return RULES[id] as unknown as Rule<RuleArgs<K>>;
}
