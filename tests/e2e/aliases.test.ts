/** One name per role and per skill: two guides, "ML Engineer" and "Machine Learning Engineer", are one role page. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SiteConfig } from "../../src/config/schema.ts";
import { axeViolations, useBrowser } from "./helpers.ts";
import { ownSite } from "./own-site.ts";

/** Opens `url` and waits for the page to settle: the favicon and the search index load after the
 * load event, and leaving the page before they arrive counts as a failed request. */
const visit = (page: Page, url: string) => page.goto(url, { waitUntil: "networkidle" });

const ML = `# ML Engineer

## Overview
Ships machine learning models to production.

## Tech Stack Requirements by Experience Level

### Mid Level (2-4 years)

#### Must-Have:
- **Python** - Programming language
- **K8s** - Deploying models
`;

const MACHINE_LEARNING = `# Machine Learning Engineer

## Overview
Designs the systems that train and serve models.

## Tech Stack Requirements by Experience Level

### Senior Level (5-8 years)

#### Must-Have:
- **Kubernetes** - Container orchestration
- **Apache Airflow** - Pipelines

### Staff Level (8-12 years)

#### Must-Have:
- **Airflow** - Scheduling
`;

const own = ownSite(async (folder) => {
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "a-ml-engineer.md"), ML);
  await writeFile(path.join(folder, "b-machine-learning-engineer.md"), MACHINE_LEARNING);
  return [folder];
});
const session = useBrowser({ viewport: { width: 1280, height: 900 } }, (url, status) => status === 404 && new URL(url).pathname === "/roles/ml-engineer/");

describe("a site built from two guides whose titles differ by an alias", () => {
  it("has one role page, with the levels of both guides", async () => {
    expect(own.diagnostics).toContain("alias-merged");
    const page = await session.context.newPage();
    await visit(page, `${own.url}/`);
    const roles = await page.locator("main a[href^='/roles/']").evaluateAll((links) => [...new Set(links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split("/").slice(0, 3).join("/")))]);
    expect(roles).toEqual(["/roles/machine-learning-engineer"]);
    const role = await visit(page, `${own.url}/roles/machine-learning-engineer/`);
    expect(role?.status()).toBe(200);
    expect(await page.locator("h1").textContent()).toBe("Machine Learning Engineer");
    // Text a reader can unfold counts: textContent, not innerText.
    const text = (await page.locator("main").textContent()) ?? "";
    for (const fact of ["Ships machine learning models to production.", "Designs the systems that train and serve models.", "Mid", "Senior", "Staff"]) expect(text).toContain(fact);
    expect((await visit(page, `${own.url}/roles/ml-engineer/`))?.status()).toBe(404);
  });

  it("gives a skill's aliases one page, named as the skill is written out", async () => {
    const page = await session.context.newPage();
    await visit(page, `${own.url}/skills/`);
    const names = await page.locator("ul.index a").allTextContents();
    expect(names).toContain("Kubernetes");
    expect(names).toContain("Airflow");
    expect(names).not.toContain("K8s");
    expect(names).not.toContain("Apache Airflow");
    expect(await axeViolations(page)).toEqual([]);
    await visit(page, `${own.url}/skills/kubernetes/`);
    expect(await page.locator("h1").textContent()).toBe("Kubernetes");
    const main = await page.locator("main").innerText();
    expect(main).toContain("K8s");
    expect(main).toContain("Mid");
    expect(main).toContain("Senior");
  });
});

describe("a site whose configuration adds aliases", () => {
  const configured = ownSite(
    async (folder) => {
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, "a.md"), ML.replace("# ML Engineer", "# DPE").replace("**K8s**", "**Data Build Tool**"));
      await writeFile(path.join(folder, "b.md"), MACHINE_LEARNING.replace("# Machine Learning Engineer", "# Data Platform Engineer").replace("**Kubernetes**", "**dbt**"));
      return [folder];
    },
    { config: SiteConfig.parse({ aliases: { roles: { DPE: "Data Platform Engineer" }, skills: { "Data Build Tool": "dbt" } } }) },
  );
  const browse = useBrowser({ viewport: { width: 1280, height: 900 } });

  it("joins the roles and skills it names", async () => {
    const page = await browse.context.newPage();
    await visit(page, `${configured.url}/roles/data-platform-engineer/`);
    expect(await page.locator("h1").textContent()).toBe("Data Platform Engineer");
    expect(await page.locator("main").textContent()).toContain("Ships machine learning models to production.");
    await visit(page, `${configured.url}/skills/dbt/`);
    const main = await page.locator("main").innerText();
    expect(main).toContain("Data Build Tool");
    expect(main).toContain("Mid");
    expect(main).toContain("Senior");
  });
});

