/**
 * Gives a validated role's levels, requirements and plan phases the line they were written on (see
 * `Origin`), from the positions extraction recorded, so that the site can link each to its line in
 * the guide's repository. Only a position recorded for the value itself is used, never an ancestor's:
 * a requirement with no place of its own gets no origin rather than its level's line.
 */
import type { RawRole } from "./raw-role.ts";
import { pathKey } from "./raw-role.ts";
import type { Origin, Role } from "./role.ts";

/**
 * Sets `origin` on the parts of `role` whose place `raw` recorded; changes `role` and returns it.
 * @param role a role just validated from `raw` (one source file, so its parts share that path)
 * @param raw what extraction gave, with its positions
 */
export function addOrigins(role: Role, raw: RawRole): Role {
  const file = role.sources[0]?.path;
  if (file === undefined) return role;
  const at = (path: (string | number)[]): Origin | undefined => {
    const line = raw.positions.get(pathKey(path))?.start.line;
    return line !== undefined && line > 0 ? { path: file, line } : undefined;
  };
  role.levels.forEach((level, i) => {
    const origin = at(["levels", i]);
    if (origin) level.origin = origin;
    level.requirements.forEach((requirement, j) => {
      const found = at(["levels", i, "requirements", j]);
      if (found) requirement.origin = found;
    });
  });
  role.transitions.forEach((plan, t) =>
    plan.phases.forEach((phase, p) => {
      const found = at(["transitions", t, "phases", p]);
      if (found) phase.origin = found;
    }),
  );
  return role;
}
