import { slug as githubSlug } from "github-slugger";

/**
 * The slug that names a role, level, skill or plan in URLs and joins them across files.
 * github-slugger keeps letters of every script (a Korean title keeps its own slug); "+" and "#" are
 * spelled out first so that C, C++ and C# stay three skills. A slug names a folder of the site, so it
 * is cut to `MAX_SLUG_BYTES` and kept off the names Windows reserves ("CON" gives "con-1").
 */
export function toSlug(text: string): string {
  const spelled = text.replace(/[/\\]/g, " ").replace(/\+/g, " plus ").replace(/#/g, " sharp ").replace(/&/g, " and ");
  const slug = githubSlug(spelled)
    .replace(/[^\p{L}\p{N}-]/gu, "")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  return safeFolderName(slug);
}

/** Most UTF-8 bytes of a slug: it names a folder, and file systems allow 255 bytes a name. */
export const MAX_SLUG_BYTES = 100;

// Names Windows reserves for devices: a folder so named cannot be created there.
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/u;

/** A slug cut to `MAX_SLUG_BYTES` at a character boundary, and kept off the reserved device names. */
function safeFolderName(slug: string): string {
  let out = slug;
  if (Buffer.byteLength(slug) > MAX_SLUG_BYTES) {
    let bytes = 0;
    out = "";
    for (const ch of slug) {
      bytes += Buffer.byteLength(ch);
      if (bytes > MAX_SLUG_BYTES) break;
      out += ch;
    }
    out = out.replace(/-+$/, "");
  }
  return RESERVED.test(out) ? `${out}-1` : out;
}
