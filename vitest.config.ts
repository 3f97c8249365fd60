import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // On a two-core machine Vitest's default ran the files about one at a time (144 s); most of them
    // wait on builds, child processes and Pagefind, so two at once finish sooner (107 s).
    maxWorkers: 2,
  },
});
