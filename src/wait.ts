/**
 * Waiters: poll a cluster until a condition holds (ready, an update applied, deleted), with jittered backoff that
 * tightens when the cluster is one phase from ready, configurable failure states, a history of what was seen, and a
 * serializable state to resume from. They read only the unified `lifecycle`/`status`, so they work on both versions.
 */
import type { ObservedCallOptions } from "./adapters/decode.js";
import {
  AbortedError,
  ClusterDeletedError,
  ClusterFailedError,
  ConnectionError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  WaitForReadyError,
  WaitTimeoutError,
} from "./errors.js";
import { parseRetryAfterMs } from "./retry.js";
import { pause } from "./transport.js";
import { checkMs, optionNames } from "./options.js";
import { clusterLifecycleValues, type Cluster, type ClusterLifecycle, type ClusterStatus, type ClusterUpdateInput } from "./types.js";
import type { ValidationIssue } from "./errors.js";

/** One status change a wait saw. */
export interface WaitObservation {
  /** Epoch ms of the poll that saw it. */
  readonly at: number;
  readonly raw_status: string;
  readonly lifecycle: ClusterLifecycle;
}

/**
 * Where a wait stands: plain JSON, so it can be saved (`onPoll`) and handed back as `resume` after a restart. The
 * deadline is absolute; pass `timeoutMs` together with `resume` to grant a new budget from now.
 */
export interface WaitState {
  readonly clusterId: string;
  /** Epoch ms at which the wait gives up. */
  readonly deadlineAt: number;
  /** GET requests sent so far. */
  readonly requests: number;
  /** Transient failures (5xx, 429, connection trouble) ridden out so far. */
  readonly transientErrors: number;
  /** The backoff step the next unchanged poll continues from, in ms (before jitter). */
  readonly intervalMs: number;
  /** Status changes, oldest first. */
  readonly history: readonly WaitObservation[];
}

/** Options of every waiter. */
export interface WaitOptions {
  /** Give up after this long (WaitTimeoutError). @default 1_800_000 (30 minutes) */
  readonly timeoutMs?: number | undefined;
  /** Cancels the wait, including the sleep between polls. */
  readonly signal?: AbortSignal | undefined;
  /** Called with the cluster on the first poll and whenever its raw status changes. */
  readonly onStatus?: ((cluster: Cluster) => void) | undefined;
  /** Called after every poll with the state to save for `resume`. */
  readonly onPoll?: ((state: WaitState) => void) | undefined;
  /** First delay between polls. @default 5_000 */
  readonly pollIntervalMs?: number | undefined;
  /** Longest delay between polls (delays grow ×1.5 per poll). @default 60_000 */
  readonly maxPollIntervalMs?: number | undefined;
  /** Longest delay while the cluster is in a `nearReadyStatuses` status (one phase from ready). @default 20_000 */
  readonly nearReadyPollIntervalMs?: number | undefined;
  /** Statuses that come right before ready. @default ["RunningAcceptanceTests"] */
  readonly nearReadyStatuses?: readonly ClusterStatus[] | undefined;
  /** Each delay is scaled by a random factor in [1 - jitter, 1]: many waiters started together spread out. @default 0.2 */
  readonly jitter?: number | undefined;
  /**
   * Lifecycles that end the wait with ClusterFailedError. `paused` is in by default because a paused cluster does not
   * resume on its own (a person or billing must act); `degraded` is not, because failover replaces nodes.
   * @default ["failed", "paused"]
   */
  readonly failOn?: readonly ClusterLifecycle[] | undefined;
  /** Continue a wait from a saved state (its deadline, counts and history). */
  readonly resume?: WaitState | undefined;
}

/** Options of `clusters.waitForReady` (all waiters share them). */
export type WaitForReadyOptions = WaitOptions;

/** The option names a waiter reads (checked against WaitOptions by the compiler). */
export const waitOptionNames = optionNames<WaitOptions>({
  timeoutMs: true,
  signal: true,
  onStatus: true,
  onPoll: true,
  pollIntervalMs: true,
  maxPollIntervalMs: true,
  nearReadyPollIntervalMs: true,
  nearReadyStatuses: true,
  jitter: true,
  failOn: true,
  resume: true,
});

/** What a waiter needs from the client: one GET, and time. Tests and the bench pass a simulated clock. */
export interface WaitDeps {
  readonly get: (id: string, options: ObservedCallOptions) => Promise<Cluster>;
  readonly now?: (() => number) | undefined;
  readonly sleep?: ((ms: number, signal: AbortSignal | undefined) => Promise<void>) | undefined;
  readonly random?: (() => number) | undefined;
}

/** The documented defaults, in one place. */
export const waitDefaults = {
  timeoutMs: 1_800_000,
  pollIntervalMs: 5_000,
  maxPollIntervalMs: 60_000,
  nearReadyPollIntervalMs: 20_000,
  nearReadyStatuses: ["RunningAcceptanceTests"],
  backoffFactor: 1.5,
  jitter: 0.2,
  failOn: ["failed", "paused"],
} as const satisfies Required<Pick<WaitOptions, "timeoutMs" | "pollIntervalMs" | "maxPollIntervalMs" | "nearReadyPollIntervalMs" | "nearReadyStatuses" | "jitter" | "failOn">> & {
  backoffFactor: number;
};

/** Errors worth another poll rather than giving up: the server or network blinked. */
function isTransient(error: unknown): boolean {
  return error instanceof ConnectionError || error instanceof ServerError || error instanceof RateLimitError || (error instanceof TimeoutError && !(error instanceof WaitTimeoutError));
}

function realSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return pause(ms, signal, undefined, Date.now, undefined);
}

/**
 * Polls `clusterId` until `done(cluster)` holds. Failure lifecycles (`failOn`) end the wait with ClusterFailedError;
 * `deleting` and a 404 with ClusterDeletedError, except in a wait `untilGone`, which a 404 ends (resolving undefined).
 * `what` names the goal in messages: "ready", "updated", "deleted".
 */
async function poll(clusterId: string, deps: WaitDeps, options: WaitOptions, what: string, done: (cluster: Cluster) => boolean, untilGone = false): Promise<Cluster> {
  const now = deps.now ?? Date.now;
  const d = waitDefaults;
  const maxInterval = options.maxPollIntervalMs ?? d.maxPollIntervalMs;
  const nearStatuses = new Set<string>(options.nearReadyStatuses ?? d.nearReadyStatuses);
  const nearCap = Math.min(options.nearReadyPollIntervalMs ?? d.nearReadyPollIntervalMs, maxInterval);
  const jitter = Math.min(Math.max(options.jitter ?? d.jitter, 0), 1);
  // A failed or paused cluster can still be deleted; only the deadline ends a wait until gone.
  const failOn = new Set<ClusterLifecycle>(options.failOn ?? (untilGone ? [] : d.failOn));
  const resumed = options.resume;
  if (resumed !== undefined && resumed.clusterId !== clusterId) throw new TypeError(`resume: the saved wait is for cluster ${resumed.clusterId}, not ${clusterId}`);
  // Fresh objects only: a state handed to onPoll or an error never changes afterwards.
  let state: WaitState = {
    clusterId,
    deadlineAt: options.timeoutMs !== undefined || resumed === undefined ? now() + (options.timeoutMs ?? d.timeoutMs) : resumed.deadlineAt,
    requests: resumed?.requests ?? 0,
    transientErrors: resumed?.transientErrors ?? 0,
    intervalMs: resumed?.intervalMs ?? options.pollIntervalMs ?? d.pollIntervalMs,
    history: resumed?.history ?? [],
  };
  let last: Cluster | undefined;
  let lastError: unknown;

  const end = (ErrorClass: typeof WaitForReadyError, problem: string, cluster: Cluster | undefined, cause?: unknown) => {
    const statuses = state.history.map((o) => o.raw_status || "(none)").join(" → ");
    const counts = `${state.requests} request${state.requests === 1 ? "" : "s"}${state.transientErrors > 0 ? `, ${state.transientErrors} transient error${state.transientErrors === 1 ? "" : "s"}` : ""}${statuses ? `; statuses seen: ${statuses}` : ""}`;
    return new ErrorClass(`Cluster ${clusterId} ${problem}${counts})`, clusterId, cluster, { cause, state });
  };
  const timedOut = () => end(WaitTimeoutError, `was not ${what} by the deadline (`, last, lastError);

  for (;;) {
    if (state.deadlineAt - now() <= 0) throw timedOut();
    let cluster: Cluster | undefined;
    let hintMs: number | undefined;
    const onResponse = (response: Response) => {
      hintMs = parseRetryAfterMs(response.headers.get("retry-after-ms"), response.headers.get("retry-after"), now());
    };
    state = { ...state, requests: state.requests + 1 };
    try {
      cluster = await deps.get(clusterId, { signal: options.signal, deadlineMs: state.deadlineAt - now(), onResponse });
    } catch (error) {
      if (error instanceof NotFoundError) {
        if (untilGone) return undefined as never;
        // Never seen during this wait: a wrong id is as likely as a cluster deleted before the first poll.
        throw end(ClusterDeletedError, last === undefined && state.history.length === 0 ? "was not found (no such cluster, or already deleted; " : "no longer exists (", last, error);
      }
      if (error instanceof AbortedError || !isTransient(error)) throw error;
      lastError = error;
      state = { ...state, transientErrors: state.transientErrors + 1 };
    }
    if (cluster !== undefined) {
      if (last?.raw_status !== cluster.raw_status) {
        if (state.history.at(-1)?.raw_status !== cluster.raw_status) {
          state = { ...state, history: [...state.history, { at: now(), raw_status: cluster.raw_status, lifecycle: cluster.lifecycle }] };
        }
        options.onStatus?.(cluster);
      }
      last = cluster;
      if (failOn.has(cluster.lifecycle)) throw end(ClusterFailedError, `is ${cluster.lifecycle} (status ${cluster.raw_status}; `, cluster);
      if (!untilGone && cluster.lifecycle === "deleting") throw end(ClusterDeletedError, "is being deleted (", cluster);
      if (done(cluster)) {
        options.onPoll?.(state);
        return cluster;
      }
    }
    const cap = last !== undefined && nearStatuses.has(last.raw_status) ? nearCap : maxInterval;
    const step = Math.min(state.intervalMs, cap);
    const delay = hintMs !== undefined ? Math.min(hintMs, maxInterval) : step * (1 - jitter * (deps.random ?? Math.random)());
    state = { ...state, intervalMs: Math.min(step * d.backoffFactor, cap) };
    options.onPoll?.(state);
    const wait = Math.min(delay, state.deadlineAt - now());
    if (wait < 0 || (wait === 0 && delay > 0)) throw timedOut();
    await (deps.sleep ?? realSleep)(wait, options.signal);
  }
}

/** Polls until the cluster is ready. Rejects with ClusterFailedError, ClusterDeletedError or WaitTimeoutError. */
export function waitForReady(clusterId: string, deps: WaitDeps, options: WaitOptions = {}): Promise<Cluster> {
  return poll(clusterId, deps, options, "ready", (cluster) => cluster.lifecycle === "ready");
}

/**
 * Polls until `predicate(cluster)` holds, e.g. a label or a node count you expect. Failure states and deletion end
 * the wait as in waitForReady.
 */
export function waitFor(clusterId: string, predicate: (cluster: Cluster) => boolean, deps: WaitDeps, options: WaitOptions = {}): Promise<Cluster> {
  return poll(clusterId, deps, options, "as expected", predicate);
}

/** GPUs on worker nodes that report ready: what the cluster can run on now, unlike `num_gpus` (what it should have). */
export function readyGpus(cluster: Cluster): number {
  return cluster.gpu_worker_nodes.filter((node) => /^ready$/i.test(node.status)).reduce((sum, node) => sum + node.num_gpus, 0);
}

/**
 * True when an update has taken effect: the cluster is ready, has the patched fields, and (for `num_gpus`) that many
 * GPUs on ready worker nodes. Right after a scale-up the server already reports the new `num_gpus` and `Ready` while the
 * new nodes still provision; this check does not take that stale `Ready` for done.
 */
export function updateApplied(cluster: Cluster, patch: ClusterUpdateInput): boolean {
  if (cluster.lifecycle !== "ready") return false;
  if (patch.num_gpus !== undefined && (cluster.num_gpus !== patch.num_gpus || readyGpus(cluster) !== patch.num_gpus)) return false;
  if (patch.cluster_type !== undefined && cluster.cluster_type !== patch.cluster_type) return false;
  if (patch.reservation_end_time !== undefined && Date.parse(cluster.reservation_end_time ?? "") !== Date.parse(patch.reservation_end_time)) return false;
  return true;
}

/** Polls until `update(id, patch)` has taken effect (see {@link updateApplied}). */
export function waitForUpdate(clusterId: string, patch: ClusterUpdateInput, deps: WaitDeps, options: WaitOptions = {}): Promise<Cluster> {
  return poll(clusterId, deps, options, "updated", (cluster) => updateApplied(cluster, patch));
}

/** Polls until the cluster is gone (GET answers 404). Resolves with nothing; `deleting` is expected on the way. `failOn` defaults to none. */
export async function waitForDeleted(clusterId: string, deps: WaitDeps, options: WaitOptions = {}): Promise<void> {
  await poll(clusterId, deps, options, "deleted", () => false, true);
}

/** Problems with the waiter-only options (the client checks `timeoutMs`, `signal` and `onStatus` itself). */
export function waitOptionIssues(options: WaitOptions | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (options === undefined) return issues;
  checkMs(issues, "options.nearReadyPollIntervalMs", options.nearReadyPollIntervalMs);
  if (options.jitter !== undefined && !(typeof options.jitter === "number" && options.jitter >= 0 && options.jitter <= 1)) {
    issues.push({ path: "options.jitter", message: `must be a number from 0 to 1, got ${String(options.jitter)}` });
  }
  for (const [i, lifecycle] of (options.failOn ?? []).entries()) {
    if (!(clusterLifecycleValues as readonly string[]).includes(lifecycle)) {
      issues.push({ path: `options.failOn[${i}]`, message: `must be one of ${clusterLifecycleValues.join(", ")}, got ${JSON.stringify(lifecycle)}` });
    }
  }
  if (options.onPoll !== undefined && typeof options.onPoll !== "function") issues.push({ path: "options.onPoll", message: "must be a function" });
  const resume = options.resume;
  if (resume !== undefined && !(typeof resume === "object" && resume !== null && typeof resume.clusterId === "string" && Number.isFinite(resume.deadlineAt) && Number.isFinite(resume.intervalMs) && resume.intervalMs > 0 && Array.isArray(resume.history))) {
    issues.push({ path: "options.resume", message: "must be a state saved from onPoll or a WaitTimeoutError's state" });
  }
  return issues;
}
