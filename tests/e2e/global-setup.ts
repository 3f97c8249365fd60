/**
 * Before the browser tests: build the seeds into site/ as `npm run build` does (search index
 * included), and serve it on 127.0.0.1 for every test file; stopped after the last one.
 */
import path from "node:path";
import type { TestProject } from "vitest/node";
import { runBuild } from "../../src/cli.ts";
import { serveFolder } from "./static-server.ts";
import { Capture } from "../site/helpers.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The served site, without a final "/": "http://127.0.0.1:40123". */
    siteUrl: string;
    /** The built site folder. */
    siteRoot: string;
  }
}

export const SITE = path.resolve("site");

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runBuild({ inputs: ["seeds"], output: SITE, stdout, stderr });
  if (code !== 0) throw new Error(`Building the seeds failed (exit ${code}):\n${stderr.text}`);
  process.stdout.write(stdout.text);
  const server = await serveFolder(SITE);
  project.provide("siteUrl", server.url);
  project.provide("siteRoot", SITE);
  return () => server.close();
}
