/** Arrow chains: "Junior → Mid → Senior", "A -> B", "A ⇒ B"; the separators of ladders and steps. */
const ARROW = /→|->|⇒|=>|➔|➜|⟶|⇨|⟹/u;
const ARROWS = /→|->|⇒|=>|➔|➜|⟶|⇨|⟹/gu;

/** A title in a chain is short: a sentence with an arrow in it ("Study X → apply it") is no ladder. */
const MAX_TITLE_WORDS = 8;
const MAX_TITLE_LENGTH = 80;

export function hasArrow(text: string): boolean {
  return ARROW.test(text);
}

/** Small words and role nouns a title may write in lower case ("Head of Data", "Chef de projet", "junior engineer"). */
const SMALL = new Set(["of", "and", "or", "the", "a", "an", "to", "for", "in", "de", "da", "do", "des", "du", "la", "le", "y", "e", "für", "und", "level", "years", "year", "yrs", "engineer", "developer", "manager"]);

/**
 * Whether a part of a chain reads as a title, not as a piece of a sentence: no sentence
 * punctuation at its ends, brackets balanced, and at most one lower-case word that is no small
 * word ("Configure security groups so EKS" is prose; "Senior ML Engineer", "데이터 분석가" are titles).
 */
function isTitleLike(part: string): boolean {
  if (/^[,;:.!?(]|[,;.!?]$/u.test(part)) return false;
  if ((part.match(/[(（]/gu)?.length ?? 0) !== (part.match(/[)）]/gu)?.length ?? 0)) return false;
  const lower = part.split(" ").filter((w) => /^\p{Ll}/u.test(w) && !SMALL.has(w.replace(/[^\p{L}]/gu, "")));
  return lower.length <= 1;
}

/** The titles of an arrow chain, or null when `text` holds fewer than two or is prose. */
export function splitArrows(text: string): string[] | null {
  const parts = text.split(ARROWS).map((p) => p.replace(/\s+/g, " ").trim());
  if (parts.length < 2 || parts.some((p) => p === "" || p.length > MAX_TITLE_LENGTH || p.split(" ").length > MAX_TITLE_WORDS || !isTitleLike(p))) return null;
  return parts;
}
