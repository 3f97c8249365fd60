import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { titleId } from "../../src/catalog/ladders.ts";
import { titleAnchor } from "../../src/catalog/urls.ts";
import { buildSite } from "../../src/site/render.ts";
import { dataScientist } from "../catalog/seed-roles.ts";
import { EVIL, evilRole, fixtureRoles } from "./fixture-roles.ts";
import { href, listFiles, readPage, tempDir, toString } from "./helpers.ts";

let root: string;

beforeAll(async () => {
  root = path.join(await tempDir(), "site");
  const result = await buildSite(fixtureRoles, root);
  expect(result.pages).toBe((await listFiles(root)).filter((f) => f.endsWith(".html")).length);
}, 60_000);

describe("escaping", () => {
  it("escapes every string from the input on every page", async () => {
    for (const file of (await listFiles(root)).filter((f) => f.endsWith(".html"))) {
      const page = await readPage(root, `/${file}`);
      expect(page.all("script:not([src]), img, [onerror]"), file).toEqual([]);
      for (const script of page.all("script")) expect(String(script.properties.src), file).toMatch(/^\/assets\/[a-z-]+\.js$/);
    }
    const role = await readPage(root, "/roles/evil-role/");
    expect(role.text("h1")).toBe(`Evil ${EVIL}`);
    expect(role.texts("#responsibilities li")).toEqual([`Responsibility ${EVIL}`]);
    expect(role.texts("#level-evil-level h4")).toEqual(["Must-have", `Group ${EVIL}`]);
    expect(role.texts("#sources code")).toEqual([`guide-${EVIL}.md`]);
    const plan = await readPage(root, "/roles/evil-role/from/origin/");
    // Topics are markdown: the <script> (beyond the safe list) shows as written, the <img> (whose
    // source the site cannot follow) as its label, the entity as its character.
    expect(plan.texts("#checklist .checklist label")).toEqual([`Topic <script>alert("x")</script>Image&`]);
    expect(plan.texts("svg.timeline .phase > text")[0]).toContain("Phase <script>");
    const progression = await readPage(root, "/progression/");
    expect(progression.texts("svg.graph text")).toContain(`Rung ${EVIL}`);
  });

  it("keeps the strings intact in the JSON", async () => {
    const json = JSON.parse(await readFile(path.join(root, "api/roles/evil-role.json"), "utf8"));
    expect(json).toEqual(JSON.parse(JSON.stringify(evilRole)));
  });

  it("shortens long page titles", async () => {
    const role = await readPage(root, "/roles/evil-role/");
    expect(role.text("title")).toMatch(/^Evil <script>.*…$/);
    expect((await readPage(root, "/skills/pytorch/")).text("title")).toBe("PyTorch · Career Atlas");
  });
});

describe("a plan from a role in the catalog", () => {
  it("shows which of the target's must-have skills the reader has and which are left", async () => {
    const page = await readPage(root, "/roles/machine-learning-engineer/from/data-scientist/");
    expect(page.all("dl.plan-facts a").map(href)).toContain("/roles/data-scientist/");
    const gap = page.one("#gap");
    expect(page.text("h2", gap)).toBe("What you bring from Data Scientist");
    expect(page.all("p a", gap).map(href)).toEqual(["/roles/machine-learning-engineer/#level-mid"]);
    expect(page.texts("ul.tags a", gap)).toEqual(["Python", "NumPy", "Pandas", "Scikit-learn", "Jupyter Notebooks"]);
    const left = page.all("ul.gap-left > li", gap);
    expect(left.map((li) => page.text("a", li))).toEqual(["ML Algorithms", "Git", "Advanced Data Structures", "Advanced Algorithms", "System Design Basics"]);
    const git = left.find((li) => page.text("a", li) === "Git")!;
    expect(page.all("a", git).map(href)).toEqual(["/skills/git/", "#phase-1"]);
  });

  it("says how many hours an open-ended plan asks for at least", async () => {
    const page = await readPage(root, "/roles/evil-role/from/origin/");
    expect(page.text("dd.hours")).toBe("5+ hours a week");
    expect(page.text("dd.total-hours")).toBe("43+ hours over about 9 weeks");
  });
});

describe("role pages", () => {
  it("renders unplaced sections as markdown, folded under their heading, raw HTML beyond the safe list as text", async () => {
    const page = await readPage(root, "/roles/data-scientist/");
    const section = page.one("#more details.unplaced");
    expect(section.properties.open).toBeUndefined();
    expect(page.text("summary h3", section)).toBe("Team <Size>");
    expect(dataScientist.sections[0]!.text).toContain("**3–5**");
    expect(page.text(".md strong", section)).toBe("3–5");
    expect(page.text(".md p", section)).toBe("Usually 3–5 people & a <lead>.");
    expect(page.texts(".md li", section)).toEqual(["one", "two"]);
    expect(page.all("pre", section)).toEqual([]);
    expect(page.text("p.meta code", section)).toBe("data-scientist.md");
  });

  it("links titles that are roles in the catalog", async () => {
    const ds = await readPage(root, "/roles/data-scientist/");
    expect(ds.all("#alternatives a").map(href)).toEqual(["/roles/machine-learning-engineer/"]);
    expect(ds.all("#ladders ol.ladder a").map(href)).toContain("/roles/data-scientist/");
    const progression = await readPage(root, "/progression/");
    expect(progression.all("svg.graph a").map(href).sort()).toEqual(["/roles/data-scientist/", "/roles/machine-learning-engineer/"]);
    expect(progression.all("#title-machine-learning-engineer > a").map(href)[0]).toBe("/roles/machine-learning-engineer/");
    expect(progression.all("#title-machine-learning-engineer > a").map(href)).toContain(`#${titleAnchor(titleId(`Rung ${EVIL}`))}`);
  });

  it("says when a level lists no requirements", async () => {
    const page = await readPage(root, "/roles/evil-role/");
    expect(page.text("#level-next")).toContain("No requirements listed.");
  });
});

describe("home and skills", () => {
  it("lists every role in title order", async () => {
    const page = await readPage(root, "/");
    expect(page.texts(".card h2")).toEqual(["Data Scientist", `Evil ${EVIL}`, "Machine Learning Engineer"]);
  });

  it("joins a skill across roles on its page", async () => {
    const page = await readPage(root, "/skills/python/");
    const roles = page.all("#levels tbody tr").map((tr) => page.texts("td", tr)[0]);
    expect(new Set(roles)).toEqual(new Set(["Data Scientist", "Machine Learning Engineer"]));
    expect(page.texts("#levels > ul li")).toEqual(["Data Scientist (Technical)", "Machine Learning Engineer (Technical)"]);
  });
});
