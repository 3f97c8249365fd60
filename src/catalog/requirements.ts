/**
 * A requirement as the site shows it: its text as written, with every skill it names linked where the
 * name appears ("TensorFlow / PyTorch" → two links), and the skills whose names the text does not
 * spell out listed after it.
 */
import type { Requirement } from "../model/role.ts";
import { priorityLabel } from "./format.ts";
import { skillLinks, type SkillLink } from "./links.ts";
import { sourceLinks, type SourceLinks } from "./sources.ts";

/** A run of the requirement's text; `skill` set when the run is a skill's name. */
export interface Part {
  text: string;
  skill: SkillLink | null;
}

export interface RequirementView {
  text: string;
  detail: string | null;
  priority: Requirement["priority"];
  group: string | null;
  /** "Must-have", "Good-to-have", or the group name. */
  label: string;
  parts: Part[];
  /** Every skill the requirement names, each once. */
  skills: SkillLink[];
  /** The skills whose names do not appear in `text`, shown beside it. */
  unnamed: SkillLink[];
  /** Its line in the guides' repository ("suggest a change"); null without a repository or a known line. */
  editUrl: string | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Compiled patterns by skill name: the same few hundred names are looked for in every requirement. */
const patterns = new Map<string, RegExp>();

/** The whole-word, case-insensitive pattern of a name (`matchAll` copies it, so sharing it is safe). */
function namePattern(name: string): RegExp {
  let pattern = patterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "giu");
    // A hostile file may name any number of skills: the cache stays bounded.
    if (patterns.size >= 10_000) patterns.clear();
    patterns.set(name, pattern);
  }
  return pattern;
}

/**
 * Most skills of one requirement that are looked for in its text: each costs a scan of the text, so
 * a hostile requirement naming 100,000 skills would take hours. The rest are listed after the text.
 */
export const MAX_LINKED_SKILLS = 100;

/**
 * Cuts `text` into runs, linking the first whole-word, case-insensitive mention of each skill.
 * @param text the requirement as written
 * @param skills the skills it names
 */
export function linkSkillNames(text: string, skills: readonly SkillLink[]): { parts: Part[]; unnamed: SkillLink[] } {
  const spans: { start: number; end: number; skill: SkillLink }[] = [];
  const unnamed: SkillLink[] = [];
  for (const [index, skill] of skills.entries()) {
    if (index >= MAX_LINKED_SKILLS) {
      unnamed.push(skill);
      continue;
    }
    const pattern = namePattern(skill.name.trim());
    let placed = false;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (spans.some((s) => start < s.end && s.start < end)) continue;
      spans.push({ start, end, skill });
      placed = true;
      break;
    }
    if (!placed) unnamed.push(skill);
  }
  spans.sort((a, b) => a.start - b.start);
  const parts: Part[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) parts.push({ text: text.slice(at, span.start), skill: null });
    parts.push({ text: text.slice(span.start, span.end), skill: span.skill });
    at = span.end;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), skill: null });
  return { parts, unnamed };
}

export function requirementView(requirement: Requirement, links: SourceLinks = sourceLinks(null)): RequirementView {
  const skills = skillLinks(requirement.skills);
  const { parts, unnamed } = linkSkillNames(requirement.text, skills);
  return {
    text: requirement.text,
    detail: requirement.detail,
    priority: requirement.priority,
    group: requirement.group,
    label: priorityLabel(requirement.priority, requirement.group),
    parts,
    skills,
    unnamed,
    editUrl: links.line(requirement.origin),
  };
}

/** Requirements gathered under one heading: must-have, good-to-have, or one named group. */
export interface RequirementGroup {
  label: string;
  priority: Requirement["priority"];
  requirements: RequirementView[];
}

/** Must-have first, then good-to-have, then each other group by its name in the order the author gave them. */
export function groupRequirements(requirements: readonly Requirement[], links: SourceLinks = sourceLinks(null)): RequirementGroup[] {
  const groups = new Map<string, RequirementGroup>();
  const keyOf = (r: Requirement): string => (r.priority === "other" ? `other:${priorityLabel("other", r.group)}` : r.priority);
  for (const key of ["must", "good"]) {
    const found = requirements.filter((r) => keyOf(r) === key);
    if (found.length > 0) groups.set(key, { label: priorityLabel(found[0]!.priority, null), priority: found[0]!.priority, requirements: [] });
  }
  for (const requirement of requirements) {
    const key = keyOf(requirement);
    let group = groups.get(key);
    if (!group) {
      group = { label: priorityLabel(requirement.priority, requirement.group), priority: requirement.priority, requirements: [] };
      groups.set(key, group);
    }
    group.requirements.push(requirementView(requirement, links));
  }
  return [...groups.values()];
}
