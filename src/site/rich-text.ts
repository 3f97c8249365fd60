/**
 * The author's text as the templates print it: each kind of text (an unplaced section, a
 * requirement with its skill names linked, a detail or a topic) through `renderMarkdown`, kept by
 * its text so that the role page and the level comparison render a requirement once.
 */
import type { Element, ElementContent, Root as HastRoot, Text } from "hast";
import { toHtml } from "hast-util-to-html";
import type { SkillLink } from "../catalog/links.ts";
import type { RoleView } from "../catalog/roles.ts";
import { linkSkillNames } from "../catalog/requirements.ts";
import { renderMarkdown } from "./markdown.ts";

/** Most renderings kept: a hostile build may hold any number of texts, the memory stays bounded. */
const MAX_KEPT = 20_000;

const kept = new Map<string, unknown>();

function remember<T>(key: string, make: () => T): T {
  if (kept.has(key)) return kept.get(key) as T;
  const value = make();
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(key, value);
  return value;
}

/** One line of an author's text (a detail, a topic, a step) as HTML; "" for none. */
export function inlineHtml(text: string | null | undefined): string {
  if (!text) return "";
  return remember(`i\0${text}`, () => renderMarkdown(text, { inline: true }));
}

/** A requirement's text as HTML, each skill it names linked where the name appears, and the skills it names elsewhere. */
export interface RequirementHtml {
  html: string;
  /** The skills whose names the text does not show (listed after it). */
  unnamed: SkillLink[];
}

/**
 * A requirement's text with its skills linked at their first whole-word mention outside links and code.
 * @param requirement its text and the skills it names
 */
export function requirementHtml(requirement: { text: string; skills: readonly SkillLink[] }): RequirementHtml {
  const key = `r\0${requirement.text}\0${requirement.skills.map((s) => `${s.url}\u0001${s.name}`).join("\u0002")}`;
  return remember(key, () => {
    let remaining: SkillLink[] = [...requirement.skills];
    const html = renderMarkdown(requirement.text, {
      inline: true,
      decorate: (tree) => {
        remaining = linkSkills(tree, remaining);
      },
    });
    return { html, unnamed: remaining };
  });
}

/** Elements whose text is never linked: links themselves, and code. */
const NO_LINKS = new Set(["a", "code", "pre"]);

/**
 * Links skill names in the text of `tree`, in document order (iterative).
 * @returns the skills not found
 */
function linkSkills(tree: HastRoot, skills: SkillLink[]): SkillLink[] {
  let remaining = skills;
  const texts: { node: Text; parent: HastRoot | Element }[] = [];
  // Depth first, children pushed last to first: popped in document order.
  const pending: { node: ElementContent | HastRoot; parent: HastRoot | Element | null }[] = [{ node: tree, parent: null }];
  while (pending.length > 0) {
    const { node, parent } = pending.pop()!;
    if (node.type === "text" && parent) texts.push({ node, parent });
    if ((node.type === "root" || (node.type === "element" && !NO_LINKS.has(node.tagName))) && "children" in node) {
      for (let i = node.children.length - 1; i >= 0; i--) pending.push({ node: node.children[i] as ElementContent, parent: node });
    }
  }
  const replaced = new Map<Text, ElementContent[]>();
  for (const { node } of texts) {
    if (remaining.length === 0) break;
    const { parts, unnamed } = linkSkillNames(node.value, remaining);
    if (unnamed.length === remaining.length) continue;
    remaining = unnamed;
    replaced.set(
      node,
      parts
        .filter((part) => part.text)
        .map((part): ElementContent =>
          part.skill ? { type: "element", tagName: "a", properties: { href: part.skill.url }, children: [{ type: "text", value: part.text }] } : { type: "text", value: part.text },
        ),
    );
  }
  for (const { node, parent } of texts) {
    if (replaced.has(node)) parent.children = (parent.children as ElementContent[]).flatMap((c) => (c.type === "text" && replaced.get(c)) || [c]) as never;
  }
  return remaining;
}

/** An unplaced section as its page shows it: a heading and the rest of its text as HTML. */
export interface SectionHtml {
  heading: string;
  /** "" when the section's text was its heading alone. */
  html: string;
}

const comparable = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** An ATX heading on the text's first line ("### Role Definition:"), and what follows it. */
const FIRST_HEADING = /^[ \t]{0,3}#{1,6}(?:[ \t]+([^\n]*?))?(?:[ \t]+#+)?[ \t]*(?:\n|$)/;

/** Sections rendered, by the (frozen) section object of a view: they live as long as the catalog. */
const sections = new WeakMap<object, SectionHtml>();

/**
 * An unplaced section: its text rendered with its headings under the section's own (an `<h3>`: its
 * text's start at `<h4>`), the heading it starts with left out when it repeats the section's.
 * @param section its heading (possibly empty), markdown text, and the guide's address for relative links
 */
export function sectionHtml(section: { heading: string; text: string; base?: string | null }): SectionHtml {
  let shown = sections.get(section);
  if (!shown) {
    let heading = section.heading.trim();
    let text = section.text;
    const first = FIRST_HEADING.exec(text.replace(/^\s*\n/, ""));
    const written = first?.[1]?.trim() ?? "";
    if (first && (!heading || comparable(written) === comparable(heading))) {
      heading ||= written;
      text = text.replace(/^\s*\n/, "").slice(first[0].length);
    }
    shown = { heading: heading || "Untitled section", html: renderMarkdown(text, { headingDepth: 4, base: section.base ?? null }) };
    sections.set(section, shown);
  }
  return shown;
}

/**
 * Renders, before the templates run, the long texts of the roles a render writes (their unplaced
 * sections, their prose), so that the templates' filters find them done. The work is the same; it is
 * counted as the site's preparation rather than as a template's.
 */
export function prepareRoles(roles: readonly RoleView[]): void {
  for (const role of roles) {
    for (const section of role.sections) sectionHtml(section);
    for (const text of [role.lead, role.summaryRest, role.backgroundLead, role.backgroundRest]) proseHtml(text, role.model.links, true);
    for (const item of role.responsibilities) proseHtml(item, role.model.links);
  }
}

/** Link targets the site follows from prose: the markdown renderer's (see `SCHEMA`). */
const FOLLOWED = /^(?:https?:\/\/|mailto:)/i;

/**
 * Plain text (a summary, a responsibility: text the model keeps without its markup) as HTML,
 * escaped, with the role's links made links again at the first mention of their text, and, with
 * `paragraphs`, a paragraph for each run of lines between blank lines.
 * @param text the text as the model gives it
 * @param links the role's links: their text as read and their target as written
 */
export function proseHtml(text: string | null | undefined, links: readonly { text: string; url: string }[] = [], paragraphs = false): string {
  if (!text) return "";
  const usable = links.filter((l) => l.text.trim() && FOLLOWED.test(l.url.trim()));
  const key = `p\0${paragraphs}\0${text}\0${usable.map((l) => `${l.text}\u0001${l.url}`).join("\u0002")}`;
  return remember(key, () => {
    const blocks = paragraphs ? text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean) : [text];
    const tree: HastRoot = {
      type: "root",
      children: blocks.map((block): ElementContent =>
        paragraphs ? { type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: block }] } : { type: "text", value: block },
      ),
    };
    // The links as skill-shaped targets (a name to find, an address), then given their `rel`.
    const targets = usable.map((l) => ({ name: l.text.trim(), slug: "", url: l.url.trim() }));
    if (targets.length > 0) {
      linkSkills(tree, targets);
      markExternal(tree);
    }
    return toHtml(tree);
  });
}

/** `rel="nofollow noopener"` on every link of `tree` off the site (iterative). */
function markExternal(tree: HastRoot): void {
  const pending: (HastRoot | Element)[] = [tree];
  while (pending.length > 0) {
    for (const child of pending.pop()!.children) {
      if (child.type !== "element") continue;
      if (child.tagName === "a" && FOLLOWED.test(String(child.properties.href ?? ""))) child.properties.rel = ["nofollow", "noopener"];
      pending.push(child);
    }
  }
}
