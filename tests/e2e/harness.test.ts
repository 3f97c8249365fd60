/**
 * The checks the other browser tests rely on catch what they are for: a test that cannot fail
 * proves nothing. Each problem is made on purpose in a page of the site.
 */
import { describe, expect, inject, it } from "vitest";
import { axeViolations, horizontalOverflow, sharedBrowser, watch } from "./helpers.ts";

const site = inject("siteUrl");
const shared = sharedBrowser();

describe("the browser test harness", () => {
  it("records console errors, uncaught exceptions, HTTP errors and requests to other hosts", async () => {
    // The site's Content-Security-Policy would stop most of these before they start: bypassed here.
    const context = await shared.browser.newContext({ bypassCSP: true });
    const problems = await watch(context);
    try {
      const page = await context.newPage();
      await page.goto(`${site}/`, { waitUntil: "networkidle" });
      await page.evaluate(() => {
        console.error("made on purpose");
        setTimeout(() => {
          throw new Error("thrown on purpose");
        });
        const img = document.createElement("img");
        img.src = "/missing-on-purpose.png";
        img.alt = "";
        document.body.append(img);
        void fetch("http://example.invalid/elsewhere").catch(() => {});
      });
      // Each problem is waited for by what it says, not by how many have come: the browser may log
      // failed requests as console errors of its own, so a count could be reached before the 404.
      const all = (): string => problems.join("\n");
      await expect.poll(all).toContain("console error: made on purpose");
      await expect.poll(all).toContain("uncaught: thrown on purpose");
      await expect.poll(all).toMatch(/HTTP 404: .*\/missing-on-purpose\.png/);
      await expect.poll(all).toContain("request to another host: http://example.invalid/elsewhere");
    } finally {
      await context.close();
    }
  });

  it("finds axe violations and horizontal overflow", async () => {
    const context = await shared.browser.newContext({ viewport: { width: 360, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${site}/skills/`);
      expect(await axeViolations(page)).toEqual([]);
      await page.evaluate(() => {
        const wide = document.createElement("p");
        wide.textContent = "x".repeat(400);
        wide.style.whiteSpace = "nowrap";
        wide.style.color = "#fafafa";
        document.querySelector("main")!.append(wide);
        document.querySelector("img, h1")!.insertAdjacentHTML("afterend", '<input type="text">');
      });
      expect(await horizontalOverflow(page)).toBeGreaterThan(0);
      const ids = (await axeViolations(page)).map((v) => v.id);
      expect(ids).toContain("color-contrast");
      expect(ids).toContain("label");
    } finally {
      await context.close();
    }
  });

  it("cannot add an inline script to a page: the site's Content-Security-Policy refuses it, so axe is evaluated through DevTools", async () => {
    const context = await shared.browser.newContext();
    try {
      const page = await context.newPage();
      const refused: string[] = [];
      page.on("console", (m) => refused.push(m.text()));
      await page.goto(`${site}/`);
      await page.addScriptTag({ content: "window.inlineRan = true;" }).catch(() => {});
      expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
      expect(refused.join("\n")).toMatch(/Content Security Policy/);
    } finally {
      await context.close();
    }
  });
});
