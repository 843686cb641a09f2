/**
 * Order statistics for benchmark samples. Medians and ranges, never means:
 * a single GC pause or scheduler hiccup must not move the headline figure.
 */
import { seededRandom } from "./random.js";

/** Median, quartiles, extremes and sample count of one series of measurements. */
export interface Summary {
  readonly median: number;
  /** First and third quartiles (linear interpolation between closest ranks). */
  readonly p25: number;
  readonly p75: number;
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

function assertSamples(samples: readonly number[], what: string): void {
  if (samples.length === 0) {
    throw new Error(`${what}: no samples (an empty series has no median)`);
  }
  for (const [index, value] of samples.entries()) {
    if (!Number.isFinite(value)) {
      throw new Error(`${what}: sample #${index} is ${value}, expected a finite number`);
    }
  }
}

function sorted(samples: readonly number[]): number[] {
  return [...samples].sort((a, b) => a - b);
}

/** Median of the samples; the mean of the two middle values for an even count. */
export function median(samples: readonly number[]): number {
  assertSamples(samples, "median");
  const ordered = sorted(samples);
  const middle = ordered.length >> 1;
  const upper = ordered[middle]!;
  return ordered.length % 2 === 1 ? upper : (ordered[middle - 1]! + upper) / 2;
}

/** The q-quantile (0 ≤ q ≤ 1) of an ascending series, interpolating between the closest ranks. */
function quantileOfSorted(ordered: readonly number[], q: number): number {
  const position = (ordered.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, ordered.length - 1);
  return ordered[below]! + (ordered[above]! - ordered[below]!) * (position - below);
}

/** Median, quartiles, min, max and count in one pass over a sorted copy. */
export function summarize(samples: readonly number[]): Summary {
  assertSamples(samples, "summarize");
  const ordered = sorted(samples);
  return {
    median: median(ordered),
    p25: quantileOfSorted(ordered, 0.25),
    p75: quantileOfSorted(ordered, 0.75),
    min: ordered[0]!,
    max: ordered[ordered.length - 1]!,
    count: ordered.length,
  };
}

/**
 * Element-wise ratios of two equally long series measured in the same rounds
 * (numerator[i] / denominator[i]). Pairing by round cancels drift that hits
 * both series alike, which a ratio of two medians would not.
 */
export function pairedRatios(numerator: readonly number[], denominator: readonly number[]): number[] {
  if (numerator.length !== denominator.length) {
    throw new Error(`pairedRatios: series lengths differ (${numerator.length} vs ${denominator.length})`);
  }
  assertSamples(numerator, "pairedRatios numerator");
  assertSamples(denominator, "pairedRatios denominator");
  return numerator.map((value, index) => {
    const base = denominator[index]!;
    if (base <= 0) {
      throw new Error(`pairedRatios: denominator sample #${index} is ${base}, expected > 0`);
    }
    return value / base;
  });
}

/** A confidence interval for a statistic. */
export interface Interval {
  readonly low: number;
  readonly high: number;
  /** Coverage, e.g. 0.95. */
  readonly level: number;
}

/**
 * Percentile-bootstrap interval for the median: resamples the series with replacement `resamples` times (seeded, so
 * the same samples give the same interval) and takes the central `level` share of the resampled medians. It says how
 * far the headline median could move if the same run were repeated, which min–max or quartiles do not.
 */
export function bootstrapMedianInterval(samples: readonly number[], options: { resamples?: number; level?: number; seed?: number } = {}): Interval {
  assertSamples(samples, "bootstrapMedianInterval");
  const { resamples = 200, level = 0.95, seed = 1 } = options;
  const random = seededRandom(seed);
  const medians: number[] = [];
  const resample = new Array<number>(samples.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < samples.length; i++) resample[i] = samples[Math.floor(random() * samples.length)]!;
    medians.push(median(resample));
  }
  const ordered = sorted(medians);
  const tail = (1 - level) / 2;
  return { low: quantileOfSorted(ordered, tail), high: quantileOfSorted(ordered, 1 - tail), level };
}
