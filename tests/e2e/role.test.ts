/**
 * The role page for readers, on the site of the seeds and the corpus: a table of contents beside
 * the text on a wide screen (sticky) and a list at the top on a narrow one, whose links (clicked or
 * keyed) land on their section, opening a folded level; folds that keep the page short on a phone;
 * no axe-core violation on the role and plan pages in either color scheme, folded or open; and the
 * README's screenshots of the role, levels, plan and search pages at 390 and 1280 px.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { corpusDir, seedsDir } from "../seeds.ts";
import { axeViolations, horizontalOverflow, keepForReadme, screenshot, sharedBrowser, watch } from "./helpers.ts";
import { ownSite } from "./own-site.ts";

const site = ownSite([seedsDir, corpusDir]);
const shared = sharedBrowser();

const ROLE = "/roles/machine-learning-engineer/";
const PLAN = "/roles/machine-learning-engineer/from/data-scientist/";

/** A page at `width` px in `scheme`, watched; the test fails after the fact on any problem it logged. */
async function open(path: string, width: number, scheme: "light" | "dark" = "light"): Promise<{ page: Page; done: () => Promise<void> }> {
  const context = await shared.browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, colorScheme: scheme });
  const problems = await watch(context);
  const page = await context.newPage();
  await page.goto(`${site.url}${path}`, { waitUntil: "load" });
  return {
    page,
    done: async () => {
      await context.close();
      expect(problems).toEqual([]);
    },
  };
}

const height = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);
const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

describe("the table of contents", () => {
  it("stands beside the text on a wide screen, and stays in view as the reader scrolls", async () => {
    const { page, done } = await open(ROLE, 1280);
    const toc = await box(page, "nav.toc");
    const body = await box(page, ".role-body");
    expect(toc.x + toc.width).toBeLessThanOrEqual(body.x);
    expect(toc.y).toBeLessThan(body.y + 50);
    await page.locator("#sources").scrollIntoViewIfNeeded();
    const after = await box(page, "nav.toc");
    expect(after.y).toBeGreaterThanOrEqual(0);
    expect(after.y).toBeLessThan(900);
    expect(await page.locator("nav.toc").evaluate((nav) => getComputedStyle(nav).position)).toBe("sticky");
    await done();
  });

  it("is a plain list above the text on a narrow screen", async () => {
    const { page, done } = await open(ROLE, 390);
    const toc = await box(page, "nav.toc");
    const body = await box(page, ".role-body");
    expect(toc.y + toc.height).toBeLessThanOrEqual(body.y);
    expect(await page.locator("nav.toc").evaluate((nav) => getComputedStyle(nav).position)).toBe("static");
    expect(await horizontalOverflow(page)).toBe(0);
    await done();
  });

  it("lists the page's sections in the page's order, each link landing on its section", async () => {
    const { page, done } = await open(ROLE, 1280);
    const targets = await page.locator("nav.toc > ol > li > a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    const order = await page.locator(".role-body > section[id]").evaluateAll((sections) => sections.map((s) => `#${s.id}`));
    expect(targets).toEqual(order);
    expect(targets.slice(0, 5)).toEqual(["#about", "#levels", "#plans", "#skills", "#ladders"]);
    for (const target of targets) {
      await page.locator(`nav.toc a[href="${target}"]`).first().click();
      expect(new URL(page.url()).hash).toBe(target);
      const top = (await box(page, target)).y;
      // At the top of the window, or as near as the page's end lets it come.
      const atEnd = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1);
      expect(top, target).toBeGreaterThanOrEqual(-1);
      if (!atEnd) expect(top, target).toBeLessThan(60);
      expect(top, target).toBeLessThan(900);
    }
    await done();
  });

  it("works from the keyboard: Enter follows a link, Tab goes on inside its section, a folded level opens", async () => {
    const { page, done } = await open(ROLE, 390);
    const skills = page.locator('nav.toc a[href="#skills"]');
    await skills.focus();
    await page.keyboard.press("Enter");
    expect(new URL(page.url()).hash).toBe("#skills");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("section")?.id)).toBe("skills");
    // The last level is folded; its entry opens it and lands on it.
    const last = await page.locator(".role-body details.level").last().getAttribute("id");
    expect(await page.locator(`#${last}`).getAttribute("open")).toBeNull();
    await page.locator(`nav.toc a[href="#${last}"]`).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(`#${last}`).getAttribute("open")).toBe("");
    const top = (await box(page, `#${last}`)).y;
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(60);
    // A fold's summary is a control of its own: Enter closes it again.
    await page.locator(`#${last} > summary`).focus();
    await page.keyboard.press("Enter");
    expect(await page.locator(`#${last}`).getAttribute("open")).toBeNull();
    await done();
  });
});

describe("the role page on a phone", () => {
  it("folds its long groups: with every fold open it is more than twice as tall", async () => {
    const { page, done } = await open(ROLE, 390);
    const folded = await height(page);
    expect(await page.locator("details.level").first().getAttribute("open")).toBe("");
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    const unfolded = await height(page);
    console.log(`Machine Learning Engineer at 390 px: ${folded} px folded, ${unfolded} px with every fold open`);
    expect(folded * 2).toBeLessThan(unfolded);
    expect(await horizontalOverflow(page)).toBe(0);
    await done();
  });
});

describe.each(["light", "dark"] as const)("in the %s scheme", (scheme) => {
  it.each([
    ["role", ROLE],
    ["plan", PLAN],
  ])("the %s page passes axe at 390 and 1280 px, folded and with every fold open", async (_kind, path) => {
    for (const width of [390, 1280]) {
      const { page, done } = await open(path, width, scheme);
      await page.waitForLoadState("networkidle");
      expect(await axeViolations(page), `${path} at ${width}`).toEqual([]);
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      expect(await axeViolations(page), `${path} at ${width}, open`).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      await done();
    }
  });
});

describe("screenshots for the README", () => {
  it.each([
    ["role", ROLE],
    ["levels", `${ROLE}levels/`],
    ["plan", PLAN],
    ["search", "/search/?q=python"],
  ])("of the %s page at 390 and 1280 px", async (kind, path) => {
    for (const width of [390, 1280]) {
      const { page, done } = await open(path, width);
      await page.waitForLoadState("networkidle");
      if (kind === "search") await expect.poll(() => page.locator("[data-results-list] > li").count()).toBeGreaterThan(0);
      const file = await screenshot(page, `readme-${kind}-${width}`, false);
      await keepForReadme(file, `${kind}-${width}.png`);
      expect(file).toMatch(/\.png$/);
      await done();
    }
  });
});
