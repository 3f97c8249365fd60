import { describe, expect, it } from "vitest";
import { atOnce } from "../src/at-once.ts";

describe("atOnce", () => {
  it("runs every task once, started in order, never more than the limit at a time", async () => {
    const started: number[] = [];
    let running = 0;
    let most = 0;
    await atOnce(10, 3, async (index) => {
      started.push(index);
      most = Math.max(most, ++running);
      // Ends after a few turns of the event loop, later tasks sooner, so that the pool must refill.
      for (let turn = 0; turn < 10 - index; turn++) await Promise.resolve();
      running--;
    });
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(3);
    expect(running).toBe(0);
  });

  it("starts no task for no work, and fewer runners than the limit for little", async () => {
    const seen: number[] = [];
    await atOnce(0, 4, async (index) => void seen.push(index));
    expect(seen).toEqual([]);
    await atOnce(2, 8, async (index) => void seen.push(index));
    expect(seen).toEqual([0, 1]);
  });

  it("rejects with a task's error", async () => {
    await expect(atOnce(5, 2, async (index) => {
      if (index === 3) throw new Error("disk full");
    })).rejects.toThrow("disk full");
  });
});
