import { describe, expect, it } from "vitest";
import { bootstrapMedianInterval, median, pairedRatios, summarize } from "../../bench/lib/stats.js";

describe("bench stats", () => {
  it("takes the middle value of an odd count regardless of input order", () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it("averages the two middle values of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("summarizes median, quartiles, min, max and count without mutating the input", () => {
    const samples = [30, 10, 20, 50, 40];
    expect(summarize(samples)).toEqual({ median: 30, p25: 20, p75: 40, min: 10, max: 50, count: 5 });
    expect(samples).toEqual([30, 10, 20, 50, 40]);
  });

  it("rejects an empty series and names the function", () => {
    expect(() => median([])).toThrow(/median: no samples/);
  });

  it("rejects a non-finite sample and says which one", () => {
    expect(() => summarize([1, Number.NaN])).toThrow(/sample #1 is NaN/);
  });

  it("pairs ratios round by round", () => {
    expect(pairedRatios([110, 240], [100, 200])).toEqual([1.1, 1.2]);
  });

  it("refuses series of different lengths", () => {
    expect(() => pairedRatios([1, 2], [1])).toThrow(/lengths differ \(2 vs 1\)/);
  });

  it("refuses a zero denominator", () => {
    expect(() => pairedRatios([1], [0])).toThrow(/denominator sample #0 is 0/);
  });

  it("bootstraps an interval around the median that repeats for a seed and narrows with more samples", () => {
    const noisy = (n: number) => Array.from({ length: n }, (_, i) => 100 + ((i * 7919) % 41) - 20);
    const small = bootstrapMedianInterval(noisy(50));
    const large = bootstrapMedianInterval(noisy(5000));
    expect(small.level).toBe(0.95);
    expect(small.low).toBeLessThanOrEqual(median(noisy(50)));
    expect(small.high).toBeGreaterThanOrEqual(median(noisy(50)));
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(bootstrapMedianInterval(noisy(50))).toEqual(small);
    expect(bootstrapMedianInterval([5, 5, 5])).toEqual({ low: 5, high: 5, level: 0.95 });
  });
});
