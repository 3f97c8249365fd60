/**
 * The one table of known section names and labels, and the normalisation that matches
 * authors' headings against it: "## 🚀 Career Growth Path:", "3. **Growth paths**" and
 * "career growth" all name the same part.
 */

/** The parts of a role guide that an extractor knows how to read. */
export type Concept =
  | "overview"
  | "responsibilities"
  | "skills"
  | "background"
  | "progression"
  | "alternatives"
  | "levels"
  | "growth"
  | "transitions"
  | "keySkills"
  | "hours"
  | "duration"
  | "mustHave"
  | "goodToHave";

/** Known names per part, written as authors write them; matching normalises both sides. */
const KNOWN: Record<Concept, readonly string[]> = {
  overview: ["overview", "role overview", "summary", "about", "about the role", "introduction", "description", "role description", "role summary", "what is this role"],
  responsibilities: ["responsibilities", "core responsibilities", "key responsibilities", "main responsibilities", "responsibility", "duties", "what you will do", "day to day"],
  skills: ["required skills", "skills", "core skills", "skill requirements", "skills required", "competencies", "technical skills"],
  background: ["typical background", "background", "education", "education and background", "qualifications"],
  progression: ["career progression", "career path", "career ladder", "ladder", "progression", "career progression path"],
  alternatives: ["alternative paths", "alternative careers", "alternatives", "related roles", "lateral moves"],
  levels: ["experience levels", "levels", "career levels", "tech stack requirements by experience level", "requirements by experience level", "requirements by level", "skills by level"],
  growth: ["career growth path", "growth path", "career growth", "growth", "growth paths"],
  transitions: ["transition paths", "transitions", "transition plans", "career transitions", "switching careers", "how to transition", "moving into this role"],
  keySkills: ["key skills", "focus skills"],
  hours: ["time commitment", "weekly commitment", "hours", "hours per week", "time"],
  duration: ["duration", "timeline", "length"],
  mustHave: ["must have", "must haves", "required", "requirements", "essential"],
  goodToHave: ["good to have", "nice to have", "nice to haves", "optional", "preferred", "bonus"],
};

/** Emoji, pictographs, variation selectors and joiners: decoration in headings, not words. */
const DECORATION = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{FE0E}\u{200D}\u{20E3}\u{E0020}-\u{E007F}]/gu;

/** Heading text without decoration: emoji, numbering ("1.", "14)", "IV."), markdown emphasis marks and a trailing colon. */
export function cleanHeading(text: string): string {
  return text
    .replace(DECORATION, " ")
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[IVX]+\.)\s+/, "")
    .replace(/[*_`]+/g, "")
    .replace(/\s*[:：]\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** The matching key of a heading or label: cleaned, lower-cased, words singular, punctuation as spaces. */
export function normalizeName(text: string): string {
  return cleanHeading(text)
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .map(singular)
    .join(" ");
}

const TABLE = new Map<string, Concept>();
for (const [concept, names] of Object.entries(KNOWN) as [Concept, readonly string[]][]) {
  for (const name of names) TABLE.set(normalizeName(name), concept);
}

/**
 * The concept a heading or label names, or null.
 * @param text the heading or label as written
 * @param allowed when given, only these concepts count (a "Key Skills" label inside a plan is not the role's skills)
 */
export function conceptOf(text: string, allowed?: readonly Concept[]): Concept | null {
  const concept = TABLE.get(normalizeName(text)) ?? null;
  if (concept && allowed && !allowed.includes(concept)) return null;
  return concept;
}

/** Every word of the table, normalised: structure the extractors consume rather than keep as text. */
export const STRUCTURAL_WORDS: ReadonlySet<string> = new Set([...TABLE.keys()].flatMap((key) => key.split(" ")));
