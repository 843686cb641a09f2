/** Largest `times` one fault may have: faults are bounded so a forgotten one cannot hang a suite. */
export const MAX_FAULT_TIMES = 1_000;
/** Largest `latencyMs` one fault may add. */
export const MAX_FAULT_LATENCY_MS = 30_000;

/**
 * One fault to inject. A fault matches requests by `route` and fires on the next `times` matching requests.
 * It adds `latencyMs` (if given) and then does at most one of: answer `status`, `reset` the connection, or
 * send a broken `body`.
 *
 * | kind | request applied? | what the client sees |
 * | --- | --- | --- |
 * | `status` | no | that status, a JSON error body of type `fault_injected`, `Retry-After` if given |
 * | `reset: "before"` | no | the connection closes with no response (ECONNRESET / "socket hang up") |
 * | `reset: "after"` | **yes** | the same, but the state change already happened (a retried create duplicates) |
 * | `body: "non-json"` | no | `status` (default 502) with an HTML body, `Content-Type: text/html` |
 * | `body: "truncated"` | **yes** | the real status and headers, then half the JSON body and a closed connection |
 * | `latencyMs` only | yes | the normal answer, late |
 */
export interface FaultSpec {
  /**
   * Which requests: `"METHOD /path/template"` exactly as the spec writes it, without the server prefix
   * (v1: `"POST /api/v1/gpu_cluster"`, v2: `"GET /compute/clusters/{cluster_id}"`); `"*"` for every request.
   */
  readonly route: string;
  /** How many matching requests it fires on. @default 1 */
  readonly times?: number | undefined;
  /** Answer this HTTP status (400-599; 200-599 with `body: "non-json"`) instead of serving the request. */
  readonly status?: number | undefined;
  /** `Retry-After` header value sent with `status` (seconds, or an HTTP date). */
  readonly retryAfter?: string | number | undefined;
  /** Close the connection without a response, before or after applying the request. */
  readonly reset?: "before" | "after" | undefined;
  /** Send a broken body. */
  readonly body?: "non-json" | "truncated" | undefined;
  /** Delay before the request is handled, in real milliseconds. */
  readonly latencyMs?: number | undefined;
}

/** A fault that fired, for assertions. */
export interface FiredFault {
  readonly route: string;
  /** The concrete request, e.g. `"POST /compute/clusters"` or `"GET /api/v1/gpu_cluster/fake-cluster-0001"`. */
  readonly request: string;
  readonly fault: FaultSpec;
}

interface ArmedFault {
  readonly spec: FaultSpec;
  remaining: number;
}

/**
 * The fault queue of one fake. Faults fire in injection order: for each request, the first armed fault whose
 * route matches fires (one fault per request) and its `times` counts down.
 */
export class FaultInjector {
  readonly #armed: ArmedFault[] = [];
  readonly #fired: FiredFault[] = [];
  readonly #knownRoutes: ReadonlySet<string>;

  /** @param knownRoutes every `"METHOD /template"` the fake serves, to reject typos at injection time. */
  constructor(knownRoutes: Iterable<string>) {
    this.#knownRoutes = new Set(knownRoutes);
  }

  /** Arms a fault. Throws a `TypeError`/`RangeError` naming the bad field for an invalid spec. */
  inject(spec: FaultSpec): void {
    this.#armed.push({ spec: { ...spec }, remaining: validateFault(spec, this.#knownRoutes) });
  }

  /** Disarms every fault and forgets what fired. Call between tests (e.g. in `afterEach`). */
  clear(): void {
    this.#armed.length = 0;
    this.#fired.length = 0;
  }

  /** Faults that fired so far, oldest first. */
  get fired(): readonly FiredFault[] {
    return [...this.#fired];
  }

  /** How many faults have fired so far. */
  get firedCount(): number {
    return this.#fired.length;
  }

  /** How many firings are still armed, summed over all faults. */
  get pendingCount(): number {
    return this.#armed.reduce((sum, fault) => sum + fault.remaining, 0);
  }

  /** Called by the server for each request: the fault to apply, if any, already counted as fired. */
  take(route: string, request: string): FaultSpec | undefined {
    const index = this.#armed.findIndex((fault) => fault.spec.route === "*" || fault.spec.route === route);
    const armed = this.#armed[index];
    if (!armed) return undefined;
    armed.remaining -= 1;
    if (armed.remaining === 0) this.#armed.splice(index, 1);
    this.#fired.push({ route, request, fault: armed.spec });
    return armed.spec;
  }
}

function validateFault(spec: FaultSpec, knownRoutes: ReadonlySet<string>): number {
  const where = `faults.inject(${JSON.stringify(spec)})`;
  if (spec.route !== "*" && !knownRoutes.has(spec.route)) {
    throw new TypeError(`${where}: route ${JSON.stringify(spec.route)} is not served; use "*" or one of: ${[...knownRoutes].join(", ")}`);
  }
  const times = spec.times ?? 1;
  if (!(Number.isInteger(times) && times >= 1 && times <= MAX_FAULT_TIMES)) {
    throw new RangeError(`${where}: times must be an integer from 1 to ${MAX_FAULT_TIMES}`);
  }
  // A non-JSON body is nasty with any status (a 200 HTML page breaks parsers); a plain status fault is an error.
  const lowestStatus = spec.body === "non-json" ? 200 : 400;
  if (spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= lowestStatus && spec.status <= 599)) {
    throw new RangeError(`${where}: status must be an integer from ${lowestStatus} to 599`);
  }
  if (spec.latencyMs !== undefined && !(Number.isFinite(spec.latencyMs) && spec.latencyMs >= 0 && spec.latencyMs <= MAX_FAULT_LATENCY_MS)) {
    throw new RangeError(`${where}: latencyMs must be a number from 0 to ${MAX_FAULT_LATENCY_MS}`);
  }
  const outcomes = [spec.status !== undefined && spec.body === undefined, spec.reset !== undefined, spec.body !== undefined].filter(Boolean);
  if (outcomes.length > 1) throw new TypeError(`${where}: give at most one of status, reset, body (body may carry a status)`);
  if (spec.body === "truncated" && spec.status !== undefined) {
    throw new TypeError(`${where}: body "truncated" sends the real status; drop status`);
  }
  if (spec.retryAfter !== undefined && spec.status === undefined) throw new TypeError(`${where}: retryAfter needs a status`);
  // It becomes a header value: a line break there would let a test inject headers of its own (Node would throw mid-answer).
  if (typeof spec.retryAfter === "number" ? !(Number.isFinite(spec.retryAfter) && spec.retryAfter >= 0) : spec.retryAfter !== undefined && !/^[\x20-\x7e]+$/.test(spec.retryAfter)) {
    throw new RangeError(`${where}: retryAfter must be seconds >= 0 or an HTTP date (printable ASCII)`);
  }
  if (outcomes.length === 0 && spec.latencyMs === undefined) throw new TypeError(`${where}: a fault needs status, reset, body or latencyMs`);
  return times;
}
