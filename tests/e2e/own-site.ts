/**
 * A site of a test file's own, for browser tests that need other guides than the seeds: built from
 * the given inputs into a temporary folder (no cache, so nothing is shared with other builds) and
 * served on 127.0.0.1 until the file's tests end.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { SiteConfig } from "../../src/config/schema.ts";
import { runBuild } from "../../src/cli.ts";
import { serveFolder, type StaticServer } from "./static-server.ts";
import { Capture } from "../site/helpers.ts";

export interface OwnSite {
  /** Without a final "/". */
  url: string;
  /** What the build printed on stderr (its diagnostics). */
  diagnostics: string;
}

/**
 * Builds and serves a site for the test file.
 * @param inputs the guides (files or folders), or a function that writes them into the given folder and returns them
 * @param options.config the site configuration (the defaults without it)
 */
export function ownSite(inputs: string[] | ((folder: string) => Promise<string[]>), options: { config?: SiteConfig } = {}): OwnSite {
  const site = { url: "", diagnostics: "" };
  let root = "";
  let server: StaticServer | null = null;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "career-atlas-e2e-"));
    const guides = typeof inputs === "function" ? await inputs(path.join(root, "guides")) : inputs;
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runBuild({ inputs: guides, output: path.join(root, "site"), stdout, stderr, cache: false, config: options.config });
    if (code !== 0) throw new Error(`Building ${guides.join(", ")} failed (exit ${code}):\n${stderr.text}`);
    site.diagnostics = stderr.text;
    server = await serveFolder(path.join(root, "site"));
    site.url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });
  return site;
}
