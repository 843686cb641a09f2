import { describe, expect, test } from "vitest";
import { acquireTimeout, maxAttemptsPerSlot, releaseTimeout } from "../../src/timeout-slots.js";

describe("shared timeout slots", () => {
  test("attempts whose timeouts end in the same window share one signal", () => {
    // Three back-to-back attempts: at most one window boundary can fall between them, so two at least must share.
    const slots = [acquireTimeout(60_000), acquireTimeout(60_000), acquireTimeout(60_000)];
    for (const slot of slots) releaseTimeout(slot);
    expect(new Set(slots.map((slot) => slot.signal)).size).toBeLessThanOrEqual(2);
    expect(slots.every((slot) => !slot.signal.aborted)).toBe(true);
  });

  test("a slot's signal aborts once its window has passed, and not before the attempt's timeout", async () => {
    const started = performance.now();
    const slot = acquireTimeout(30);
    expect(slot.signal.aborted).toBe(false);
    const abortedAt = await new Promise<number>((resolve) => slot.signal.addEventListener("abort", () => resolve(performance.now())));
    releaseTimeout(slot);
    expect(abortedAt - started).toBeGreaterThanOrEqual(29);
  });

  test("a slot serves a bounded number of attempts, then a fresh one takes over", () => {
    const slots = Array.from({ length: maxAttemptsPerSlot + 1 }, () => acquireTimeout(3_600_000));
    for (const slot of slots) releaseTimeout(slot);
    const usesPerSignal = new Map<AbortSignal, number>();
    for (const slot of slots) usesPerSignal.set(slot.signal, (usesPerSignal.get(slot.signal) ?? 0) + 1);
    expect(usesPerSignal.size).toBeGreaterThanOrEqual(2);
    expect(Math.max(...usesPerSignal.values())).toBeLessThanOrEqual(maxAttemptsPerSlot);
  });
});
