/**
 * Limits that keep the load of hostile input bounded, checked by `load.ts` between the stages. The
 * markdown parser (micromark) is linear on ordinary text, but not on everything: lists or quotes
 * nested thousands deep cost time by the square of the depth and then overflow the stack of every
 * recursive step after it, and a paragraph made of tens of thousands of brackets and emphasis marks
 * ("[[[[…", "*[a*](b)" over and over) costs time by the square of their number. After extraction, a
 * file may not ask for more of the site than a guide could: every distinct skill is a page, every
 * plan is a page, and a skill's page shows each requirement that names it, so one line naming
 * 100,000 skills would make 100,000 pages (gigabytes). Other shapes cost micromark time by the
 * square of the lines before them (setext underlines, containers closed inside others, lazy lines:
 * see `src/parse/scan.ts`); `parseGuard` charges each text the parser is given for them. No role
 * guide comes near these limits; a file beyond them gets one `input-too-complex` error at the line
 * where it goes too far, and is not read further. Every value is in `DEFAULT_LIMITS`; each check
 * takes other `Limits`, so that tests prove a limit on a small input.
 */
import type { Root } from "mdast";
import type { Position } from "unist";
import type { VFile } from "vfile";
import { z } from "zod";
import { report } from "./model/diagnostics.ts";
import { positionOf, type RawRole } from "./model/raw-role.ts";
import type { ParseGuard } from "./parse/index.ts";
import { nestingOf, scanBlockWork, startsBlock, type BlockWork } from "./parse/scan.ts";

/** Most containers (list items, block quotes) one line may open, counting 2 columns of indentation as one. */
export const MAX_NESTING = 100;
/**
 * Most emphasis and link marks (`*`, `_`, `~`, `[`, `]`) one paragraph may hold: a run of lines
 * between blank lines, headings and list items.
 */
export const MAX_MARKS = 10_000;
/** Most marks the whole file may hold, summed by paragraph as the square of each paragraph's count. */
export const MAX_MARK_WORK = 100_000_000;
/** The deepest the syntax tree may be, so that every recursive step after the parse has stack to spare. */
export const MAX_DEPTH = 400;
/** Most roles one file may describe. */
export const MAX_ROLES = 100;
/** Most distinct skills one file may name (each is a page of the site). */
export const MAX_SKILLS = 1_000;
/** Most skill names one file may give in all (each puts its requirement on a skill's page). */
export const MAX_SKILL_NAMES = 100_000;
/** Most levels one role may have (the level comparison is a table of skills by levels). */
export const MAX_LEVELS = 200;
/** Most transition plans one file may give (each is a page of the site). */
export const MAX_PLANS = 200;
/** Most characters of a title or name (role, skill, category, level, plan, phase): each is shown on other pages than its own. */
export const MAX_NAME_LENGTH = 2_000;

/**
 * Every limit, by name: `DEFAULT_LIMITS` is what a build uses; tests (and later a site's own
 * configuration) pass lower ones, so that a limit is proven on a small input.
 */
export const Limits = z.object({
  /** See `MAX_NESTING`. */
  nesting: z.number().int().positive(),
  /** See `MAX_MARKS`. */
  marks: z.number().int().positive(),
  /** See `MAX_MARK_WORK`. */
  markWork: z.number().int().positive(),
  /**
   * Most units of the parser's work by the square of the text (setext underlines, containers
   * closed inside others, lazy lines: see `src/parse/scan.ts`) one file may cost: 5 million is
   * about a second here; the largest guide of the corpus costs 41,000.
   */
  blockWork: z.number().int().positive(),
  /** See `MAX_DEPTH`. */
  depth: z.number().int().positive(),
  /** See `MAX_ROLES`. */
  roles: z.number().int().positive(),
  /** See `MAX_SKILLS`. */
  skills: z.number().int().positive(),
  /** See `MAX_SKILL_NAMES`. */
  skillNames: z.number().int().positive(),
  /** See `MAX_LEVELS`. */
  levels: z.number().int().positive(),
  /** Most levels one file may give in all roles together (100 roles of 200 levels would be 20,000 level comparisons' worth). */
  fileLevels: z.number().int().positive(),
  /** See `MAX_PLANS`. */
  plans: z.number().int().positive(),
  /** See `MAX_NAME_LENGTH`. */
  nameLength: z.number().int().positive(),
  /** Most cells one role's level comparison may hold: its rows (skills and requirements) times its levels (see `src/catalog/budget.ts`). */
  comparisonCells: z.number().int().positive(),
  /** Most items the whole site may show: comparison cells, requirements as listed on role, level and skill pages, plan topics (see `src/catalog/budget.ts`). */
  siteItems: z.number().int().positive(),
});
export type Limits = z.infer<typeof Limits>;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  nesting: MAX_NESTING,
  marks: MAX_MARKS,
  markWork: MAX_MARK_WORK,
  blockWork: 5_000_000,
  depth: MAX_DEPTH,
  roles: MAX_ROLES,
  skills: MAX_SKILLS,
  skillNames: MAX_SKILL_NAMES,
  levels: MAX_LEVELS,
  fileLevels: 1_000,
  plans: MAX_PLANS,
  nameLength: MAX_NAME_LENGTH,
  comparisonCells: 50_000,
  siteItems: 500_000,
});

const rule = "input-too-complex";

/**
 * Checks the text before it is parsed: nesting on each line and marks in each paragraph. Linear time.
 * @param text the decoded text
 * @param file receives an `input-too-complex` error when a limit is passed
 * @returns whether the text may be parsed
 */
export function checkBeforeParse(text: string, file: VFile, limits: Limits = DEFAULT_LIMITS): boolean {
  let line = 1;
  let runStart = 1;
  let runMarks = 0;
  let work = 0;
  const tooMany = (): boolean => {
    report(
      file,
      "error",
      rule,
      runMarks > limits.marks
        ? `The paragraph from line ${runStart} holds more than ${limits.marks.toLocaleString("en")} emphasis and link marks (*, _, ~, [, ]) by line ${line}; the parser takes time by the square of their number. Split the paragraph with blank lines or remove the marks.`
        : `The file holds more emphasis and link marks (*, _, ~, [, ]) in long paragraphs than can be read in reasonable time (the parser takes time by the square of their number in a paragraph), past the limit at the paragraph ending on line ${line}. Split the paragraphs with blank lines or remove the marks.`,
      { line, column: 1 },
    );
    return false;
  };
  let at = 0;
  while (at <= text.length) {
    const newline = text.indexOf("\n", at);
    const end = newline < 0 ? text.length : newline;
    const depth = nestingOf(text, at, end);
    if (depth > limits.nesting) {
      report(
        file,
        "error",
        rule,
        `Line ${line} nests about ${depth} lists or block quotes (counting markers and 2 columns of indentation as one level); at most ${limits.nesting} are read, since each level costs the parser time on every line after it. Flatten the list.`,
        { line, column: 1 },
      );
      return false;
    }
    let marks = 0;
    let blank = true;
    for (let i = at; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x2a || code === 0x5f || code === 0x7e || code === 0x5b || code === 0x5d) marks++;
      if (code !== 0x20 && code !== 0x09) blank = false;
    }
    if (!blank && startsBlock(text, at, end)) {
      // A heading or a list item starts text of its own: the paragraph before it ends.
      work += runMarks * runMarks;
      if (work > limits.markWork) return tooMany();
      runMarks = 0;
      runStart = line;
    }
    runMarks += marks;
    if (runMarks > limits.marks) return tooMany();
    if (blank || newline < 0) {
      // The paragraph ends: its cost is the square of its marks.
      work += runMarks * runMarks;
      if (work > limits.markWork) return tooMany();
      runMarks = 0;
      runStart = line + 1;
    }
    if (newline < 0) break;
    at = newline + 1;
    line++;
  }
  return true;
}

const WHAT: Record<BlockWork["kind"], string> = {
  setext: "setext heading underlines (a line of = or - right under a line of text)",
  close: "lists or block quotes closed inside others (a blank line after a quote, or a new list item after a nested list or quote)",
  lazy: "lazy lines (lines that continue a quoted or listed paragraph without its > or indentation)",
};

const FIX: Record<BlockWork["kind"], string> = {
  setext: 'Write headings with "#", and put a blank line between text and a "---" meant as a rule',
  close: "Flatten the nested lists and quotes, or merge the quotes",
  lazy: 'Start each line of a quote with ">" and indent each line of a list item, or add blank lines',
};

/**
 * A guard for `parseMarkdown` that refuses a text whose parse would cost time by the square of its
 * size (see `src/parse/scan.ts`), with an `input-too-complex` error at the line where the file's
 * work passes `limits.blockWork`. The work of every text it is shown adds up: one budget per file.
 */
export function parseGuard(file: VFile, limits: Limits = DEFAULT_LIMITS): ParseGuard {
  let spent = 0;
  return (text, linesBefore) => {
    const { work, over } = scanBlockWork(text, limits.blockWork - spent);
    spent += work;
    if (!over) return true;
    const line = linesBefore + over.line;
    const counts = [`${over.setext} setext underlines`, `${over.closes} nested closes`, `${over.lazy} lazy lines`].join(", ");
    report(
      file,
      "error",
      rule,
      `By line ${line} the file holds too many ${WHAT[over.kind]} (${counts}); the parser takes time by the square of their number, each costing time for every line before it, so the file is not read. ${FIX[over.kind]}, or split the file.`,
      { line, column: 1 },
    );
    return false;
  };
}

/**
 * Checks the parsed tree's depth, and that of the HTML it holds (which the extractors parse into a
 * tree of its own): iteratively, so any depth is fine here.
 * @param tree the parsed document
 * @param file receives an `input-too-complex` error at the first node too deep
 * @returns whether the tree may be read
 */
export function checkAfterParse(tree: Root, file: VFile, limits: Limits = DEFAULT_LIMITS): boolean {
  type Node = { type?: string; value?: unknown; children?: unknown[]; position?: Root["position"] };
  const tooDeep = (what: string, node: Node): boolean => {
    report(
      file,
      "error",
      rule,
      `The ${what} here is nested more than ${limits.depth} levels deep; expected at most ${limits.depth}, since every step that reads it goes one level down at a time. Flatten it.`,
      node.position?.start ?? { line: 1, column: 1 },
    );
    return false;
  };
  const pending: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (depth > limits.depth) return tooDeep("text (lists, quotes, emphasis or links inside each other)", node);
    if (!Array.isArray(node.children)) continue;
    // Adjacent HTML nodes are read as one fragment: their open elements add up.
    let html = 0;
    for (const child of node.children as Node[]) {
      if (child.type === "html" && typeof child.value === "string") {
        html = htmlNesting(child.value, html, limits.depth);
        if (html > limits.depth) return tooDeep("HTML", child);
      } else html = 0;
      pending.push({ node: child, depth: depth + 1 });
    }
  }
  return true;
}

// Elements that nest nothing (void) or close by themselves when a sibling opens (optional end tags):
// they do not deepen the tree an HTML parser builds.
const FLAT_ELEMENTS = new Set(
  "area base br col embed hr img input link meta source track wbr param keygen p li dt dd rt rp optgroup option colgroup caption thead tbody tfoot tr td th html head body".split(" "),
);

/**
 * How deeply the elements of an HTML string nest once it ends, starting from `depth`: the greatest
 * depth reached if it passes the limit, else the depth at the end. Linear: each tag is read once.
 */
function htmlNesting(html: string, depth: number, max: number): number {
  let at = html.indexOf("<");
  while (at >= 0) {
    let i = at + 1;
    const closing = html.charCodeAt(i) === 0x2f;
    if (closing) i++;
    const nameStart = i;
    while (i < html.length && /[A-Za-z0-9-]/.test(html[i]!)) i++;
    if (i > nameStart && /[A-Za-z]/.test(html[nameStart]!)) {
      const end = html.indexOf(">", i);
      if (end < 0) break; // no tag can end after this
      const name = html.slice(nameStart, i).toLowerCase();
      if (!FLAT_ELEMENTS.has(name)) {
        if (closing) depth = Math.max(0, depth - 1);
        else if (html.charCodeAt(end - 1) !== 0x2f) depth++;
        if (depth > max) return depth;
      }
      at = html.indexOf("<", end + 1);
    } else at = html.indexOf("<", at + 1);
  }
  return depth;
}

/**
 * Checks what a file asks of the site once extracted: roles, distinct skills, skill names, levels,
 * plans (see the limits above).
 * @param raws the roles the file describes
 * @param file receives an `input-too-complex` error at the first thing over a limit
 * @returns whether the roles may be validated and built
 */
export function checkAfterExtract(raws: readonly RawRole[], file: VFile, limits: Limits = DEFAULT_LIMITS): boolean {
  const over = (what: string, limit: number, place: Position): boolean => {
    report(
      file,
      "error",
      rule,
      `The file gives more than ${limit.toLocaleString("en")} ${what}; at most ${limit.toLocaleString("en")} are read, since each makes pages of the site. Split the file or shorten the lists.`,
      place,
    );
    return false;
  };
  if (raws.length > limits.roles) return over("roles", limits.roles, raws[limits.roles]!.position);
  const skills = new Set<string>();
  let names = 0;
  let plans = 0;
  let fileLevels = 0;
  for (const raw of raws) {
    const long = longName(raw, limits.nameLength);
    if (long) {
      report(
        file,
        "error",
        rule,
        `${long.what} is ${long.length.toLocaleString("en")} characters long; at most ${limits.nameLength.toLocaleString("en")} are read, since it is shown on other pages than its own. Shorten it.`,
        positionOf(raw, long.path),
      );
      return false;
    }
    const { title, skills: roleSkills = [], levels = [], transitions = [] } = raw.data;
    if (levels.length > limits.levels) return over(`levels in role "${title}"`, limits.levels, positionOf(raw, ["levels", limits.levels]));
    if (fileLevels + levels.length > limits.fileLevels) return over("levels in all its roles", limits.fileLevels, positionOf(raw, ["levels", limits.fileLevels - fileLevels]));
    fileLevels += levels.length;
    if (plans + transitions.length > limits.plans) return over("transition plans", limits.plans, positionOf(raw, ["transitions", limits.plans - plans]));
    plans += transitions.length;
    const named: { slug: string; path: (string | number)[] }[] = [];
    roleSkills.forEach((skill, i) => named.push({ slug: skill.slug, path: ["skills", i] }));
    levels.forEach((level, i) =>
      (level.requirements ?? []).forEach((requirement, j) =>
        requirement.skills.forEach((skill) => named.push({ slug: skill.slug, path: ["levels", i, "requirements", j] })),
      ),
    );
    transitions.forEach((plan, i) => (plan.keySkills ?? []).forEach((skill) => named.push({ slug: skill.slug, path: ["transitions", i] })));
    for (const { slug, path } of named) {
      names++;
      skills.add(slug);
      if (names > limits.skillNames) return over("skill names", limits.skillNames, positionOf(raw, path));
      if (skills.size > limits.skills) return over("distinct skills", limits.skills, positionOf(raw, path));
    }
  }
  return true;
}

/** The first title or name of `raw` over `max` characters, or null. */
function longName(raw: RawRole, max: number): { what: string; length: number; path: (string | number)[] } | null {
  const { title, skills = [], levels = [], transitions = [] } = raw.data;
  const names: { what: string; text: string | null | undefined; path: (string | number)[] }[] = [{ what: "The role's title", text: title, path: ["title"] }];
  skills.forEach((skill, i) => names.push({ what: "A skill's name", text: skill.name, path: ["skills", i] }, { what: "A skill category", text: skill.category, path: ["skills", i] }));
  levels.forEach((level, i) => {
    names.push({ what: "A level's name", text: level.name, path: ["levels", i] });
    (level.requirements ?? []).forEach((requirement, j) =>
      requirement.skills.forEach((skill) => names.push({ what: "A skill's name", text: skill.name, path: ["levels", i, "requirements", j] })),
    );
  });
  transitions.forEach((plan, i) => {
    names.push({ what: "The role a plan starts from", text: plan.from, path: ["transitions", i] });
    (plan.phases ?? []).forEach((phase, k) => names.push({ what: "A phase's title", text: phase.title, path: ["transitions", i, "phases", k] }));
    (plan.keySkills ?? []).forEach((skill) => names.push({ what: "A skill's name", text: skill.name, path: ["transitions", i] }));
  });
  const found = names.find((n) => (n.text?.length ?? 0) > max);
  return found ? { what: found.what, length: found.text!.length, path: found.path } : null;
}
