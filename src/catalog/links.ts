/**
 * Links as templates print them: a name and an address (null when there is no page to go to).
 */
import type { Role, SkillRef } from "../model/role.ts";
import { toSlug } from "../model/slug.ts";
import { roleUrl, skillUrl } from "./urls.ts";

export interface SkillLink {
  name: string;
  slug: string;
  url: string;
}

export interface TitleLink {
  title: string;
  /** The role page when the title is a role in the catalog, else null. */
  url: string | null;
}

export function skillLink(ref: SkillRef): SkillLink {
  return { name: ref.name, slug: ref.slug, url: skillUrl(ref.slug) };
}

/** The skills of `refs` linked, each slug once, in the order given. */
export function skillLinks(refs: readonly SkillRef[]): SkillLink[] {
  const seen = new Set<string>();
  const links: SkillLink[] = [];
  for (const ref of refs) {
    if (seen.has(ref.slug)) continue;
    seen.add(ref.slug);
    links.push(skillLink(ref));
  }
  return links;
}

/** Finds roles by a title as some author wrote it ("Data Scientist" → data-scientist). */
export class RoleIndex {
  readonly #bySlug = new Map<string, Role>();

  constructor(roles: readonly Role[]) {
    for (const role of roles) if (!this.#bySlug.has(role.slug)) this.#bySlug.set(role.slug, role);
  }

  /** The role a title or slug names, if it is in the catalog. */
  find(titleOrSlug: string): Role | undefined {
    return this.#bySlug.get(titleOrSlug) ?? this.#bySlug.get(toSlug(titleOrSlug));
  }

  link(title: string): TitleLink {
    const role = this.find(title);
    return { title, url: role ? roleUrl(role.slug) : null };
  }
}
