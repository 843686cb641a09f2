import { describe, expect, it } from "vitest";
import { repoRoot } from "../../bench/lib/repo.js";
import { locationOf, summarizeProfile } from "../../bench/profile/summarize.js";

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });

describe("cpu profile summary", () => {
  it("charges nested node_modules code to the innermost package", () => {
    expect(locationOf(`${repoRoot}/node_modules/openapi-typescript/node_modules/@redocly/openapi-core/lib/walk.js`)).toBe(
      "@redocly/openapi-core",
    );
  });

  it("groups repo code by top folder and keeps V8 frames apart", () => {
    expect(locationOf(`${repoRoot}/src/adapters/v2.ts`)).toBe("src/adapters/");
    expect(locationOf("node:internal/url")).toBe("node: internals");
    expect(locationOf("")).toBe("(native / V8)");
  });

  it("adds self time per frame from samples and time deltas", () => {
    const summary = summarizeProfile({
      nodes: [
        { id: 1, callFrame: frame("parse", `file://${repoRoot}/node_modules/yaml/dist/index.js`) },
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
    expect(summary.functions[0]).toEqual({ name: "parse yaml/dist/index.js", selfMillis: 3, share: 0.75 });
  });

  it("credits project functions with the time of everything they call, once per sample, leaving idle time out", () => {
    const summary = summarizeProfile({
      nodes: [
        { id: 1, callFrame: frame("getCluster", `file://${repoRoot}/src/adapters/v2.ts`), children: [2] },
        { id: 2, callFrame: frame("fetch", "node:internal/deps/undici/undici"), children: [3] },
        { id: 3, callFrame: frame("getCluster", `file://${repoRoot}/src/adapters/v2.ts`) },
        { id: 4, callFrame: frame("(idle)", "") },
      ],
      samples: [2, 3, 4],
      timeDeltas: [3000, 1000, 4000],
    });
    // The idle sample is left out of the total: shares are of CPU time.
    expect(summary.totalMillis).toBe(4);
    expect(summary.ownInclusive).toEqual([{ name: "getCluster src/adapters/v2.ts", selfMillis: 4, share: 1 }]);
  });

  it("adds the profiles of several threads into one summary", () => {
    const thread = (functionName: string, micros: number) => ({
      nodes: [{ id: 1, callFrame: frame(functionName, `file://${repoRoot}/node_modules/openapi-typescript/dist/index.mjs`) }],
      samples: [1],
      timeDeltas: [micros],
    });
    const summary = summarizeProfile([thread("transform", 3000), thread("transform", 1000)]);
    expect(summary.totalMillis).toBe(4);
    expect(summary.locations).toEqual([{ name: "openapi-typescript", selfMillis: 4, share: 1 }]);
  });
});
