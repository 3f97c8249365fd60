/** The search box: Pagefind's index, built by `npm run build`, searched from every page's header. */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, horizontalOverflow, screenshot, useBrowser, watch } from "./helpers.ts";

const site = inject("siteUrl");
const session = useBrowser({ viewport: { width: 1280, height: 900 } });

async function search(page: Page, term: string): Promise<{ href: string; text: string }[]> {
  await page.locator("#search-input").fill(term);
  await expect.poll(() => page.locator("#search-status").textContent()).toMatch(new RegExp(`(results? for|No results for) “${term}”`));
  return page.locator("#search-results a").evaluateAll((links) => links.map((a) => ({ href: new URL((a as HTMLAnchorElement).href).pathname, text: a.textContent ?? "" })));
}

describe("search", () => {
  it('lists the Machine Learning Engineer role and the PyTorch skill page for "pytorch"', async () => {
    const page = await session.context.newPage();
    await page.goto(`${site}/`);
    const results = await search(page, "pytorch");
    const hrefs = results.map((r) => r.href);
    expect(hrefs).toContain("/roles/machine-learning-engineer/");
    expect(hrefs).toContain("/skills/pytorch/");
    expect(results.find((r) => r.href === "/skills/pytorch/")!.text).toBe("PyTorch Skill");
    expect(results.find((r) => r.href === "/roles/machine-learning-engineer/")!.text).toBe("Machine Learning Engineer Role");
    expect(await page.locator("#search-results mark").first().textContent()).toMatch(/pytorch/i);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, "search-1280-light", false);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("finds plans and roles by any word on them, from any page", async () => {
    const page = await session.context.newPage();
    await page.goto(`${site}/skills/`);
    expect((await search(page, "containerization")).map((r) => r.href)).toContain("/roles/machine-learning-engineer/from/data-scientist/");
    expect((await search(page, "quantization")).map((r) => r.href)).toContain("/roles/machine-learning-engineer/from/software-engineer/");
    expect(await search(page, "zzqxj")).toEqual([]);
    expect(await page.locator("#search-status").textContent()).toBe("No results for “zzqxj”.");
  });

  it("works by keyboard: arrows reach the results, Escape returns to the box, Enter on a result opens it", async () => {
    const context360 = await session.browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: "dark" });
    const problems360 = await watch(context360);
    try {
      const page = await context360.newPage();
      await page.goto(`${site}/roles/machine-learning-engineer/`);
      // From the top of the page: the skip link, the site's links, then the search box.
      for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== "search-input"; i++) await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-input");
      await page.keyboard.type("pytorch");
      await expect.poll(() => page.locator("#search-status").textContent()).toMatch(/results? for “pytorch”/);
      await page.keyboard.press("ArrowDown");
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest("#search-results") !== null)).toBe(true);
      const first = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
      await page.keyboard.press("ArrowDown");
      const second = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
      expect(second).not.toBe(first);
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("ArrowUp");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-input");
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "search-360-dark", false);
      await page.keyboard.press("Escape");
      expect(await page.locator("#search-results").isHidden()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-input");
      await page.keyboard.press("ArrowDown");
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLAnchorElement).href)).toBe(first);
      await page.keyboard.press("Enter");
      await page.waitForURL(first);
      expect(problems360).toEqual([]);
    } finally {
      await context360.close();
    }
  });
});
