/**
 * Retry policy as pure functions: no timers, no globals. Clock and randomness are parameters so tests can drive them.
 */

/** How retries back off. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First backoff delay before jitter. */
  readonly initialDelayMs: number;
  /** Cap of the exponential backoff. */
  readonly maxDelayMs: number;
  /** Largest server-requested delay (`Retry-After`) honoured; longer hints are capped to this. */
  readonly maxRetryAfterMs: number;
}

/** openai-node's proven defaults: 2 retries, 0.5 s doubling to 8 s, server hints up to 60 s. */
export const defaultRetryPolicy: RetryPolicy = { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/**
 * Statuses worth retrying: request timeout, rate limit, a server error and gateway failures, as the Stainless SDKs
 * (openai-node, together-ai) do for the methods that are safe to send twice. 501 and 505 say the server will never
 * do it, so they are final.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/**
 * Methods safe to send twice. POST (create) is excluded: it is never re-sent automatically,
 * because a second create could make a second cluster.
 */
export function isRetryableMethod(method: string): boolean {
  return method === "GET" || method === "PUT" || method === "DELETE";
}

/**
 * Parses `retry-after-ms` (milliseconds) or `Retry-After` (delta-seconds or an HTTP date) into a delay.
 * Returns undefined when absent or unparseable; a date in the past gives 0.
 */
export function parseRetryAfterMs(retryAfterMs: string | null, retryAfter: string | null, nowMs: number): number | undefined {
  if (retryAfterMs !== null) {
    const ms = Number(retryAfterMs);
    if (retryAfterMs.trim() !== "" && Number.isFinite(ms) && ms >= 0) return ms;
  }
  if (retryAfter === null || retryAfter.trim() === "") return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const at = Date.parse(retryAfter);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * Delay before retry number `attempt` (0-based). A server hint wins, capped at `maxRetryAfterMs`;
 * otherwise exponential backoff with up to 25% downward jitter.
 */
export function retryDelayMs(attempt: number, hintMs: number | undefined, policy: RetryPolicy, random: () => number): number {
  if (hintMs !== undefined) return Math.min(hintMs, policy.maxRetryAfterMs);
  const base = Math.min(policy.initialDelayMs * 2 ** attempt, policy.maxDelayMs);
  return base * (1 - random() * 0.25);
}
