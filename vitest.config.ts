import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // test/runtimes runs in its own config (vitest.runtimes.config.ts): it needs other runtimes and a browser.
    exclude: ["test/runtimes/**", "test/registry/**", "**/node_modules/**"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
