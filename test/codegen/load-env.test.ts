import { describe, expect, it } from "vitest";
import { parseSpec } from "../../codegen/load.js";

// load.ts swaps process.env for a plain copy while yaml parses (yaml reads it once per token); the swap must never
// leak out of parseSpec, whether the parse succeeds or throws.
describe("parseSpec and process.env", () => {
  it("hands back the real process.env after a successful parse", () => {
    const env = process.env;
    const spec = parseSpec("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n", "ok.yaml", "v2");
    expect(spec.document.openapi).toBe("3.1.0");
    expect(process.env).toBe(env);
  });

  it("hands back the real process.env after a rejected spec", () => {
    const env = process.env;
    expect(() => parseSpec("openapi: 3.1.0\npaths: [\n", "bad.yaml", "v2")).toThrow(/^bad\.yaml:\d+:\d+ .*malformed YAML/);
    expect(process.env).toBe(env);
  });
});
