/**
 * The real roles for tests that need many: the seeds and the corpus guides, loaded and merged as a
 * build loads them, plus the hand-written Data Scientist that the seeds' first plan starts from (so
 * that a plan has a gap to compute from known skills). It stands in for a guide's own Data
 * Scientist (the French page of jobs has one, with prose and no levels): two roles of one slug
 * cannot be in one catalog.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { loadRoles } from "../../src/load.ts";
import type { Role } from "../../src/model/role.ts";
import { corpusDir, seedsDir } from "../seeds.ts";
import { dataScientist } from "./seed-roles.ts";

export async function loadRealRoles(): Promise<Role[]> {
  const guides = readdirSync(corpusDir).filter((name) => name.endsWith(".md") && name !== "SOURCES.md").map((name) => path.join(corpusDir, name));
  const { roles } = await loadRoles([seedsDir, ...guides]);
  return [...roles.filter((role) => role.slug !== dataScientist.slug), dataScientist];
}
