/**
 * A role as extraction leaves it: plain data in the model's shape, not yet validated, and the
 * source position of every value so that validation can point at the line an error is about.
 */
import type { Position } from "unist";
import type { z } from "zod";
import type { Role } from "./role.ts";

export type RoleInput = z.input<typeof Role>;
type Path = readonly (string | number)[];

export interface RawRole {
  data: RoleInput;
  /** Positions keyed by the value's path joined with dots ("levels.0.years"). */
  positions: Map<string, Position>;
  /** Where the role itself starts: its title, or the file's first line. */
  position: Position;
}

export function pathKey(path: Path): string {
  return path.join(".");
}

/** Records `position` for the value at `path` and returns the value, so placing reads as one step. */
export function place<T>(raw: RawRole, path: Path, position: Position | undefined, value: T): T {
  if (position) raw.positions.set(pathKey(path), position);
  return value;
}

/** The position recorded for `path` or, failing that, for its nearest ancestor. */
export function positionOf(raw: RawRole, path: Path): Position {
  for (let n = path.length; n > 0; n--) {
    const found = raw.positions.get(pathKey(path.slice(0, n)));
    if (found) return found;
  }
  return raw.position;
}

export function emptyRole(title: string, slug: string, sourcePath: string, position: Position): RawRole {
  return {
    data: {
      slug,
      title,
      summary: null,
      responsibilities: [],
      background: null,
      skills: [],
      levels: [],
      ladders: [],
      alternativePaths: [],
      growth: [],
      transitions: [],
      sections: [],
      sources: [{ path: sourcePath }],
    },
    positions: new Map(),
    position,
  };
}
