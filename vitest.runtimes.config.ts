import { defineConfig } from "vitest/config";

/**
 * The slow runtime tests (`npm run test:runtimes`, after `npm run runtimes:install` and Debian's chromium): the
 * packed package on Node 20/22/24, Bun, Deno and headless Chromium. Kept out of `npm test`, which stays fast.
 */
export default defineConfig({
  test: {
    include: ["test/runtimes/**/*.test.ts"],
    globalSetup: ["test/runtimes/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
