/**
 * What the prose of a role described in prose only (a page of jobs, one paragraph or two each)
 * names, where no list or Skills section does: the skills listed after a lead-in ("frameworks such
 * as React, Vue or Angular", "des langages comme C#, Java, C++ etc.", "expert en statistiques et
 * mathématiques"), and the sentences that state a duty ("Sa mission principale est de…", "She is
 * responsible for…"). The prose itself stays the role's summary; these are read from it, not moved.
 */
import { toString } from "mdast-util-to-string";
import { Out, type Result } from "./out.ts";
import type { HeadingSection } from "./sections.ts";
import { addSkill, GENERAL } from "./values.ts";

/** Lead-ins followed by names of tools, languages or products, written as names ("such as HTML, CSS", "the languages Java and XML"). */
const NAMES_LEAD = "languages|langages|lenguajes|linguagens|such as|like|including|e\\.g\\.|tels? que|telles? que|comme|notamment|tales como|como|wie|z\\. ?b\\.";

/** Lead-ins followed by fields of skill, written in lower case too ("skills in testing, design"). */
const SKILLS_LEAD =
  "(?:skills?|expertise|experience|knowledge|proficiency|proficient|expert) (?:in|with|of)|(?:compétences|connaissances|experte?) en|(?:habilidades|conhecimentos?|conocimientos?) (?:en|em|de)";

const LEAD = new RegExp(`(?<![\\p{L}\\p{N}])(?:(${NAMES_LEAD})|(${SKILLS_LEAD})) `, "giu");

/** Words that join the last name of a list ("HTML, CSS et Javascript", "Python ou encore Java"). */
const JOIN = /,\s*|\s+(?:ou encore|et aussi|as well as|and|or|et|ou|y|o|e|und|oder)\s+/iu;

/** Where a list ends: a sentence end, a bracket, a colon. */
const LIST_END = /[.;:!?()（）]\s|[.;:!?]$|[()（）]/u;

/** Words that open a phrase, not a name: "comme un être humain", "like a charm", "expert en la matière". */
const DETERMINERS = new Set([
  "the", "a", "an", "to", "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "son", "sa", "ses", "leur",
  "el", "los", "las", "o", "os", "um", "uma", "der", "die", "das", "ein", "eine",
]);

/** A name of a list is at most this many words: a longer one is a phrase. */
const MAX_WORDS = 3;

/** A list after a lead-in is read within this many characters: a longer run is prose. */
const MAX_LIST_LENGTH = 300;

/** "etc.", "etc...", "…" after the last name. */
function withoutEtc(text: string): string {
  return text.replace(/\s*(?:\betc\b\.*|…|\.\.\.)\s*$/iu, "").trim();
}

function isItem(text: string, asName: boolean): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  if (DETERMINERS.has(words[0]!.toLowerCase().replace(/['’]$/, ""))) return false;
  // A name is written as one: a capital or a digit first ("HTML", "ReactJs", "3D"), or one word with a sign ("c#", ".NET").
  return !asName || /^[\p{Lu}\p{N}.]/u.test(text) || (words.length === 1 && /[#+]/u.test(text));
}

/**
 * The names listed after one lead-in: the items up to the list's end, as far as each reads as a
 * name (a sentence that goes on after "et" stops the list there).
 */
function listAfter(text: string, asName: boolean): string[] {
  const end = LIST_END.exec(text);
  const items = (end ? text.slice(0, end.index) : text).split(JOIN).map((item) => withoutEtc(item.trim()));
  const names: string[] = [];
  for (const item of items) {
    if (!isItem(item, asName)) break;
    names.push(item);
  }
  return names;
}

/**
 * Words by which a sentence states a duty of the job: its mission, what it is in charge of or
 * responsible for or takes part in, what its role or work consists of, its tasks.
 */
const DUTY = new RegExp(
  [
    "responsible for", "in charge of", "tasked with", "charged with", "(?:role|job|mission) is to", "duties", "consists? (?:of|in)",
    "takes? part in", "participates? in", "contributes? to",
    "missions?", "en charge d", "à la charge d", "chargée? de", "consiste(?:nt)? à", "rôle d", "tâches", "s[’']occupe d", "participe à",
    "responsable de", "encargad[oa] de", "responsável por", "encarregad[oa] de", "misión", "missão", "consiste e[nm]", "participa (?:en|de)",
    "verantwortlich für", "zuständig für", "aufgaben?",
  ].join("|"),
  "iu",
);

/** A sentence ends at ".", "!" or "?" before a capital (or the end). */
const SENTENCE_END = /(?<=[.!?…])\s+(?=[\p{Lu}\p{N}"“«(])/u;

/**
 * The skills the paragraphs of `section` name after a lead-in, under "General", and the
 * sentences of them that state a duty, each a responsibility as written.
 * @param section a section whose paragraphs are the role's prose
 */
export function readProse(section: HeadingSection): Result {
  const out = new Out();
  for (const block of section.blocks) {
    if (block.type !== "paragraph" || !block.position) continue;
    const text = toString(block).replace(/\s+/g, " ").trim();
    for (const match of text.matchAll(LEAD)) {
      const start = match.index + match[0].length;
      const names = listAfter(text.slice(start, start + MAX_LIST_LENGTH), match[1] !== undefined);
      for (const name of names) addSkill({ name, detail: null }, GENERAL, block.position, out);
    }
    for (const sentence of text.split(SENTENCE_END)) {
      if (DUTY.test(sentence)) out.add({ kind: "responsibility", text: sentence, position: block.position });
    }
  }
  return out.result();
}
