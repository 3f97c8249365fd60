/**
 * The rules of reading a guide's parts (extraction) and of the values they give (validation).
 */
import { count, rule, type NoArgs } from "./rule.ts";

/** Where unplaced text stands: under a heading, or before the first section (null). */
const where = (heading: string | null) => (heading ? `Section "${heading}"` : "Text before the first section");

/** A value the model refused: where it is, in the author's words ("Level \"Mid\" › years › max"), and zod's complaint. */
interface Refused {
  where: string;
  problem: string;
}

const refused = (a: Refused) => `${a.where}: ${a.problem}.`;

/** A phase of a plan, as the plan checks name it: "Phase 2 (months 4-6) of the plan from \"Teacher\"". */
interface PhaseArgs {
  phase: string;
  unit: string;
  start: number;
  expected: number;
}

const RANGE = (example: string) => `Write the range lowest first, as in "${example}".`;

export const PART_RULES = {
  "unplaced-section": rule({
    severity: "warning",
    title: "Text that matches no known part",
    message: (a: { heading: string | null; blocks: number }) => `${where(a.heading)} holds text that matches no known part (${count(a.blocks, "block")}); kept as written and shown on the role page.`,
    hint: "Rename the heading to a known part (see the README's input format) to place it.",
  }),
  "unplaced-media": rule({
    severity: "info",
    title: "Markup that is not content",
    message: (a: { heading: string | null; blocks: number }) => `${where(a.heading)} holds an image or other media with no text (${count(a.blocks, "block")}); kept as written and shown on the role page.`,
    hint: "Nothing to do: it is shown as written.",
  }),
  "generator-markup": rule({
    severity: "info",
    title: "A site generator's markup in a guide",
    message: (a: { blocks: number; line: number }) =>
      `${a.blocks === 1 ? "A line" : `${a.blocks} blocks`} of a site generator's markup (shortcodes, admonition fences, Liquid tags), from line ${a.line}, ${a.blocks === 1 ? "is" : "are"} not part of the guide's text; kept as written with the role's other unplaced text.`,
    hint: "Nothing to do, unless the guide is meant to be read without its generator.",
  }),
  "heading-typo": rule({
    severity: "warning",
    title: "A heading close to a known name",
    message: (a: { written: string; known: string }) => `Heading "${a.written}" names no known part but is a letter or two from "${a.known}", so it was read as that: did you mean "${a.known}"?`,
    hint: "Correct the heading (or rename it) to silence this.",
    found: (a) => ({ actual: a.written, expected: [a.known] }),
  }),
  "no-role": rule({
    severity: "info",
    title: "No role in the document",
    message: (a: { reads: string }) =>
      `Found no part of a role guide beyond the opening text (no overview, responsibilities, skills, levels, ladder or plan), and the file reads as ${a.reads}, so it gives no role.`,
    hint: 'Nothing to do for a document that is not a role guide; to make it one, add headings such as "## Overview", "## Responsibilities" or "## Required Skills".',
  }),
  "levels-unread": rule({
    severity: "warning",
    title: "A levels section that gives no level",
    message: (a: { section: string }) =>
      `Section "${a.section}" names levels but gives none that could be read: expected a heading per level, a list or a table of them, e.g. "### Junior (0-2 years)" / "- Writes tested code".`,
    hint: "Write the levels in one of those forms to read them; the text is kept as written.",
  }),
  "plan-unread": rule({
    severity: "warning",
    title: "A section among the plans that is no plan",
    message: (a: { section: string; parent: string }) =>
      `Section "${a.section}" stands under "${a.parent}" but is no plan: expected a heading that says where the plan starts or how long it lasts, then its phases, e.g. "### From Teacher (6-month plan)" / "**Months 1-3**: Foundations".`,
    hint: "Rename the heading to read it as a plan.",
  }),
  "no-role-content": rule({
    severity: "error",
    title: "A guide with no part of a role",
    message: (a: { title: string }) =>
      `Found no part of a role guide in "${a.title}" (no overview, skills, levels, ladder or plan); expected headings such as "## Overview", "## Required Skills" or "## Career Progression".`,
    hint: "Add an overview, skills, levels, a ladder or a plan under known headings.",
  }),
  "title-from-filename": rule({
    severity: "warning",
    title: "A title taken from the file name",
    message: (a: { title: string }) => `The file has no "# Title" heading and no front matter title; took "${a.title}" from the file name.`,
    hint: 'Add a "# Role Title" line at the top.',
  }),
  "role-title": rule({
    severity: "error",
    title: "An empty role title",
    message: (a: Refused | NoArgs) => ("where" in a ? refused(a) : `The role's title is empty; expected a "# Role Title" heading with words in it.`),
    hint: 'Give the "# Role Title" heading words.',
  }),
  "name-without-slug": rule({
    severity: "error",
    title: "A name with no letter or digit",
    message: (a: { owner: string }) => `${a.owner} has no letter or digit to make a page address from; expected a name with at least one letter or digit.`,
    hint: "Give the role, level or plan a name with a letter or digit.",
  }),
  "skill-without-slug": rule({
    severity: "warning",
    title: "A skill with no letter or digit",
    message: (a: { skill: string; where: string }) =>
      `Skill "${a.skill}" in ${a.where} has no letter or digit to make a page address from, so it is left out; expected a name with at least one letter or digit.`,
    hint: "Write the skill in words.",
  }),
  "level-name-unique": rule({
    severity: "error",
    title: "Two levels with one name",
    message: (a: { level: string; role: string; first: number }) => `Level "${a.level}" appears twice in role "${a.role}" (first as level ${a.first}).`,
    hint: "Give each level of a role a distinct name.",
  }),
  "level-years-range": rule({ severity: "error", title: "Years of experience that end before they start", message: refused, hint: RANGE("2-4 years") }),
  "level-years-mismatch": rule({
    severity: "warning",
    title: "Years given twice, differently",
    message: (a: { level: string; here: string; first: string } | { level: string; otherFile: true }) =>
      "otherFile" in a
        ? `Level "${a.level}" has other years here than in another file of the same role; kept the first file's years.`
        : `Level "${a.level}" is ${a.here} here but ${a.first} where it was first named; kept ${a.first}.`,
    hint: "Make the two agree.",
  }),
  "hours-range": rule({ severity: "error", title: "Hours a week that end before they start", message: refused, hint: RANGE("10-15 hours a week") }),
  "phase-range": rule({ severity: "error", title: "A phase that ends before it starts", message: refused, hint: RANGE("Months 1-3") }),
  "plan-phase-gap": rule({
    severity: "warning",
    title: "A gap between a plan's phases",
    message: (a: PhaseArgs | { from: string; months: number; unit: string; last: number }) =>
      "phase" in a
        ? `${a.phase} starts at ${a.unit} ${a.start}, leaving ${a.unit}s ${a.expected}-${a.start - 1} without a phase; expected it to start at ${a.unit} ${a.expected}.`
        : `The plan from "${a.from}" lasts ${a.months} months but its phases end at ${a.unit} ${a.last}.`,
    hint: "Make each phase start where the one before ends.",
    hintFor: (a) => ("phase" in a ? "Make each phase start where the one before ends." : "Make the plan's length and its phases agree."),
  }),
  "plan-phase-overlap": rule({
    severity: "warning",
    title: "A plan's phases that overlap",
    message: (a: PhaseArgs) =>
      `${a.phase} starts at ${a.unit} ${a.start}, inside the phase before it (which runs to ${a.unit} ${a.expected - 1}); expected it to start at ${a.unit} ${a.expected}.`,
    hint: "Make each phase start after the one before ends.",
  }),
  "plan-phase-outside": rule({
    severity: "warning",
    title: "A phase beyond the plan's length",
    message: (a: { phase: string; months: number }) => `${a.phase} ends after the plan's ${a.months} months.`,
    hint: "Make the plan longer or the phase shorter.",
  }),
  "plan-months-inferred": rule({
    severity: "info",
    title: "A plan's length taken from its phases",
    message: (a: { from: string; months: number }) => `The plan from "${a.from}" gives no length; took ${a.months} months from its last phase.`,
    hint: 'Nothing to do; write it in the heading ("6-month plan") to state it.',
  }),
  "model-invalid": rule({ severity: "error", title: "A value the model cannot hold", message: refused, hint: "Shorten or correct the value the message names." }),
};
