import { describe, expect, test } from "vitest";
import { defaultRetryPolicy, isRetryableMethod, isRetryableStatus, parseRetryAfterMs, retryDelayMs } from "../../src/retry.js";

describe("retry policy (pure)", () => {
  test("only 408, 429, 500, 502, 503, 504 are retryable statuses", () => {
    const retryable = [...Array(600).keys()].filter(isRetryableStatus);
    expect(retryable).toEqual([408, 429, 500, 502, 503, 504]);
  });
  test("POST is never a retryable method", () => {
    expect(["GET", "PUT", "DELETE", "POST", "PATCH"].filter(isRetryableMethod)).toEqual(["GET", "PUT", "DELETE"]);
  });
  test("retry-after-ms wins over Retry-After", () => {
    expect(parseRetryAfterMs("250", "10", 0)).toBe(250);
  });
  test("Retry-After in seconds and as an HTTP date", () => {
    const now = Date.parse("2030-01-01T00:00:00Z");
    expect(parseRetryAfterMs(null, "3", now)).toBe(3000);
    expect(parseRetryAfterMs(null, "Tue, 01 Jan 2030 00:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfterMs(null, "Mon, 31 Dec 2029 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfterMs(null, "soon", now)).toBeUndefined();
    expect(parseRetryAfterMs("", null, now)).toBeUndefined();
  });
  test("a server hint is capped at maxRetryAfterMs", () => {
    expect(retryDelayMs(0, 120_000, defaultRetryPolicy, () => 0)).toBe(60_000);
    expect(retryDelayMs(0, 1_500, defaultRetryPolicy, () => 0.9)).toBe(1_500);
  });
  test("backoff doubles from initialDelayMs, caps at maxDelayMs, with up to 25% downward jitter", () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => retryDelayMs(a, undefined, defaultRetryPolicy, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(retryDelayMs(1, undefined, defaultRetryPolicy, () => 1)).toBe(750);
  });
});
