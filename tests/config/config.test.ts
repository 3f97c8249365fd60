/**
 * The site configuration: found in the working directory or named with --config, YAML or JSON,
 * validated by its zod schema with each problem at the line and column of the value it is about.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { main } from "../../src/cli.ts";
import { CONFIG_NAMES, loadConfig, withBaseUrl } from "../../src/config/load.ts";
import { configJsonSchema, DEFAULT_TITLE, SiteConfig } from "../../src/config/schema.ts";
import { toDiagnostics } from "../../src/model/diagnostics.ts";
import { Capture, tempDir } from "../site/helpers.ts";

/** A folder holding `files` (name → text). */
async function folder(files: Record<string, string>): Promise<string> {
  const dir = await tempDir("career-atlas-config-");
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** The rule, line and column of each diagnostic of a load. */
function problems(result: ReturnType<typeof loadConfig>): { ruleId: string; line: number | null; column: number | null }[] {
  return result.file ? toDiagnostics([result.file]).map(({ ruleId, line, column }) => ({ ruleId, line, column })) : [];
}

const FULL = `title: Acme Careers
description: How careers grow at Acme.
baseUrl: https://acme.example/atlas
logo: brand/logo.svg
language: pt-BR
repository:
  url: https://github.com/acme/careers/
  dir: /guides/
aliases:
  roles:
    MLE: Machine Learning Engineer
  skills:
    k8s: Kubernetes
nav:
  - label: Blog
    url: https://acme.example/blog
  - label: About
    url: /about/
`;

describe("loadConfig", () => {
  it("gives the defaults when the working directory has no configuration file", async () => {
    const dir = await folder({});
    const result = loadConfig({ cwd: dir });
    expect(result.file).toBeNull();
    expect(result.config).toEqual({ title: DEFAULT_TITLE, description: expect.any(String), language: "en", aliases: { roles: {}, skills: {} }, nav: [] });
  });

  it("reads every key of a YAML file, normalising the URLs and resolving the logo beside the file", async () => {
    const dir = await folder({ "career-atlas.config.yaml": FULL, "brand/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>" });
    const result = loadConfig({ cwd: dir });
    expect(problems(result)).toEqual([]);
    expect(result.config).toEqual({
      title: "Acme Careers",
      description: "How careers grow at Acme.",
      baseUrl: "https://acme.example/atlas/",
      logo: path.join(dir, "brand/logo.svg"),
      language: "pt-BR",
      repository: { url: "https://github.com/acme/careers", branch: "main", dir: "guides" },
      aliases: { roles: { MLE: "Machine Learning Engineer" }, skills: { k8s: "Kubernetes" } },
      nav: [
        { label: "Blog", url: "https://acme.example/blog" },
        { label: "About", url: "/about/" },
      ],
    });
  });

  it("takes the first of its names that exists, YAML before JSON", async () => {
    expect(CONFIG_NAMES[0]).toBe("career-atlas.config.yaml");
    const dir = await folder({ "career-atlas.config.json": '{ "title": "From JSON" }', "career-atlas.config.yaml": "title: From YAML\n" });
    expect(loadConfig({ cwd: dir }).config?.title).toBe("From YAML");
    const json = await folder({ "career-atlas.config.json": '{ "title": "From JSON" }' });
    expect(loadConfig({ cwd: json }).config?.title).toBe("From JSON");
  });

  it("reads the file --config names instead, and reports one that is missing", async () => {
    const dir = await folder({ "career-atlas.config.yaml": "title: Found\n", "other.json": '{ "title": "Named" }' });
    expect(loadConfig({ cwd: dir, file: "other.json" }).config?.title).toBe("Named");
    const missing = loadConfig({ cwd: dir, file: "nope.yaml" });
    expect(missing.config).toBeNull();
    expect(problems(missing)).toEqual([{ ruleId: "config-not-found", line: null, column: null }]);
  });

  it("reports each invalid value at its line and column in YAML", async () => {
    const dir = await folder({
      "career-atlas.config.yaml": "title: Acme\nbaseUrl: example.org/atlas\nnav:\n  - label: Blog\n    url: ftp://example.org\n    colour: red\ntitel: typo\n",
    });
    const result = loadConfig({ cwd: dir });
    expect(result.config).toBeNull();
    expect(problems(result)).toEqual([
      { ruleId: "config-invalid", line: 2, column: 10 },
      { ruleId: "config-invalid", line: 5, column: 10 },
      { ruleId: "config-unknown-key", line: 6, column: 5 },
      { ruleId: "config-unknown-key", line: 7, column: 1 },
    ]);
    const reasons = result.file!.messages.map((m) => m.reason);
    expect(reasons[0]).toContain('found "example.org/atlas"');
    expect(reasons[3]).toContain('"titel"');
  });

  it("reports each invalid value at its line and column in JSON, and a duplicate key as a syntax error", async () => {
    const dir = await folder({ "a.json": '{\n  "title": "Acme",\n  "repository": { "url": 42 }\n}\n', "b.json": '{\n  "title": "A",\n  "title": "B"\n}\n' });
    expect(problems(loadConfig({ cwd: dir, file: "a.json" }))).toEqual([{ ruleId: "config-invalid", line: 3, column: 26 }]);
    const duplicate = loadConfig({ cwd: dir, file: "b.json" });
    expect(duplicate.config).toBeNull();
    expect(problems(duplicate)).toEqual([{ ruleId: "config-syntax", line: 3, column: 3 }]);
  });

  it("reports broken syntax and a logo that is not a file", async () => {
    const dir = await folder({ "broken.yaml": "title: [unclosed\n", "logo.yaml": "title: Acme\nlogo: missing.svg\n" });
    expect(problems(loadConfig({ cwd: dir, file: "broken.yaml" })).map((p) => p.ruleId)).toEqual(["config-syntax"]);
    expect(problems(loadConfig({ cwd: dir, file: "logo.yaml" }))).toEqual([{ ruleId: "config-logo-missing", line: 2, column: 7 }]);
  });

  it("refuses a base URL with a query, and a repository folder that climbs out", () => {
    expect(SiteConfig.safeParse({ baseUrl: "https://example.org/atlas/?x=1" }).success).toBe(false);
    expect(SiteConfig.safeParse({ repository: { url: "https://github.com/a/b", dir: "../elsewhere" } }).success).toBe(false);
    expect(SiteConfig.safeParse({ nav: [{ label: "x", url: "//evil.example/" }] }).success).toBe(false);
  });
});

describe("withBaseUrl (--base-url)", () => {
  it("replaces the configured base URL, and refuses one that is not absolute", () => {
    const config = SiteConfig.parse({ baseUrl: "https://a.example/" });
    expect(withBaseUrl(config, "https://b.example/docs").baseUrl).toBe("https://b.example/docs/");
    expect(() => withBaseUrl(config, "/docs/")).toThrow(/--base-url expects an absolute/);
  });
});

describe("the configuration's JSON Schema", () => {
  it("names every key, for editors, and is printed by `schema --config`", async () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["title", "description", "baseUrl", "logo", "language", "repository", "aliases", "nav"]));
    expect(schema.additionalProperties).toBe(false);
    expect(schema).toEqual(z.toJSONSchema(SiteConfig, { io: "input", unrepresentable: "any" }));
    const stdout = new Capture();
    expect(await main(["schema", "--config"], { stdout, stderr: new Capture() })).toBe(0);
    expect(JSON.parse(stdout.text)).toEqual(schema);
  });
});

describe("career-atlas build with a configuration", () => {
  it("exits 1 and prints the diagnostics at their place when the configuration is invalid", async () => {
    const dir = await folder({ "bad.yaml": "title: Acme\nbaseUrl: nowhere\n" });
    const stderr = new Capture();
    const code = await main(["build", "--config", path.join(dir, "bad.yaml"), "--output", path.join(dir, "site")], { stdout: new Capture(), stderr });
    expect(code).toBe(1);
    expect(stderr.text).toMatch(/bad\.yaml:2:10\s+error\s.*config-invalid/);
  });

  it("exits 2 on a --base-url that is not an absolute URL", async () => {
    const dir = await folder({});
    const stderr = new Capture();
    expect(await main(["build", "--base-url", "atlas/", "--output", path.join(dir, "site")], { stdout: new Capture(), stderr })).toBe(2);
    expect(stderr.text).toContain("--base-url expects an absolute");
  });
});
