import { cp, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stableId } from "../../src/catalog/ids.ts";
import { loadRoles } from "../../src/load.ts";
import { Role } from "../../src/model/role.ts";
import { runBuild } from "../../src/cli.ts";
import { renameSources, sourceNamer } from "../../src/catalog/sources.ts";
import { roleSchema } from "../../src/site/plugin.ts";
import { buildOk, Capture, fileOf, href, listFiles, readPage, tempDir, toString } from "./helpers.ts";

const ROLE = "/roles/machine-learning-engineer/";
let root: string;
let out: Capture;
let err: Capture;
let code: number;

beforeAll(async () => {
  root = path.join(await tempDir(), "site");
  out = new Capture();
  err = new Capture();
  code = await runBuild({ inputs: ["seeds"], output: root, stdout: out, stderr: err });
}, 60_000);

describe("career-atlas build on the seeds", () => {
  it("succeeds and ends with a one-line summary of roles, pages, warnings and seconds", async () => {
    expect(code, `the build exited ${code}:\n${err.text}${out.text}`).toBe(0);
    const { files } = await loadRoles(["seeds"]);
    const warnings = files.reduce((n, f) => n + f.messages.filter((m) => m.fatal === false).length, 0);
    const pages = (await listFiles(root)).filter((f) => f.endsWith(".html")).length;
    const lines = out.text.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Built 1 role, ${pages} pages, ${warnings} warnings? in \\d+\\.\\d\\d s`));
    // Warnings are printed, and do not stop the build.
    expect(err.text).toContain("mojibake-repaired");
  });

  it("writes every page kind", async () => {
    const files = await listFiles(root);
    for (const file of [
      "index.html",
      "404.html",
      "assets/style.css",
      "roles/machine-learning-engineer/index.html",
      "roles/machine-learning-engineer/levels/index.html",
      "roles/machine-learning-engineer/from/data-scientist/index.html",
      "roles/machine-learning-engineer/from/software-engineer/index.html",
      "skills/index.html",
      "skills/pytorch/index.html",
      "skills/tensorflow/index.html",
      "progression/index.html",
      "api/roles.json",
      "api/roles/machine-learning-engineer.json",
      "api/role.schema.json",
    ]) {
      expect(files).toContain(file);
    }
    expect(files.filter((f) => f.startsWith("api/"))).toHaveLength(3);
  });

  it("loads only its own scripts, as external modules, with no inline script, event handler or style attribute", async () => {
    const scriptsOf = new Map<string, string[]>();
    for (const file of (await listFiles(root)).filter((f) => f.endsWith(".html"))) {
      const page = await readPage(root, `/${file}`);
      const scripts = page.all("script");
      for (const script of scripts) {
        expect(script.properties.type, file).toBe("module");
        expect(String(script.properties.src), file).toMatch(/^\/assets\/[a-z-]+\.js$/);
        expect(toString(script), file).toBe("");
      }
      scriptsOf.set(file, scripts.map((script) => String(script.properties.src)));
      expect(page.all("[style]"), file).toEqual([]);
      const handlers = page.all("*").filter((el) => Object.keys(el.properties).some((name) => /^on/i.test(name)));
      expect(handlers, file).toEqual([]);
    }
    expect(scriptsOf.get("index.html")).toEqual(["/assets/search.js", "/assets/progress.js"]);
    expect(scriptsOf.get("roles/machine-learning-engineer/index.html")).toEqual(["/assets/search.js", "/assets/role.js", "/assets/progress.js", "/assets/assess.js"]);
    expect(scriptsOf.get("progress/index.html")).toEqual(["/assets/search.js", "/assets/progress.js"]);
    expect(scriptsOf.get("roles/machine-learning-engineer/from/data-scientist/index.html")).toEqual(["/assets/search.js", "/assets/plan.js"]);
    expect(scriptsOf.get("roles/machine-learning-engineer/levels/index.html")).toEqual(["/assets/search.js", "/assets/compare.js", "/assets/assess.js"]);
    // Every script a page loads, and the module plan.js imports, is in the site.
    const files = await listFiles(root);
    for (const src of new Set([...scriptsOf.values()].flat())) expect(files).toContain(src.slice(1));
    for (const module of ["calendar", "schedule", "session", "storage", "transfer"]) expect(files).toContain(`assets/${module}.js`);
  });

  it("indexes every page but the 404, search and My progress pages for search, with Pagefind's library and no unused interface", async () => {
    const files = await listFiles(root);
    const entry = JSON.parse(await readFile(path.join(root, "pagefind/pagefind-entry.json"), "utf8"));
    const pages = files.filter((f) => f.endsWith(".html")).length;
    // Neither the 404 page nor the search results page nor My progress (both drawn in the browser) is indexed.
    expect(entry.languages.en.page_count).toBe(pages - 3);
    expect(files).toContain("pagefind/pagefind.js");
    expect(files.some((f) => f.startsWith("pagefind/fragment/"))).toBe(true);
    expect(files.filter((f) => /^pagefind\/pagefind-(ui|component-ui|modular-ui|highlight)\./.test(f))).toEqual([]);
    expect(out.text).toMatch(new RegExp(`\\(search index: ${pages - 3} pages, \\d+\\.\\d\\d s\\) → `));
    const notFound = await readPage(root, "/404.html");
    expect(notFound.all("[data-pagefind-body]")).toEqual([]);
    const role = await readPage(root, ROLE);
    expect(role.one("main").properties.dataPagefindMeta).toBe("kind:Role");
  });

  it("writes the stages' times as JSON to the file CAREER_ATLAS_TIMINGS names", async () => {
    const file = path.join(await tempDir(), "timings.json");
    const target = path.join(await tempDir(), "site");
    const before = process.env.CAREER_ATLAS_TIMINGS;
    process.env.CAREER_ATLAS_TIMINGS = file;
    try {
      await buildOk({ inputs: ["seeds"], output: target });
    } finally {
      if (before === undefined) delete process.env.CAREER_ATLAS_TIMINGS;
      else process.env.CAREER_ATLAS_TIMINGS = before;
    }
    const timings = JSON.parse(await readFile(file, "utf8"));
    expect(Object.keys(timings)).toEqual(["read", "parse", "extract", "validate", "merge", "load", "derive", "render", "search", "total"]);
    for (const value of Object.values(timings)) expect(value).toBeTypeOf("number");
    expect(timings.total).toBeGreaterThanOrEqual(timings.load + timings.derive + timings.render + timings.search);
    // Loaded in this thread (two files): the stages' sums fit inside the load's wall time.
    expect(timings.parse).toBeGreaterThan(0);
    expect(timings.read + timings.parse + timings.extract + timings.validate + timings.merge).toBeLessThanOrEqual(timings.load);
  }, 60_000);
});

describe("every page", () => {
  it("has a search box that, without JavaScript, is a link to the skill index", async () => {
    for (const file of (await listFiles(root)).filter((f) => f.endsWith(".html"))) {
      const page = await readPage(root, `/${file}`);
      const search = page.one("header .site-search");
      const fallback = page.one("a", search);
      expect([href(fallback), fallback.properties.hidden], file).toEqual(["/skills/", undefined]);
      const form = page.one("form[role=search]", search);
      expect(form.properties.hidden, file).toBe(true);
      expect(page.text(`label[for="${page.one("input[type=search]", form).properties.id}"]`, form)).toBe("Search roles, skills and plans");
    }
  });
});

describe("home page", () => {
  it("shows each role with its summary, level range in years and what it offers", async () => {
    const page = await readPage(root, "/");
    const card = page.one(".card");
    expect(href(page.one("h2 a", card))).toBe(ROLE);
    expect(page.text("h2", card)).toBe("Machine Learning Engineer");
    expect(page.text("p", card)).toMatch(/^Builds scalable ML systems/);
    expect(page.text(".facts", card)).toContain("2+ years: Mid (2–4 years), Experienced (4+ years)");
    expect(page.text(".facts", card)).toContain("2 levels · 2 transition plans");
    expect(page.all("a", card).map(href)).toEqual(
      expect.arrayContaining([`${ROLE}levels/`, `${ROLE}from/data-scientist/`, `${ROLE}from/software-engineer/`]),
    );
    const links = page.all("main a").map(href);
    expect(links).toContain("/skills/");
    expect(links).toContain("/progression/");
  });
});

describe("role page", () => {
  it("shows summary, responsibilities, background and skills by category", async () => {
    const page = await readPage(root, ROLE);
    expect(page.text("h1")).toBe("Machine Learning Engineer");
    expect(page.text(".lead")).toMatch(/^Builds scalable ML systems/);
    expect(page.texts("#responsibilities li")).toContain("Deploy models to production with monitoring");
    expect(page.text("#background p")).toMatch(/^Bachelor's or Master's/);
    expect(page.texts("#skills h3")).toEqual(["Technical", "Tools", "Soft"]);
    expect(page.all("#skills a").map(href)).toContain("/skills/pytorch/");
  });

  it("shows each level with its requirements grouped", async () => {
    const page = await readPage(root, ROLE);
    expect(page.texts("#levels .level h3")).toEqual(["Mid 2–4 years", "Experienced 4+ years"]);
    expect(page.texts("#level-mid h4")).toEqual(["Must-have", "Good-to-have"]);
    expect(page.texts("#level-experienced h4")).toEqual(["Must-have", "Good-to-have", "Production Support & Miscellaneous"]);
    const compound = page.all("#level-mid li.req").find((li) => page.text(".req-text", li) === "TensorFlow / PyTorch")!;
    expect(compound.properties.className).toContain("req-good");
    expect(page.all(".req-text a", compound).map(href)).toEqual(["/skills/tensorflow/", "/skills/pytorch/"]);
    expect(page.text(".req-detail", compound)).toBe("— Deep Learning Frameworks");
  });

  it("shows ladders, alternative paths, growth, plans, comparison link and sources", async () => {
    const page = await readPage(root, ROLE);
    expect(page.all("#ladders ol.ladder").map((ol) => page.texts("li", ol).length)).toEqual([4, 5]);
    expect(page.all("#ladders ol.ladder a").map(href)).toContain("/progression/#title-senior-ml-engineer");
    expect(page.texts("#alternatives li")).toEqual(["Data Scientist", "Research Scientist", "Platform Engineer"]);
    expect(page.texts("#growth summary h4")[0]).toBe("Mid → Experienced");
    expect(page.texts("#growth ul")[0]).toContain("Learn MLOps and production deployment");
    expect(page.all("#plans a").map(href)).toEqual([`${ROLE}from/data-scientist/`, `${ROLE}from/software-engineer/`]);
    expect(page.all("main a").map(href)).toContain(`${ROLE}levels/`);
    // Named relative to the input folder (seeds/), as in the API; with no repository configured, not linked.
    expect(page.texts("#sources code")).toEqual(["machine-learning-engineer-levels.md", "machine-learning-engineer-transitions.md"]);
    expect(page.all("#sources a")).toEqual([]);
  });
});

describe("level comparison page", () => {
  it("has a row per skill and a column per level", async () => {
    const page = await readPage(root, `${ROLE}levels/`);
    expect(page.texts("table.compare thead th")).toEqual(["Skill", "Mid 2–4 years", "Experienced 4+ years"]);
    const row = (name: string) => page.all("table.compare tbody tr").find((tr) => page.text("th", tr) === name)!;
    expect(page.texts("td", row("PyTorch"))).toEqual(["Good-to-have", "Must-have"]);
    expect(page.texts("td", row("Kubernetes"))).toEqual(["not listed", "Good-to-have"]);
    expect(page.texts("td", row("Git"))).toEqual(["Must-have", "Must-have"]);
  });

  it("offers two levels to compare, hidden until the browser script shows them, and a table that scrolls under its header", async () => {
    const page = await readPage(root, `${ROLE}levels/`);
    const tools = page.one(".compare-tools");
    expect(tools.properties.hidden).toBe(true);
    expect(page.all("select", tools).map((select) => page.texts("option", select))).toEqual([
      ["Mid", "Experienced"],
      ["Mid", "Experienced"],
    ]);
    expect(page.all("option[selected]", tools).map((o) => o.properties.value)).toEqual(["0", "1"]);
    expect(page.one(".compare-scroll").properties.tabIndex).toBe(0);
  });

  it("lists TensorFlow / PyTorch as promoted to must-have from Mid to Experienced", async () => {
    const page = await readPage(root, `${ROLE}levels/`);
    const step = page.one("#step-mid-to-experienced");
    expect(page.text("h3", step)).toBe("Mid → Experienced");
    expect(page.texts("h4", step)).toEqual(["Now a must-have", "New at this level", "Not mentioned at this level"]);
    expect(page.texts("ul.promoted .req-text", step)).toEqual(["TensorFlow / PyTorch", "MLOps Tools", "Cloud ML Services", "Data Pipeline Tools"]);
    expect(page.texts("ul.removed .req-text", step)).toEqual(["Advanced Data Structures", "Advanced Algorithms", "System Design Basics"]);
    expect(page.texts("ul.added .req-text", step)).toContain("Kubernetes");
    expect(page.texts("ul.added .req-text", step)).not.toContain("TensorFlow / PyTorch");
  });
});

describe("skill pages", () => {
  it("index lists every skill A–Z with counts", async () => {
    const page = await readPage(root, "/skills/");
    const names = page.texts("ul.index a");
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    const skills = (await readdir(path.join(root, "skills"), { withFileTypes: true })).filter((e) => e.isDirectory());
    expect(names).toHaveLength(skills.length);
    const pytorch = page.all("ul.index li").find((li) => page.text("a", li) === "PyTorch")!;
    expect(page.text(".meta", pytorch)).toBe("2 levels in 1 role · 1 plan phase");
    expect(page.all(".letters a").map(href)).toContain("#letter-p");
  });

  it("PyTorch lists Machine Learning Engineer at Experienced as must-have and the From Software Engineer plan's months 1–4", async () => {
    const page = await readPage(root, "/skills/pytorch/");
    expect(page.text("h1")).toBe("PyTorch");
    const rows = page.all("#levels tbody tr").map((tr) => page.texts("td", tr));
    expect(rows).toContainEqual(["Machine Learning Engineer", "Experienced", "Must-have", "TensorFlow / PyTorch"]);
    expect(rows).toContainEqual(["Machine Learning Engineer", "Mid", "Good-to-have", "TensorFlow / PyTorch"]);
    const plan = page.one("#plans > ul > li");
    expect(href(page.one("a", plan))).toBe(`${ROLE}from/software-engineer/`);
    expect(page.text("a", plan)).toBe("From Software Engineer to Machine Learning Engineer");
    expect(page.texts("li li", plan)).toEqual(["Months 1–4: ML Foundations"]);
    expect(href(page.one("li li a", plan))).toBe(`${ROLE}from/software-engineer/#phase-1`);
    expect(page.all("#plans > ul > li")).toHaveLength(1);
  });
});

describe("progression page", () => {
  it("draws the merged ladders as an inline SVG with the same content as the list beside it", async () => {
    const page = await readPage(root, "/progression/");
    const svg = page.one("svg.graph");
    const drawn = page.texts("svg.graph text");
    const listed = page.texts("ul.nodes li > strong, ul.nodes li > a > strong");
    expect(drawn).toHaveLength(7);
    expect(new Set(drawn)).toEqual(new Set(listed));
    expect(drawn).toContain("Staff/Principal");
    expect(page.all("path", page.one("g.edges", svg))).toHaveLength(6);
    const senior = page.one("#title-senior-ml-engineer");
    expect(page.all("a", senior).map(href)).toEqual(expect.arrayContaining(["#title-ml-lead", "#title-staff-principal", "#title-ml-engineer", ROLE]));
  });
});

describe("transition plan page", () => {
  it("shows the Data Scientist plan's 9 months, 12–18 hours a week and its total", async () => {
    const page = await readPage(root, `${ROLE}from/data-scientist/`);
    expect(page.text("h1")).toBe("From Data Scientist to Machine Learning Engineer");
    // The length as the guide writes it.
    expect(page.text("dd.months")).toBe("9-month plan");
    expect(page.text("dd.hours")).toBe("12–18 hours a week");
    expect(page.text("dd.total-hours")).toBe("468–702 hours over about 39 weeks");
    expect(page.all("dd.key-skills a").map(href)).toEqual(["/skills/software-engineering/", "/skills/kubernetes/", "/skills/mlops/"]);
  });

  it("draws the timeline and gives the same phases as a table", async () => {
    const page = await readPage(root, `${ROLE}from/data-scientist/`);
    expect(page.all("svg.timeline .phase rect")).toHaveLength(3);
    expect(page.texts("svg.timeline .phase > text")).toEqual([
      "Months 1–3: Software Engineering Fundamentals",
      "Months 4–6: ML Production",
      "Months 7–9: Infrastructure & Scale",
    ]);
    expect(page.all("table.phases tbody tr").map((tr) => page.texts("th, td", tr))).toEqual([
      ["1", "Months 1–3", "3", "Software Engineering Fundamentals"],
      ["2", "Months 4–6", "3", "ML Production"],
      ["3", "Months 7–9", "3", "Infrastructure & Scale"],
    ]);
  });

  it("lists every phase's topics as a checklist", async () => {
    const page = await readPage(root, `${ROLE}from/software-engineer/`);
    const boxes = page.all("#checklist input[type=checkbox]");
    expect(boxes).toHaveLength(9);
    for (const box of boxes) expect(page.all(`label[for="${box.properties.id}"]`)).toHaveLength(1);
    expect(page.texts("#phase-1 label")).toContain("Frameworks: TensorFlow, PyTorch");
    expect(page.text("#phase-1 h3")).toBe("Months 1–4: ML Foundations");
    expect(page.all("#phase-1 .meta a").map(href)).toEqual(expect.arrayContaining(["/skills/pytorch/", "/skills/tensorflow/"]));
    // The starting role is not in the catalog: no comparison of skills.
    expect(page.all("#gap")).toEqual([]);
  });

  it("marks the plan, phases and topics with the stable ids and months the browser script reads, its tools hidden without it", async () => {
    const page = await readPage(root, `${ROLE}from/software-engineer/`);
    const checklist = page.one("#checklist");
    expect(checklist.properties.dataPlan).toBe("machine-learning-engineer/software-engineer");
    expect(checklist.properties.dataCalendarFile).toBe("machine-learning-engineer-from-software-engineer.ics");
    const phases = page.all("#checklist section.phase");
    expect(phases.map((p) => [p.properties.dataStartMonth, p.properties.dataEndMonth, p.properties.dataSummary])).toEqual([
      ["1", "4", "Months 1–4: ML Foundations"],
      ["5", "7", "Months 5–7: ML Systems"],
      ["8", "10", "Months 8–10: Production ML"],
    ]);
    expect(phases[0]!.properties.dataPhase).toBe(stableId("ML Foundations"));
    const box = page.all("input[type=checkbox]", phases[0]).find((b) => page.text(`label[for="${b.properties.id}"]`) === "Frameworks: TensorFlow, PyTorch")!;
    expect(box.properties.dataTopic).toBe(stableId("machine-learning-engineer/software-engineer", "Frameworks: TensorFlow, PyTorch"));
    expect(box.properties.dataLegacyTopic).toBe(stableId("ML Foundations", "Frameworks: TensorFlow, PyTorch"));
    expect(box.properties.id).toBe(`topic-${box.properties.dataTopic}`);
    // What only works with JavaScript is hidden until the script shows it.
    expect(page.one(".plan-tools").properties.hidden).toBe(true);
    expect(page.all("section.phase [data-progress]").map((p) => p.properties.hidden)).toEqual([true, true, true]);
    expect(page.one("#progress-plan").properties.max).toBe("9");
    expect(page.all("[data-phase-dates]").every((p) => p.properties.hidden === true)).toBe(true);
  });
});

describe("machine-readable files", () => {
  it("serves the roles as the model, one file per role and the JSON Schema", async () => {
    const roles = JSON.parse(await readFile(path.join(root, "api/roles.json"), "utf8")) as unknown[];
    expect(roles).toHaveLength(1);
    const role = Role.parse(roles[0]);
    expect(role.slug).toBe("machine-learning-engineer");
    const single = JSON.parse(await readFile(fileOf(root, "/api/roles/machine-learning-engineer.json"), "utf8"));
    expect(single).toEqual(roles[0]);
    const { roles: loaded } = await loadRoles(["seeds"]);
    // The model, its source paths relative to the input folder it was found in (seeds/).
    expect(single).toEqual(JSON.parse(JSON.stringify(renameSources(structuredClone(loaded[0]!), sourceNamer(["seeds"])))));
    expect(JSON.stringify(single)).not.toContain("seeds/");
    const schema = JSON.parse(await readFile(path.join(root, "api/role.schema.json"), "utf8"));
    expect(schema).toEqual(roleSchema());
    expect(schema.properties.levels).toBeDefined();
  });

  it("has a 404 page that leads home", async () => {
    const page = await readPage(root, "/404.html");
    expect(page.text("h1")).toBe("Page not found");
    expect(page.all("main a").map(href)).toContain("/");
  });
});

describe("rebuilds", () => {
  async function snapshot(dir: string): Promise<Map<string, string>> {
    const files = await listFiles(dir);
    return new Map(await Promise.all(files.map(async (f) => [f, (await readFile(path.join(dir, f))).toString("base64")] as const)));
  }

  it("gives byte-identical folders for the same input", async () => {
    const again = path.join(await tempDir(), "site");
    await buildOk({ inputs: ["seeds"], output: again });
    expect(await snapshot(again)).toEqual(await snapshot(root));
  }, 60_000);

  it("replaces the previous site as a whole", async () => {
    const parent = await tempDir();
    const target = path.join(parent, "site");
    await buildOk({ inputs: ["seeds"], output: target });
    await writeFile(path.join(target, "stale.html"), "<p>old</p>");
    await buildOk({ inputs: ["seeds"], output: target });
    expect(await listFiles(target)).not.toContain("stale.html");
    expect(await readdir(parent)).toEqual(["site"]);
  }, 60_000);

  it("exits 1 on an input error and leaves the previous site byte for byte as it was", async () => {
    const parent = await tempDir();
    const target = path.join(parent, "site");
    await buildOk({ inputs: ["seeds"], output: target });
    const before = await snapshot(target);
    const input = path.join(await tempDir("career-atlas-input-"), "guides");
    await cp("seeds", input, { recursive: true });
    await writeFile(path.join(input, "broken.md"), Buffer.from("# Broken Role\n\n## Overview\nA byte that is not UTF-8: \xff here.\n", "latin1"));
    const stdout = new Capture();
    const stderr = new Capture();
    expect(await runBuild({ inputs: [input], output: target, stdout, stderr })).toBe(1);
    expect(stderr.text).toContain("invalid-utf8");
    expect(stdout.text).toBe("");
    expect(await snapshot(target)).toEqual(before);
    expect(await readdir(parent)).toEqual(["site"]);
  }, 60_000);
});
