/**
 * The markup the reader's tools work from (plan.js, assess.js, transfer.js, progress.js): the data
 * attributes the scripts read, and every control they need present, labelled, and hidden until a
 * script shows it, so that the pages read the same without JavaScript.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOk, readPage, tempDir, type Page } from "./helpers.ts";

const ROLE = "/roles/machine-learning-engineer/";
let root: string;

beforeAll(async () => {
  root = path.join(await tempDir(), "site");
  await buildOk({ inputs: ["seeds"], output: root });
}, 60_000);

/** The controls of `page` with neither one label (`for`) nor an aria-labelledby whose every id is on the page. */
function unlabelled(page: Page): string[] {
  const named = (control: Page["tree"]["children"][number] & { properties: Record<string, unknown> }): boolean => {
    const by = control.properties.ariaLabelledBy;
    if (Array.isArray(by) && by.length) return by.every((id) => page.all(`[id="${String(id)}"]`).length === 1);
    return page.all(`label[for="${String(control.properties.id)}"]`).length === 1;
  };
  return page
    .all("input:not([type=hidden]), textarea, select, summary")
    .filter((control) => (control.tagName === "summary" ? Array.isArray(control.properties.ariaLabelledBy) && !named(control) : !named(control)))
    .map((control) => String(control.properties.id ?? control.tagName));
}

describe("the plan page's tools", () => {
  it("give the scripts the plan's unit, length and hours, each topic's old id, and a hidden note per topic", async () => {
    const page = await readPage(root, `${ROLE}from/data-scientist/`);
    const checklist = page.one("#checklist");
    expect([checklist.properties.dataUnit, checklist.properties.dataMonths, checklist.properties.dataHoursMin, checklist.properties.dataHoursMax]).toEqual(["month", "9", "12", "18"]);
    const boxes = page.all("#checklist input[type=checkbox]");
    expect(boxes.every((b) => /^[0-9a-f]{10}(-\d+)?$/.test(String(b.properties.dataLegacyTopic)))).toBe(true);
    const notes = page.all("#checklist textarea[data-note]");
    expect(notes.map((n) => n.properties.dataNote)).toEqual(boxes.map((b) => b.properties.dataTopic));
    expect(page.all("[data-note-wrap]").every((d) => d.properties.hidden === true)).toBe(true);
    expect(page.all("[data-phase-when]")).toHaveLength(3);
    expect(page.one("#plan-hours").properties).toMatchObject({ type: "number", min: "1", max: "80" });
    expect(page.one("[data-plan-now]").properties.role).toBe("status");
    // Export, import and share, and the banner of a shared link, are hidden until a script shows them.
    expect(page.one("[data-transfer]").properties.hidden).toBe(true);
    expect(page.one("[data-shared]").properties.hidden).toBe(true);
    expect(unlabelled(page)).toEqual([]);
  });

  it("follow each plan's own hours", async () => {
    const page = await readPage(root, `${ROLE}from/software-engineer/`);
    expect(page.all("#plan-hours")).toHaveLength(1);
    expect(page.one("#checklist").properties.dataHoursMin).toBe("15");
  });
});

describe("the level comparison page's self-assessment", () => {
  it("has three labelled answers and a note for every requirement of every level, hidden without JavaScript", async () => {
    const page = await readPage(root, `${ROLE}levels/`);
    const section = page.one("#where-i-stand");
    expect(section.properties.hidden).toBe(true);
    expect(section.properties.dataRole).toBe("machine-learning-engineer");
    expect(page.all("[data-assess-level]").map((l) => l.properties.dataAssessLevel)).toEqual(["mid", "experienced"]);
    const items = page.all("[data-req]");
    expect(items).toHaveLength(36);
    for (const item of items) {
      expect(page.all("input[type=radio]", item).map((r) => r.properties.value)).toEqual(["shown", "working", "not-yet"]);
      expect(page.text("legend", item)).toBe(String(item.properties.dataReq));
      expect(page.all("textarea[data-assess-note]", item)).toHaveLength(1);
    }
    expect(page.all('[data-assess-level="mid"] [data-req][data-priority="must"]')).toHaveLength(7);
    expect(page.all('script[src="/assets/assess.js"]')).toHaveLength(1);
    expect(unlabelled(page)).toEqual([]);
  });
});
