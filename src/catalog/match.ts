/**
 * Which known skills a piece of free text mentions ("Frameworks: TensorFlow, PyTorch" → tensorflow,
 * pytorch). Text is cut into words at spaces and punctuation, and every run of up to `maxWords`
 * consecutive words is compared with the skills' names and slugs, so a match always starts and ends
 * at a word boundary ("Git" is not found in "GitHub") and ignores case ("kubernetes basics").
 * Names of one or two characters ("R", "Go", "C") must match their case exactly, so that everyday
 * words do not count as skills. Runs in time linear in the text, whatever the number of skills.
 */
import type { SkillRef } from "../model/role.ts";
import { toSlug } from "../model/slug.ts";

/** Case, spacing and punctuation folded away: "Scikit-learn", "scikit learn" and "scikit-learn" agree; "C++" stays apart from "C". */
export function skillKey(text: string): string {
  return toSlug(text).replace(/-/g, "");
}

/** Letters, digits and the "+", "#", "." that belong inside names such as C++, C# and Node.js. */
const WORD = /[\p{L}\p{N}+#.]+/gu;

function words(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0].replace(/^\.+|\.+$/g, "");
    if (word) found.push(word);
  }
  return found;
}

interface Entry {
  slug: string;
  /** Set for short names: the exact spelling required. */
  exact: string | null;
}

export interface SkillMatcher {
  /** The slugs of the skills `text` mentions, in order of first mention, each once. */
  find(text: string): string[];
}

/**
 * Prepares a matcher for a set of skills.
 * @param skills every skill that may be found, by name and slug (duplicates are fine)
 * @param maxWords the longest name, in words, that is looked for
 */
export function createSkillMatcher(skills: Iterable<SkillRef>, maxWords = 6): SkillMatcher {
  const byKey = new Map<string, Entry[]>();
  const add = (key: string, entry: Entry): void => {
    if (!key) return;
    const list = byKey.get(key) ?? [];
    if (!list.some((e) => e.slug === entry.slug && e.exact === entry.exact)) list.push(entry);
    byKey.set(key, list);
  };
  for (const skill of skills) {
    const short = skillKey(skill.name).length <= 2;
    add(skillKey(skill.name), { slug: skill.slug, exact: short ? skill.name.trim() : null });
    if (!short) add(skillKey(skill.slug), { slug: skill.slug, exact: null });
  }
  // Plans repeat the same phrases ("Learn Python basics") across thousands of roles: the key of
  // each run of words is worked out once.
  const keys = new Map<string, string>();
  const keyOf = (run: string): string => {
    let key = keys.get(run);
    if (key === undefined) {
      key = skillKey(run);
      if (keys.size >= 100_000) keys.clear();
      keys.set(run, key);
    }
    return key;
  };
  return {
    find(text: string): string[] {
      const list = words(text);
      const found: string[] = [];
      for (let i = 0; i < list.length; i++) {
        let run = "";
        for (let n = 1; n <= maxWords && i + n <= list.length; n++) {
          run = n === 1 ? list[i]! : `${run} ${list[i + n - 1]!}`;
          const entries = byKey.get(keyOf(run));
          if (!entries) continue;
          for (const entry of entries) {
            if (entry.exact !== null && run !== entry.exact) continue;
            if (!found.includes(entry.slug)) found.push(entry.slug);
          }
        }
      }
      return found;
    },
  };
}
