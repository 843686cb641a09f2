/**
 * The transport: the `fetch` that openapi-fetch calls, and the only code that touches the network. openapi-fetch
 * builds the Request (URL, query, JSON body, headers) and runs the middleware; this sends it with the API key,
 * enforces per-attempt timeouts and an overall deadline, retries what is safe to retry, follows redirects itself (only
 * http(s), the key never to another origin), and reads the whole body inside the attempt under a size cap, so a reset,
 * truncated or endless body becomes a typed error here. What it hands back is a Response over the bytes already read.
 */
import { AbortedError, TimeoutError, type RequestContext, type ResponseInfo } from "./errors.js";
import { attemptOnce, retryableFailure, type Attempt } from "./attempt.js";
import { LeanRequest } from "./lean-request.js";
import type { LevelledLog } from "./logger.js";
import type { Redactor } from "./redact.js";
import { isRetryableMethod, isRetryableStatus, parseRetryAfterMs, retryDelayMs, type RetryPolicy } from "./retry.js";

/** The fetch signature the transport calls (the global `fetch` fits). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Per-call options accepted by every client method. */
export interface CallOptions {
  /** Cancels the call, including any retry wait. */
  readonly signal?: AbortSignal | undefined;
  /** Per-attempt timeout for this call; overrides the client's `timeoutMs`. */
  readonly timeoutMs?: number | undefined;
  /** Overall budget for this call across attempts and waits; overrides the client's `deadlineMs`. */
  readonly deadlineMs?: number | undefined;
  /** Retries for this call; overrides the client's `maxRetries`. */
  readonly maxRetries?: number | undefined;
  /** Extra request headers for this call (on top of the client's `headers`). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** Settings of one transport (fixed per client). */
export interface TransportSettings {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly deadlineMs: number | undefined;
  readonly retry: RetryPolicy;
  readonly maxResponseBytes: number;
  readonly random: () => number;
  readonly now: () => number;
  readonly redactor: Redactor;
  readonly log: LevelledLog | undefined;
}

/** What one call did, filled in as it goes: for error messages, and for `withResponse`. */
export interface CallRecord {
  method: string;
  url: string;
  attempts: number;
  /** True once the transport began sending; an error before that came from building the request. */
  started: boolean;
  /** The answer handed back to openapi-fetch (body already read). */
  response: Response | undefined;
}

/** A fresh record for one call. */
export function newCallRecord(): CallRecord {
  return { method: "", url: "", attempts: 0, started: false, response: undefined };
}

/** Method, path and attempts of a call, for messages (the origin is the client's and is left out). */
export function contextOf(record: CallRecord, baseUrl: string): RequestContext {
  const path = record.url.startsWith(baseUrl) ? record.url.slice(baseUrl.length) || "/" : record.url;
  return { method: record.method, path, attempts: record.attempts };
}

/** The network layer given to adapters and to `client.raw`. Holds the API key in a closure only. */
export interface Transport {
  readonly baseUrl: string;
  /** openapi-fetch's `fetch` for calls made through `client.raw` (client-wide options, the Request's signal). */
  readonly fetch: (request: Request) => Promise<Response>;
  /** A `fetch` for one unified call: its options apply, and `record` says what happened. */
  fetchFor(options: CallOptions | undefined, record: CallRecord): (request: Request | LeanRequest) => Promise<Response>;
  readonly redactor: Redactor;
}

/** Status and request id of an answer, for errors and support tickets. */
export function responseInfo(response: Pick<Response, "status" | "headers">): ResponseInfo {
  const { headers } = response;
  const info = { status: response.status, requestId: headers.get("x-request-id") ?? headers.get("request-id") ?? undefined };
  // Only an error carries the wait (ApiError.retryAfterMs): a 2xx, every healthy call, skips the parse.
  if (response.status < 400) return info;
  const retryAfterMs = parseRetryAfterMs(headers.get("retry-after-ms"), headers.get("retry-after"), Date.now());
  return retryAfterMs === undefined ? info : { ...info, retryAfterMs };
}

const noOptions: CallOptions = {};

/** Builds the transport. The key is captured here and never stored on an object. */
export function createTransport(settings: TransportSettings): Transport {
  return {
    baseUrl: settings.baseUrl,
    fetch: (request) => send(settings, request, undefined, newCallRecord()),
    fetchFor: (options, record) => (request) => send(settings, request, options ?? noOptions, record),
    redactor: settings.redactor,
  };
}

/** Sends with retries; whatever it throws has been scrubbed of the key. */
async function send(settings: TransportSettings, request: Request | LeanRequest, options: CallOptions | undefined, record: CallRecord): Promise<Response> {
  try {
    record.started = true;
    record.method = request.method;
    record.url = request.url;
    const timeoutMs = options?.timeoutMs ?? settings.timeoutMs;
    const deadlineMs = options?.deadlineMs ?? settings.deadlineMs;
    const maxRetries = options?.maxRetries ?? settings.retry.maxRetries;
    // A unified call passes its signal through options; a raw call's signal travels on the Request.
    const signal = options !== undefined ? options.signal : request instanceof LeanRequest ? undefined : request.signal;
    const deadlineAt = deadlineMs === undefined ? undefined : settings.now() + deadlineMs;
    const context = () => contextOf(record, settings.baseUrl);
    const attempt: Attempt = {
      url: request.url,
      method: request.method,
      // A LeanRequest's headers were made for this call alone; a Request's may be held by middleware, so they are copied.
      headers: request instanceof LeanRequest ? request.headers : new Headers(request.headers),
      body: request instanceof LeanRequest ? request.payload : request.body === null ? undefined : await request.arrayBuffer(),
      signal,
      context,
    };
    const retryable = isRetryableMethod(request.method);
    for (let n = 0; ; n++) {
      throwIfAborted(signal);
      const remaining = deadlineAt === undefined ? Number.POSITIVE_INFINITY : deadlineAt - settings.now();
      if (remaining <= 0) throw deadlineExceeded(deadlineMs, context());
      const limitedByDeadline = remaining < timeoutMs;
      record.attempts = n + 1;
      const startedAt = settings.log === undefined ? 0 : settings.now();
      let response: Response;
      try {
        response = await attemptOnce(settings, attempt, limitedByDeadline ? remaining : timeoutMs, limitedByDeadline ? deadlineMs : undefined);
      } catch (error) {
        const finalError = !retryable || n >= maxRetries || !retryableFailure(error) || (error instanceof TimeoutError && limitedByDeadline);
        settings.log?.(finalError ? "error" : "warn", () => `${attempt.method} ${attempt.url} attempt ${n + 1} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (finalError) throw error;
        const delay = retryDelayMs(n, undefined, settings.retry, settings.random);
        // A retry that cannot start before the deadline is not made: the call fails with what actually happened.
        if (passesDeadline(delay, deadlineAt, settings.now)) {
          logNoRetry(settings, attempt, delay, deadlineMs);
          throw error;
        }
        await pause(delay, signal, deadlineAt, settings.now, deadlineMs, context);
        continue;
      }
      settings.log?.("debug", () => `${attempt.method} ${attempt.url} → ${response.status} (${settings.now() - startedAt} ms, attempt ${n + 1})`);
      if (!retryable || n >= maxRetries || !isRetryableStatus(response.status)) {
        record.response = response;
        return response;
      }
      const hint = parseRetryAfterMs(response.headers.get("retry-after-ms"), response.headers.get("retry-after"), Date.now());
      const delay = retryDelayMs(n, hint, settings.retry, settings.random);
      if (passesDeadline(delay, deadlineAt, settings.now)) {
        // The server's answer (a 429 or 503, its Retry-After on the error) is the outcome, not a deadline that has not passed.
        logNoRetry(settings, attempt, delay, deadlineMs);
        record.response = response;
        return response;
      }
      settings.log?.("warn", () => `${attempt.method} ${attempt.url} answered ${response.status}; retrying`);
      await pause(delay, signal, deadlineAt, settings.now, deadlineMs, context);
    }
  } catch (error) {
    throw settings.redactor.error(error);
  }
}

/** True when waiting `delay` ms from now would reach the deadline. */
function passesDeadline(delay: number, deadlineAt: number | undefined, now: () => number): boolean {
  return deadlineAt !== undefined && now() + delay >= deadlineAt;
}

/** Says why a retry is not made: its wait would pass the deadline. */
function logNoRetry(settings: TransportSettings, attempt: Attempt, delay: number, deadlineMs: number | undefined): void {
  settings.log?.("warn", () => `${attempt.method} ${attempt.url}: no retry, its wait of ${Math.round(delay)} ms would pass the deadline of ${deadlineMs} ms`);
}

/** The TimeoutError for a spent overall deadline. */
export function deadlineExceeded(deadlineMs: number | undefined, context?: RequestContext): TimeoutError {
  return new TimeoutError(`Deadline of ${deadlineMs} ms exceeded`, deadlineMs ?? 0, context);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError({ cause: signal.reason });
}

/** Loopback hosts, where plain http cannot be sniffed off the network. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** An abortable wait that refuses to outlive the deadline. */
export function pause(
  ms: number,
  signal: AbortSignal | undefined,
  deadlineAt: number | undefined,
  now: () => number,
  deadlineMs: number | undefined,
  context?: () => RequestContext,
): Promise<void> {
  if (deadlineAt !== undefined && now() + ms >= deadlineAt) return Promise.reject(deadlineExceeded(deadlineMs, context?.()));
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AbortedError({ cause: signal.reason }));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError({ cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
