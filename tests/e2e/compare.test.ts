/**
 * The level comparison page: two levels chosen, only what differs shown, the pair kept in the
 * address, the header in view, keyboard alone; a competency framework as a matrix.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, horizontalOverflow, screenshot, useBrowser, watch } from "./helpers.ts";
import { ownSite } from "./own-site.ts";

/** Opens `url` and waits for the page to settle: the favicon and the search index load after the
 * load event, and leaving the page before they arrive counts as a failed request. */
const visit = (page: Page, url: string) => page.goto(url, { waitUntil: "networkidle" });

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
    await visit(page, `${site}${LEVELS}`);
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
    await visit(page, `${site}${LEVELS}`);
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
      await visit(page, `${site}${LEVELS}`);
      await page.locator(".compare-tools").waitFor({ state: "visible" });
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "levels-compare-360-dark", false);
      expect(smallProblems).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it("opens on the pair a link names, and keeps the pair the reader chooses in the address", async () => {
    const page = await session.context.newPage();
    await visit(page, `${site}${LEVELS}?from=experienced&to=mid`);
    await page.locator(".compare-tools").waitFor({ state: "visible" });
    expect(await page.locator("#compare-a option:checked").textContent()).toBe("Experienced");
    expect(await page.locator("#compare-b option:checked").textContent()).toBe("Mid");
    expect(await shownHeader(page)).toEqual(["Skill", "Mid 2–4 years", "Experienced 4+ years"]);
    expect(await page.locator("[data-compare-status]").textContent()).toMatch(/differ between Experienced and Mid\.$/);
    // The step between them stays, with each requirement's detail.
    const step = page.locator("#step-mid-to-experienced");
    expect(await step.isVisible()).toBe(true);
    expect(await step.locator("h4").allTextContents()).toEqual(["Now a must-have", "New at this level", "Not mentioned at this level"]);
    expect(await step.locator("ul.added li", { hasText: "Kubernetes" }).textContent()).toContain("Container Orchestration");
    // Choosing Mid alone: the address follows, without a new history entry.
    const length = await page.evaluate(() => history.length);
    await page.locator("#compare-a").selectOption({ label: "Mid" });
    expect(new URL(page.url()).search).toBe("?from=mid&to=mid");
    expect(await step.isVisible()).toBe(false);
    await page.locator("#compare-b").focus();
    await page.keyboard.press("ArrowDown");
    expect(new URL(page.url()).search).toBe("?from=mid&to=experienced");
    expect(await page.evaluate(() => history.length)).toBe(length);
    // The address works as a link: opened in another tab, it shows the same pair. (A new tab rather
    // than a reload: the browser fetches the icon again for the replaced address, and a reload
    // would cut that request off.)
    const shared = await session.context.newPage();
    await visit(shared, page.url());
    await shared.locator(".compare-tools").waitFor({ state: "visible" });
    expect(await shared.locator("#compare-a option:checked").textContent()).toBe("Mid");
    expect(await shared.locator("#compare-b option:checked").textContent()).toBe("Experienced");
    // An unknown level in a link leaves the default pair, the first two levels.
    const unknown = await session.context.newPage();
    await visit(unknown, `${site}${LEVELS}?from=nobody&to=mid`);
    await unknown.locator(".compare-tools").waitFor({ state: "visible" });
    expect(await unknown.locator("#compare-a").inputValue()).toBe("0");
    expect(await unknown.locator("#compare-b").inputValue()).toBe("1");
  });
});

describe("comparing the levels of a competency framework", () => {
  // Monzo's data engineering framework: topics × levels in its front matter.
  const own = ownSite(["tests/fixtures/corpus/monzo-data-engineering.md"]);
  const framework = useBrowser({ viewport: { width: 1280, height: 900 } });

  it("is a matrix of competencies by levels with the criteria in the cells, light and dark", async () => {
    const page = await framework.context.newPage();
    const home = await visit(page, `${own.url}/`);
    expect(home?.status()).toBe(200);
    const levels = await page.locator("a[href$='/levels/']").first().getAttribute("href");
    expect(levels).not.toBeNull();
    await visit(page, new URL(levels!, own.url).href);
    await page.locator(".compare-tools").waitFor({ state: "visible" });
    await page.getByLabel("Show every level").check();
    const header = await shownHeader(page);
    expect(header[0]).toBe("Competency");
    expect(header.length).toBeGreaterThanOrEqual(7);
    const row = page.locator("table.compare.matrix tbody tr", { has: page.locator("th", { hasText: /^Communication$/ }) });
    expect(await row.count()).toBe(1);
    // The guide's first criterion of communication at its first level, in the first level's cell.
    expect(await row.locator("td").first().textContent()).toContain("Provides regular status updates to their mentor/buddy");
    expect(await page.locator("table.compare.matrix td", { hasText: /^Other$/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // Two levels chosen: two columns, every competency kept.
    await page.getByLabel("Show every level").uncheck();
    expect((await shownHeader(page)).length).toBe(3);
    const rows = await page.locator("table.compare tbody tr").count();
    expect(await page.locator("table.compare tbody tr:visible").count()).toBe(rows);
    const dark = await framework.browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });
    try {
      const small = await dark.newPage();
      await visit(small, page.url());
      await small.locator(".compare-tools").waitFor({ state: "visible" });
      expect(await horizontalOverflow(small)).toBe(0);
      expect(await axeViolations(small)).toEqual([]);
      await screenshot(small, "levels-matrix-390-dark", false);
    } finally {
      await dark.close();
    }
  });
});
