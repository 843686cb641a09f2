import { describe, expect, it } from "vitest";
import { CLIENT_V1, CLIENT_V2 } from "../../bench/calls/contender.js";
import type { CallRow } from "../../bench/calls/suite.js";
import { summarize } from "../../bench/lib/stats.js";
import type { BenchResults } from "../../bench/results.js";
import { CLIENT_BUNDLE, evaluateTargets } from "../../bench/targets.js";

const flat = (value: number) => ({ median: value, p25: value, p75: value, min: value, max: value, count: 1 });
const row = (name: string, ratio: number, overhead: number): CallRow => ({
  name,
  baselineName: "raw fetch",
  perCallMicros: flat(100 * ratio),
  ratio: flat(ratio),
  overheadMicros: flat(overhead),
});
const options = { warmupCalls: 1, rounds: 1, callsPerBlock: 1 };

function results(partial: Partial<BenchResults>): BenchResults {
  return {
    command: "npm run bench",
    quick: false,
    startedAt: "",
    finishedAt: "",
    machine: { cpu: "", cores: 2, memoryGiB: 1, os: "", node: "", loadAverage: [], gitCommit: "", gitDirty: false },
    loadAverageAtEnd: [],
    profiles: [],
    skipped: [],
    ...partial,
  };
}

describe("targets", () => {
  it("meets a ratio at or under the limit and says by how much one is missed", () => {
    const verdicts = evaluateTargets(results({ perCall: { options, rows: [row(CLIENT_V2, 1.05, 0), row(CLIENT_V1, 1.26, 0)] } }));
    expect(verdicts[0]).toMatchObject({ measured: "1.050×", verdict: "met" });
    expect(verdicts[1]).toMatchObject({ measured: "1.260×", verdict: "**missed** by 0.210× (20% over)" });
  });

  it("checks library overhead in µs and bundle size in kB (1 kB = 1000 B)", () => {
    const bundle = { name: CLIENT_BUNDLE, source: "", minified: 40_000, gzip: 13_200, brotli: 12_000, composition: [] };
    const verdicts = evaluateTargets(results({ overhead: { options, rows: [row(CLIENT_V2, 1, 4.5), row(CLIENT_V1, 1, 6)] }, bundles: [bundle] }));
    expect(verdicts[2]!.verdict).toBe("met");
    expect(verdicts[3]!.verdict).toBe("**missed** by 1.0 µs (20% over)");
    expect(verdicts[4]).toMatchObject({ measured: "13.2 kB", verdict: "**missed** by 1.2 kB (10% over)" });
  });

  it("marks every target not measured when the run skipped it", () => {
    const verdicts = evaluateTargets(results({}));
    expect(verdicts.map((v) => v.measured)).toEqual(Array(11).fill("not measured in this run"));
  });

  it("judges codegen scaling: growth from 5 to 10 MB, the 50 MB run's time and memory, sync against openapi-typescript", () => {
    // Peak RSS over three runs: `peak` in one, 1 GB in the others (the largest is judged).
    const size = (name: string, millis: number, peak: number) => ({ name, file: "", bytes: 5e6, command: "", millis: flat(millis), cpuMillis: flat(millis), peakRssBytes: summarize([1e9, peak, 1e9]) });
    const timing = (millis: number) => ({ command: "", millis: flat(millis) });
    const scale = (medium: number, largeMillis: number, largeRss: number, sync: number) => ({
      rows: [size("5 MB", 10_000, 1e9), size("10 MB", medium, 1e9), size("50 MB", largeMillis, largeRss)],
      sync: { file: "", bytes: 1, ours: timing(sync), theirs: timing(2_000) },
      loadAverage: [1, 1] as const,
    });
    const pick = (verdicts: ReturnType<typeof evaluateTargets>) => verdicts.filter((v) => v.target.startsWith("codegen scale")).map((v) => v.verdict);
    expect(pick(evaluateTargets(results({ codegenScale: scale(22_000, 119_000, 3e9 - 1, 2_000) })))).toEqual(["met", "met", "met"]);
    expect(pick(evaluateTargets(results({ codegenScale: scale(22_100, 119_000, 3e9, 2_100) })))).toEqual([
      "**missed** (2.21× > 2.2×)",
      "**missed** (memory)",
      "**missed** (1.05×)",
    ]);
    expect(pick(evaluateTargets(results({ codegenScale: scale(20_000, 120_000, 1e9, 1_000) })))[1]).toBe("**missed** (time)");
    const largest = evaluateTargets(results({ codegenScale: scale(22_000, 119_000, 2.95e9, 2_000) })).find((v) => v.target.includes("50 MB"));
    expect(largest?.measured).toBe("119.0 s, 2.95 GB in the largest of 3 run(s) (50 MB, 5.0 MB)");
  });
});
