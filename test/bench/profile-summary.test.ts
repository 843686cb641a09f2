import { describe, expect, it } from "vitest";
import { locationOf, summarizeProfile } from "../../bench/profile/summarize.js";

describe("cpu profile summary", () => {
  it("charges nested node_modules code to the innermost package", () => {
    expect(locationOf("/work/main/node_modules/openapi-typescript/node_modules/@redocly/openapi-core/lib/walk.js")).toBe(
      "@redocly/openapi-core",
    );
  });

  it("groups repo code by top folder and keeps V8 frames apart", () => {
    expect(locationOf("/work/main/src/adapters/v2.ts")).toBe("src/adapters/");
    expect(locationOf("node:internal/url")).toBe("node: internals");
    expect(locationOf("")).toBe("(native / V8)");
  });

  it("adds self time per frame from samples and time deltas", () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const summary = summarizeProfile({
      nodes: [
        { id: 1, callFrame: frame("parse", "file:///work/main/node_modules/yaml/dist/index.js") },
        { id: 2, callFrame: frame("(garbage collector)", "") },
      ],
      samples: [1, 1, 2, 1],
      timeDeltas: [1000, 2000, 1000, 0],
    });
    expect(summary.totalMillis).toBe(4);
    expect(summary.locations).toEqual([
      { name: "yaml", selfMillis: 3, share: 0.75 },
      { name: "(native / V8)", selfMillis: 1, share: 0.25 },
    ]);
    expect(summary.functions[0]).toEqual({ name: "parse yaml/dist/index.js:1", selfMillis: 3, share: 0.75 });
  });
});
