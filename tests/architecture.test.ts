/**
 * The shape of `src/` (docs/DESIGN.md): small modules, and imports that flow one way. Every module
 * of `src/` is at most 400 lines, and no chain of relative imports (type imports and dynamic
 * `import()` included) leads from a module back to itself.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve("src");
const MAX_LINES = 400;

/** Static imports and re-exports (`import type` too), and dynamic `import("…")`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.[^"']+)["']/g;

const modules = readdirSync(SRC, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.(?:ts|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
  .map((entry) => path.join(entry.parentPath, entry.name))
  .sort();

/** Each module's relative imports that are files of `src/`. */
const graph = new Map(
  modules.map((file) => {
    const targets = [...readFileSync(file, "utf8").matchAll(SPECIFIER)]
      .map(([, specifier]) => path.resolve(path.dirname(file), specifier!))
      .filter((target) => statSync(target, { throwIfNoEntry: false })?.isFile());
    return [file, [...new Set(targets)]];
  }),
);

/** The strongly connected components of more than one module, or of one importing itself (Tarjan). */
function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (edges.get(node) ?? []).includes(node)) found.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

const relative = (file: string): string => path.relative(SRC, file).split(path.sep).join("/");

describe("src/", () => {
  it("is read whole: every module, and the imports between them", () => {
    expect(modules.length).toBeGreaterThan(100);
    expect(graph.get(path.join(SRC, "site", "build.ts"))).toContain(path.join(SRC, "load.ts"));
  });

  it("finds a cycle where there is one", () => {
    expect(cycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]))).toEqual([["a", "b", "c"]]);
    expect(cycles(new Map([["a", ["b"]], ["b", []]]))).toEqual([]);
  });

  it("has no import cycle, type imports included", () => {
    expect(cycles(graph).map((component) => component.map(relative))).toEqual([]);
  });

  it(`has no module over ${MAX_LINES} lines`, () => {
    const long = modules.map((file) => [relative(file), readFileSync(file, "utf8").split("\n").length - 1] as const).filter(([, lines]) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
