/**
 * The one table of known section names and labels, and the normalisation that matches
 * authors' headings against it: "## 🚀 Career Growth Path:", "3. **Growth paths**" and
 * "career growth" all name the same part. Beside it: the words that frame a title ("Career Path:
 * ML Engineer") and the unit words of ranges ("years", "meses", "년차"). Every word of these tables
 * is structure the extractors consume, not text they must keep (see `STRUCTURAL_WORDS`).
 */

/** The parts of a role guide that an extractor knows how to read. */
export type Concept =
  | "overview"
  | "responsibilities"
  | "skills"
  | "background"
  | "progression"
  | "alternatives"
  | "levels"
  | "growth"
  | "transitions"
  | "keySkills"
  | "hours"
  | "duration"
  | "mustHave"
  | "goodToHave"
  | "levelColumn"
  | "skillDetail";

/** Known names per part, written as authors write them; matching normalises both sides. */
const KNOWN: Record<Concept, readonly string[]> = {
  overview: [
    "overview", "role overview", "summary", "about", "about the role", "introduction", "description", "role description",
    "role summary", "what is this role", "definition", "role definition", "role mission", "mission",
    // Spanish, Portuguese, Korean, Chinese
    "resumen", "descripción general", "resumo", "visão geral", "개요", "직무 개요", "概述", "简介", "职位概述",
  ],
  responsibilities: [
    "responsibilities", "core responsibilities", "key responsibilities", "main responsibilities", "responsibility", "duties",
    "what you will do", "day to day", "typical responsibilities", "role responsibilities", "key duties", "accountabilities", "key accountabilities",
    // Spanish, Portuguese, Korean, Chinese
    "responsabilidades", "responsabilidades principales", "principais responsabilidades", "주요 업무", "담당 업무", "职责", "主要职责",
  ],
  skills: [
    "required skills", "skills", "core skills", "skill requirements", "skills required", "competencies", "technical skills",
    "key skills required", "soft skills", "tools", "tools and technologies", "technologies", "tech stack", "technology stack",
    "recommended technologies and tools to learn", "recommended tools", "skills to develop", "skills to master",
    "capability gap analysis", "capability gaps", "skill gaps",
    // Spanish, Portuguese, Korean, Chinese
    "habilidades", "habilidades requeridas", "competencias", "competências", "habilidades necessárias", "필요 역량", "기술 스택", "핵심 역량", "技能", "技能要求", "必备技能",
  ],
  background: [
    "typical background", "background", "education", "education and background", "qualifications", "educational background",
    // Spanish, Portuguese, Korean, Chinese
    "formación", "formação", "학력", "教育背景",
  ],
  progression: [
    "career progression", "career path", "career ladder", "ladder", "progression", "career progression path", "career paths",
    "traditional progression path", "progression path", "career paths overview", "typical career ladder",
    // Spanish, Portuguese, Korean, Chinese
    "trayectoria profesional", "plan de carrera", "progresión profesional", "plano de carreira", "progressão de carreira", "커리어 패스", "경력 경로", "职业路径", "职业发展",
  ],
  alternatives: ["alternative paths", "alternative careers", "alternatives", "related roles", "lateral moves", "specialized paths"],
  levels: [
    "experience levels", "levels", "career levels", "tech stack requirements by experience level", "requirements by experience level",
    "requirements by level", "skills by level", "role expectations by level", "expectations by level", "level expectations",
    "engineering levels", "job levels", "level definitions",
    // Spanish, Portuguese, Korean, Chinese
    "level structure", "levels structure",
    "niveles", "niveles de experiencia", "estructura de niveles", "níveis", "níveis de experiência", "estrutura de níveis", "레벨", "경력 단계", "级别", "职级",
  ],
  growth: ["career growth path", "growth path", "career growth", "growth", "growth paths"],
  transitions: [
    "transition paths", "transitions", "transition plans", "career transitions", "switching careers", "how to transition",
    "moving into this role", "common career transitions", "transitioning between roles", "common transition paths", "changing careers",
    // Spanish, Portuguese, Korean, Chinese
    "transiciones", "transições", "cambio de carrera", "mudança de carreira", "전환 경로", "직무 전환", "转型路径", "转行路径",
  ],
  keySkills: ["key skills", "focus skills", "habilidades clave", "habilidades-chave", "핵심 기술", "关键技能"],
  hours: [
    "time commitment", "weekly commitment", "hours", "hours per week", "time",
    "tiempo", "dedicación", "horas por semana", "tempo", "dedicação", "시간", "주당 시간", "时间投入", "每周时间",
  ],
  duration: ["duration", "timeline", "length", "transition timeline", "estimated timeline", "timeframe", "duración", "duração", "기간", "时长"],
  mustHave: ["must have", "must haves", "required", "requirements", "essential"],
  goodToHave: ["good to have", "nice to have", "nice to haves", "optional", "preferred", "bonus"],
  // Column headings that name the level a table row is about ("Level", "Level/Skill", "Position").
  levelColumn: ["position", "title", "job title", "grade", "level skill", "rank", "name"],
  // Labels that describe one skill rather than list several ("**Current Level**: Advanced").
  skillDetail: ["current level", "target level", "priority", "proficiency", "proficiency level", "development plan", "success indicators"],
};

/**
 * Words that frame a role's title rather than name the role: "Career Path: ML Engineer",
 * "Data Engineer Career Progression Ladder", "Site Reliability Engineer Levels".
 */
export const TITLE_FRAMING: readonly string[] = [
  "career progression ladder", "career progression guide", "career progression framework", "career progression", "career path",
  "career paths", "career guide", "career ladder", "progression framework", "framework", "levels", "ladder", "role guide",
];

/**
 * Unit and joining words of ranges and plans, in the languages the parser reads: "(2-4 years)",
 * "(0-2년차)", "(9 meses)", "第1-3个月", "Principal and Beyond". Han and kana count one character a word.
 */
export const UNIT_WORDS: readonly string[] = [
  "year", "years", "yr", "yrs", "month", "months", "mo", "mos", "week", "weeks", "wk", "hour", "hours", "hr", "hrs", "h", "plan",
  "level", "from", "to", "must", "have", "good", "and", "beyond", "above", "experience", "per", "at", "for", "the",
  "año", "años", "ano", "anos", "mes", "meses", "mês", "semana", "semanas", "de", "desde", "plan",
  "년", "년차", "개월", "주", "경력", "이상", "에서",
  "年", "个", "月", "周", "从", "第", "计", "划", "か", "以", "上", "经", "验", "more",
];

/** Endings glued to a word that extraction consumes: Korean's "에서" ("from": "데이터 분석가에서"). */
export const STRUCTURAL_SUFFIXES: readonly string[] = ["에서"];

/** Emoji, pictographs, variation selectors and joiners: decoration in headings, not words. */
const DECORATION = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{FE0E}\u{200D}\u{20E3}\u{E0020}-\u{E007F}]/gu;

/** Heading text without decoration: emoji, numbering ("1.", "14)", "IV."), markdown emphasis marks and a trailing colon. */
export function cleanHeading(text: string): string {
  // Whitespace is collapsed first, so that no pattern below meets a long run of it (linear time).
  return text
    .replace(DECORATION, " ")
    .replace(/\s+/g, " ")
    .replace(/^ ?(?:\d+(?:\.\d+)*[.)]?|[IVX]+\.) /, "")
    .replace(/[*_`]+/g, "")
    .replace(/ ?[:：] ?$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^["“](.*)["”]$/u, "$1")
    .replace(/ ?[:：]$/, "");
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** The matching key of a heading or label: cleaned, lower-cased, words singular, punctuation as spaces. */
export function normalizeName(text: string): string {
  // Headings and labels repeat across a site's guides ("Required Skills", "Overview"): each is normalised once.
  // Only short texts are kept: a heading or label, never a paragraph (memory stays small).
  if (text.length > MAX_KEYED_LENGTH) return normalize(text);
  let key = KEYS.get(text);
  if (key === undefined) {
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    KEYS.set(text, (key = normalize(text)));
  }
  return key;
}

/** Normalised keys by text, cleared when full so that a long run holds at most this many. */
const KEYS = new Map<string, string>();
const MAX_KEYS = 20_000;
const MAX_KEYED_LENGTH = 200;

function normalize(text: string): string {
  return cleanHeading(text)
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .map(singular)
    .join(" ");
}

const TABLE = new Map<string, Concept>();
for (const [concept, names] of Object.entries(KNOWN) as [Concept, readonly string[]][]) {
  for (const name of names) if (!TABLE.has(normalizeName(name))) TABLE.set(normalizeName(name), concept);
}

/**
 * The concept a heading or label names, or null.
 * @param text the heading or label as written
 * @param allowed when given, only these concepts count (a "Key Skills" label inside a plan is not the role's skills)
 */
export function conceptOf(text: string, allowed?: readonly Concept[]): Concept | null {
  const key = normalizeName(text);
  // "About our engineering framework" introduces the guide as "About" does.
  const concept = TABLE.get(key) ?? (key.startsWith("about ") ? "overview" : null);
  if (concept && allowed && !allowed.includes(concept)) return null;
  return concept;
}

/** The concept a key already normalised (`normalizeName`) names, or null: `conceptOf` without normalising twice. */
export function conceptOfKey(key: string): Concept | null {
  return TABLE.get(key) ?? (key.startsWith("about ") ? "overview" : null);
}

/** Whether `text`, normalised, starts with one of `names` normalised ("Required Skills" starts with "required"). */
export function startsWithName(text: string, names: readonly string[]): boolean {
  const key = normalizeName(text);
  return normalizedNames(names).some((n) => key === n || key.startsWith(`${n} `));
}

/** The names of a list normalised, once per list (the tables are constant). */
const normalized = new WeakMap<readonly string[], string[]>();
function normalizedNames(names: readonly string[]): string[] {
  let known = normalized.get(names);
  if (!known) normalized.set(names, (known = names.map(normalizeName)));
  return known;
}

/** The names of a concept, as written in the table. */
export function namesOf(concept: Concept): readonly string[] {
  return KNOWN[concept];
}

/** A word and, for Han and kana (written without spaces, counted a character at a time), each of its characters. */
const withCharacters = (word: string) => [word, ...(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(word) ? [...word] : [])];

/** Every word of the tables, normalised: structure the extractors consume rather than keep as text. */
export const STRUCTURAL_WORDS: ReadonlySet<string> = new Set(
  [
    ...[...TABLE.keys()].flatMap((key) => key.split(" ")),
    ...TITLE_FRAMING.flatMap((name) => normalizeName(name).split(" ")),
    ...UNIT_WORDS.map((word) => normalizeName(word)),
  ].flatMap(withCharacters),
);

/** Whether every word of `text` is structure (a known name, framing or unit word): such a heading says nothing of its own. */
export function isStructuralText(text: string): boolean {
  return normalizeName(text).split(" ").every((word) => word === "" || STRUCTURAL_WORDS.has(word));
}
