/**
 * The skill index: every skill any role names (role-wide, in a level's requirements, or as a plan's
 * key skill), with the roles and levels that ask for it, at what priority, and the plan phases that
 * teach it.
 */
import type { Priority, Role, SkillRef } from "../model/role.ts";
import { compareText, plural, priorityLabel, priorityRank } from "./format.ts";
import { toSlug } from "../model/slug.ts";
import type { PlanView } from "./plans.ts";
import { categoryAnchor, letterAnchor, levelAnchor, roleUrl, skillUrl } from "./urls.ts";

export interface SkillUse {
  role: string;
  roleUrl: string;
  level: string;
  levelUrl: string;
  priority: Priority;
  /** "Must-have", "Good-to-have" or the group name. */
  label: string;
  /** The requirement as written ("TensorFlow / PyTorch"), cut to `MAX_SHOWN_TEXT` characters. */
  text: string;
}

export interface SkillPlan {
  title: string;
  url: string;
  role: string;
  from: string;
  /** The plan names the skill among its key skills. */
  keySkill: boolean;
  /** The phases whose title or topics name the skill, with their months. */
  phases: { label: string; title: string; url: string }[];
}

export interface SkillEntry {
  slug: string;
  /** The name as first written (roles in title order). */
  name: string;
  /** Every other spelling seen. */
  aliases: string[];
  url: string;
  /** The A–Z index letter: "P", or "#" for a name that starts with no letter. */
  letter: string;
  /** Roles that list the skill role-wide, under the author's category. */
  listedBy: { role: string; url: string; category: string }[];
  askedFor: SkillUse[];
  plans: SkillPlan[];
  roleCount: number;
  levelCount: number;
  phaseCount: number;
  /** "2 levels in 1 role · 1 plan phase". */
  summary: string;
  /** The category the roles that list it file it under most often (first seen on a tie); null when none lists it. */
  category: string | null;
  /** How many times the guides name it: role-wide, at a level, or in a plan. */
  mentions: number;
}

export interface LetterGroup {
  letter: string;
  anchor: string;
  skills: { name: string; url: string; summary: string }[];
}

/** Every skill of `roles` by slug, with its spellings, the first seen first. */
/**
 * Most characters of a requirement a skill's page shows ("as written"): every skill the requirement
 * names shows it, so a long one would be copied onto page after page.
 */
export const MAX_SHOWN_TEXT = 300;

/** `text` cut to `MAX_SHOWN_TEXT` characters at most, with an ellipsis when cut. */
function shorten(text: string): string {
  if (text.length <= MAX_SHOWN_TEXT) return text;
  const chars = [...text];
  return chars.length <= MAX_SHOWN_TEXT ? text : `${chars.slice(0, MAX_SHOWN_TEXT - 1).join("").trimEnd()}…`;
}

export function collectSkills(roles: readonly Role[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (ref: SkillRef): void => {
    const list = names.get(ref.slug);
    if (!list) names.set(ref.slug, [ref.name]);
    else if (!list.includes(ref.name)) list.push(ref.name);
  };
  for (const role of roles) {
    role.skills.forEach(add);
    for (const level of role.levels) for (const requirement of level.requirements) requirement.skills.forEach(add);
    for (const transition of role.transitions) transition.keySkills.forEach(add);
  }
  return names;
}

/** The index letter of a name: its first letter without accents, upper-cased; "#" for digits and symbols. */
export function indexLetter(name: string): string {
  const first = [...name.trim().normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC")][0] ?? "";
  return /\p{L}/u.test(first) ? first.toLocaleUpperCase("en") : "#";
}

function summarize(entry: Pick<SkillEntry, "roleCount" | "levelCount" | "phaseCount" | "listedBy">): string {
  const parts: string[] = [];
  if (entry.levelCount > 0) parts.push(`${plural(entry.levelCount, "level")} in ${plural(entry.roleCount, "role")}`);
  else if (entry.listedBy.length > 0) parts.push(`listed by ${plural(entry.listedBy.length, "role")}`);
  if (entry.phaseCount > 0) parts.push(plural(entry.phaseCount, "plan phase"));
  return parts.join(" · ") || "named in a plan";
}

/**
 * Builds the index.
 * @param roles the catalog's roles, in the order their uses are listed
 * @param plans every plan, as built by `buildPlans`, in the same role order
 */
export function buildSkillIndex(roles: readonly Role[], plans: readonly PlanView[]): SkillEntry[] {
  const names = collectSkills(roles);
  const entries = new Map<string, SkillEntry>();
  for (const [slug, spellings] of names) {
    // Aliases share a slug ("K8s" and "Kubernetes" are "kubernetes"): the page is named by the
    // spelling the slug comes from when a guide writes it, else by the first seen.
    const name = spellings.find((n) => toSlug(n) === slug) ?? spellings[0]!;
    entries.set(slug, {
      slug,
      name,
      aliases: spellings.filter((n) => n !== name),
      url: skillUrl(slug),
      letter: indexLetter(name),
      listedBy: [],
      askedFor: [],
      plans: [],
      roleCount: 0,
      levelCount: 0,
      phaseCount: 0,
      summary: "",
      category: null,
      mentions: 0,
    });
  }
  for (const role of roles) {
    const url = roleUrl(role.slug);
    // A role lists a skill once, and a level asks for it once: looked up here, not by scanning the
    // entry's rows, which for a common skill number in the thousands.
    const listed = new Set<string>();
    for (const skill of role.skills) {
      if (listed.has(skill.slug)) continue;
      listed.add(skill.slug);
      entries.get(skill.slug)!.listedBy.push({ role: role.title, url, category: skill.category });
    }
    for (const level of role.levels) {
      const levelUrl = `${url}#${levelAnchor(level.slug)}`;
      const rows = new Map<string, number>();
      for (const requirement of level.requirements) {
        for (const skill of requirement.skills) {
          const entry = entries.get(skill.slug)!;
          // One row per level: a level that names the skill twice keeps the strongest priority.
          const at = rows.get(skill.slug);
          const seen = at === undefined ? undefined : entry.askedFor[at]!;
          if (seen && priorityRank(seen.priority) >= priorityRank(requirement.priority)) continue;
          const label = priorityLabel(requirement.priority, requirement.group);
          const use: SkillUse = { role: role.title, roleUrl: url, level: level.name, levelUrl, priority: requirement.priority, label, text: shorten(requirement.text) };
          if (at !== undefined) entry.askedFor[at] = use;
          else rows.set(skill.slug, entry.askedFor.push(use) - 1);
        }
      }
    }
  }
  for (const plan of plans) {
    const mentioned = new Map<string, SkillPlan["phases"]>();
    for (const phase of plan.phases) {
      for (const skill of phase.skills) {
        const list = mentioned.get(skill.slug) ?? [];
        list.push({ label: phase.label, title: phase.title, url: phase.url });
        mentioned.set(skill.slug, list);
      }
    }
    const slugs = new Set([...plan.keySkills.map((k) => k.slug), ...mentioned.keys()]);
    for (const slug of slugs) {
      const entry = entries.get(slug);
      if (!entry) continue;
      entry.plans.push({
        title: plan.title,
        url: plan.url,
        role: plan.role.title,
        from: plan.from.title,
        keySkill: plan.keySkills.some((k) => k.slug === slug),
        phases: mentioned.get(slug) ?? [],
      });
    }
  }
  for (const entry of entries.values()) {
    entry.roleCount = new Set([...entry.askedFor.map((u) => u.roleUrl)]).size;
    entry.levelCount = entry.askedFor.length;
    entry.phaseCount = entry.plans.reduce((n, p) => n + p.phases.length, 0);
    entry.summary = summarize(entry);
    entry.category = mainCategory(entry.listedBy.map((l) => l.category));
    entry.mentions = entry.listedBy.length + entry.levelCount + entry.plans.reduce((n, p) => n + Math.max(p.phases.length, p.keySkill ? 1 : 0), 0);
  }
  return [...entries.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.slug, b.slug));
}

/** The A–Z index: skills under their letter, letters in order, "#" last. */
export function groupByLetter(skills: readonly SkillEntry[]): LetterGroup[] {
  const groups = new Map<string, LetterGroup>();
  for (const skill of skills) {
    let group = groups.get(skill.letter);
    if (!group) {
      group = { letter: skill.letter, anchor: letterAnchor(skill.letter === "#" ? "other" : skill.letter), skills: [] };
      groups.set(skill.letter, group);
    }
    group.skills.push({ name: skill.name, url: skill.url, summary: skill.summary });
  }
  return [...groups.values()].sort((a, b) => (a.letter === "#" ? 1 : b.letter === "#" ? -1 : compareText(a.letter, b.letter)));
}

/** The category named most often, case folded, as first written; null for none. */
function mainCategory(categories: readonly string[]): string | null {
  const counts = new Map<string, { name: string; count: number }>();
  for (const category of categories) {
    const name = category.trim();
    if (!name) continue;
    const key = name.toLocaleLowerCase("en");
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { name, count: 1 });
  }
  let best: { name: string; count: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.name ?? null;
}

export interface CategoryGroup {
  /** The category as the guides write it; "Other skills" for skills no role files under one. */
  name: string;
  anchor: string;
  skills: { name: string; url: string; summary: string }[];
}

export interface SkillGroups {
  /** Categories A–Z, each skill A–Z within; skills no role files under a category last, as "Other skills". */
  categories: CategoryGroup[];
  /** Uncategorized names the guides mention once: mostly phrases of one requirement, folded on the index page. */
  once: CategoryGroup | null;
}

/**
 * The skill index by category: a skill goes under the category its roles file it under; one no role
 * files anywhere goes under "Other skills", or, when the guides name it only once, under "Mentioned once".
 * @param skills A–Z, as `buildSkillIndex` gives them
 */
export function groupByCategory(skills: readonly SkillEntry[]): SkillGroups {
  const groups = new Map<string, CategoryGroup>();
  const other: CategoryGroup = { name: "Other skills", anchor: categoryAnchor("other-skills"), skills: [] };
  const once: CategoryGroup = { name: "Mentioned once", anchor: categoryAnchor("mentioned-once"), skills: [] };
  for (const skill of skills) {
    const item = { name: skill.name, url: skill.url, summary: skill.summary };
    if (skill.category === null) {
      (skill.mentions <= 1 ? once : other).skills.push(item);
      continue;
    }
    const key = skill.category.toLocaleLowerCase("en");
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name: skill.category, anchor: categoryAnchor(toSlug(skill.category) || "category"), skills: [] }));
    group.skills.push(item);
  }
  const categories = [...groups.values()].sort((a, b) => compareText(a.name, b.name));
  // Two categories whose slugs meet ("C#", "C++" both spell out) keep distinct anchors.
  const used = new Set<string>([other.anchor, once.anchor]);
  for (const group of categories) {
    let anchor = group.anchor;
    for (let n = 2; used.has(anchor); n++) anchor = `${group.anchor}-${n}`;
    used.add(anchor);
    group.anchor = anchor;
  }
  if (other.skills.length > 0) categories.push(other);
  return { categories, once: once.skills.length > 0 ? once : null };
}
