import { defineConfig } from "vitest/config";

// Browser tests: Debian's chromium driven by playwright-core against the built site on localhost.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
