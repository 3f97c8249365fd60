/**
 * Every address and fragment id of the site, in one place, so that a link and the page or anchor it
 * points to can never disagree. Slugs come from the model (`toSlug`); nothing here invents one.
 */

export const homeUrl = "/";
export const skillsUrl = "/skills/";
export const progressionUrl = "/progression/";
export const rolesJsonUrl = "/api/roles.json";
export const schemaUrl = "/api/role.schema.json";
/** The search results page; its query goes in `?q=`. */
export const searchUrl = "/search/";

export const roleUrl = (role: string): string => `/roles/${role}/`;
export const levelsUrl = (role: string): string => `/roles/${role}/levels/`;
export const planUrl = (role: string, from: string): string => `/roles/${role}/from/${from}/`;
export const roleJsonUrl = (role: string): string => `/api/roles/${role}.json`;
export const skillUrl = (skill: string): string => `/skills/${skill}/`;

/** Fragment ids (without "#"). */
export const levelAnchor = (level: string): string => `level-${level}`;
export const phaseAnchor = (index: number): string => `phase-${index + 1}`;
export const stepAnchor = (from: string, to: string): string => `step-${from}-to-${to}`;
export const titleAnchor = (title: string): string => `title-${title}`;
export const letterAnchor = (letter: string): string => `letter-${letter.toLowerCase()}`;
export const categoryAnchor = (category: string): string => `category-${category}`;
