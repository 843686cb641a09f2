/**
 * `sideEffects: false` is a promise: importing one export bundles only what it uses. Module-level tables built by
 * calls (`new Set(…)`, value-list unions, validator factories) are marked pure so a bundler may drop them.
 */
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { describe, expect, it } from "vitest";

const index = fileURLToPath(new URL("../../src/index.ts", import.meta.url));

function bundle(names: string): string {
  const result = buildSync({
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "es2022",
    stdin: { contents: `export { ${names} } from ${JSON.stringify(index)};`, resolveDir: process.cwd(), loader: "ts" },
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("tree shaking", () => {
  it.each(["display", "isKnown", "rawValue", "readyGpus", "ValidationError"])("%s alone bundles no value tables, validators or transport", (name) => {
    const code = bundle(name);
    expect(code).not.toContain("RunningAcceptanceTests");
    expect(code).not.toContain("cluster create input");
    expect(code).not.toContain("retry-after");
    expect(code.length).toBeLessThan(1_000);
  });

  it("createClient alone leaves out compareBackends and fromV1DriverToken", () => {
    const code = bundle("createClient");
    expect(code).toContain("cluster create input");
    expect(code).not.toContain("has_kube_config");
    expect(code).not.toContain("is not a v1 driver token");
  });
});
