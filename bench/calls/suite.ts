/**
 * Runs a set of contenders over one transport (loopback HTTP or the
 * in-process stub) and reduces the interleaved samples to report rows.
 */
import { bootstrapMedianInterval, type Interval, pairedRatios, type Summary, summarize } from "../lib/stats.js";
import type { Contender, FetchLike } from "./contender.js";
import { type InterleaveOptions, runInterleaved } from "./interleave.js";

/** One contender's figures: per-call time, ratio to openapi-fetch alone, and time above it. */
export interface CallRow {
  readonly name: string;
  readonly baselineName: string;
  /** Microseconds per call, over rounds. */
  readonly perCallMicros: Summary;
  /** Per-round ratio to the baseline of the same API version. */
  readonly ratio: Summary;
  /** Per-round microseconds above the baseline. */
  readonly overheadMicros: Summary;
  /** 95% bootstrap intervals of the two medians above (absent in results saved before they were added). */
  readonly ratioInterval?: Interval;
  readonly overheadInterval?: Interval;
}

/** All rows of one suite, with the settings they were measured under. */
export interface CallSuiteResult {
  readonly options: InterleaveOptions;
  readonly rows: readonly CallRow[];
}

function baselineFor(contender: Contender, all: readonly Contender[]): Contender {
  const baseline = all.find((c) => c.baseline && c.apiVersion === contender.apiVersion);
  if (!baseline) {
    throw new Error(`no baseline contender for API version ${contender.apiVersion} (needed by ${contender.name})`);
  }
  return baseline;
}

/** Builds every contender over `fetchImpl`, checks one real call of each, then times them interleaved. */
export async function runCallSuite(
  contenders: readonly Contender[],
  origin: string,
  fetchImpl: FetchLike,
  options: InterleaveOptions,
): Promise<CallSuiteResult> {
  const calls = contenders.map((contender) => ({ name: contender.name, call: contender.create(origin, fetchImpl) }));
  // Timing a contender that fetches the wrong thing would be worse than useless.
  for (const [index, contender] of contenders.entries()) {
    contender.check(await calls[index]!.call());
  }
  const samples = await runInterleaved(calls, options);
  const rows = contenders.map((contender): CallRow => {
    const baseline = baselineFor(contender, contenders);
    const own = samples.get(contender.name)!;
    const base = samples.get(baseline.name)!;
    const ratios = pairedRatios(own, base);
    const differences = own.map((value, round) => value - base[round]!);
    return {
      name: contender.name,
      baselineName: baseline.name,
      perCallMicros: summarize(own),
      ratio: summarize(ratios),
      overheadMicros: summarize(differences),
      ratioInterval: bootstrapMedianInterval(ratios),
      overheadInterval: bootstrapMedianInterval(differences),
    };
  });
  return { options, rows };
}
