/** The issue's targets, checked against one run's results. */
import { CLIENT_V1, CLIENT_V2 } from "./calls/contender.js";
import type { CallSuiteResult } from "./calls/suite.js";
import { codegenScaleTargets } from "./codegen/scale-report.js";
import { kilobytes } from "./lib/format.js";
import type { Interval } from "./lib/stats.js";
import type { BenchResults } from "./results.js";
import { consumerTargets } from "./waiter-report.js";

/** Name of the bundle row holding this client's entry. */
export const CLIENT_BUNDLE = "this client (src/index.ts, v1 + v2)";

/** One line of the targets table. */
export interface TargetVerdict {
  readonly target: string;
  readonly measured: string;
  readonly verdict: string;
  /** What else the same run measured that bounds the target (a floor, the peers), when there is something to say. */
  readonly context?: string;
}

const notMeasured = "not measured in this run";

function verdict(value: number, limit: number, unit: string, decimals: number): string {
  if (value <= limit) {
    return "met";
  }
  return `**missed** by ${(value - limit).toFixed(decimals)}${unit} (${((value / limit - 1) * 100).toFixed(0)}% over)`;
}

/** The same run's rows that bound a per-call target: the references (floors) and the peers. */
function callContext(suite: CallSuiteResult, pick: "ratio" | "overhead"): string {
  const shown = suite.rows.filter((r) => r.name !== r.baselineName && !r.name.startsWith("this client"));
  return shown.map((r) => `${r.name}: ${pick === "ratio" ? `${r.ratio.median.toFixed(3)}×` : `${r.overheadMicros.median.toFixed(1)} µs`}`).join("; ");
}

function callTarget(suite: CallSuiteResult | undefined, name: string, label: string, pick: "ratio" | "overhead", limit: number): TargetVerdict {
  const row = suite?.rows.find((r) => r.name === name);
  if (!suite || !row) {
    return { target: label, measured: notMeasured, verdict: "–" };
  }
  const context = callContext(suite, pick);
  const interval = (found: Interval | undefined, decimals: number, unit: string) =>
    found ? ` (95% CI ${found.low.toFixed(decimals)}–${found.high.toFixed(decimals)}${unit})` : "";
  if (pick === "ratio") {
    return { target: label, measured: `${row.ratio.median.toFixed(3)}×${interval(row.ratioInterval, 3, "×")}`, verdict: verdict(row.ratio.median, limit, "×", 3), context };
  }
  return {
    target: label,
    measured: `${row.overheadMicros.median.toFixed(1)} µs${interval(row.overheadInterval, 1, " µs")}`,
    verdict: verdict(row.overheadMicros.median, limit, " µs", 1),
    context,
  };
}

/** Every target of the issue with its measured value and whether it is met. */
export function evaluateTargets(results: BenchResults): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [
    callTarget(results.perCall, CLIENT_V2, "per call over loopback, v2 adapter ≤ 1.05× openapi-fetch alone", "ratio", 1.05),
    callTarget(results.perCall, CLIENT_V1, "per call over loopback, v1 adapter ≤ 1.05× openapi-fetch alone", "ratio", 1.05),
    callTarget(results.overhead, CLIENT_V2, "overhead over openapi-fetch alone on the in-process stub, v2 adapter ≤ 5 µs per call", "overhead", 5),
    callTarget(results.overhead, CLIENT_V1, "overhead over openapi-fetch alone on the in-process stub, v1 adapter ≤ 5 µs per call", "overhead", 5),
  ];
  const bundle = results.bundles?.find((row) => row.name === CLIENT_BUNDLE);
  verdicts.push(
    bundle
      ? {
          target: "bundle, client with both versions incl. openapi-fetch ≤ 12 kB min+gzip",
          measured: kilobytes(bundle.gzip),
          verdict: verdict(bundle.gzip / 1000, 12, " kB", 1),
          context: (results.bundles ?? []).filter((other) => other !== bundle).map((other) => `${other.name}: ${kilobytes(other.gzip)}`).join("; "),
        }
      : { target: "bundle, client with both versions incl. openapi-fetch ≤ 12 kB min+gzip", measured: notMeasured, verdict: "–" },
  );
  for (const comparison of results.codegen?.comparisons ?? []) {
    if (comparison.target.startsWith("(")) {
      continue;
    }
    const ours = results.codegen!.rows.find((r) => r.label === comparison.ours)!.millis.median;
    const theirs = results.codegen!.rows.find((r) => r.label === comparison.theirs)!.millis.median;
    verdicts.push({
      target: `codegen: ${comparison.target}`,
      measured: `${ours.toFixed(0)} ms vs ${theirs.toFixed(0)} ms (${(ours / theirs).toFixed(2)}×)`,
      verdict: verdict(ours / theirs, 1, "×", 2),
    });
  }
  if (!results.codegen) {
    verdicts.push({ target: "codegen: whole pipeline ≤ openapi-typescript on one spec; large spec ≤ openapi-typescript on it", measured: notMeasured, verdict: "–" });
  }
  verdicts.push(...codegenScaleTargets(results, notMeasured));
  verdicts.push(...consumerTargets(results));
  return verdicts;
}
