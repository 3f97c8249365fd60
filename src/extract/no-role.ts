/**
 * Pages about roles that are not roles: an FAQ, an essay with no heading, a guide quoted in a code
 * block, prose under a title that names no job. Such a file gives no role, and one `no-role` info
 * that says why, not an error.
 */
import type { RootContent } from "mdast";
import type { VFile } from "vfile";
import { toString } from "mdast-util-to-string";
import { report } from "../model/diagnostics.ts";
import type { RawRole } from "../model/raw-role.ts";
import { sectionConcept } from "./heading-names.ts";
import { isJobTitle } from "./job-titles.ts";
import type { RolePlan } from "./roles.ts";
import { walkSections } from "./sections.ts";

/** An essay has at least this many words of prose. */
const ESSAY_WORDS = 150;
const FAQ = /^(?:faq|faqs|frequently asked questions|preguntas frecuentes|perguntas frequentes)$/i;
/** A markdown heading line, as a guide quoted in a code block has. */
const HEADING_LINE = /^#{1,6} \S/m;

/** A code block that holds a guide: markdown by its language, with a heading in it (a bare fence may hold anything). */
function isQuotedGuide(lang: string | null, value: string): boolean {
  return /^(?:md|markdown)$/i.test(lang ?? "") && HEADING_LINE.test(value);
}

/**
 * What a file with nothing but opening text is, when it is a page about roles rather than a role:
 * an FAQ (by its title, its file name, or headings that are mostly questions), an essay with no
 * heading at all, or a page that only quotes a guide in a code block; null when it is still a role
 * (a short role page, "# Data Analyst" and a paragraph, is one).
 */
export function readsAsNoRole(plan: RolePlan, file: VFile): string | null {
  const base = (file.path.split(/[\\/]/).pop() ?? "").replace(/\.[^.]+$/, "");
  if (FAQ.test(plan.title) || FAQ.test(base) || /(?:^|[_\-.])faq$/i.test(base)) return "an FAQ";
  const sections = [plan.intro, ...plan.tops.flatMap((s) => [...walkSections(s)])];
  const quote = sections.flatMap((s) => s.blocks).find((b): b is Extract<RootContent, { type: "code" }> => b.type === "code" && isQuotedGuide(b.lang ?? null, b.value));
  if (quote) return `a page that quotes a guide in a code block (line ${quote.position?.start.line ?? 1}) rather than being one`;
  const all = sections.slice(1).filter((s) => s.position);
  // Bold lines standing alone are headings too (a bold link is a reference, not a heading).
  const boldLines = [plan.intro, ...plan.tops].flatMap((s) => s.blocks).filter(
    (b) => b.type === "paragraph" && b.children.length === 1 && b.children[0]!.type === "strong" && !b.children[0]!.children.some((c) => c.type === "link"),
  );
  // An essay: long prose with no heading at all (a short note under no heading is still a role's).
  if (all.length === 0 && boldLines.length === 0) {
    const words = plan.intro.blocks.map((b) => toString(b)).join(" ").match(/\S+/g)?.length ?? 0;
    return words >= ESSAY_WORDS ? "an essay, with no heading" : null;
  }
  const headings = all.filter((s) => !s.pseudo);
  const questions = headings.filter((s) => /[?？]\s*$/.test(s.heading ? toString(s.heading) : s.title)).length;
  return headings.length > 0 && questions * 2 >= headings.length ? "an FAQ (its headings are questions)" : null;
}

/** Whether a role has any part besides its summary. */
export function hasParts(raw: RawRole): boolean {
  const d = raw.data;
  return Boolean(
    d.background || d.responsibilities?.length || d.skills?.length || d.levels?.length || d.ladders?.length || d.alternativePaths?.length || d.growth?.length || d.transitions?.length,
  );
}

/** "Summary" as the heading of a section, in the languages the names table knows. */
const SUMMARY_HEADING = /^(?:summary|in summary|resumen|resumo|zusammenfassung|résumé|요약|总结|摘要)[.:]?$/iu;

/** A page has at least this many sections beside its summary for their reading as no part to say it is no role guide. */
const MIN_OTHER_SECTIONS = 3;

/**
 * What a page whose only part is its summary, from a section that names one ("# Summary"), reads
 * as when its title names no job ("Contents", "How I Made a Career Change into Web Development")
 * and none of three or more other sections names a part: prose about careers (a curriculum, a
 * story), not a role guide; null otherwise ("# Data Analyst" over an "## Overview" is a role, and
 * so is a short page under any title).
 * @param plan the role as planned: its title and top sections
 */
export function namesNoJob(raw: RawRole, plan: RolePlan): string | null {
  // Only a section headed "Summary" (a curriculum's or a story's) says so: a guide's "Overview",
  // "About" or "Introduction" over sections of its own, under a title such as "Data Platform", is
  // a role written in a shape not read yet, and must keep its page.
  if (!plan.tops.some((s) => !s.pseudo && SUMMARY_HEADING.test(s.title.trim()))) return null;
  const others = plan.tops.filter((s) => !s.pseudo && !sectionConcept(s)).length;
  if (!raw.data.summary || hasParts(raw) || isJobTitle(plan.title) || others < MIN_OTHER_SECTIONS) return null;
  return `prose under a title that names no job ("${plan.title}"), its ${others} other sections no part of a role`;
}

/** The one info of a file that gives no role; the warnings that say a section will be shown on its page are void, and go. */
export function reportNoRole(file: VFile, why: string): void {
  file.messages = file.messages.filter((m) => m.ruleId !== "unplaced-section" && m.ruleId !== "unplaced-media");
  report(file, "no-role", { reads: why }, { line: 1, column: 1 });
}
