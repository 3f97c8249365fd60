/**
 * How much site the roles would make, estimated before anything is rendered, so that a build too
 * large to render stops with an error naming the file instead of running out of memory (100 roles
 * of 200 levels each wrote 1.4 GB of pages and then crashed). What grows fastest is a role's level
 * comparison: a table of its rows (every skill, or requirement naming none, at any level) by its
 * levels, so 200 levels of 5 new skills each make 1,000 rows by 200 columns. The rest grows with the
 * requirements: each is shown on its role's page, in the step between two levels, and on the page of
 * each skill it names; each plan topic is shown on its plan's page and its skills' pages.
 */
import type { VFile } from "vfile";
import { DEFAULT_LIMITS, type Limits } from "../limits.ts";
import { report } from "../model/diagnostics.ts";
import type { RuleArgs } from "../model/rules.ts";
import type { Role } from "../model/role.ts";
import { toSlug } from "../model/slug.ts";

/** The limits this checks (see `Limits`). */
export type BudgetLimits = Pick<Limits, "comparisonCells" | "siteItems">;

/** A role over a limit: where to say so, and what was found (the `site-too-large` rule's arguments). */
export interface BudgetFinding {
  role: string;
  /** The file and line the role (or the level past the limit) was written at. */
  path: string;
  line: number;
  found: RuleArgs<"site-too-large">;
}

/** The cells of a role's level comparison (rows by levels, as `compareLevels` makes them), and its other items. */
export function roleSize(role: Role): { cells: number; items: number } {
  const rows = new Set<string>();
  let items = 0;
  for (const level of role.levels) {
    for (const requirement of level.requirements) {
      if (requirement.skills.length === 0) rows.add(`text:${toSlug(requirement.text) || requirement.text.trim().toLowerCase()}`);
      for (const skill of requirement.skills) rows.add(`skill:${skill.slug}`);
      // Its role's page, the steps to and from its level, and each skill's page.
      items += 3 + requirement.skills.length;
    }
  }
  for (const plan of role.transitions) {
    for (const phase of plan.phases) items += 2 * phase.topics.length + 1;
    items += plan.steps.length + plan.keySkills.length;
  }
  return { cells: rows.size * role.levels.length, items: items + role.skills.length + role.levels.length };
}

/**
 * The roles whose pages would pass a limit: each role whose comparison is too large, and the role
 * at which the site's total passes (then no more is counted).
 */
export function checkSiteBudget(roles: readonly Role[], limits: BudgetLimits): BudgetFinding[] {
  const findings: BudgetFinding[] = [];
  let total = 0;
  for (const role of roles) {
    const { cells, items } = roleSize(role);
    const first = role.levels.find((level) => level.origin)?.origin;
    const where = { path: first?.path ?? role.sources[0]!.path, line: first?.line ?? 1 };
    if (cells > limits.comparisonCells) {
      findings.push({
        role: role.title,
        ...where,
        found: { kind: "comparison", role: role.title, levels: role.levels.length, rows: cells / role.levels.length, cells, limit: limits.comparisonCells },
      });
    }
    total += cells + items;
    if (total > limits.siteItems) {
      findings.push({
        role: role.title,
        ...where,
        found: { kind: "total", role: role.title, items: total, limit: limits.siteItems },
      });
      break;
    }
  }
  return findings;
}

/**
 * Reports each finding of `checkSiteBudget` as a `site-too-large` error on the file it names (or
 * the first file, for a role whose file is not among them).
 * @returns whether the site may be built
 */
export function reportSiteBudget(roles: readonly Role[], files: readonly VFile[], limits: BudgetLimits = DEFAULT_LIMITS): boolean {
  const findings = checkSiteBudget(roles, limits);
  for (const finding of findings) {
    const file = files.find((f) => f.path === finding.path) ?? files[0];
    if (file) report(file, "site-too-large", finding.found, { line: finding.line, column: 1 });
  }
  return findings.length === 0;
}
