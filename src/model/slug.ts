import { slug as githubSlug } from "github-slugger";

/**
 * The slug that names a role, level, skill or plan in URLs and joins them across files.
 * github-slugger keeps letters of every script (a Korean title keeps its own slug); "+" and "#" are
 * spelled out first so that C, C++ and C# stay three skills.
 */
export function toSlug(text: string): string {
  const spelled = text.replace(/[/\\]/g, " ").replace(/\+/g, " plus ").replace(/#/g, " sharp ").replace(/&/g, " and ");
  return githubSlug(spelled)
    .replace(/[^\p{L}\p{N}-]/gu, "")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}
