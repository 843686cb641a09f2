/**
 * How the fake's clock moves.
 *
 * - `on-poll` (default): like `manual`, and a client that keeps polling one cluster that is still changing moves time
 *   to that cluster's next change: from the third GET of the cluster in a row (no change request to it in between),
 *   each GET first advances the clock to the cluster's next phase, node or deletion step. So `waitForReady` (or any
 *   polling loop) reaches Ready in a few polls with no test code, while a test that reads a cluster once or twice
 *   sees it exactly where its own `tick()`s put it.
 * - `manual`: time moves only when a test calls `clock.advance(ms)` or `state.tick()`.
 * - `per-request`: every request the fake serves first advances the clock by `advanceMs`, so a client
 *   that polls (e.g. `waitForReady`) sees the lifecycle progress without any test code, deterministically.
 * - `real-time`: the clock follows the wall clock, multiplied by `speed` (e.g. 60 = one fake minute per real second).
 */
export type ClockMode =
  | { readonly mode: "on-poll" }
  | { readonly mode: "manual" }
  | { readonly mode: "per-request"; readonly advanceMs: number }
  | { readonly mode: "real-time"; readonly speed?: number };

/** Latest fake time: year 9999, so every timestamp renders as RFC 3339 and every HTTP-date has four digits. */
const LAST_FAKE_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Fastest real-time speed: a fake century per real second at most, so fake time stays renderable for decades of tests. */
const MAX_REAL_TIME_SPEED = 3_153_600_000;

/** The mode a fake starts in unless told otherwise. */
export const DEFAULT_CLOCK_MODE: ClockMode = { mode: "on-poll" };

/** Default start of fake time: a fixed instant so timestamps in responses are reproducible. */
export const DEFAULT_START_TIME = Date.parse("2026-01-01T00:00:00.000Z");

/**
 * The fake's own notion of "now", in epoch milliseconds. Never uses timers, so it cannot keep a process alive.
 */
export class FakeClock {
  #mode: ClockMode;
  #manualOffsetMs = 0;
  readonly #startMs: number;
  /** Wall-clock instant from which real-time mode counts. */
  #realAnchorMs: number;

  constructor(mode: ClockMode = DEFAULT_CLOCK_MODE, startMs: number = DEFAULT_START_TIME) {
    assertValidMode(mode);
    if (!(Number.isFinite(startMs) && startMs >= 0 && startMs <= LAST_FAKE_INSTANT_MS)) {
      throw new RangeError(`startTime must be epoch milliseconds from 1970 to ${new Date(LAST_FAKE_INSTANT_MS).toISOString()}, got ${String(startMs)}`);
    }
    this.#mode = mode;
    this.#startMs = startMs;
    this.#realAnchorMs = Date.now();
  }

  /** Current fake time in epoch milliseconds (real-time mode stops at the last renderable instant). */
  now(): number {
    const realElapsed = this.#mode.mode === "real-time" ? (Date.now() - this.#realAnchorMs) * (this.#mode.speed ?? 1) : 0;
    return Math.min(this.#startMs + this.#manualOffsetMs + realElapsed, LAST_FAKE_INSTANT_MS);
  }

  /** Current fake time as an RFC 3339 string (what the API puts in `created_at`, `transition_time`, ...). */
  isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  /** Moves fake time forward by `ms` milliseconds (any mode). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`clock.advance(ms): ms must be a finite number >= 0, got ${String(ms)}`);
    }
    // Past the last instant a Date can hold, every timestamp the fake renders would throw.
    if (this.now() + ms > LAST_FAKE_INSTANT_MS) {
      throw new RangeError(`clock.advance(ms): fake time would pass ${new Date(LAST_FAKE_INSTANT_MS).toISOString()}, the last instant it can render`);
    }
    this.#manualOffsetMs += ms;
  }

  /** The active mode. */
  get mode(): ClockMode {
    return this.#mode;
  }

  /** Switches mode; fake time already elapsed is kept. */
  setMode(mode: ClockMode): void {
    assertValidMode(mode);
    if (this.#mode.mode === "real-time") {
      // Freeze the real-time part into the manual offset so time never jumps backwards.
      this.#manualOffsetMs = this.now() - this.#startMs;
    }
    this.#mode = mode;
    this.#realAnchorMs = Date.now();
  }

  /** Called by the server before serving each request: applies the `per-request` advance. */
  onRequest(): void {
    if (this.#mode.mode === "per-request") this.advance(this.#mode.advanceMs);
  }
}

function assertValidMode(mode: ClockMode): void {
  if (mode.mode === "per-request" && !(Number.isFinite(mode.advanceMs) && mode.advanceMs >= 0)) {
    throw new RangeError(`clock mode "per-request": advanceMs must be a finite number >= 0, got ${String(mode.advanceMs)}`);
  }
  if (mode.mode === "real-time" && mode.speed !== undefined && !(Number.isFinite(mode.speed) && mode.speed > 0 && mode.speed <= MAX_REAL_TIME_SPEED)) {
    throw new RangeError(`clock mode "real-time": speed must be a number > 0 and <= ${MAX_REAL_TIME_SPEED}, got ${String(mode.speed)}`);
  }
}
