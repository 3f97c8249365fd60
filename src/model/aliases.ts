/**
 * One name per role and per skill: the abbreviations and aliases that name the same thing, and the
 * keys that compare titles and skills through them. The merge stage joins roles whose titles have one
 * key ("ML Engineer", "Machine Learning Engineer") and gives every spelling of a skill one slug
 * ("K8s", "Kubernetes"), so they share one page.
 *
 * Sources of the tables: the spellings the guides of `tests/fixtures/corpus/` and `seeds/` use side
 * by side, and the projects' own documentation for the short names they accept (kubernetes.io: "K8s";
 * postgresql.org: "Postgres" is "an accepted nickname"; airflow.apache.org, spark.apache.org,
 * kafka.apache.org: "Apache X" is the project's full name; go.dev: "Golang" for searches). Only
 * aliases that cannot name anything else are here: "TF" (TensorFlow or Terraform), "PM" (product or
 * project) and "CV" (computer vision or résumé) are left out. A site's configuration adds its own.
 */
import { toSlug } from "./slug.ts";

/** Canonical name → the other names it is written as. */
export type AliasList = Readonly<Record<string, string | readonly string[]>>;

/**
 * What a site's configuration adds (its `aliases` key): each other name mapped to the name the guides
 * use, for words of role titles (`MLE: Machine Learning Engineer`) and for skills (`k8s: Kubernetes`).
 */
export interface ExtraAliases {
  roles?: Readonly<Record<string, string>>;
  skills?: Readonly<Record<string, string>>;
}

/** A configuration's alias → name map as a table of name → aliases. */
function byName(map: Readonly<Record<string, string>> = {}): AliasList {
  const out: Record<string, string[]> = {};
  for (const [alias, name] of Object.entries(map)) (out[name] ??= []).push(alias);
  return out;
}

/** Words and phrases of role titles. Whole words only: "ML" in "HTML Developer" is left alone. */
export const TITLE_ALIASES: AliasList = {
  "Machine Learning": ["ML"],
  "Artificial Intelligence": ["AI"],
  Senior: ["Sr", "Snr"],
  Junior: ["Jr", "Jnr"],
  "Site Reliability Engineer": ["SRE"],
  "Software Engineer": ["SWE"],
  "Software Development Engineer": ["SDE"],
  "Quality Assurance": ["QA"],
  "User Experience": ["UX"],
  "Business Intelligence": ["BI"],
  "Vice President": ["VP"],
  "Chief Technology Officer": ["CTO"],
  Manager: ["Mgr"],
  Frontend: ["Front-end", "Front End"],
  Backend: ["Back-end", "Back End"],
  "Full Stack": ["Fullstack", "Full-stack"],
  DevOps: ["Dev Ops"],
};

/** Skills: the canonical name is the one its page is titled with when a guide spells it so. */
export const SKILL_ALIASES: AliasList = {
  Airflow: ["Apache Airflow"],
  Spark: ["Apache Spark"],
  Kafka: ["Apache Kafka"],
  Kubernetes: ["K8s", "Kube"],
  JavaScript: ["JS", "ECMAScript"],
  TypeScript: ["TS"],
  PostgreSQL: ["Postgres", "Postgre"],
  MongoDB: ["Mongo"],
  Elasticsearch: ["Elastic Search"],
  Go: ["Golang"],
  "Node.js": ["Node", "NodeJS"],
  React: ["React.js", "ReactJS"],
  "Vue.js": ["Vue", "VueJS"],
  "Scikit-learn": ["sklearn", "Scikit learn", "SciKit-Learn"],
  AWS: ["Amazon Web Services"],
  GCP: ["Google Cloud Platform", "Google Cloud"],
  Azure: ["Microsoft Azure"],
  "Machine Learning": ["ML"],
  "Deep Learning": ["DL"],
  "Natural Language Processing": ["NLP"],
  "Large Language Models": ["LLMs", "LLM"],
  "CI/CD": ["CICD"],
  "GitHub Actions": ["GH Actions"],
};

/** The words of a title, lower-cased, without punctuation: "Sr. ML-Engineer" → sr, ml, engineer. */
export function titleWords(title: string): string[] {
  return title
    .normalize("NFKC")
    .toLocaleLowerCase("en")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function listOf(value: string | readonly string[]): readonly string[] {
  return typeof value === "string" ? [value] : value;
}

/** The alias tables, compiled for lookups. */
export class Aliases {
  /** Alias word sequences (joined by spaces) → the canonical words, longest alias first. */
  readonly #titles: { from: string[]; to: string[] }[] = [];
  /** Skill slug → the canonical skill's slug. */
  readonly #skills = new Map<string, string>();

  /**
   * @param extra a site's own aliases, added to the built-in tables (an extra alias of a word or
   *   skill the tables already know wins)
   */
  constructor(extra: ExtraAliases = {}) {
    const titles = new Map<string, string[]>();
    for (const table of [TITLE_ALIASES, byName(extra.roles)]) {
      for (const [canonical, aliases] of Object.entries(table)) {
        const to = titleWords(canonical);
        if (to.length === 0) continue;
        for (const alias of listOf(aliases)) {
          const from = titleWords(alias);
          if (from.length > 0 && from.join(" ") !== to.join(" ")) titles.set(from.join(" "), to);
        }
      }
    }
    this.#titles = [...titles].map(([from, to]) => ({ from: from.split(" "), to })).sort((a, b) => b.from.length - a.from.length);
    const skill = (from: string, to: string): void => {
      if (!from || !to || from === to) return;
      // A name is never an alias of another once it is a canonical name, and the aliases of a
      // name that becomes an alias follow it to its new name.
      this.#skills.delete(to);
      for (const [alias, name] of this.#skills) if (name === from) this.#skills.set(alias, to);
      this.#skills.set(from, to);
    };
    for (const table of [SKILL_ALIASES, byName(extra.skills)]) {
      for (const [canonical, aliases] of Object.entries(table)) for (const alias of listOf(aliases)) skill(toSlug(alias), toSlug(canonical));
    }
  }

  /** The words of `title` with every alias written out: "Sr. ML Engineer" → senior, machine, learning, engineer. */
  expand(title: string): string[] {
    const words = titleWords(title);
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      const hit = this.#titles.find((a) => a.from.every((w, k) => words[i + k] === w));
      if (hit) {
        out.push(...hit.to);
        i += hit.from.length;
      } else out.push(words[i++]!);
    }
    return out;
  }

  /** The key two titles of one role share: their expanded words. */
  titleKey(title: string): string {
    return this.expand(title).join(" ");
  }

  /** Whether `title` is written out: no word of it is an alias (the spelling a merged role keeps). */
  isWrittenOut(title: string): boolean {
    return titleWords(title).join(" ") === this.titleKey(title);
  }

  /** The slug a skill's page has: the canonical skill's for an alias ("k8s" → "kubernetes"), else its own. */
  skillSlug(slug: string): string {
    return this.#skills.get(slug) ?? slug;
  }
}

/** A word's stem for comparing titles: "engineers", "engineering" → "engineer". */
function stem(word: string): string {
  if (word.length > 6 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/**
 * The edit distance of `a` and `b` (insertions, deletions, substitutions), or `max + 1` once it is
 * known to exceed `max`: only a band of width 2·max+1 is computed, so long titles cost little.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(max + 1);
    row[0] = i;
    let best = row[0];
    for (let j = Math.max(1, i - max); j <= Math.min(b.length, i + max); j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j - 1]! + cost, (previous[j] ?? max + 1) + 1, row[j - 1]! + 1);
      best = Math.min(best, row[j]!);
    }
    if (best > max) return max + 1;
    previous = row;
  }
  return Math.min(previous[b.length]!, max + 1);
}

/** A title as `closeness` compares it, computed once per role. */
export interface TitleShape {
  /** The expanded words, joined by spaces. */
  joined: string;
  /** The words' stems. */
  stems: Set<string>;
  /** The words that hold a digit, joined: titles whose numbers differ are never close. */
  numbers: string;
}

/** @param words a title's expanded words (`Aliases.expand`) */
export function titleShape(words: readonly string[]): TitleShape {
  return { joined: words.join(" "), stems: new Set(words.map(stem)), numbers: words.filter((w) => /\p{N}/u.test(w)).join(" ") };
}

/**
 * Why two titles that the aliases do not join still look like one role, or null when they do not:
 * the same words but for endings or order ("Data Engineer", "Data Engineering"; "Engineer, Data"),
 * a slip of a letter or two ("Devops Enginer"), or four words in five shared. Titles whose numbers
 * differ ("Developer 1", "Developer 2") are never close: they name steps of one ladder.
 */
export function closeness(a: TitleShape, b: TitleShape): "same words" | "spelling" | "most words" | null {
  if (a.numbers !== b.numbers) return null;
  let shared = 0;
  for (const word of a.stems) if (b.stems.has(word)) shared++;
  if (shared === a.stems.size && shared === b.stems.size) return "same words";
  const shorter = Math.min(a.joined.length, b.joined.length);
  const slips = shorter >= 12 ? 2 : 1;
  if (shorter >= 6 && editDistance(a.joined, b.joined, slips) <= slips) return "spelling";
  if (shared >= 4 && shared / (a.stems.size + b.stems.size - shared) >= 0.8) return "most words";
  return null;
}

/** The built-in tables alone. */
export const defaultAliases = new Aliases();

const compiled = new Map<string, Aliases>();

/**
 * The tables with a site's aliases added, the same object for the same aliases: serve rebuilds with
 * one configuration, and the merge stage hands back the same role objects only for the same tables.
 */
export function aliasesFor(extra: ExtraAliases | undefined): Aliases {
  if (!extra || (Object.keys(extra.roles ?? {}).length === 0 && Object.keys(extra.skills ?? {}).length === 0)) return defaultAliases;
  const key = JSON.stringify([extra.roles ?? {}, extra.skills ?? {}]);
  let aliases = compiled.get(key);
  if (!aliases) {
    if (compiled.size >= 8) compiled.clear();
    compiled.set(key, (aliases = new Aliases(extra)));
  }
  return aliases;
}
