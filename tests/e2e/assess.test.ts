/**
 * "Where I stand" on the level comparison page: three answers and a note per requirement, kept in
 * the browser; a count per level and the closest level fully shown; keyboard alone; print as an
 * evidence sheet; export from one browser context and import in a fresh one; axe in light and dark.
 */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, horizontalOverflow, screenshot, useBrowser, watch } from "./helpers.ts";

const site = inject("siteUrl");
const LEVELS = "/roles/machine-learning-engineer/levels/";
const PLAN = "/roles/machine-learning-engineer/from/data-scientist/";
const OPTIONS = { viewport: { width: 1280, height: 900 }, acceptDownloads: true } as const;
const MID_MUST = ["Python with NumPy, Pandas, Scikit-learn", "ML Algorithms", "Jupyter Notebooks", "Git", "Advanced Data Structures", "Advanced Algorithms", "System Design Basics"];

const session = useBrowser(OPTIONS);

async function open(page: Page, url = `${site}${LEVELS}`): Promise<void> {
  await page.goto(url, { waitUntil: "networkidle" });
  await page.locator("[data-assess]").waitFor({ state: "visible" });
}

/** The answer `choice` of `requirement` at `level`. */
const answer = (page: Page, level: string, requirement: string, choice: string) =>
  page.locator(`[data-assess-level="${level}"]`).getByRole("group", { name: requirement, exact: true }).getByRole("radio", { name: choice, exact: true });

const counts = (page: Page) => page.locator("[data-assess-count]").allTextContents();
const closest = (page: Page) => page.locator("[data-assess-closest]").textContent();

/** Opens a level's fold, as a reader does, unless it is open. */
async function openLevel(page: Page, level: string): Promise<void> {
  const fold = page.locator(`[data-assess-level="${level}"]`);
  if (!(await fold.evaluate((el) => (el as HTMLDetailsElement).open))) await fold.locator("> summary").click();
}

/** Mid's must-haves shown, TensorFlow / PyTorch in progress, one note. */
async function placeMyself(page: Page): Promise<void> {
  await openLevel(page, "mid");
  for (const requirement of MID_MUST) await answer(page, "mid", requirement, "I can show this").check();
  await answer(page, "mid", "TensorFlow / PyTorch", "Working on it").check();
  await page.locator('[data-assess-level="mid"]').getByText("Evidence note for “Git”").click();
  await page.getByLabel("My evidence for “Git” (private, in this browser)").first().fill("Ran the team's branching model; see PR reviews");
}

describe("placing myself on a level", () => {
  it("counts each level's must-haves shown, names the closest level fully shown, and survives a reload", async () => {
    const page = await session.context.newPage();
    await open(page);
    expect(await closest(page)).toBe("Nothing placed yet: answer a requirement to start.");
    expect(await counts(page)).toEqual(["0 of 7 must-haves shown", "0 of 10 must-haves shown"]);
    await openLevel(page, "mid");
    await answer(page, "mid", "Git", "Not yet").check();
    expect(await closest(page)).toBe("No level has evidence for every must-have yet. Nearest: Mid: 0 of 7 must-haves shown.");
    await placeMyself(page);
    // One answer holds at every level that asks for the same thing: Experienced shares four of Mid's must-haves.
    expect(await counts(page)).toEqual(["7 of 7 must-haves shown", "4 of 10 must-haves shown"]);
    expect(await closest(page)).toBe("Closest level fully shown: Mid (evidence for all 7 must-haves). Next: Experienced: 4 of 10 must-haves shown.");
    expect(await page.locator("[data-assess-closest]").getAttribute("role")).toBe("status");
    // Shown at Experienced too, folded away until opened.
    expect(await page.locator('[data-assess-level="experienced"] [data-req="TensorFlow / PyTorch"] input[value="working"]').isChecked()).toBe(true);

    await page.reload();
    await page.locator("[data-assess]").waitFor({ state: "visible" });
    expect(await counts(page)).toEqual(["7 of 7 must-haves shown", "4 of 10 must-haves shown"]);
    expect(await answer(page, "mid", "Git", "I can show this").isChecked()).toBe(true);
    expect(await answer(page, "mid", "Git", "Not yet").isChecked()).toBe(false);
    expect(await page.getByLabel("My evidence for “Git” (private, in this browser)").first().inputValue()).toBe("Ran the team's branching model; see PR reviews");
    const saved = JSON.parse((await page.evaluate(() => localStorage.getItem("career-atlas:v1"))) ?? "null");
    expect(saved.version).toBe(1);
    expect(saved.levels["machine-learning-engineer"].git).toEqual({ state: "shown", note: "Ran the team's branching model; see PR reviews" });
    expect(Object.keys(saved.levels["machine-learning-engineer"])).toHaveLength(8);
    await page.locator("#where-i-stand").evaluate((el) => el.scrollIntoView());
    await screenshot(page, "levels-where-i-stand-1280-light", false);
  });

  it("works by keyboard alone: Tab to a requirement, arrows to choose", async () => {
    const page = await session.context.newPage();
    await open(page);
    await page.locator('[data-assess-level="mid"] > summary').focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe("I can show this");
    await page.keyboard.press("Space");
    expect(await answer(page, "mid", "Python with NumPy, Pandas, Scikit-learn", "I can show this").isChecked()).toBe(true);
    await page.keyboard.press("ArrowRight");
    expect(await answer(page, "mid", "Python with NumPy, Pandas, Scikit-learn", "Working on it").isChecked()).toBe(true);
    expect(await counts(page)).toEqual(["0 of 7 must-haves shown", "0 of 10 must-haves shown"]);
    // An answer can be taken back: Tab reaches the group's "Clear answer", then its note.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Clear answer for “Python with NumPy, Pandas, Scikit-learn”");
    await page.keyboard.press("Enter");
    expect(await answer(page, "mid", "Python with NumPy, Pandas, Scikit-learn", "Working on it").isChecked()).toBe(false);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe("I can show this");
    const saved = JSON.parse((await page.evaluate(() => localStorage.getItem("career-atlas:v1"))) ?? "null");
    expect(saved?.levels["machine-learning-engineer"]).toBeUndefined();
    await page.keyboard.press("ArrowRight");
    // Tab leaves the group for its note, then the next requirement.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Evidence note for “Python with NumPy, Pandas, Scikit-learn”");
  });

  it("prints as an evidence sheet: the answer given, not the three controls", async () => {
    const page = await session.context.newPage();
    await open(page);
    await placeMyself(page);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("[data-assess] input[type=radio]:visible").count()).toBe(0);
    const git = page.locator('[data-assess-level="mid"]').getByRole("group", { name: "Git", exact: true });
    expect(await git.locator("label:visible").allTextContents()).toEqual(["I can show this"]);
    expect(await git.locator("label:visible").evaluate((l) => getComputedStyle(l, "::before").content)).toContain("☑");
    expect(await page.locator("[data-assess-closest]").isVisible()).toBe(true);
    expect(await page.locator("[data-transfer]").isVisible()).toBe(false);
  });

  it("prints an evidence sheet on its own: the title and the answered requirements, nothing else", async () => {
    const page = await session.context.newPage();
    // The print dialog is the browser's: the test only records that the page asked for it.
    await page.addInitScript(() => {
      window.print = () => document.documentElement.setAttribute("data-test-printed", "");
    });
    await open(page);
    await placeMyself(page);
    await page.getByRole("button", { name: "Print my evidence sheet" }).press("Enter");
    expect(await page.locator("html").getAttribute("data-test-printed")).toBe("");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("h1").isVisible()).toBe(true);
    expect(await page.locator("table.compare").isVisible()).toBe(false);
    // Mid's 7 must-haves and TensorFlow / PyTorch; at Experienced the 5 of them it asks for too.
    expect(await page.locator('[data-assess-level="mid"] [data-req]:visible').count()).toBe(8);
    expect(await page.locator('[data-assess-level="experienced"] [data-req]:visible').count()).toBe(5);
    const note = page.locator('[data-assess-level="mid"] [data-req="Git"] textarea');
    expect([await note.isVisible(), await note.inputValue()]).toEqual([true, "Ran the team's branching model; see PR reviews"]);
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    expect(await page.locator("table.compare").isVisible()).toBe(true);
  });

  it("has no axe violation, light and dark, and fits 360 px", async () => {
    for (const [width, scheme] of [
      [1280, "light"],
      [360, "dark"],
    ] as const) {
      const context = await session.browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const problems = await watch(context);
      try {
        const page = await context.newPage();
        await open(page);
        await placeMyself(page);
        expect(await horizontalOverflow(page)).toBe(0);
        expect(await axeViolations(page)).toEqual([]);
        if (width === 360) await screenshot(page, "levels-where-i-stand-360-dark", false);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});

describe("on the role page", () => {
  it("offers the same answers in each level's part, shared with the level comparison page", async () => {
    const page = await session.context.newPage();
    await page.goto(`${site}/roles/machine-learning-engineer/`, { waitUntil: "networkidle" });
    const mid = page.locator("#level-mid");
    const fold = mid.locator('[data-assess-level="mid"]');
    await fold.locator("> summary").waitFor({ state: "visible" });
    expect(await fold.locator("[data-assess-count]").textContent()).toBe("0 of 7 must-haves shown");
    await fold.locator("> summary").focus();
    await page.keyboard.press("Enter");
    await fold.getByRole("group", { name: "Git", exact: true }).getByRole("radio", { name: "I can show this" }).check();
    expect(await fold.locator("[data-assess-count]").textContent()).toBe("1 of 7 must-haves shown");
    expect(await axeViolations(page)).toEqual([]);
    await fold.evaluate((el) => el.scrollIntoView());
    await screenshot(page, "role-where-i-stand-1280-light", false);
    await open(page);
    expect(await counts(page)).toEqual(["1 of 7 must-haves shown", "1 of 10 must-haves shown"]);
    expect(await page.locator('[data-assess-level="mid"] [data-req="Git"] input[value="shown"]').isChecked()).toBe(true);
  });
});

describe("taking it with me", () => {
  it("exports ticks and the self-assessment in one browser and restores both in a fresh one", async () => {
    const page = await session.context.newPage();
    await page.goto(`${site}${PLAN}`, { waitUntil: "networkidle" });
    await page.getByRole("checkbox", { name: "Kubernetes basics", exact: true }).check();
    await open(page);
    await placeMyself(page);
    await page.locator("[data-assess] [data-transfer] > summary").click();
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export my data (.json)" }).click()]);
    const folder = await mkdtemp(path.join(tmpdir(), "career-atlas-"));
    const saved = path.join(folder, "mine.json");
    await writeFile(saved, await readFile((await file.path())!, "utf8"));

    const fresh = await session.browser.newContext(OPTIONS);
    const problems = await watch(fresh);
    try {
      const other = await fresh.newPage();
      await open(other);
      expect(await counts(other)).toEqual(["0 of 7 must-haves shown", "0 of 10 must-haves shown"]);
      await other.locator("[data-assess] [data-transfer] > summary").click();
      await other.getByLabel("Import a file").setInputFiles(saved);
      await other.locator("[data-import-preview]").waitFor({ state: "visible" });
      expect(await other.locator("[data-import-summary]").textContent()).toMatch(/^mine\.json holds 1 plan \(1 tick, 0 notes\) and 8 requirements placed on 1 role’s levels\./);
      await other.getByRole("button", { name: "Merge with mine" }).click();
      expect(await counts(other)).toEqual(["7 of 7 must-haves shown", "4 of 10 must-haves shown"]);
      expect(await other.getByLabel("My evidence for “Git” (private, in this browser)").first().inputValue()).toBe("Ran the team's branching model; see PR reviews");
      await other.goto(`${site}${PLAN}`, { waitUntil: "networkidle" });
      await other.locator(".plan-tools").waitFor({ state: "visible" });
      expect(await other.getByRole("checkbox", { name: "Kubernetes basics", exact: true }).isChecked()).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
