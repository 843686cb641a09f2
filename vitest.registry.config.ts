import { defineConfig } from "vitest/config";

/**
 * The registry test (`npm run test:registry`, after `npm run registry:install`): a local verdaccio, a release cut in a
 * temp clone, published and installed by a consumer. Minutes, not seconds, so it stays out of `npm test`.
 */
export default defineConfig({
  test: {
    include: ["test/registry/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
