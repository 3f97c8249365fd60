/**
 * Roles for the site tests beyond the seeds: the seeds' role, the Data Scientist its first plan
 * starts from (so the plan page can compare skills), and a role whose every string tries to inject
 * markup.
 */
import { Role } from "../../src/model/role.ts";
import { dataScientist, mlEngineer } from "../catalog/seed-roles.ts";

export const EVIL = `<script>alert("x")</script><img src=x onerror=alert(1)>&amp;`;

export const evilRole: Role = Role.parse({
  slug: "evil-role",
  title: `Evil ${EVIL}`,
  summary: `Summary ${EVIL}`,
  responsibilities: [`Responsibility ${EVIL}`],
  background: `Background ${EVIL}`,
  skills: [{ name: `Skill ${EVIL}`, slug: "evil-skill", category: `Category ${EVIL}` }],
  levels: [
    {
      name: `Level ${EVIL}`,
      slug: "evil-level",
      code: `C${EVIL}`,
      years: { min: 1, max: 3 },
      requirements: [
        { text: `Requirement ${EVIL}`, detail: `Detail ${EVIL}`, priority: "must", group: null, skills: [{ name: `Skill ${EVIL}`, slug: "evil-skill" }] },
        { text: `Grouped ${EVIL}`, detail: null, priority: "other", group: `Group ${EVIL}`, skills: [] },
      ],
    },
    { name: "Next", slug: "next", code: null, years: { min: 3, max: null }, requirements: [] },
  ],
  ladders: [[`Rung ${EVIL}`, "Machine Learning Engineer"]],
  alternativePaths: [`Path ${EVIL}`],
  growth: [{ from: `From ${EVIL}`, to: "Next", steps: [`Step ${EVIL}`] }],
  transitions: [
    {
      from: `Origin ${EVIL}`,
      slug: "origin",
      months: 2,
      phases: [{ start: 1, end: 2, title: `Phase ${EVIL}`, topics: [`Topic ${EVIL}`] }],
      keySkills: [{ name: `Skill ${EVIL}`, slug: "evil-skill" }],
      hoursPerWeek: { min: 5, max: null },
    },
  ],
  sections: [{ heading: `Heading ${EVIL}`, text: `Text ${EVIL}\n\n- **kept** as written`, source: `source-${EVIL}.md` }],
  sources: [{ path: `guide-${EVIL}.md` }],
});

export const fixtureRoles: Role[] = [mlEngineer, dataScientist, evilRole];
