/**
 * Limits that keep the load of hostile input bounded, checked by `load.ts` between the stages. The
 * markdown parser (micromark) is linear on ordinary text, but not on everything: lists or quotes
 * nested thousands deep cost time by the square of the depth and then overflow the stack of every
 * recursive step after it, and a paragraph made of tens of thousands of brackets and emphasis marks
 * ("[[[[…", "*[a*](b)" over and over) costs time by the square of their number. After extraction, a
 * file may not ask for more of the site than a guide could: every distinct skill is a page, every
 * plan is a page, and a skill's page shows each requirement that names it, so one line naming
 * 100,000 skills would make 100,000 pages (gigabytes). No role guide comes near these limits; a file
 * beyond them gets one `input-too-complex` error at the line where it goes too far, and is not read
 * further.
 */
import type { Root } from "mdast";
import type { Position } from "unist";
import type { VFile } from "vfile";
import { report } from "./model/diagnostics.ts";
import { positionOf, type RawRole } from "./model/raw-role.ts";

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

const rule = "input-too-complex";

/**
 * Checks the text before it is parsed: nesting on each line and marks in each paragraph. Linear time.
 * @param text the decoded text
 * @param file receives an `input-too-complex` error when a limit is passed
 * @returns whether the text may be parsed
 */
export function checkBeforeParse(text: string, file: VFile): boolean {
  let line = 1;
  let runStart = 1;
  let runMarks = 0;
  let work = 0;
  const tooMany = (): boolean => {
    report(
      file,
      "error",
      rule,
      runMarks > MAX_MARKS
        ? `The paragraph from line ${runStart} holds more than ${MAX_MARKS.toLocaleString("en")} emphasis and link marks (*, _, ~, [, ]) by line ${line}; the parser takes time by the square of their number. Split the paragraph with blank lines or remove the marks.`
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
    if (depth > MAX_NESTING) {
      report(
        file,
        "error",
        rule,
        `Line ${line} nests about ${depth} lists or block quotes (counting markers and 2 columns of indentation as one level); at most ${MAX_NESTING} are read, since each level costs the parser time on every line after it. Flatten the list.`,
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
      if (work > MAX_MARK_WORK) return tooMany();
      runMarks = 0;
      runStart = line;
    }
    runMarks += marks;
    if (runMarks > MAX_MARKS) return tooMany();
    if (blank || newline < 0) {
      // The paragraph ends: its cost is the square of its marks.
      work += runMarks * runMarks;
      if (work > MAX_MARK_WORK) return tooMany();
      runMarks = 0;
      runStart = line + 1;
    }
    if (newline < 0) break;
    at = newline + 1;
    line++;
  }
  return true;
}

/**
 * Whether a line surely ends the paragraph before it, wherever it stands: an ATX heading or a list
 * item with text ("- ", "* ", "+ ", "1. ", "1) "), after at most 3 spaces and any quote markers.
 * (Indented 4 or more, the same line may continue a paragraph, so it does not count.)
 */
function startsBlock(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 0x20) i++;
  while (i < end && text.charCodeAt(i) === 0x3e) {
    i++;
    if (text.charCodeAt(i) === 0x20) i++;
  }
  const code = text.charCodeAt(i);
  let next = i + 1;
  if (code === 0x23) {
    while (next < end && next - i < 6 && text.charCodeAt(next) === 0x23) next++;
  } else if (code === 0x31 && (text.charCodeAt(i + 1) === 0x2e || text.charCodeAt(i + 1) === 0x29)) {
    next = i + 2;
  } else if (code !== 0x2d && code !== 0x2a && code !== 0x2b) {
    return false;
  }
  const after = text.charCodeAt(next);
  if (after !== 0x20 && after !== 0x09) return false;
  for (let k = next + 1; k < end; k++) if (text.charCodeAt(k) !== 0x20 && text.charCodeAt(k) !== 0x09) return true;
  return false;
}

/**
 * How deeply a line nests: its list and quote markers (`-`, `*`, `+`, `1.`, `1)`, `>`) from the
 * start of the line, plus its leading indentation in steps of 2 columns (a nested item's indent).
 */
function nestingOf(text: string, start: number, end: number): number {
  let i = start;
  let columns = 0;
  while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) {
    columns += text.charCodeAt(i) === 0x09 ? 4 - (columns % 4) : 1;
    i++;
  }
  let markers = 0;
  while (i < end) {
    const code = text.charCodeAt(i);
    let next = i;
    if (code === 0x3e) next = i + 1; // >
    else if (code === 0x2d || code === 0x2a || code === 0x2b) next = i + 1; // - * +
    else if (code >= 0x30 && code <= 0x39) {
      let digits = i;
      while (digits < end && digits - i < 9 && text.charCodeAt(digits) >= 0x30 && text.charCodeAt(digits) <= 0x39) digits++;
      const close = text.charCodeAt(digits);
      if (close !== 0x2e && close !== 0x29) break; // . )
      next = digits + 1;
    } else break;
    const after = text.charCodeAt(next);
    // A marker is followed by a space, a tab or the end of the line; ">" needs neither.
    if (code !== 0x3e && next < end && after !== 0x20 && after !== 0x09) break;
    markers++;
    i = next;
    while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  }
  return markers + Math.floor(columns / 2);
}

/**
 * Checks the parsed tree's depth, and that of the HTML it holds (which the extractors parse into a
 * tree of its own): iteratively, so any depth is fine here.
 * @param tree the parsed document
 * @param file receives an `input-too-complex` error at the first node too deep
 * @returns whether the tree may be read
 */
export function checkAfterParse(tree: Root, file: VFile): boolean {
  type Node = { type?: string; value?: unknown; children?: unknown[]; position?: Root["position"] };
  const tooDeep = (what: string, node: Node): boolean => {
    report(
      file,
      "error",
      rule,
      `The ${what} here is nested more than ${MAX_DEPTH} levels deep; expected at most ${MAX_DEPTH}, since every step that reads it goes one level down at a time. Flatten it.`,
      node.position?.start ?? { line: 1, column: 1 },
    );
    return false;
  };
  const pending: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (depth > MAX_DEPTH) return tooDeep("text (lists, quotes, emphasis or links inside each other)", node);
    if (!Array.isArray(node.children)) continue;
    // Adjacent HTML nodes are read as one fragment: their open elements add up.
    let html = 0;
    for (const child of node.children as Node[]) {
      if (child.type === "html" && typeof child.value === "string") {
        html = htmlNesting(child.value, html);
        if (html > MAX_DEPTH) return tooDeep("HTML", child);
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
function htmlNesting(html: string, depth: number): number {
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
        if (depth > MAX_DEPTH) return depth;
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
export function checkAfterExtract(raws: readonly RawRole[], file: VFile): boolean {
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
  if (raws.length > MAX_ROLES) return over("roles", MAX_ROLES, raws[MAX_ROLES]!.position);
  const skills = new Set<string>();
  let names = 0;
  let plans = 0;
  for (const raw of raws) {
    const long = longName(raw);
    if (long) {
      report(
        file,
        "error",
        rule,
        `${long.what} is ${long.length.toLocaleString("en")} characters long; at most ${MAX_NAME_LENGTH.toLocaleString("en")} are read, since it is shown on other pages than its own. Shorten it.`,
        positionOf(raw, long.path),
      );
      return false;
    }
    const { title, skills: roleSkills = [], levels = [], transitions = [] } = raw.data;
    if (levels.length > MAX_LEVELS) return over(`levels in role "${title}"`, MAX_LEVELS, positionOf(raw, ["levels", MAX_LEVELS]));
    if (plans + transitions.length > MAX_PLANS) return over("transition plans", MAX_PLANS, positionOf(raw, ["transitions", MAX_PLANS - plans]));
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
      if (names > MAX_SKILL_NAMES) return over("skill names", MAX_SKILL_NAMES, positionOf(raw, path));
      if (skills.size > MAX_SKILLS) return over("distinct skills", MAX_SKILLS, positionOf(raw, path));
    }
  }
  return true;
}

/** The first title or name of `raw` over `MAX_NAME_LENGTH` characters, or null. */
function longName(raw: RawRole): { what: string; length: number; path: (string | number)[] } | null {
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
  const found = names.find((n) => (n.text?.length ?? 0) > MAX_NAME_LENGTH);
  return found ? { what: found.what, length: found.text!.length, path: found.path } : null;
}
