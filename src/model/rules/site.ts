/**
 * The rules that look across files (merging roles, plans between them, the size of the site) and
 * those of the site's configuration file.
 */
import { num, rule } from "./rule.ts";

/** A role over a limit of the site's size (see `src/catalog/budget.ts`). */
export type TooLarge =
  | { kind: "comparison"; role: string; levels: number; rows: number; cells: number; limit: number }
  | { kind: "total"; role: string; items: number; limit: number };

export const SITE_RULES = {
  "slug-collision": rule({
    severity: "error",
    title: "Two titles with one page address",
    message: (a: { title: string; slug: string; owner: string; ownerPath: string }) =>
      `Role "${a.title}" gets the slug "${a.slug}", which "${a.owner}" in ${a.ownerPath} already has; their pages would overwrite each other.`,
    hint: "Give one of them a distinct title, or the same title to merge them.",
  }),
  "transition-duplicate": rule({
    severity: "error",
    title: "The same plan given twice",
    message: (a: { role: string; from: string }) => `Role "${a.role}" already has a plan from "${a.from}".`,
    hint: "Keep one, or name the starting roles apart.",
  }),
  "transition-from-unknown": rule({
    severity: "info",
    title: "A plan from a role no guide describes",
    message: (a: { from: string }) => `The plan from "${a.from}" starts at a role no input describes; its page cannot list the skills a reader already has.`,
    hint: "Add a guide for that role to show the skills a reader already has.",
    hintFor: (a) => `Add a guide for "${a.from}" to enable that.`,
  }),
  "alias-merged": rule({
    severity: "info",
    title: "Two spellings of one role merged",
    message: (a: { title: string; other: string; otherPath: string }) =>
      `Role "${a.title}" is taken as the same role as "${a.other}" (${a.otherPath}): the titles differ only by a common abbreviation or alias. Their parts are joined on one page.`,
    hint: "Nothing to do; write one title in both files to silence this.",
  }),
  "near-duplicate-title": rule({
    severity: "warning",
    title: "Two role titles close but not merged",
    message: (a: { title: string; other: string; otherPath: string; why: string }) =>
      `Role "${a.title}" has a title close to "${a.other}" (${a.otherPath}; ${a.why}), so they are shown as two roles.`,
    hint: "If they are one role, give both files one title or add an alias in the site's configuration; if they are two, make the titles tell them apart.",
  }),
  "site-too-large": rule({
    severity: "error",
    title: "A site larger than the limits",
    message: (a: TooLarge) =>
      a.kind === "comparison"
        ? `Role "${a.role}" would compare ${num(a.levels)} levels by ${num(a.rows)} skills and requirements: ${num(a.cells)} table cells on one page, more than the ${num(a.limit)} a site may show; the site is not built.`
        : `With role "${a.role}" the site would show about ${num(a.items)} items (level comparison cells, requirements on role, level and skill pages, plan topics), more than the ${num(a.limit)} it may hold, so it is not built: it would take more memory and disk than a guide site needs.`,
    hint: "Give fewer roles or levels, split a role, or build the guides as several sites.",
    hintFor: (a) =>
      a.kind === "comparison" ? "Give fewer levels, or split the role into several." : "Give fewer roles, levels or requirements, or build the guides as several sites.",
  }),

  "config-not-found": rule({
    severity: "error",
    title: "No configuration file where --config points",
    message: (a: { path: string; why: string }) => `The configuration file ${a.path} was named with --config, but ${a.why}.`,
    hint: "Name an existing .yaml or .json file, or leave --config out.",
  }),
  "config-syntax": rule({
    severity: "error",
    title: "A configuration file that is not YAML or JSON",
    message: (a: { path: string; error: string }) => `${a.path} is not valid YAML or JSON: ${a.error}.`,
    hint: "Fix the syntax at this place.",
  }),
  "config-invalid": rule({
    severity: "error",
    title: "A configuration value of the wrong kind",
    message: (a: { where: string; expected: string; found: string; path: string }) => `${a.where}: expected ${a.expected}, found ${a.found}.`,
    hint: "Fix it in the configuration file; the Configuration section of the README gives the keys and their values.",
    hintFor: (a) => `Fix it in ${a.path}.`,
    found: (a) => ({ actual: a.found, expected: [a.expected] }),
  }),
  "config-unknown-key": rule({
    severity: "error",
    title: "A configuration key Career Atlas does not know",
    message: (a: { where: string; keys: readonly string[] }) =>
      `${a.where} has ${a.keys.length === 1 ? "an unknown key" : "unknown keys"} ${a.keys.map((k) => `"${k}"`).join(", ")}; the keys are listed by \`career-atlas schema --config\`.`,
    hint: "Check the spelling, or remove it.",
    found: (a) => ({ actual: a.keys.join(", ") }),
  }),
  "config-logo-missing": rule({
    severity: "error",
    title: "A logo file that does not exist",
    message: (a: { logo: string; looked: string; path: string }) => `The logo "${a.logo}" is not a file (looked for ${a.looked}).`,
    hint: "Give the path of an image relative to the configuration file, or remove the key.",
    hintFor: (a) => `Give the path of an image relative to ${a.path}, or remove the key.`,
  }),
};
