import { defineConfig } from "vitest/config";

// `npm run test:mutations`: the spec-mutation regeneration test (about a minute; kept out of `npm test`).
export default defineConfig({
  test: {
    include: ["test/**/*.mutations.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
