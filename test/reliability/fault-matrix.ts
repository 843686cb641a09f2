/**
 * The fault matrix: which faults are injected on which cluster operation, and what the client must do about each.
 * Kept apart from the test file so the table of expectations reads on its own.
 */
import { AmbiguousCreateError, RateLimitError, ServerError } from "../../src/index.js";
import type { FaultSpec } from "../../src/testing/index.js";
import { slowLatencyMs } from "./helpers.js";

/** One fault as the matrix injects it on an operation's route (the route is filled in per cell). */
export interface MatrixFault {
  readonly name: string;
  readonly spec: Omit<FaultSpec, "route">;
  /** True when the fake carries out the request even though the client sees a failure (the dangerous kind). */
  readonly applied: boolean;
  /** True when a safe call must still succeed because retries fit in the budget (maxRetries 2). */
  readonly recoverable: boolean;
}

/** An HTTP date one hour ahead: a `Retry-After` far past any sane wait, which the client must cap. */
const anHourFromNow = () => new Date(Date.now() + 3_600_000).toUTCString();

export const matrixFaults: readonly MatrixFault[] = [
  { name: "reset before apply", spec: { reset: "before" }, applied: false, recoverable: true },
  { name: "reset after apply", spec: { reset: "after" }, applied: true, recoverable: true },
  { name: "503 once", spec: { status: 503 }, applied: false, recoverable: true },
  { name: "503 burst x2", spec: { status: 503, times: 2 }, applied: false, recoverable: true },
  { name: "503 burst x3 (past maxRetries)", spec: { status: 503, times: 3 }, applied: false, recoverable: false },
  { name: "502 burst x2", spec: { status: 502, times: 2 }, applied: false, recoverable: true },
  { name: "429 Retry-After 3600 s", spec: { status: 429, retryAfter: 3600 }, applied: false, recoverable: true },
  { name: "429 Retry-After HTTP date +1 h", get spec() { return { status: 429, retryAfter: anHourFromNow() }; }, applied: false, recoverable: true },
  { name: "latency past the attempt timeout", spec: { latencyMs: slowLatencyMs }, applied: true, recoverable: true },
  { name: "HTML 502 page", spec: { body: "non-json" }, applied: false, recoverable: true },
  { name: "truncated body", spec: { body: "truncated" }, applied: true, recoverable: true },
];

/** The operations of the matrix. `create+recover` is create with `{ recover: true }`. */
export const matrixOperations = ["create", "create+recover", "get", "update", "delete"] as const;
export type MatrixOperation = (typeof matrixOperations)[number];

/** What a cell must end in: `ok`, or the error class it must reject with. */
export type Expected = "ok" | typeof AmbiguousCreateError | typeof RateLimitError | typeof ServerError;

/**
 * The expected outcome of one cell. Safe calls succeed when the retries fit the budget and fail typed otherwise.
 * A plain create is never re-sent: any doubt about its fate is an AmbiguousCreateError, a 429 is a clear refusal.
 * A recovering create returns the cluster when the server did make it. When it did not, recovery may re-send only if
 * the server itself answered (a 5xx other than a gateway's 502/504: the request is over); after a reset, a timeout or
 * a gateway error the first request may still be in flight, so "not listed yet" proves nothing and the error stands.
 */
export function expectedOutcome(operation: MatrixOperation, fault: MatrixFault): Expected {
  const status = fault.spec.body === "non-json" ? (fault.spec.status ?? 502) : fault.spec.status;
  if (operation === "create") return status === 429 ? RateLimitError : AmbiguousCreateError;
  if (operation === "create+recover") {
    if (status === 429) return RateLimitError;
    if (fault.applied) return "ok";
    const serverFinished = status !== undefined && status >= 500 && status !== 502 && status !== 504;
    // The one re-send succeeds only if the fault does not hit it too.
    return serverFinished && (fault.spec.times ?? 1) === 1 ? "ok" : AmbiguousCreateError;
  }
  return fault.recoverable ? "ok" : ServerError;
}

/** Per-version tallies printed at the end of the matrix and copied into docs/reliability.md. */
export interface MatrixFigures {
  cells: number;
  faultsFired: number;
  ok: number;
  typedErrors: number;
  untypedErrors: number;
  duplicateClusters: number;
  lostUpdates: number;
}

export function emptyFigures(): MatrixFigures {
  return { cells: 0, faultsFired: 0, ok: 0, typedErrors: 0, untypedErrors: 0, duplicateClusters: 0, lostUpdates: 0 };
}
