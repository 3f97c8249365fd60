/**
 * Loads a fixture of tests/extract/fixtures/ as a build loads a file: its roles, and its
 * diagnostics by rule, severity and place. Shared by the shape tests.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { loadContent } from "../../src/load.ts";
import { toDiagnostics } from "../../src/model/diagnostics.ts";
import type { Role } from "../../src/model/role.ts";
import { coverage } from "../../src/report/coverage.ts";

export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export function load(name: string) {
  const { file, roles } = loadContent(readFileSync(fixture(name)), name);
  const diagnostics = toDiagnostics([file]).map(({ ruleId, severity, line, column }) => ({ ruleId, severity, line, column }));
  return { file, roles: roles.map((p) => p.role), diagnostics };
}

/** The one role of a fixture, which keeps every word the author wrote. */
export function only(name: string): { role: Role; diagnostics: ReturnType<typeof load>["diagnostics"] } {
  const { roles, diagnostics, file } = load(name);
  expect(roles).toHaveLength(1);
  expect(coverage(file, roles).lost).toEqual([]);
  return { role: roles[0]!, diagnostics };
}
