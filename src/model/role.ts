/**
 * The Role model: the one source of types for every stage after extraction.
 * Types are inferred from these schemas; nothing else declares their shape.
 */
import { z } from "zod";

const text = z.string().trim().min(1);
const slug = z.string().regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u, "a slug of lower-case letters, digits and single hyphens");

/** A span of whole numbers, such as years of experience or hours a week; `max` null means open-ended ("4+"). */
export const Range = z
  .object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative().nullable() })
  .refine((r) => r.max === null || r.min <= r.max, { message: "min must not be greater than max", path: ["max"] });

/** A reference to a skill: the name as written and the slug that joins it across roles. */
export const SkillRef = z.object({ name: text, slug });

/**
 * A role-wide skill, filed under the category the author gave it ("Technical", "Tools", "Soft"), with
 * what the author wrote about it: the bracketed note of "Cloud Platforms (AWS/GCP)", or the prose or
 * fields after its label.
 */
export const Skill = SkillRef.extend({ category: text, detail: z.string().nullable().default(null) });

export const Priority = z.enum(["must", "good", "other"]);

/**
 * Where a value was written: its file (as `sources` names it) and line. Optional: set by validation
 * for levels, requirements and plan phases (see `origins.ts`), for the site's "suggest a change"
 * links; absent from roles made by hand.
 */
export const Origin = z.object({ path: z.string(), line: z.number().int().positive() });

/** One line of a level's requirements, as written, with the skills it names. */
export const Requirement = z.object({
  text,
  detail: z.string().nullable(),
  priority: Priority,
  /** The author's group name when `priority` is "other" ("Production Support & Miscellaneous"). */
  group: z.string().nullable(),
  skills: z.array(SkillRef),
  origin: Origin.optional(),
});

export const Level = z.object({
  name: text,
  slug,
  /** A level code kept beside the name (IC1, L3, D1), when the author gave one. */
  code: z.string().nullable(),
  years: Range.nullable(),
  /** The text of the field that gave the level's experience, as written ("Typically requires a minimum of 5 years of professional experience"); absent when none did. */
  experience: z.string().optional(),
  requirements: z.array(Requirement),
  origin: Origin.optional(),
});

export const Growth = z.object({ from: text, to: text, steps: z.array(text) });

/** One phase of a plan: months `start` to `end` ("Months 1-3"), or weeks or years when its plan's `unit` says so. */
export const Phase = z
  .object({ start: z.number().int().positive(), end: z.number().int().positive(), title: z.string(), topics: z.array(text), origin: Origin.optional() })
  .refine((p) => p.start <= p.end, { message: "a phase must not end before it starts", path: ["end"] });

export const Transition = z.object({
  /** The role title the reader starts from. */
  from: text,
  /** The role the plan leads to when it is not this one ("From SysAdmin to SRE" in a platform guide); null for this role. */
  to: z.string().nullable().default(null),
  slug,
  /** The plan's length in months; of a range ("3-6 months") its upper end. */
  months: z.number().int().positive().nullable(),
  /** The plan's length as the author wrote it ("3-6 months", "2-3 years", "9-month plan"); null when not given. */
  duration: z.string().nullable().default(null),
  /** What the author says about the move, as prose ("Shift focus from experimentation to production"). */
  summary: z.string().nullable().default(null),
  phases: z.array(Phase),
  /** What the phases' start and end count: months ("Months 1-3"), weeks ("Weeks 1-3") or years ("Year 1-2"). */
  unit: z.enum(["month", "week", "year"]).default("month"),
  /** Steps given without months ("1. Learn infrastructure basics"). */
  steps: z.array(text).default([]),
  keySkills: z.array(SkillRef),
  hoursPerWeek: Range.nullable(),
});

/** A link in prose: its text as read and its target as written. */
export const Link = z.object({ text: z.string(), url: z.string() });

/** Text no extractor placed, kept so that nothing the author wrote vanishes. */
export const Section = z.object({ heading: z.string(), text: z.string(), source: z.string() });

export const Source = z.object({ path: z.string() });

export const Role = z
  .object({
    slug,
    title: text,
    summary: z.string().nullable(),
    responsibilities: z.array(text),
    background: z.string().nullable(),
    skills: z.array(Skill),
    levels: z.array(Level),
    ladders: z.array(z.array(text).min(1)),
    alternativePaths: z.array(text),
    growth: z.array(Growth),
    transitions: z.array(Transition),
    sections: z.array(Section),
    /** The links of the role's prose (summary, paragraphs of its parts), whose targets the plain text leaves out. */
    links: z.array(Link).default([]),
    sources: z.array(Source).min(1),
  })
  .superRefine((role, ctx) => {
    const seen = new Map<string, number>();
    role.levels.forEach((level, index) => {
      const first = seen.get(level.slug);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          message: `Level "${level.name}" appears twice in role "${role.title}" (first as level ${first + 1})`,
          path: ["levels", index, "name"],
          // The rule and its arguments, for the diagnostic validation reports (`validate.ts`).
          params: { ruleId: "level-name-unique", level: level.name, role: role.title, first: first + 1 },
        });
      } else seen.set(level.slug, index);
    });
  });

export type Range = z.infer<typeof Range>;
export type SkillRef = z.infer<typeof SkillRef>;
export type Skill = z.infer<typeof Skill>;
export type Priority = z.infer<typeof Priority>;
export type Origin = z.infer<typeof Origin>;
export type Requirement = z.infer<typeof Requirement>;
export type Level = z.infer<typeof Level>;
export type Growth = z.infer<typeof Growth>;
export type Phase = z.infer<typeof Phase>;
export type Transition = z.infer<typeof Transition>;
export type Section = z.infer<typeof Section>;
export type Link = z.infer<typeof Link>;
export type Source = z.infer<typeof Source>;
export type Role = z.infer<typeof Role>;

/** The JSON Schema of a `Role`, generated from the zod schema: `career-atlas schema` prints it, the site serves it. */
export function roleJsonSchema(): unknown {
  return z.toJSONSchema(Role, { io: "output" });
}
