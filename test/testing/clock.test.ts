import { describe, expect, test } from "vitest";
import { DEFAULT_START_TIME, FakeClock } from "../../src/testing/index.js";

describe("FakeClock", () => {
  test("manual mode starts at the fixed epoch and moves only when advanced", () => {
    const clock = new FakeClock({ mode: "manual" });
    expect(clock.isoNow()).toBe("2026-01-01T00:00:00.000Z");
    clock.onRequest();
    expect(clock.now()).toBe(DEFAULT_START_TIME);
    clock.advance(90_000);
    expect(clock.isoNow()).toBe("2026-01-01T00:01:30.000Z");
  });

  test("the default mode is on-poll, which moves nothing on a request by itself", () => {
    const clock = new FakeClock();
    expect(clock.mode).toEqual({ mode: "on-poll" });
    clock.onRequest();
    expect(clock.now()).toBe(DEFAULT_START_TIME);
  });

  test("per-request mode advances by advanceMs on every request", () => {
    const clock = new FakeClock({ mode: "per-request", advanceMs: 500 }, 0);
    clock.onRequest();
    clock.onRequest();
    expect(clock.now()).toBe(1_000);
  });

  test("leaving real-time mode keeps the time reached (never jumps backwards)", () => {
    const clock = new FakeClock({ mode: "real-time", speed: 1_000 }, 0);
    const during = clock.now();
    clock.setMode({ mode: "manual" });
    const after = clock.now();
    expect(after).toBeGreaterThanOrEqual(during);
    clock.advance(1);
    expect(clock.now()).toBe(after + 1);
  });

  test.each([
    [() => new FakeClock().advance(-1), /ms must be a finite number >= 0, got -1/],
    [() => new FakeClock().advance(Number.NaN), /got NaN/],
    [() => new FakeClock({ mode: "per-request", advanceMs: -5 }), /advanceMs must be a finite number >= 0/],
    [() => new FakeClock({ mode: "real-time", speed: 0 }), /speed must be a number > 0 and <= 3153600000/],
    [() => new FakeClock({ mode: "real-time", speed: 1e300 }), /speed must be a number > 0 and <= 3153600000/],
    [() => new FakeClock({ mode: "manual" }, Number.NaN), /startTime must be epoch milliseconds from 1970 to 9999-12-31T23:59:59.999Z, got NaN/],
    [() => new FakeClock({ mode: "manual" }, 9e15), /startTime must be epoch milliseconds/],
    [() => new FakeClock().advance(1e300), /fake time would pass 9999-12-31T23:59:59.999Z/],
    [() => new FakeClock().advance(Number.MAX_SAFE_INTEGER), /fake time would pass/],
  ])("bad input is refused with a message naming it (%#)", (make, message) => {
    expect(make).toThrow(message);
  });
});
