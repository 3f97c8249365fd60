/** Arrow chains: "Junior → Mid → Senior", "A -> B", "A ⇒ B"; the separators of ladders and steps. */
const ARROW = /→|->|⇒|=>|➔|➜|⟶|⇨|⟹/u;
const ARROWS = /→|->|⇒|=>|➔|➜|⟶|⇨|⟹/gu;

/** A title in a chain is short: a sentence with an arrow in it ("Study X → apply it") is no ladder. */
const MAX_TITLE_WORDS = 8;
const MAX_TITLE_LENGTH = 80;

export function hasArrow(text: string): boolean {
  return ARROW.test(text);
}

/** The titles of an arrow chain, or null when `text` holds fewer than two or is prose. */
export function splitArrows(text: string): string[] | null {
  const parts = text.split(ARROWS).map((p) => p.replace(/\s+/g, " ").trim());
  if (parts.length < 2 || parts.some((p) => p === "" || p.length > MAX_TITLE_LENGTH || p.split(" ").length > MAX_TITLE_WORDS)) return null;
  return parts;
}
