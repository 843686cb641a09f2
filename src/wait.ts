/**
 * `waitForReady`: polls a cluster with backoff until it is ready, reporting each status change. Works the same on
 * both versions because it only reads the unified `lifecycle`.
 */
import {
  AbortedError,
  ClusterDeletedError,
  ClusterFailedError,
  ConnectionError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  WaitTimeoutError,
} from "./errors.js";
import { pause, type CallOptions } from "./transport.js";
import type { Cluster } from "./types.js";

/** Options of `clusters.waitForReady`. */
export interface WaitForReadyOptions {
  /** Give up after this long. @default 1_800_000 (30 minutes) */
  readonly timeoutMs?: number;
  /** Cancels the wait, including the sleep between polls. */
  readonly signal?: AbortSignal;
  /** Called with the cluster on the first poll and whenever its raw status changes. */
  readonly onStatus?: (cluster: Cluster) => void;
  /** First delay between polls. @default 5_000 */
  readonly pollIntervalMs?: number;
  /** Longest delay between polls (the delay grows by half each poll). @default 60_000 */
  readonly maxPollIntervalMs?: number;
}

/** Errors worth another poll rather than giving up: the server or network blinked. */
function isTransient(error: unknown): boolean {
  return error instanceof ConnectionError || error instanceof ServerError || error instanceof RateLimitError || (error instanceof TimeoutError && !(error instanceof WaitTimeoutError));
}

/** Polls `get` until the cluster is ready; rejects with ClusterFailedError, ClusterDeletedError or WaitTimeoutError. */
export async function waitForReady(
  clusterId: string,
  get: (id: string, options: CallOptions) => Promise<Cluster>,
  options: WaitForReadyOptions = {},
  now: () => number = Date.now,
): Promise<Cluster> {
  const timeoutMs = options.timeoutMs ?? 1_800_000;
  const maxInterval = options.maxPollIntervalMs ?? 60_000;
  const deadlineAt = now() + timeoutMs;
  let interval = options.pollIntervalMs ?? 5_000;
  let last: Cluster | undefined;
  let lastError: unknown;
  const timedOut = () =>
    new WaitTimeoutError(
      `Cluster ${clusterId} was not ready after ${timeoutMs} ms${last ? ` (last status ${last.raw_status || "none"})` : ""}`,
      clusterId,
      last,
      { cause: lastError },
    );
  for (;;) {
    const remaining = deadlineAt - now();
    if (remaining <= 0) throw timedOut();
    let cluster: Cluster | undefined;
    try {
      cluster = await get(clusterId, { signal: options.signal, deadlineMs: remaining });
    } catch (error) {
      if (error instanceof NotFoundError) throw new ClusterDeletedError(`Cluster ${clusterId} no longer exists`, clusterId, last, { cause: error });
      if (error instanceof AbortedError || !isTransient(error)) throw error;
      lastError = error;
    }
    if (cluster !== undefined && cluster !== last) {
      if (last === undefined || last.raw_status !== cluster.raw_status) options.onStatus?.(cluster);
      last = cluster;
      switch (cluster.lifecycle) {
        case "ready":
          return cluster;
        case "failed":
          throw new ClusterFailedError(`Cluster ${clusterId} failed (status ${cluster.raw_status})`, clusterId, cluster);
        case "deleting":
          throw new ClusterDeletedError(`Cluster ${clusterId} is being deleted`, clusterId, cluster);
        case "provisioning":
        case "paused":
        case "degraded":
        case "unknown":
          break;
      }
    }
    const wait = Math.min(interval, deadlineAt - now());
    if (wait <= 0) throw timedOut();
    try {
      await pause(wait, options.signal, undefined, now, undefined);
    } catch (error) {
      if (error instanceof TimeoutError) throw timedOut();
      throw error;
    }
    interval = Math.min(interval * 1.5, maxInterval);
  }
}
