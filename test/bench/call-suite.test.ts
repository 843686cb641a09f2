import { describe, expect, it } from "vitest";
import type { Contender } from "../../bench/calls/contender.js";
import { peerContenders } from "../../bench/calls/peer-contenders.js";
import { STUB_ORIGIN, stubFetch } from "../../bench/calls/stub-fetch.js";
import { runCallSuite } from "../../bench/calls/suite.js";

const tiny = { warmupCalls: 1, rounds: 2, callsPerBlock: 2 };

describe("per-call suite", () => {
  it("checks every peer's answer and pairs each with openapi-fetch alone on its API version (the per-call reference)", async () => {
    const result = await runCallSuite(peerContenders, STUB_ORIGIN, stubFetch, tiny);
    expect(result.rows.map((row) => [row.name, row.baselineName])).toEqual([
      ["openapi-fetch alone (v2)", "openapi-fetch alone (v2)"],
      ["raw fetch (v2)", "openapi-fetch alone (v2)"],
      ["together-ai SDK beta.clusters.retrieve (v2)", "openapi-fetch alone (v2)"],
      ["openapi-fetch alone (v1)", "openapi-fetch alone (v1)"],
      ["raw fetch (v1)", "openapi-fetch alone (v1)"],
    ]);
    const baseline = result.rows[0]!;
    expect(baseline.ratio).toEqual({ median: 1, p25: 1, p75: 1, min: 1, max: 1, count: 2 });
    expect(baseline.overheadMicros.median).toBe(0);
  });

  it("refuses to time a contender whose request misses the bench cluster", async () => {
    const wrongPath: Contender = {
      ...peerContenders[0]!,
      name: "raw fetch to a wrong path",
      baseline: false,
      create: (origin, fetchImpl) => async () => (await fetchImpl(`${origin}/compute/clusters/other`)).json(),
    };
    await expect(runCallSuite([peerContenders[0]!, wrongPath], STUB_ORIGIN, stubFetch, tiny)).rejects.toThrow(
      /openapi-fetch alone \(v2\): result has cluster id undefined, expected "c-7f3a9e21-bench"/,
    );
  });
});
