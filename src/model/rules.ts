/**
 * Every diagnostic Career Atlas can give, one entry per rule id: its severity, a title, and what to
 * do about it (the hint). Like Astro's errors-data, this is the one place a rule is defined:
 * `report` fills each message's `note` and `url` from it, `career-atlas rules` lists it, and a test
 * checks the README's table of rules against it. The message itself, with what was found and
 * where, is written where the problem is found.
 */
import { z } from "zod";

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

export interface Rule {
  severity: Severity;
  /** What the rule is about, in a few words. */
  title: string;
  /** What to do about it. */
  hint: string;
}

/** Where the rules are documented, relative to the project (`url` of every diagnostic). */
export const RULES_DOC = "README.md#diagnostics";

export const RULES = {
  // Reading a file
  "input-missing": { severity: "error", title: "No such file or folder", hint: "Check the path given to --input or on the command line." },
  "input-empty": { severity: "error", title: "A folder with no guides", hint: "Put role guides (*.md) in the folder, or name another." },
  "input-outside": { severity: "warning", title: "A link that leads outside the input folder", hint: "Copy the guide into the folder instead of linking to it." },
  "input-broken-link": { severity: "warning", title: "A symbolic link that leads nowhere", hint: "Remove the link or point it at a guide." },
  "read-failed": { severity: "error", title: "A file that cannot be read", hint: "Check the file's permissions; pipes and devices are not read." },
  "file-too-large": { severity: "error", title: "A file over the size limit", hint: "Split the guide into several files." },
  "empty-file": { severity: "error", title: "An empty file", hint: "Write the guide, or remove the file." },
  "binary-file": { severity: "error", title: "A file that is not text", hint: "Give markdown files only." },
  "invalid-utf8": { severity: "error", title: "Bytes that are not UTF-8", hint: "Save the file as UTF-8." },
  "mojibake-repaired": { severity: "warning", title: "Garbled characters repaired", hint: "Save the file again as UTF-8 with the repaired characters." },
  "front-matter-invalid": { severity: "warning", title: "Front matter that is not valid YAML", hint: "Fix the YAML between the --- lines; the rest of the guide is read." },
  "front-matter-unread": { severity: "info", title: "Front matter keys no part reads", hint: "Nothing to do: the values are kept; see the README for the keys read." },
  "input-too-complex": { severity: "error", title: "Input too complex to read in reasonable time", hint: "Split long paragraphs, flatten deep nesting, or split the file." },
  "internal-error": { severity: "error", title: "A bug in Career Atlas", hint: "Report it with the file that caused it." },

  // Reading a guide's parts
  "unplaced-section": { severity: "warning", title: "Text that matches no known part", hint: "Rename the heading to a known part to place it; it is kept and shown as written." },
  "unplaced-media": { severity: "info", title: "Markup that is not content", hint: "Nothing to do: generator markup (shortcodes, admonitions, comments) is kept unplaced." },
  "generator-markup": { severity: "info", title: "A site generator's markup in a guide", hint: "Nothing to do: shortcodes, admonition fences and Liquid tags are kept as written, unplaced." },
  "heading-typo": { severity: "warning", title: "A heading close to a known name", hint: "Correct the spelling of the heading." },
  "no-role": { severity: "info", title: "No role in the document", hint: "Nothing to do for a document that is not a role guide." },
  "levels-unread": { severity: "warning", title: "A levels section that gives no level", hint: 'Give a heading per level ("### Junior (0-2 years)") or a table of levels; the text is kept as written.' },
  "plan-unread": { severity: "warning", title: "A section among the plans that is no plan", hint: 'Name where the plan starts or how long it lasts ("### From Teacher (6-month plan)"), then its phases ("**Months 1-3**: …").' },
  "no-role-content": { severity: "error", title: "A guide with no part of a role", hint: "Add an overview, skills, levels, a ladder or a plan under known headings." },
  "title-from-filename": { severity: "warning", title: "A title taken from the file name", hint: 'Start the guide with a "# Role Title" heading.' },
  "role-title": { severity: "error", title: "An empty role title", hint: 'Give the "# Role Title" heading words.' },
  "name-without-slug": { severity: "error", title: "A name with no letter or digit", hint: "Give the role, level or plan a name with a letter or digit." },
  "skill-without-slug": { severity: "warning", title: "A skill with no letter or digit", hint: "Name the skill in words; it is left out meanwhile." },
  "level-name-unique": { severity: "error", title: "Two levels with one name", hint: "Give each level of a role a distinct name." },
  "level-years-range": { severity: "error", title: "Years of experience that end before they start", hint: 'Write the range lowest first, as in "2-4 years".' },
  "level-years-mismatch": { severity: "warning", title: "Years given twice, differently", hint: "Make the level's heading and its experience field agree." },
  "hours-range": { severity: "error", title: "Hours a week that end before they start", hint: 'Write the range lowest first, as in "10-15 hours a week".' },
  "phase-range": { severity: "error", title: "A phase that ends before it starts", hint: 'Write the range lowest first, as in "Months 1-3".' },
  "plan-phase-gap": { severity: "warning", title: "A gap between a plan's phases", hint: "Make each phase start where the one before ends." },
  "plan-phase-overlap": { severity: "warning", title: "A plan's phases that overlap", hint: "Make each phase start after the one before ends." },
  "plan-phase-outside": { severity: "warning", title: "A phase beyond the plan's length", hint: "Make the plan's length and its phases agree." },
  "plan-months-inferred": { severity: "info", title: "A plan's length taken from its phases", hint: 'Nothing to do; write it in the heading ("6-month plan") to state it.' },
  "model-invalid": { severity: "error", title: "A value the model cannot hold", hint: "Shorten or correct the value the message names." },

  // Across files
  "slug-collision": { severity: "error", title: "Two titles with one page address", hint: "Rename one of the roles." },
  "transition-duplicate": { severity: "error", title: "The same plan given twice", hint: "Keep the plan in one guide." },
  "transition-from-unknown": { severity: "info", title: "A plan from a role no guide describes", hint: "Add a guide for that role to show the skills a reader already has." },
  "alias-merged": { severity: "info", title: "Two spellings of one role merged", hint: "Nothing to do; use one spelling to silence this." },
  "near-duplicate-title": { severity: "warning", title: "Two role titles close but not merged", hint: "Use one title for one role, or add an alias in the site's configuration." },
  "site-too-large": { severity: "error", title: "A site larger than the limits", hint: "Split the guide, or raise the limit." },

  // The site's configuration
  "config-not-found": { severity: "error", title: "No configuration file where --config points", hint: "Check the path given to --config." },
  "config-syntax": { severity: "error", title: "A configuration file that is not YAML or JSON", hint: "Fix the syntax at the line shown." },
  "config-invalid": { severity: "error", title: "A configuration value of the wrong kind", hint: "See the Configuration section of the README for the keys and their values." },
  "config-unknown-key": { severity: "error", title: "A configuration key Career Atlas does not know", hint: "Check the key's spelling against the Configuration section of the README." },
  "config-logo-missing": { severity: "error", title: "A logo file that does not exist", hint: "Check the logo's path, relative to the configuration file." },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** Whether `id` is a rule of the registry. */
export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}
