import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { packageVersion, userAgent } from "../../src/index.js";

test("the version in the user agent is package.json's (src/version.ts is its one copy in src/)", () => {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  expect(packageVersion).toBe(manifest.version);
  expect(userAgent).toBe(`together-clusters/${manifest.version}`);
});
