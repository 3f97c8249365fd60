/** Arrow chains: "Junior → Mid → Senior", "A -> B", "A ⇒ B"; the separators of ladders and steps. */
const ARROW = /\s*(?:→|->|⇒|=>|➔|➜|⟶|⇨|⟹)\s*/u;

export function hasArrow(text: string): boolean {
  return ARROW.test(text);
}

/** The titles of an arrow chain, or null when `text` holds fewer than two. */
export function splitArrows(text: string): string[] | null {
  const parts = text.split(new RegExp(ARROW.source, "gu")).map((p) => p.trim()).filter(Boolean);
  return parts.length >= 2 ? parts : null;
}
