/**
 * Following a transition plan in the browser: ticks kept in localStorage under stable ids,
 * progress bars, the start date, the .ics calendar, the reset and its confirmation.
 */
import { readFile } from "node:fs/promises";
import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { stableId } from "../../src/catalog/ids.ts";
import { axeViolations, horizontalOverflow, keepForReadme, screenshot, useBrowser, watch } from "./helpers.ts";

const site = inject("siteUrl");
const DATA_SCIENTIST = "/roles/machine-learning-engineer/from/data-scientist/";
const SOFTWARE_ENGINEER = "/roles/machine-learning-engineer/from/software-engineer/";
const PLAN = "machine-learning-engineer/data-scientist";
const STORAGE_KEY = "career-atlas:v1";
/** The key older releases kept this plan's ticks under, read once and removed. */
const LEGACY_KEY = `career-atlas:plan:${PLAN}`;

/** This plan's entry in the saved state, or undefined. */
async function savedPlan(page: Page): Promise<{ done: string[]; start: string | null; hours: number | null; notes: Record<string, string> } | undefined> {
  const text = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  return text === null ? undefined : JSON.parse(text).plans[PLAN];
}

const session = useBrowser({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });

/** The checkbox of the topic labelled `text`. */
const box = (page: Page, text: string) => page.getByRole("checkbox", { name: text, exact: true });

async function progress(page: Page, selector: string): Promise<{ value: number; max: number; text: string }> {
  return page.locator(selector).evaluate((block) => {
    const bar = block.querySelector("progress")!;
    return { value: bar.value, max: bar.max, text: block.querySelector("[data-progress-text]")!.textContent ?? "" };
  });
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${site}${path}`);
  await page.locator(".plan-tools").waitFor({ state: "visible" });
}

describe("ticks", () => {
  it("survive a reload, with the progress bars at the right fraction", async () => {
    const page = await session.context.newPage();
    await open(page, DATA_SCIENTIST);
    expect(await progress(page, ".plan-tools [data-progress]")).toEqual({ value: 0, max: 9, text: "0 of 9 topics done (0%)" });
    await box(page, "Version control (Git), testing (pytest)").check();
    await box(page, "Kubernetes basics").check();
    await page.reload();
    await page.locator(".plan-tools").waitFor({ state: "visible" });
    expect(await box(page, "Version control (Git), testing (pytest)").isChecked()).toBe(true);
    expect(await box(page, "Kubernetes basics").isChecked()).toBe(true);
    expect(await page.locator("#checklist input[type=checkbox]:checked").count()).toBe(2);
    expect(await progress(page, ".plan-tools [data-progress]")).toEqual({ value: 2, max: 9, text: "2 of 9 topics done (22%)" });
    expect(await progress(page, "#phase-1 [data-progress]")).toEqual({ value: 1, max: 3, text: "1 of 3 topics done (33%)" });
    expect(await progress(page, "#phase-2 [data-progress]")).toEqual({ value: 0, max: 3, text: "0 of 3 topics done (0%)" });
    expect(await progress(page, "#phase-3 [data-progress]")).toEqual({ value: 1, max: 3, text: "1 of 3 topics done (33%)" });
    // Kept in one versioned entry, under the plan's id and the topics' stable ids, made from the plan and the topic.
    expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)) ?? "null").version).toBe(1);
    expect(await savedPlan(page)).toEqual({
      done: [stableId(PLAN, "Version control (Git), testing (pytest)"), stableId(PLAN, "Kubernetes basics")],
      start: null,
      hours: null,
      notes: {},
    });
    // The other plan keeps its own ticks.
    await open(page, SOFTWARE_ENGINEER);
    expect(await page.locator("#checklist input[type=checkbox]:checked").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("saved by an older release are taken over under today's ids, and the old entry removed", async () => {
    const page = await session.context.newPage();
    await page.goto(`${site}/`, { waitUntil: "networkidle" });
    // As saved before the versioned entry: old ids (phase title + topic), and a tick of a topic the plan no longer lists.
    await page.evaluate(
      ([key, ids]) => localStorage.setItem(key!, JSON.stringify({ version: 1, done: ids!.split(" "), start: "2027-01-15" })),
      [LEGACY_KEY, `${stableId("Infrastructure & Scale", "Monitoring and observability")} removed-topic`],
    );
    await open(page, DATA_SCIENTIST);
    expect(await box(page, "Monitoring and observability").isChecked()).toBe(true);
    expect(await page.getByLabel("I start on").inputValue()).toBe("2027-01-15");
    await box(page, "Containerization (Docker)").check();
    expect((await savedPlan(page))?.done).toEqual(["removed-topic", stableId(PLAN, "Containerization (Docker)"), stableId(PLAN, "Monitoring and observability")]);
    expect(await page.evaluate((key) => localStorage.getItem(key), LEGACY_KEY)).toBeNull();
  });

  it("say so on the page when the browser refuses to save them", async () => {
    const page = await session.context.newPage();
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("full", "QuotaExceededError");
      };
    });
    await open(page, DATA_SCIENTIST);
    await box(page, "Kubernetes basics").check();
    const status = page.locator("[data-plan-status]");
    expect(await status.getAttribute("role")).toBe("status");
    expect(await status.textContent()).toMatch(/^Not saved: this browser’s storage for the site is full\./);
    expect(await box(page, "Kubernetes basics").isChecked()).toBe(true);
  });
});

describe("start date and calendar", () => {
  async function download(page: Page): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download calendar (.ics)" }).click()]);
    return { name: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
  }

  function events(text: string): { uid: string; start: string; end: string; summary: string; description: string; isDate: boolean }[] {
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    return calendar.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        start: event.startDate.toString(),
        end: event.endDate.toString(),
        summary: event.summary,
        description: event.description,
        isDate: event.startDate.isDate && event.endDate.isDate,
      };
    });
  }

  it("shows each phase's dates and downloads an .ics with one event per phase on those dates", async () => {
    const page = await session.context.newPage();
    await open(page, DATA_SCIENTIST);
    // No start date yet: the button says what to do first, and nothing is downloaded.
    await page.getByRole("button", { name: "Download calendar (.ics)" }).click();
    expect(await page.locator("[data-plan-status]").textContent()).toMatch(/^Choose the day you start first/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("plan-start");

    await page.getByLabel("I start on").fill("2027-01-15");
    const shown = await page.locator("[data-phase-dates]").evaluateAll((blocks) => blocks.map((b) => [...b.querySelectorAll("time")].map((t) => t.dateTime)));
    expect(shown).toEqual([
      ["2027-01-15", "2027-04-14"],
      ["2027-04-15", "2027-07-14"],
      ["2027-07-15", "2027-10-14"],
    ]);
    expect(await page.locator("#phase-1 [data-phase-dates]").textContent()).toBe("Jan 15, 2027 to Apr 14, 2027");

    const { name, text } = await download(page);
    expect(name).toBe("machine-learning-engineer-from-data-scientist.ics");
    // RFC 5545: CRLF line ends, lines folded at 75 octets.
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").slice(0, -1).every((line) => !/[\r\n]/.test(line) && Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    const parsed = events(text);
    expect(parsed.map((e) => [e.start, e.end, e.isDate])).toEqual([
      ["2027-01-15", "2027-04-15", true],
      ["2027-04-15", "2027-07-15", true],
      ["2027-07-15", "2027-10-15", true],
    ]);
    expect(parsed.map((e) => e.summary)).toEqual(["Months 1–3: Software Engineering Fundamentals", "Months 4–6: ML Production", "Months 7–9: Infrastructure & Scale"]);
    expect(parsed[0]!.description).toContain("• Version control (Git), testing (pytest)");
    expect(parsed[0]!.description).toContain(`${site}${DATA_SCIENTIST}#phase-1`);
    expect(new Set(parsed.map((e) => e.uid)).size).toBe(3);

    // The start date is kept; a new download gives the same events (same UIDs), moved to the new dates.
    await page.reload();
    await page.locator(".plan-tools").waitFor({ state: "visible" });
    expect(await page.getByLabel("I start on").inputValue()).toBe("2027-01-15");
    await page.getByLabel("I start on").fill("2027-01-31");
    const again = events((await download(page)).text);
    expect(again.map((e) => e.uid)).toEqual(parsed.map((e) => e.uid));
    expect(again.map((e) => [e.start, e.end])).toEqual([
      ["2027-01-31", "2027-04-30"],
      ["2027-04-30", "2027-07-31"],
      ["2027-07-31", "2027-10-31"],
    ]);
  });

  it("follows the phases of each plan: months 1–4, 5–7 and 8–10", async () => {
    const page = await session.context.newPage();
    await open(page, SOFTWARE_ENGINEER);
    await page.getByLabel("I start on").fill("2027-01-15");
    const parsed = events((await download(page)).text);
    expect(parsed.map((e) => [e.start, e.end])).toEqual([
      ["2027-01-15", "2027-05-15"],
      ["2027-05-15", "2027-08-15"],
      ["2027-08-15", "2027-11-15"],
    ]);
    expect(await page.locator("[data-plan-end]").textContent()).toBe("Finished by Nov 14, 2027.");
  });
});

describe("reset", () => {
  it("asks first, and clears the ticks and the start date only when confirmed, by keyboard too", async () => {
    const page = await session.context.newPage();
    await open(page, DATA_SCIENTIST);
    await box(page, "Kubernetes basics").check();
    await box(page, "Containerization (Docker)").check();
    await page.getByLabel("I start on").fill("2027-01-15");
    await page.getByRole("button", { name: "Reset…" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Reset this plan?" });
    await dialog.waitFor({ state: "visible" });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await page.locator("#checklist input[type=checkbox]:checked").count()).toBe(2);
    await page.getByRole("button", { name: "Reset…" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    expect(await page.locator("#checklist input[type=checkbox]:checked").count()).toBe(2);

    await page.getByRole("button", { name: "Reset…" }).click();
    await page.getByRole("button", { name: "Reset", exact: true }).focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    // The dialog's close event comes a moment after it is hidden.
    await expect.poll(() => page.locator("#checklist input[type=checkbox]:checked").count()).toBe(0);
    expect(await page.getByLabel("I start on").inputValue()).toBe("");
    expect(await page.locator("[data-phase-dates]:visible").count()).toBe(0);
    expect(await progress(page, ".plan-tools [data-progress]")).toMatchObject({ value: 0, max: 9 });
    expect(await savedPlan(page)).toBeUndefined();
    // After a reset, Escape on the next confirmation is still a no.
    await box(page, "Kubernetes basics").check();
    await page.getByRole("button", { name: "Reset…" }).click();
    await dialog.waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(await box(page, "Kubernetes basics").isChecked()).toBe(true);
    await box(page, "Kubernetes basics").uncheck();
    await page.reload();
    expect(await page.locator("#checklist input[type=checkbox]:checked").count()).toBe(0);
  });
});

describe("the plan page", () => {
  it("prints as a checklist whose ticks are glyphs, with the progress and dates but not the controls", async () => {
    const page = await session.context.newPage();
    await open(page, DATA_SCIENTIST);
    await box(page, "Kubernetes basics").check();
    await page.getByLabel("I start on").fill("2027-01-15");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.locator(".plan-tools [data-progress-text]").textContent()).toBe("1 of 9 topics done (11%)");
    expect(await page.locator(".plan-tools [data-progress-text]").isVisible()).toBe(true);
    expect(await page.locator(".plan-tools button:visible, .plan-tools input:visible").count()).toBe(0);
    expect(await page.locator("#phase-1 [data-phase-dates]").isVisible()).toBe(true);
    // Browsers print no backgrounds: the boxes give way to ☐ and ☑ in the text.
    expect(await page.locator("#checklist input[type=checkbox]:visible").count()).toBe(0);
    const glyphs = await page.locator("#checklist .checklist > li > label").evaluateAll((labels) => labels.map((l) => getComputedStyle(l, "::before").content));
    expect(glyphs.filter((g) => g.includes("☑"))).toHaveLength(1);
    expect(glyphs.filter((g) => g.includes("☐"))).toHaveLength(8);
    expect(await page.locator("#checklist .checklist > li > label", { hasText: "Kubernetes basics" }).evaluate((l) => getComputedStyle(l, "::before").content)).toContain("☑");
  });

  it("looks as the README shows it, at 360 px as at 1280 px", async () => {
    for (const [width, scheme] of [
      [1280, "light"],
      [360, "dark"],
    ] as const) {
      const shot = await session.browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const shotProblems = await watch(shot);
      try {
        const page = await shot.newPage();
        await open(page, DATA_SCIENTIST);
        await box(page, "Object-oriented programming patterns").check();
        await box(page, "Version control (Git), testing (pytest)").check();
        await box(page, "Containerization (Docker)").check();
        await page.getByLabel("I start on").fill("2027-01-15");
        await page.getByLabel("I start on").blur();
        await page.locator("#checklist").evaluate((el) => el.scrollIntoView());
        expect(await horizontalOverflow(page)).toBe(0);
        expect(await axeViolations(page)).toEqual([]);
        const file = await screenshot(page, `plan-following-${width}-${scheme}`, false);
        if (width === 1280) await keepForReadme(file, "plan.png");
        expect(shotProblems).toEqual([]);
      } finally {
        await shot.close();
      }
    }
  });
});
