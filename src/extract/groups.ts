/**
 * The groups a level's requirements fall in ("Must-Have", "Required Skills", any other name) and
 * one requirement as a line gives it: its text, detail, priority, group and the skills it names.
 */
import { headingConceptOf } from "./heading-names.ts";
import { splitDash, type Entry } from "./entries.ts";
import { namesOf, startsWithName, type Concept } from "./names.ts";
import type { Requirement } from "./out.ts";
import { skillItems, skillsNamed } from "./skill-names.ts";

export type Priority = "must" | "good" | "other";

/**
 * How a requirement names skills: by its text; by the list after its label ("**Tools**: Git, Docker");
 * by its text unless a colon label is followed by prose ("**Adopts**: actively learns…" names none), as
 * for a level's own lines; or not at all.
 */
export type SkillsFrom = "text" | "list" | "line" | "none";

export function requirementOf(entry: Entry, priority: Priority, group: string | null, from: SkillsFrom): Requirement {
  let text = entry.label ?? entry.text;
  let detail = entry.label ? entry.value || null : null;
  if (!entry.label) {
    const dash = splitDash(entry.text);
    if (dash) [text, detail] = dash;
  }
  const labelled = entry.label !== null && detail !== null;
  const skills =
    from === "none"
      ? []
      : from === "list" && labelled
        ? skillsNamed(detail!)
        : from === "line" && labelled && entry.separator === ":"
          ? (skillItems(detail!)?.length ?? 0) >= 2 ? skillsNamed(detail!) : []
          : skillsNamed(text);
  return { text, detail, priority, group, skills };
}

/**
 * A group of requirements by its heading: "Must-Have" and "Required Skills" → must; "Good-to-Have" →
 * good; any other name is kept as the group of an "other" priority. Skills groups name skills by
 * the list after each label; responsibilities name none.
 */
export function groupOf(title: string, concept: Concept | null = headingConceptOf(title)?.concept ?? null): { priority: Priority; group: string | null; from: SkillsFrom } {
  const from: SkillsFrom = concept === "skills" || concept === "keySkills" ? "list" : concept === "responsibilities" ? "none" : "text";
  if (concept === "mustHave" || startsWithName(title, namesOf("mustHave"))) return { priority: "must", group: null, from };
  if (concept === "goodToHave" || startsWithName(title, namesOf("goodToHave"))) return { priority: "good", group: null, from };
  return { priority: "other", group: title, from };
}
