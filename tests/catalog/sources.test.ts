/** How source files are named (relative to their input folder, never a machine path) and linked into a repository. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/catalog/index.ts";
import { renameSources, safeSourcePath, sourceLinks, sourceNamer } from "../../src/catalog/sources.ts";
import type { Role } from "../../src/model/role.ts";
import { mlEngineer } from "./seed-roles.ts";

describe("sourceNamer", () => {
  const cwd = path.resolve("/work/project");
  it("names a file relative to the input folder it was found in, the deepest input first", () => {
    const name = sourceNamer(["guides", "guides/ml", "../elsewhere/one.md"], cwd);
    expect(name("guides/data/analyst.md")).toBe("data/analyst.md");
    expect(name("guides/ml/levels.md")).toBe("levels.md");
    expect(name("../elsewhere/one.md")).toBe("one.md");
  });

  it("never gives an absolute or .. path, even for a file under no input", () => {
    const name = sourceNamer(["guides"], cwd);
    expect(name("../../secret/place/guide.md")).toBe("guide.md");
    expect(name("/home/someone/guide.md")).toBe("guide.md");
    expect(safeSourcePath("C:\\Users\\me\\guide.md")).toBe("guide.md");
    expect(safeSourcePath("./seeds//a.md")).toBe("seeds/a.md");
  });
});

describe("sourceLinks", () => {
  it("links a file and a line into the repository, each path part encoded", () => {
    const links = sourceLinks({ url: "https://github.com/acme/careers", branch: "release/2026", dir: "guides" });
    expect(links.file("data/Data Analyst #1.md")).toBe("https://github.com/acme/careers/blob/release/2026/guides/data/Data%20Analyst%20%231.md");
    expect(links.line({ path: "ml.md", line: 42 })).toBe("https://github.com/acme/careers/blob/release/2026/guides/ml.md#L42");
    expect(links.line(undefined)).toBeNull();
    expect(sourceLinks({ url: "https://github.com/a/b", branch: "main", dir: "" }).file("x.md")).toBe("https://github.com/a/b/blob/main/x.md");
  });

  it("gives no link without a repository", () => {
    const links = sourceLinks(null);
    expect([links.file("x.md"), links.line({ path: "x.md", line: 1 })]).toEqual([null, null]);
  });
});

describe("the catalog's sources", () => {
  const withOrigins = (): Role => {
    const role = structuredClone(mlEngineer);
    role.levels[0]!.origin = { path: "seeds/machine-learning-engineer-levels.md", line: 4 };
    role.levels[0]!.requirements[0]!.origin = { path: "seeds/machine-learning-engineer-levels.md", line: 15 };
    role.transitions[0]!.phases[0]!.origin = { path: "seeds/machine-learning-engineer-transitions.md", line: 31 };
    return role;
  };

  it("renames every path a role holds, and keeps each source once", () => {
    const role = renameSources(withOrigins(), () => "same.md");
    expect(role.sources).toEqual([{ path: "same.md" }]);
    expect(role.levels[0]!.origin!.path).toBe("same.md");
    expect(role.transitions[0]!.phases[0]!.origin!.path).toBe("same.md");
  });

  it("links the files, levels, requirements and phases of a role with a repository, and leaves its input untouched", () => {
    const input = withOrigins();
    const catalog = buildCatalog([input], undefined, { sourcePath: sourceNamer(["seeds"]), repository: { url: "https://git.example/a/b", branch: "main", dir: "guides" } });
    const view = catalog.roles[0]!;
    expect(view.sources.map((s) => s.url)).toEqual([
      "https://git.example/a/b/blob/main/guides/machine-learning-engineer-levels.md",
      "https://git.example/a/b/blob/main/guides/machine-learning-engineer-transitions.md",
    ]);
    expect(view.levels[0]!.editUrl).toBe("https://git.example/a/b/blob/main/guides/machine-learning-engineer-levels.md#L4");
    expect(view.levels[0]!.groups[0]!.requirements[0]!.editUrl).toBe("https://git.example/a/b/blob/main/guides/machine-learning-engineer-levels.md#L15");
    expect(catalog.plans[0]!.phases[0]!.editUrl).toBe("https://git.example/a/b/blob/main/guides/machine-learning-engineer-transitions.md#L31");
    expect(view.model.sources.map((s) => s.path)).toEqual(["machine-learning-engineer-levels.md", "machine-learning-engineer-transitions.md"]);
    expect(input.sources[0]!.path).toBe("seeds/machine-learning-engineer-levels.md");
    // Without a repository, nothing is linked.
    const plain = buildCatalog([input]).roles[0]!;
    expect([plain.sources[0]!.url, plain.levels[0]!.editUrl]).toEqual([null, null]);
  });
});
