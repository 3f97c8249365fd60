/**
 * Every page kind in Chromium, at 360 px and 1280 px, in the light and the dark color scheme: no
 * console error, no failed request, no request off 127.0.0.1, no axe-core violation of the WCAG 2.1
 * A and AA rules, no horizontal overflow, and a screenshot in test-results/screenshots/.
 */
import { describe, expect, inject, it } from "vitest";
import { axeViolations, horizontalOverflow, keepForReadme, PAGE_KINDS, screenshot, sharedBrowser, watch } from "./helpers.ts";

const site = inject("siteUrl");
const shared = sharedBrowser();

const WIDTHS = [360, 1280] as const;
const SCHEMES = ["light", "dark"] as const;

describe.each(PAGE_KINDS)("the $kind page", ({ kind, path, heading, status }) => {
  it.each(WIDTHS.flatMap((width) => SCHEMES.map((scheme) => ({ width, scheme }))))(
    "at $width px in the $scheme scheme: loads cleanly, passes axe, does not overflow",
    async ({ width, scheme }) => {
      const context = await shared.browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const problems = await watch(context, (url, code) => code === 404 && status === 404 && new URL(url).pathname === path);
      try {
        const page = await context.newPage();
        const response = await page.goto(`${site}${path}`, { waitUntil: "load" });
        expect(response?.status()).toBe(status);
        await expect.poll(() => page.locator("h1").textContent()).toBe(heading);
        // The search box replaces its fallback link once search.js has run.
        await page.locator("#search-input").waitFor({ state: "visible" });
        await page.waitForLoadState("networkidle");
        expect(await horizontalOverflow(page)).toBe(0);
        expect(await axeViolations(page)).toEqual([]);
        const file = await screenshot(page, `${kind}-${width}-${scheme}`);
        if (kind === "role" && width === 1280 && scheme === "light") {
          await keepForReadme(await screenshot(page, "readme-role", false), "role.png");
        }
        expect(file).toMatch(/\.png$/);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
