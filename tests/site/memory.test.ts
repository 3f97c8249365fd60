import { describe, expect, it } from "vitest";
import { collectGarbage } from "../../src/site/memory.ts";

describe("collectGarbage", () => {
  it("collects what is no longer reachable, without --expose-gc on the command line", () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let garbage: string[] | null = Array.from({ length: 200_000 }, (_, i) => `item ${i} ${"x".repeat(i % 50)}`);
    expect(process.memoryUsage().heapUsed - before).toBeGreaterThan(10_000_000);
    garbage = null;
    collectGarbage();
    expect(garbage).toBeNull();
    // Within a few MB of where it started: the 200,000 strings are gone.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(5_000_000);
  });
});
