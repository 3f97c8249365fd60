import { defineConfig } from "vitest/config";

// Browser tests: Debian's chromium driven by playwright-core against the built site on localhost.
// The global setup builds the seeds into site/ (search index included) and serves it once for all files.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
