/**
 * How the site names a role's source files and links them: each path relative to the input folder it
 * was found in (never the build machine's absolute or `..` path), and, when the configuration names
 * the guides' repository, a link to each file and to the line of each level, requirement and phase.
 */
import path from "node:path";
import type { Origin, Role } from "../model/role.ts";

/** Where the guides live (the configuration's `repository`): `dir` is the input folder's place in it. */
export interface Repository {
  url: string;
  branch: string;
  dir: string;
}

/** The links of one build: to a source file, and to the line an origin names; null without a repository. */
export interface SourceLinks {
  file(path: string): string | null;
  line(origin: Origin | undefined): string | null;
  /** What the links depend on, for the catalog's memo. */
  key: string;
}

/** Each "/"-separated part percent-encoded, the "/" kept. */
function encodePath(value: string): string {
  return value.split("/").map(encodeURIComponent).join("/");
}

/**
 * The links into `repository`, in the shape GitHub, Gitea and Forgejo share:
 * `<url>/blob/<branch>/<dir>/<path>#L<line>`.
 */
export function sourceLinks(repository: Repository | null | undefined): SourceLinks {
  if (!repository) return { file: () => null, line: () => null, key: "" };
  const base = `${repository.url}/blob/${encodePath(repository.branch)}/${repository.dir ? `${encodePath(repository.dir)}/` : ""}`;
  const file = (p: string): string => `${base}${encodePath(p)}`;
  return { file, line: (origin) => (origin ? `${file(origin.path)}#L${origin.line}` : null), key: base };
}

/** A path as the site may show it: "/" separated, with no absolute start and no ".." part (else its file name alone). */
export function safeSourcePath(value: string): string {
  const parts = value.split(/[\\/]+/).filter((part) => part !== "" && part !== ".");
  if (path.isAbsolute(value) || /^[A-Za-z]:/.test(value) || parts.includes("..")) return parts.at(-1) ?? value;
  return parts.join("/");
}

/**
 * Names each source path (as the load displays it, relative to `cwd`) relative to the input it was
 * found in: `seeds/ml/levels.md` from the input `seeds` is `ml/levels.md`; a file named itself as an
 * input is its file name. A path under no input is made safe (see `safeSourcePath`).
 * @param inputs the build's inputs, files or folders, as given
 */
export function sourceNamer(inputs: readonly string[], cwd = process.cwd()): (display: string) => string {
  const roots = inputs.map((input) => path.resolve(cwd, input)).sort((a, b) => b.length - a.length);
  return (display) => {
    const file = path.resolve(cwd, display);
    for (const root of roots) {
      if (file === root) return path.basename(file);
      if (file.startsWith(root + path.sep)) return safeSourcePath(path.relative(root, file));
    }
    return safeSourcePath(display);
  };
}

/** Renames every source path `role` holds (its sources, unplaced sections, origins); changes `role` and returns it. */
export function renameSources(role: Role, name: (path: string) => string): Role {
  const seen = new Set<string>();
  // Two files of one role from two input folders may get one name: listed once.
  role.sources = role.sources.flatMap((source) => {
    const renamed = name(source.path);
    if (seen.has(renamed)) return [];
    seen.add(renamed);
    return [{ path: renamed }];
  });
  for (const section of role.sections) section.source = name(section.source);
  const move = (origin: Origin | undefined): void => {
    if (origin) origin.path = name(origin.path);
  };
  for (const level of role.levels) {
    move(level.origin);
    for (const requirement of level.requirements) move(requirement.origin);
  }
  for (const plan of role.transitions) for (const phase of plan.phases) move(phase.origin);
  return role;
}
