/**
 * The reader's tools on a plan page: where I am today (with a fixed clock in the page), my own pace
 * and what it does to the dates and the .ics, a note per topic, export and import between two
 * browser contexts, a share link opened in a fresh one, keyboard alone, axe in light and dark.
 */
import { readFile, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { stableId } from "../../src/catalog/ids.ts";
import { axeViolations, horizontalOverflow, screenshot, useBrowser, watch } from "./helpers.ts";

const site = inject("siteUrl");
const DATA_SCIENTIST = "/roles/machine-learning-engineer/from/data-scientist/";
const PLAN = "machine-learning-engineer/data-scientist";
/** The page's today: 130 days after 2027-01-15. */
const TODAY = new Date("2027-05-25T10:00:00Z");
const OPTIONS = { viewport: { width: 1280, height: 900 }, acceptDownloads: true, timezoneId: "UTC" } as const;

const session = useBrowser(OPTIONS);

const box = (page: Page, text: string) => page.getByRole("checkbox", { name: text, exact: true });

async function open(page: Page, url = `${site}${DATA_SCIENTIST}`): Promise<void> {
  await page.clock.setFixedTime(TODAY);
  await page.goto(url, { waitUntil: "networkidle" });
  await page.locator(".plan-tools").waitFor({ state: "visible" });
}

const now = (page: Page) => page.locator("[data-plan-now]").textContent();

async function savedPlan(page: Page): Promise<{ done: string[]; start: string | null; hours: number | null; notes: Record<string, string> } | undefined> {
  const text = await page.evaluate(() => localStorage.getItem("career-atlas:v1"));
  return text === null ? undefined : JSON.parse(text).plans[PLAN];
}

/** A second, fresh browser context under the same watch, closed after `use`. */
async function freshContext<T>(use: (context: BrowserContext) => Promise<T>, scheme: "light" | "dark" = "light"): Promise<T> {
  const context = await session.browser.newContext({ ...OPTIONS, colorScheme: scheme });
  const problems = await watch(context);
  try {
    const result = await use(context);
    // Keeping or setting aside a shared state drops the link's fragment (history.replaceState), and
    // Chromium then fetches the tab icon again: closing the context cuts that fetch off, by our doing.
    expect(problems.filter((p) => !/^request failed: http:\/\/127\.0\.0\.1:\d+\/assets\/icon\.svg net::ERR_ABORTED$/.test(p))).toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}

describe("where am I", () => {
  it("says which phase and week a start 130 days back is in, and whether the ticks keep up", async () => {
    const page = await session.context.newPage();
    await open(page);
    expect(await now(page)).toBe("");
    await box(page, "Object-oriented programming patterns").check();
    await box(page, "Version control (Git), testing (pytest)").check();
    await page.getByLabel("I start on").fill("2027-01-15");
    // Phase 1 (3 topics) is over, 40 of phase 2's 91 days are: 3 + 1 topics are due, 2 ticked.
    expect(await now(page)).toBe("Phase 2 of 3, week 19 of 39: behind the dates (2 ticked of 4 topics due by today).");
    expect(await page.locator("[data-plan-now]").getAttribute("role")).toBe("status");
    // The past phase with a topic left is marked; the phase of today is too.
    expect(await page.locator("#phase-1 [data-phase-dates]").textContent()).toBe("Jan 15, 2027 to Apr 14, 2027 — ended with 1 topic not ticked");
    expect(await page.locator("#phase-1").getAttribute("class")).toContain("is-overdue");
    expect(await page.locator("#phase-2").getAttribute("class")).toContain("is-current");
    // The table and the timeline give dates instead of month numbers, and the column says so.
    expect(await page.locator("table.phases [data-when-heading]").textContent()).toBe("Dates");
    expect(await page.locator("table.phases [data-phase-when]").allTextContents()).toEqual([
      "Jan 15, 2027 – Apr 14, 2027 (past, not all ticked)",
      "Apr 15, 2027 – Jul 14, 2027",
      "Jul 15, 2027 – Oct 14, 2027",
    ]);
    expect(await page.locator(".timeline g.phase > text").first().textContent()).toBe("Jan 15, 2027 – Apr 14, 2027: Software Engineering Fundamentals");
    expect(await page.locator(".timeline g.axis text").first().textContent()).toBe("Jan 27");

    await box(page, "API design (REST, FastAPI)").check();
    await box(page, "Containerization (Docker)").check();
    expect(await now(page)).toBe("Phase 2 of 3, week 19 of 39: on track (4 ticked of 4 topics due by today).");
    await box(page, "Kubernetes basics").check();
    expect(await now(page)).toBe("Phase 2 of 3, week 19 of 39: ahead of the dates (5 ticked of 4 topics due by today).");
    expect(await page.locator("#phase-1").getAttribute("class")).not.toContain("is-overdue");
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("#checklist").evaluate((el) => el.scrollIntoView());
    await screenshot(page, "plan-where-am-i-1280-light", false);
    // Without a start date the table goes back to the author's month numbers.
    await page.getByLabel("I start on").fill("");
    expect(await page.locator("table.phases [data-when-heading]").textContent()).toBe("Months");
    expect(await page.locator("table.phases [data-phase-when]").first().textContent()).toBe("Months 1–3");
  });
});

describe("my pace", () => {
  async function finish(page: Page): Promise<string | null> {
    return page.locator("[data-plan-end] time").getAttribute("datetime");
  }

  it("starts at the author's hours; 4 hours a week stretches the plan, its dates and the .ics", async () => {
    const page = await session.context.newPage();
    await open(page);
    const hours = page.getByLabel("Hours a week");
    expect(await hours.inputValue()).toBe("15");
    expect(await page.locator("[data-pace-text]").textContent()).toBe("At 15 hours a week this plan takes about 9 months (the guide counts 12–18 hours a week for 9 months).");
    await page.getByLabel("I start on").fill("2027-01-15");
    expect(await finish(page)).toBe("2027-10-14");
    await hours.fill("4");
    // 15 / 4 × 9 months = 33.75 months: 33 calendar months, then 0.75 of an average month (23 days).
    expect(await page.locator("[data-pace-text]").textContent()).toMatch(/^At 4 hours a week this plan takes about 34 months/);
    expect(await finish(page)).toBe("2029-11-06");
    expect(await page.locator("#phase-2 [data-phase-dates] time").first().getAttribute("datetime")).toBe("2027-12-23");
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download calendar (.ics)" }).click()]);
    const calendar = new ICAL.Component(ICAL.parse(await readFile((await file.path())!, "utf8")) as unknown[]);
    const ends = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).endDate.toString());
    expect(ends).toEqual(["2027-12-23", "2028-11-30", "2029-11-07"]);
    // Kept across a reload; back at the author's pace, nothing is kept for it.
    await page.reload();
    await page.locator(".plan-tools").waitFor({ state: "visible" });
    expect(await hours.inputValue()).toBe("4");
    expect((await savedPlan(page))?.hours).toBe(4);
    await hours.fill("15");
    expect(await finish(page)).toBe("2027-10-14");
    expect((await savedPlan(page))?.hours).toBeNull();
  });
});

describe("notes", () => {
  it("keeps a note per topic, by keyboard alone", async () => {
    const page = await session.context.newPage();
    await open(page);
    const target = page.getByRole("checkbox", { name: "Kubernetes basics", exact: true });
    await target.focus();
    await page.keyboard.press("Space");
    expect(await target.isChecked()).toBe(true);
    await page.keyboard.press("Tab");
    const id = stableId(PLAN, "Kubernetes basics");
    // The fold is named after its topic, as is the note in it.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");
    expect(await page.locator(`summary[aria-labelledby="note-on-${id} topic-label-${id}"]`).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`note-${id}`);
    await page.keyboard.type("Did the kind tutorial");
    await page.reload();
    await page.locator(".plan-tools").waitFor({ state: "visible" });
    const note = page.getByRole("textbox", { name: "My note on Kubernetes basics", exact: true });
    expect(await note.inputValue()).toBe("Did the kind tutorial");
    expect(await note.isVisible()).toBe(true);
    expect((await savedPlan(page))?.notes).toEqual({ [stableId(PLAN, "Kubernetes basics")]: "Did the kind tutorial" });
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("take it with me", () => {
  it("exports in one browser and imports in a fresh one, after a preview", async () => {
    const page = await session.context.newPage();
    await open(page);
    await box(page, "Kubernetes basics").check();
    await box(page, "Containerization (Docker)").check();
    await page.getByLabel("I start on").fill("2027-01-15");
    await page.getByText("Take it with me: export, import, share").click();
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export my data (.json)" }).click()]);
    expect(file.suggestedFilename()).toBe("career-atlas-progress.json");
    const exported = JSON.parse(await readFile((await file.path())!, "utf8"));
    expect(exported.version).toBe(1);
    expect(exported.plans[PLAN].done).toHaveLength(2);
    const folder = await mkdtemp(path.join(tmpdir(), "career-atlas-"));
    const saved = path.join(folder, "export.json");
    await writeFile(saved, JSON.stringify(exported));
    const bad = path.join(folder, "bad.json");
    await writeFile(bad, JSON.stringify({ version: 7, plans: {} }));

    await freshContext(async (context) => {
      const other = await context.newPage();
      await open(other);
      expect(await other.locator("#checklist input[type=checkbox]:checked").count()).toBe(0);
      await other.getByText("Take it with me: export, import, share").click();
      await other.getByLabel("Import a file").setInputFiles(bad);
      await expect.poll(() => other.locator("[data-transfer-status]").textContent()).toMatch(/^bad\.json is not a Career Atlas export \(version 1\): nothing was changed/);
      await other.getByLabel("Import a file").setInputFiles(saved);
      await other.locator("[data-import-preview]").waitFor({ state: "visible" });
      expect(await other.locator("[data-import-summary]").textContent()).toMatch(/^export\.json holds 1 plan \(2 ticks, 0 notes\).*This browser holds 0 plans/);
      expect(await axeViolations(other)).toEqual([]);
      await other.getByRole("button", { name: "Replace mine" }).click();
      expect(await box(other, "Kubernetes basics").isChecked()).toBe(true);
      expect(await box(other, "Containerization (Docker)").isChecked()).toBe(true);
      expect(await other.getByLabel("I start on").inputValue()).toBe("2027-01-15");
      await open(other);
      expect(await other.locator("#checklist input[type=checkbox]:checked").count()).toBe(2);
    });
  });

  it("shares a link whose fragment shows the ticks in a fresh browser, which keeps them only when asked", async () => {
    const page = await session.context.newPage();
    await open(page);
    await box(page, "Kubernetes basics").check();
    await page.getByText("Take it with me: export, import, share").click();
    await page.getByRole("button", { name: "Make a share link" }).click();
    const link = await page.getByLabel("Share link").inputValue();
    expect(link.startsWith(`${site}${DATA_SCIENTIST}#saved=`)).toBe(true);

    for (const scheme of ["light", "dark"] as const) {
      await freshContext(async (context) => {
        const other = await context.newPage();
        await open(other, link);
        expect(await box(other, "Kubernetes basics").isChecked()).toBe(true);
        expect(await other.locator("[data-shared]").isVisible()).toBe(true);
        expect(await other.evaluate(() => localStorage.getItem("career-atlas:v1"))).toBeNull();
        expect(await horizontalOverflow(other)).toBe(0);
        expect(await axeViolations(other)).toEqual([]);
        if (scheme === "light") {
          await other.getByRole("button", { name: "Not now" }).click();
          expect(await box(other, "Kubernetes basics").isChecked()).toBe(false);
          return;
        }
        await other.getByRole("button", { name: "Keep it (replace mine)" }).click();
        expect(other.url()).toBe(`${site}${DATA_SCIENTIST}`);
        await open(other);
        expect(await box(other, "Kubernetes basics").isChecked()).toBe(true);
      }, scheme);
    }
  });
});
