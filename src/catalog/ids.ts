/**
 * Ids that depend on what a thing says, not where it stands: a plan's topics and phases keep their
 * id when another topic or phase is added, removed or moved, so a reader's ticks (saved in the
 * browser under these ids) and the events of a downloaded calendar stay with them.
 */
import { createHash } from "node:crypto";

/**
 * The form of a text that its id is made from: Unicode NFKC, lower case, every run of white space
 * one space, trimmed, without a final full stop. So "Kubernetes  basics." and "kubernetes basics"
 * give one id, while any other change of wording gives another.
 * @param text the text as written
 */
export function normalizeForId(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/\.$/u, "")
    .trimEnd();
}

/**
 * A short id (10 hex digits: the start of a SHA-256) of the normalised texts, in order.
 * @param parts the texts the id stands for, e.g. a phase's title and a topic
 */
export function stableId(...parts: string[]): string {
  return createHash("sha256").update(parts.map(normalizeForId).join("\u001f")).digest("hex").slice(0, 10);
}

/**
 * The ids of a plan's topics, phase by phase. A topic's id is made from the plan's id and the
 * topic's own text, and made unique in the plan's order ("-2" for the second use of a text), so
 * renaming or moving a phase keeps every tick. `legacyId` is the id releases before the versioned
 * browser storage used (the phase's title and the topic's text): the browser reads ticks saved under
 * it once and keeps them under `id` from then on.
 * @param planId "machine-learning-engineer/data-scientist"
 * @param phases each phase's title and topics, in order
 */
export function topicIds(planId: string, phases: readonly { title: string; topics: readonly string[] }[]): { id: string; legacyId: string }[][] {
  const ids = new IdSet();
  const legacy = new IdSet();
  return phases.map((phase) =>
    phase.topics.map((text) => ({ id: ids.claim(stableId(planId, text)), legacyId: legacy.claim(stableId(phase.title, text)) })),
  );
}

/**
 * Makes ids unique within one list: the second use of an id gets "-2", the third "-3", and so on,
 * in the order given, so the first of two identical topics keeps the plain id.
 */
export class IdSet {
  private readonly used = new Set<string>();

  /** Returns `id`, or `id-N` with the smallest N ≥ 2 not used yet, and marks it used. */
  claim(id: string): string {
    let unique = id;
    for (let n = 2; this.used.has(unique); n++) unique = `${id}-${n}`;
    this.used.add(unique);
    return unique;
  }
}
