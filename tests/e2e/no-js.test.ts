/**
 * With JavaScript off, every page kind still shows its content: the search box is a link to the
 * skill index, a plan is a plain checklist, the level comparison the whole table.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, horizontalOverflow, PAGE_KINDS, screenshot, useBrowser, watch } from "./helpers.ts";

const site = inject("siteUrl");
const session = useBrowser({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } }, (url, status) => status === 404 && new URL(url).pathname === "/no-such-page/");

const visible = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === "fixed").length);

describe.each(PAGE_KINDS)("the $kind page without JavaScript", ({ kind, path, heading, status }) => {
  it("shows its content, and the search box as a link to the skill index", async () => {
    const page = await session.context.newPage();
    const response = await page.goto(`${site}${path}`);
    expect(response?.status()).toBe(status);
    expect(await page.locator("h1").textContent()).toBe(heading);
    expect((await page.locator("main").innerText()).length).toBeGreaterThan(kind === "not-found" ? 50 : 150);
    expect(await page.locator("[data-search-fallback]").isVisible()).toBe(true);
    expect(await page.locator("[data-search-fallback]").getAttribute("href")).toBe("/skills/");
    expect(await page.locator("form[role=search]").isVisible()).toBe(false);
    // Nothing that needs a script is shown.
    expect(await visible(page, ".plan-tools, [data-progress], [data-phase-dates], .compare-tools")).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, `nojs-${kind}-360`);
  });

  it("passes axe as it is before any script runs", async () => {
    // axe itself needs JavaScript: the site's scripts are answered with empty files instead, which
    // leaves the page exactly as a browser without JavaScript shows it.
    const stubbed = await session.browser.newContext({ viewport: { width: 360, height: 800 } });
    const stubbedProblems = await watch(stubbed, (url, code) => code === 404 && code === status && new URL(url).pathname === path);
    try {
      await stubbed.route(/\/assets\/[a-z-]+\.js$/, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "" }));
      const page = await stubbed.newPage();
      await page.goto(`${site}${path}`);
      expect(await page.locator("[data-search-fallback]").isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      expect(stubbedProblems).toEqual([]);
    } finally {
      await stubbed.close();
    }
  });
});

describe("without JavaScript", () => {
  it("a plan is a checklist whose boxes tick", async () => {
    const page = await session.context.newPage();
    await page.goto(`${site}/roles/machine-learning-engineer/from/data-scientist/`);
    const boxes = page.locator("#checklist input[type=checkbox]");
    expect(await boxes.count()).toBe(9);
    await page.getByText("Kubernetes basics", { exact: true }).click();
    expect(await page.getByRole("checkbox", { name: "Kubernetes basics" }).isChecked()).toBe(true);
    expect(await page.locator("table.phases tbody tr").count()).toBe(3);
  });

  it("the level comparison shows every level and every skill", async () => {
    const page = await session.context.newPage();
    await page.goto(`${site}/roles/machine-learning-engineer/levels/`);
    const rows = page.locator("table.compare tbody tr");
    expect(await rows.count()).toBeGreaterThan(20);
    expect(await visible(page, "table.compare tbody tr")).toBe(await rows.count());
    expect(await visible(page, "table.compare thead th")).toBe(3);
  });
});
