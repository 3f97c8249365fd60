/**
 * The site configuration (`career-atlas.config.yaml` or `.json`): what a team changes to publish its
 * atlas as its own. One zod schema is the source of the type, of the validation and of the JSON
 * Schema editors use (`career-atlas schema --config`). Every key is optional: without a file, the
 * site is built as it always was, titled "Career Atlas" and served at the root of its host.
 */
import { z } from "zod";

export const DEFAULT_TITLE = "Career Atlas";
export const DEFAULT_DESCRIPTION = "Career guides: roles, levels, skills and transition plans.";

const text = z.string().trim().min(1, "a non-empty text");

/** Whether `value` is an absolute http(s) URL. */
function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/** An absolute http(s) URL. */
const httpUrl = z.string().trim().refine(isHttpUrl, { message: "an absolute http:// or https:// URL", abort: true });

/**
 * Where the site is published, e.g. `https://example.org/atlas/`: its path is the prefix every URL of
 * the site gets. Given without a final "/", it gets one (a folder, not a file).
 */
const BaseUrl = httpUrl
  .refine((value) => !new URL(value).search && !new URL(value).hash, "a URL without a query or fragment (?… or #…)")
  .transform((value) => {
    const url = new URL(value);
    if (!url.pathname.endsWith("/")) url.pathname += "/";
    return url.href;
  });

/** A path inside a repository: no leading or trailing "/", no "." or ".." part. */
const RepoDir = z
  .string()
  .trim()
  .transform((value) => value.replace(/^\/+|\/+$/g, ""))
  .refine((value) => value === "" || value.split("/").every((part) => part !== "" && part !== "." && part !== ".."), "a folder inside the repository, such as guides or docs/roles (no . or .. parts)");

export const Repository = z.strictObject({
  /** The repository's web address, e.g. `https://github.com/acme/careers`. */
  url: httpUrl.transform((value) => value.replace(/\/+$/, "")),
  /** The branch the links point to. */
  branch: text.default("main"),
  /** The folder of the repository that holds the guides (the input folder); "" for its root. */
  dir: RepoDir.default(""),
});

/** An extra link in the site's header: a page of the site ("/about/") or another site (https://…). */
export const NavLink = z.strictObject({
  label: text.max(40, "a label of at most 40 characters"),
  url: z
    .string()
    .trim()
    .refine((value) => (value.startsWith("/") && !value.startsWith("//")) || isHttpUrl(value), "a path of this site starting with / or an absolute http(s) URL"),
});

/** Other names for a role or a skill, each mapped to the name the guides use: added to the built-in alias table (`src/model/aliases.ts`). */
const AliasMap = z.record(text, text);

export const Aliases = z.strictObject({
  roles: AliasMap.default({}),
  skills: AliasMap.default({}),
});

export const SiteConfig = z.strictObject({
  /** Where an editor finds this schema (`career-atlas schema --config > config.schema.json`); not read by the build. */
  $schema: z.string().optional(),
  /** The site's name, in the header and in every page's <title>. */
  title: text.max(60, "a title of at most 60 characters").default(DEFAULT_TITLE).describe("The site's name, in the header and in every page's title."),
  /** What the site is, for search engines and link previews (the pages' default description). */
  description: text.max(300, "a description of at most 300 characters").default(DEFAULT_DESCRIPTION).describe("What the site is, for search engines and link previews."),
  /** The address the site is published at; its path is the path prefix (see `BaseUrl`). */
  baseUrl: BaseUrl.optional().describe("The absolute address the site is published at, e.g. https://example.org/atlas/; its path is the path prefix of every URL."),
  /** An image file shown before the title in the header (SVG, PNG, JPEG, WebP or GIF), relative to the configuration file. */
  logo: z
    .string()
    .trim()
    .refine((value) => /\.(?:svg|png|jpe?g|webp|gif)$/i.test(value), "a path to an .svg, .png, .jpg, .webp or .gif file")
    .optional()
    .describe("An image shown before the title in the header, relative to this file."),
  /** The language of the guides, as a BCP 47 tag (`en`, `fr`, `pt-BR`): the pages' `lang`. */
  language: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "a language tag such as en, fr or pt-BR")
    .default("en")
    .describe("The language of the guides (BCP 47), the pages' lang attribute."),
  /** Where the guides live, for links to each source file and "suggest a change" links to each line. */
  repository: Repository.optional().describe("Where the guides live: each page links its source files and each level, requirement and phase its line."),
  aliases: Aliases.default({ roles: {}, skills: {} }).describe("Other names for roles and skills, each mapped to the name the guides use; added to the built-in alias table."),
  /** Extra header links, after Roles, Skills and Progression. */
  nav: z.array(NavLink).max(8, "at most 8 links").default([]).describe("Extra header links: { label, url }, url a path of the site or an absolute URL."),
});

/** The configuration as the build uses it (defaults filled in). */
export type SiteConfig = z.infer<typeof SiteConfig>;
export type Repository = z.infer<typeof Repository>;
export type NavLink = z.infer<typeof NavLink>;

/** The configuration of a build with no configuration file. */
export function defaultConfig(): SiteConfig {
  return SiteConfig.parse({});
}

/** The JSON Schema of the configuration file, as written by hand (`io: "input"`: defaults make keys optional). */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(SiteConfig, { io: "input", unrepresentable: "any" });
}
