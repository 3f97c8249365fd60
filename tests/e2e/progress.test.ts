/**
 * "My progress everywhere": what this browser keeps shows on the home page's cards, on the role
 * page, and on the "My progress" page, which lists every plan and level in progress with links;
 * nothing shows where nothing is kept. Axe in light and dark.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, horizontalOverflow, screenshot, useBrowser, watch } from "./helpers.ts";

const site = inject("siteUrl");
const ROLE = "/roles/machine-learning-engineer/";
const PLAN = `${ROLE}from/data-scientist/`;
const OPTIONS = { viewport: { width: 1280, height: 900 }, timezoneId: "UTC" } as const;

const session = useBrowser(OPTIONS);

const visit = (page: Page, path: string) => page.goto(`${site}${path}`, { waitUntil: "networkidle" });
const shown = (page: Page, selector: string) => page.locator(`${selector}:visible`).allTextContents();

/** Two ticks and a start on one plan; Git shown at the role's levels. */
async function keepSomething(page: Page): Promise<void> {
  await visit(page, PLAN);
  await page.getByRole("checkbox", { name: "Kubernetes basics", exact: true }).check();
  await page.getByRole("checkbox", { name: "Containerization (Docker)", exact: true }).check();
  await page.getByLabel("I start on").fill("2027-01-15");
  await visit(page, `${ROLE}levels/`);
  await page.locator('[data-assess-level="mid"] > summary').click();
  await page.locator('[data-assess-level="mid"]').getByRole("group", { name: "Git", exact: true }).getByRole("radio", { name: "I can show this" }).check();
}

describe("my progress everywhere", () => {
  it("shows nothing where nothing is kept, and says so on My progress", async () => {
    const page = await session.context.newPage();
    await visit(page, "/");
    expect(await page.locator(".my-progress:visible").count()).toBe(0);
    expect(await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "My progress" }).getAttribute("href")).toBe("/progress/");
    await visit(page, "/progress/");
    expect(await page.locator("[data-progress-empty]").textContent()).toMatch(/^Nothing kept in this browser yet/);
    expect(await page.locator("[data-progress-fallback]").isVisible()).toBe(false);
    expect(await page.locator("[data-progress-item]:visible").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("puts plan progress and the evidence summary on the home cards, the role page and My progress, with links", async () => {
    const page = await session.context.newPage();
    await keepSomething(page);
    const planLine = "Your progress: 2 of 9 topics done, started Jan 15, 2027.";
    const levelsLine = "Your evidence: Mid: 1 of 7 must-haves shown; Experienced: 1 of 10 must-haves shown. No level has evidence for every must-have yet. Nearest: Mid: 1 of 7 must-haves shown.";

    await visit(page, "/");
    expect(await shown(page, ".card [data-my-plan]")).toEqual([planLine]);
    expect(await shown(page, ".card [data-my-levels]")).toEqual([levelsLine]);

    await visit(page, ROLE);
    expect(await shown(page, "#plans [data-my-plan]")).toEqual([planLine]);
    expect(await shown(page, "#levels [data-my-levels]")).toEqual([levelsLine]);

    await visit(page, "/progress/");
    expect(await page.locator("[data-progress-empty]").textContent()).toBe("");
    const items = page.locator("[data-progress-item]:visible");
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).getByRole("link").getAttribute("href")).toBe(PLAN);
    expect(await items.nth(0).textContent()).toContain(planLine);
    expect(await items.nth(1).getByRole("link").getAttribute("href")).toBe(`${ROLE}levels/#where-i-stand`);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // The link leads to the self-assessment, where the reader left it.
    await items.nth(1).getByRole("link").click();
    await page.locator("[data-assess]").waitFor({ state: "visible" });
    expect(await page.locator("[data-assess-closest]").textContent()).toBe("No level has evidence for every must-have yet. Nearest: Mid: 1 of 7 must-haves shown.");
    await page.waitForLoadState("networkidle");
  });

  it("has no axe violation in dark, at 360 px", async () => {
    const context = await session.browser.newContext({ ...OPTIONS, viewport: { width: 360, height: 800 }, colorScheme: "dark" });
    const problems = await watch(context);
    try {
      const page = await context.newPage();
      await keepSomething(page);
      for (const path of ["/", ROLE, "/progress/"]) {
        await visit(page, path);
        expect(await horizontalOverflow(page), path).toBe(0);
        expect(await axeViolations(page), path).toEqual([]);
      }
      await screenshot(page, "my-progress-360-dark");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
