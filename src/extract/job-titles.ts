/**
 * Job titles: whether a heading names a job ("Développeur Frontend", "Ingénieur DevOps", "Product
 * Owner", "Data Scientist") by the role noun in it; the sibling sections of a page that each
 * describe one job in prose ("the jobs of software development", one H2 a job): a set of roles;
 * and a track's list of pages, one a level ("### Managers" over links to each level's page).
 */
import type { List, ListItem } from "mdast";
import { toString } from "mdast-util-to-string";
import { sectionConcept } from "./heading-names.ts";
import { looksLikeLevel } from "./level-names.ts";
import { normalizeName } from "./names.ts";
import { yearStage } from "./numbers.ts";
import { Out, type Result } from "./out.ts";
import { walkSections, type HeadingSection } from "./sections.ts";

/**
 * Nouns that name a job, one word each, as written in the languages the names table knows
 * (normalised: lower case, accents kept). A title naming one of them names a job.
 */
const ROLE_NOUNS = new Set([
  // English
  "engineer", "developer", "programmer", "architect", "analyst", "scientist", "designer", "manager", "tester", "administrator",
  "consultant", "technician", "researcher", "specialist", "director", "strategist",
  // French
  "développeur", "développeuse", "ingénieur", "ingénieure", "testeur", "testeuse", "concepteur", "conceptrice", "programmeur",
  "programmeuse", "architecte", "analyste", "administrateur", "administratrice", "technicien", "technicienne", "intégrateur", "directeur",
  // Spanish, Portuguese
  "desarrollador", "desarrolladora", "desenvolvedor", "desenvolvedora", "ingeniero", "ingeniera", "engenheiro", "engenheira",
  "programador", "programadora", "arquitecto", "arquiteto", "analista", "gerente", "diseñador", "científico", "cientista",
  // German
  "entwickler", "entwicklerin", "ingenieur", "ingenieurin", "architekt", "berater",
]);

/** Job titles of two words or more whose words are not role nouns alone. */
const ROLE_PHRASES = ["product owner", "scrum master", "chef de projet", "chef de produit", "jefe de proyecto", "gerente de projeto"];

/** Han and Hangul role endings: "前端开发工程师", "데이터 엔지니어". */
const CJK_ROLE = /(?:工程师|开发者|架构师|分析师|设计师|经理|科学家|엔지니어|개발자|디자이너|분석가|매니저|과학자)$/u;

/** A heading of at most this many words can be a job title; a longer one is a sentence. */
const MAX_TITLE_WORDS = 6;

/** Whether a heading names a job: a role noun among a few words, no sentence punctuation, no years or level code. */
export function isJobTitle(text: string): boolean {
  const title = text.replace(/\s+/g, " ").trim();
  if (/[?？!.:;。]\s*$/u.test(title) || looksLikeLevel(title) || yearStage(title)) return false;
  if (CJK_ROLE.test(title)) return true;
  const key = normalizeName(title);
  const words = key.split(" ").filter(Boolean);
  if (words.length === 0 || words.length > MAX_TITLE_WORDS) return false;
  return words.some((w) => ROLE_NOUNS.has(w)) || ROLE_PHRASES.some((p) => ` ${key} `.includes(` ${p} `));
}

/** A run of job sections is at least this long: two headings that name jobs may be anything. */
const MIN_JOBS = 3;

/**
 * The sections among `list` that each describe a job in prose: three or more sibling headings
 * that name jobs, most of their siblings, in a page whose headings name no known part (a page with
 * parts is one role, or roles by their parts); null when `list` is not such a set.
 * @param list sibling sections
 * @param root the page's section tree, to see that no heading in it names a part
 */
export function jobSections(list: readonly HeadingSection[], root: HeadingSection): HeadingSection[] | null {
  const headings = list.filter((s) => !s.pseudo);
  const jobs = headings.filter((s) => isJobTitle(s.title));
  if (jobs.length < MIN_JOBS || jobs.length * 2 <= headings.length) return null;
  for (const section of walkSections(root)) if (section.position && sectionConcept(section)) return null;
  // Job titles that differ only by rank ("Engineer", "Senior Engineer") are levels of one job.
  if (headings.some((s) => looksLikeLevel(s.title, true))) return null;
  return jobs;
}

/**
 * A track's list of pages, one a level ("### Managers" over "* [Engineering Manager](em.md)", "*
 * [Director, Engineering](director.md)"): a section titled by a job that holds only a list whose
 * items are each one link; null for any other section.
 */
export function pageList(section: HeadingSection): List | null {
  if (section.pseudo || section.children.length > 0 || section.blocks.length !== 1 || !isJobTitle(section.title)) return null;
  const [list] = section.blocks;
  if (list?.type !== "list" || list.children.length < MIN_PAGES) return null;
  const linkOnly = (item: ListItem) => {
    const [head, ...rest] = item.children;
    const nodes = head?.type === "paragraph" ? head.children.filter((n) => !(n.type === "text" && n.value.trim() === "")) : [];
    return rest.length === 0 && nodes.length === 1 && nodes[0]!.type === "link" && toString(nodes[0]!).trim() !== "";
  };
  return list.children.every(linkOnly) ? list : null;
}

/** A track lists at least this many pages: one link may be anything. */
const MIN_PAGES = 2;

/** The levels a track's page list names, one a link, in order (the list itself, targets included, is kept as written). */
export function readPageList(list: List): Result {
  const out = new Out();
  for (const item of list.children) if (item.position) out.level(toString(item).replace(/\s+/g, " ").trim(), item.position);
  return out.result();
}
