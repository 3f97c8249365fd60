/** The level comparison page: two levels chosen, only what differs shown, the header in view, keyboard alone. */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, horizontalOverflow, screenshot, useBrowser, watch } from "./helpers.ts";

const site = inject("siteUrl");
const LEVELS = "/roles/machine-learning-engineer/levels/";
const session = useBrowser({ viewport: { width: 1280, height: 800 } });

/** The rows shown: skill name and the cells shown, as a reader sees them. */
async function shownRows(page: Page): Promise<string[][]> {
  return page.locator("table.compare tbody tr:visible").evaluateAll((rows) =>
    rows.map((row) => [...(row as HTMLTableRowElement).cells].filter((c) => c.offsetParent !== null).map((c) => (c.textContent ?? "").trim())),
  );
}

async function shownHeader(page: Page): Promise<string[]> {
  return page.locator("table.compare thead th:visible").evaluateAll((cells) => cells.map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim()));
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? "");

describe("comparing levels", () => {
  it("shows only the skills whose priority differs between the two levels chosen, by keyboard alone", async () => {
    const page = await session.context.newPage();
    await page.goto(`${site}${LEVELS}`);
    await page.locator(".compare-tools").waitFor({ state: "visible" });
    const total = await page.locator("table.compare tbody tr").count();
    // From the top of the page, Tab reaches the first level's select.
    for (let i = 0; i < 20 && (await focused(page)) !== "compare-a"; i++) await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("compare-a");

    // Mid with Experienced (the default): Git is a must-have at both, so it is not shown.
    let rows = await shownRows(page);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(total);
    expect(rows).toContainEqual(["PyTorch", "Good-to-have", "Must-have"]);
    expect(rows).toContainEqual(["Kubernetes", "not listed", "Good-to-have"]);
    expect(rows.map((r) => r[0])).not.toContain("Git");
    expect(rows.every((r) => r[1] !== r[2])).toBe(true);
    expect(await shownHeader(page)).toEqual(["Skill", "Mid 2–4 years", "Experienced 4+ years"]);
    expect(await page.locator("[data-compare-status]").textContent()).toBe(`Showing the ${rows.length} of ${total} skills that differ between Mid and Experienced.`);

    // The same level twice: nothing to compare, that level alone.
    await page.keyboard.press("ArrowDown");
    expect(await page.locator("#compare-a").inputValue()).toBe("1");
    expect(await page.locator("[data-compare-status]").textContent()).toMatch(/^Choose two different levels/);
    expect(await shownHeader(page)).toEqual(["Skill", "Experienced 4+ years"]);

    // Experienced with Mid: the same differences, in the table's order of levels.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("compare-b");
    await page.keyboard.press("ArrowUp");
    expect(await page.locator("#compare-b").inputValue()).toBe("0");
    expect(await shownRows(page)).toEqual(rows);

    // Everything again, by the checkbox.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("compare-all");
    await page.keyboard.press("Space");
    expect(await page.locator("table.compare tbody tr:visible").count()).toBe(total);
    expect(await shownRows(page)).toContainEqual(["Git", "Must-have", "Must-have"]);
    expect(await page.locator("#compare-a").isDisabled()).toBe(true);
    await page.keyboard.press("Space");
    rows = await shownRows(page);
    expect(rows.map((r) => r[0])).not.toContain("Git");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("keeps the table's header in view while the table scrolls, and the focused link below it", async () => {
    const page = await session.context.newPage();
    await page.goto(`${site}${LEVELS}`);
    await page.getByLabel("Show every level and skill").check();
    const scroller = page.locator(".compare-scroll");
    const header = page.locator("table.compare thead th").first();
    // Keyboard: focus the scrolling table and page down.
    await scroller.focus();
    await page.keyboard.press("PageDown");
    await page.keyboard.press("PageDown");
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    const box = (await scroller.boundingBox())!;
    const head = (await header.boundingBox())!;
    expect(Math.abs(head.y - box.y)).toBeLessThanOrEqual(2);
    expect(await header.isVisible()).toBe(true);
    await screenshot(page, "levels-scrolled-1280-light", false);
    // The header covers nothing the keyboard focuses: a focused link in a row scrolls into view below it.
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.locator("table.compare tbody tr th a").first().focus();
    const link = (await page.locator("table.compare tbody tr th a").first().boundingBox())!;
    expect(link.y).toBeGreaterThanOrEqual(head.y + head.height - 1);
    expect(link.y + link.height).toBeLessThanOrEqual(box.y + box.height + 1);
  });

  it("fits 360 px and passes axe in the dark scheme with the tools shown", async () => {
    const small = await session.browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: "dark" });
    const smallProblems = await watch(small);
    try {
      const page = await small.newPage();
      await page.goto(`${site}${LEVELS}`);
      await page.locator(".compare-tools").waitFor({ state: "visible" });
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "levels-compare-360-dark", false);
      expect(smallProblems).toEqual([]);
    } finally {
      await small.close();
    }
  });
});
