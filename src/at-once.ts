/**
 * Bounded concurrency for file work: enough operations in flight to overlap their waits, few enough
 * to hold few handles. A pool rather than fixed batches, so one slow file does not hold up the rest.
 */

/**
 * Runs `task(index)` for every index below `count`, started in order, at most `limit` at a time.
 * @returns once every task has ended; rejects with the first task's error
 */
export async function atOnce(count: number, limit: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, runner));
}
