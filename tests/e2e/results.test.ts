/**
 * The search results page: every result, ten a page, the query, kind and page in the address, a page
 * titled as the query first, excerpts from the part of the page that matched; reached by Enter in
 * the header's box, usable by keyboard alone, and pointing to the skill index without JavaScript.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, horizontalOverflow, screenshot, useBrowser, watch } from "./helpers.ts";

/** Opens `url` and waits for the page to settle: the favicon and the search index load after the
 * load event, and leaving the page before they arrive counts as a failed request. */
const visit = (page: Page, url: string) => page.goto(url, { waitUntil: "networkidle" });

const site = inject("siteUrl");
const session = useBrowser({ viewport: { width: 1280, height: 900 } });

/** Waits for the search to end and gives the status line. */
async function settled(page: Page): Promise<string> {
  await expect.poll(() => page.locator("[data-results-status]").textContent()).toMatch(/results? for|No results|Type what/);
  return (await page.locator("[data-results-status]").textContent()) ?? "";
}

/** The results shown: title, kind and the path they link to. */
const results = (page: Page) =>
  page.locator("[data-results-list] > li").evaluateAll((items) =>
    items.map((li) => {
      const link = li.querySelector<HTMLAnchorElement>("a.result-title")!;
      return { title: link.textContent ?? "", kind: li.querySelector(".result-kind")?.textContent ?? "", path: new URL(link.href).pathname };
    }),
  );

const search = (page: Page) => new URL(page.url()).searchParams;

describe("the results page", () => {
  it("lists every result, ten a page, with the query and the page in the address", async () => {
    const page = await session.context.newPage();
    await visit(page, `${site}/search/?q=ml`);
    expect(await settled(page)).toBe("11 results for “ml”; page 1 of 2.");
    expect(await page.locator("#results-input").inputValue()).toBe("ml");
    const first = await results(page);
    expect(first).toHaveLength(10);
    expect(await page.locator("[data-page-label]").textContent()).toBe("Page 1 of 2");
    expect(await page.locator("[data-page=prev]").isVisible()).toBe(false);
    await page.locator("[data-page=next]").click();
    await page.waitForURL((url) => url.searchParams.get("page") === "2");
    expect(await settled(page)).toBe("11 results for “ml”; page 2 of 2.");
    const second = await results(page);
    expect(second).toHaveLength(1);
    expect(first.map((r) => r.path)).not.toContain(second[0]!.path);
    expect(await page.locator("[data-results-list]").getAttribute("start")).toBe("11");
    expect(await page.locator("[data-page=next]").isVisible()).toBe(false);
    expect(search(page).get("q")).toBe("ml");
    await screenshot(page, "search-results-page-2-1280-light", false);
  });

  it("narrows to one kind of page, keeps the kind in the address, and counts each kind", async () => {
    const page = await session.context.newPage();
    await visit(page, `${site}/search/?q=ml`);
    await settled(page);
    const counts = await page.locator(".kinds label").allTextContents();
    expect(counts.map((c) => c.replace(/\s+/g, " ").trim())).toEqual(["Everything (11)", "Roles (1)", "Levels (1)", "Skills (7)", "Plans (2)"]);
    await page.getByLabel(/^Skills/).check();
    expect(await settled(page)).toBe("7 results for “ml” among skills.");
    expect(search(page).get("kind")).toBe("skill");
    expect(new Set((await results(page)).map((r) => r.kind))).toEqual(new Set(["Skill"]));
    await page.getByLabel(/^Plans/).check();
    expect(await settled(page)).toBe("2 results for “ml” among plans.");
    expect((await results(page)).map((r) => r.path).every((p) => p.includes("/from/"))).toBe(true);
    // The address is the search: opened in another tab, it gives the same. (Not by reloading: the
    // browser fetches the icon again for a replaced address, and leaving would cut that off.)
    const shared = await session.context.newPage();
    await visit(shared, page.url());
    expect(await settled(shared)).toBe("2 results for “ml” among plans.");
    expect(await shared.getByLabel(/^Plans/).isChecked()).toBe(true);
  });

  it("puts the page titled as the query first", async () => {
    const page = await session.context.newPage();
    await visit(page, `${site}/search/?q=${encodeURIComponent("Machine Learning Engineer")}`);
    await settled(page);
    expect((await results(page))[0]).toEqual({ title: "Machine Learning Engineer", kind: "Role", path: "/roles/machine-learning-engineer/" });
    await visit(page, `${site}/search/?q=${encodeURIComponent("system design")}`);
    await settled(page);
    expect((await results(page))[0]).toMatchObject({ kind: "Skill", path: "/skills/system-design/" });
  });

  it("shows the requirement that matched, not the page's navigation", async () => {
    const page = await session.context.newPage();
    await visit(page, `${site}/search/?q=${encodeURIComponent("drift detection")}`);
    await settled(page);
    const role = page.locator("[data-results-list] > li", { has: page.locator("a.result-title", { hasText: /^Machine Learning Engineer$/ }) });
    const excerpt = (await role.locator(".result-excerpt").textContent()) ?? "";
    expect(excerpt).toContain("Production Support — Model deployment, monitoring, drift detection, retraining");
    expect(excerpt).not.toMatch(/Breadcrumb|Skip to content|Roles ›/);
    expect(await role.locator(".result-excerpt mark").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/drift/i)]));
    // The part that matched links to its section of the page.
    expect(await role.locator("a.result-part").getAttribute("href")).toMatch(/^\/roles\/machine-learning-engineer\/#/);
    expect(await page.locator("[data-results-status]").textContent()).toMatch(/^\d+ results? for “drift detection”\.$/);
  });

  it("is where Enter in the header's box leads, from any page", async () => {
    const page = await session.context.newPage();
    await visit(page, `${site}/roles/machine-learning-engineer/`);
    await page.locator("#search-input").fill("pytorch");
    // The first results show under the box as one types; Enter opens the page with all of them.
    await expect.poll(() => page.locator("#search-status").textContent()).toMatch(/results? for “pytorch”/);
    await page.locator("#search-input").press("Enter");
    await page.waitForURL((url) => url.pathname === "/search/");
    expect(search(page).get("q")).toBe("pytorch");
    expect(await settled(page)).toBe("4 results for “pytorch”.");
    expect((await results(page))[0]).toMatchObject({ title: "PyTorch", path: "/skills/pytorch/" });
  });

  it("works by keyboard alone, and passes axe light and dark", async () => {
    const page = await session.context.newPage();
    await visit(page, `${site}/search/`);
    expect(await settled(page)).toMatch(/^Type what/);
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== "results-input"; i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("results-input");
    await page.keyboard.type("kubernetes");
    await page.keyboard.press("Enter");
    expect(await settled(page)).toBe("4 results for “kubernetes”.");
    expect(search(page).get("q")).toBe("kubernetes");
    // The button, then the kinds: arrows choose one.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("kind-all");
    await page.keyboard.press("ArrowRight");
    expect(await settled(page)).toBe("1 result for “kubernetes” among roles.");
    expect(search(page).get("kind")).toBe("role");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).pathname)).toBe("/roles/machine-learning-engineer/");
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    const dark = await session.browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });
    const problems = await watch(dark);
    try {
      const small = await dark.newPage();
      await visit(small, `${site}/search/?q=ml&page=2`);
      expect(await settled(small)).toBe("11 results for “ml”; page 2 of 2.");
      expect(await horizontalOverflow(small)).toBe(0);
      expect(await axeViolations(small)).toEqual([]);
      await screenshot(small, "search-results-390-dark", false);
      for (const path of ["/skills/", "/roles/machine-learning-engineer/levels/"]) {
        await visit(small, `${site}${path}`);
        expect(await horizontalOverflow(small)).toBe(0);
        expect(await axeViolations(small)).toEqual([]);
      }
      expect(problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });

  it("has a skill index grouped by category that passes axe, with the names mentioned once folded", async () => {
    const page = await session.context.newPage();
    await visit(page, `${site}/skills/`);
    expect(await page.locator(".skill-group h3").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Tools \d+$/), expect.stringMatching(/^Mentioned once \d+$/)]));
    const once = page.locator("details.fold");
    expect(await once.locator("ul a").first().isVisible()).toBe(false);
    await once.locator("summary").focus();
    await page.keyboard.press("Enter");
    expect(await once.locator("ul a").first().isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("the results page without JavaScript", () => {
  const offline = useBrowser({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  it("points to the skill index and the roles instead", async () => {
    const page = await offline.context.newPage();
    await visit(page, `${site}/search/?q=pytorch`);
    expect(await page.locator("h1").textContent()).toBe("Search");
    const fallback = page.locator("[data-results-fallback]");
    expect(await fallback.isVisible()).toBe(true);
    expect(await fallback.locator("a").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual(["/skills/", "/"]);
    expect(await page.locator("[data-results-form]").isVisible()).toBe(false);
    expect(await page.locator("[data-search-fallback]").getAttribute("href")).toBe("/skills/");
  });
});
