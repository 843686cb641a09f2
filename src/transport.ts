/**
 * The transport: the only code that touches the network. It hands openapi-fetch a `fetch` that adds the API key,
 * enforces per-attempt timeouts and an overall deadline, retries what is safe to retry, follows redirects without
 * leaking the key to another origin, and reads the whole body inside the attempt so that a reset or truncated body
 * becomes a typed error here rather than a raw TypeError later.
 */
import { AbortedError, ConnectionError, TimeoutError } from "./errors.js";
import { isRetryableMethod, isRetryableStatus, parseRetryAfterMs, retryDelayMs, type RetryPolicy } from "./retry.js";

/** The fetch signature the transport calls (the global `fetch` fits). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** What openapi-fetch calls: one Request in, one fully-read Response out. */
export type RequestFetch = (request: Request) => Promise<Response>;

/** Per-call options accepted by every client method. */
export interface CallOptions {
  /** Cancels the call, including any retry wait. */
  readonly signal?: AbortSignal;
  /** Per-attempt timeout for this call; overrides the client's `timeoutMs`. */
  readonly timeoutMs?: number;
  /** Overall budget for this call across attempts and waits; overrides the client's `deadlineMs`. */
  readonly deadlineMs?: number;
  /** Retries for this call; overrides the client's `maxRetries`. */
  readonly maxRetries?: number;
}

/** Settings of one transport (fixed per client). */
export interface TransportSettings {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly deadlineMs: number | undefined;
  readonly retry: RetryPolicy;
  readonly userAgent: string;
  readonly random: () => number;
  readonly now: () => number;
}

/** The network layer given to adapters. Holds the API key in a closure only. */
export interface Transport {
  readonly baseUrl: string;
  /** A fetch for openapi-fetch bound to one call's options. */
  fetchFor(options: CallOptions | undefined): RequestFetch;
  /** Replaces every occurrence of the API key in server-supplied text. */
  redact(text: string): string;
}

const maxRedirects = 5;

/** Builds the transport. The key is captured here and never stored on an object. */
export function createTransport(settings: TransportSettings): Transport {
  const { apiKey } = settings;
  const defaultFetch = makeFetch(settings, undefined);
  return {
    baseUrl: settings.baseUrl,
    fetchFor: (options) => (options === undefined ? defaultFetch : makeFetch(settings, options)),
    redact: (text) => (apiKey.length > 0 && text.includes(apiKey) ? text.split(apiKey).join("[redacted]") : text),
  };
}

function makeFetch(settings: TransportSettings, options: CallOptions | undefined): RequestFetch {
  return async (request) => {
    const timeoutMs = options?.timeoutMs ?? settings.timeoutMs;
    const deadlineMs = options?.deadlineMs ?? settings.deadlineMs;
    const maxRetries = options?.maxRetries ?? settings.retry.maxRetries;
    const signal = options?.signal;
    const deadlineAt = deadlineMs === undefined ? undefined : settings.now() + deadlineMs;
    const method = request.method;
    const body = request.body === null ? undefined : await request.text();
    const headers = new Headers(request.headers);
    headers.set("user-agent", settings.userAgent);
    headers.set("accept", "application/json");
    const retryable = isRetryableMethod(method);
    for (let attempt = 0; ; attempt++) {
      throwIfAborted(signal);
      const remaining = deadlineAt === undefined ? Number.POSITIVE_INFINITY : deadlineAt - settings.now();
      if (remaining <= 0) throw new TimeoutError(`Deadline of ${deadlineMs} ms exceeded`, deadlineMs ?? 0);
      const attemptMs = Math.min(timeoutMs, remaining);
      let response: Response;
      try {
        response = await attemptOnce(settings, request.url, method, headers, body, signal, attemptMs);
      } catch (error) {
        const typed = classify(error, signal, attemptMs, attemptMs < timeoutMs ? deadlineMs : undefined);
        if (!retryable || attempt >= maxRetries || typed instanceof AbortedError) throw typed;
        if (typed instanceof TimeoutError && attemptMs < timeoutMs) throw typed; // the deadline, not the attempt, ran out
        await pause(retryDelayMs(attempt, undefined, settings.retry, settings.random), signal, deadlineAt, settings.now, deadlineMs);
        continue;
      }
      if (!retryable || attempt >= maxRetries || !isRetryableStatus(response.status)) return response;
      const hint = parseRetryAfterMs(response.headers.get("retry-after-ms"), response.headers.get("retry-after"), Date.now());
      await pause(retryDelayMs(attempt, hint, settings.retry, settings.random), signal, deadlineAt, settings.now, deadlineMs);
    }
  };
}

/** One attempt including redirects, with the body fully read so body failures land inside the attempt's timeout. */
async function attemptOnce(
  settings: TransportSettings,
  url: string,
  method: string,
  headers: Headers,
  body: string | undefined,
  signal: AbortSignal | undefined,
  attemptMs: number,
): Promise<Response> {
  const timeout = AbortSignal.timeout(attemptMs);
  const attemptSignal = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
  let currentUrl = url;
  let currentMethod = method;
  let currentBody = body;
  let sendKey = mayCarryKey(url, url);
  for (let hop = 0; ; hop++) {
    const hopHeaders = new Headers(headers);
    if (sendKey) hopHeaders.set("authorization", `Bearer ${settings.apiKey}`);
    const response = await settings.fetch(currentUrl, {
      method: currentMethod,
      headers: hopHeaders,
      body: currentBody,
      signal: attemptSignal,
      redirect: "manual",
    });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location !== null && hop < maxRedirects) {
      await response.body?.cancel();
      const next = new URL(location, currentUrl).href;
      // The key goes only to the origin it was configured for (and never over plain http off loopback).
      sendKey = sendKey && mayCarryKey(url, next);
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && currentMethod === "POST")) {
        currentMethod = "GET";
        currentBody = undefined;
      }
      currentUrl = next;
      continue;
    }
    const text = await response.text();
    return new Response(response.status === 204 ? null : text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }
}

/** True when the API key may be sent to `target` given the configured origin `configured`. */
function mayCarryKey(configured: string, target: string): boolean {
  const from = new URL(configured);
  const to = new URL(target);
  if (from.origin !== to.origin) return false;
  return to.protocol === "https:" || isLoopbackHost(to.hostname);
}

/** Loopback hosts, where plain http cannot be sniffed off the network. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function classify(error: unknown, signal: AbortSignal | undefined, attemptMs: number, deadlineMs: number | undefined): Error {
  if (signal?.aborted) return new AbortedError({ cause: signal.reason });
  if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return deadlineMs === undefined
      ? new TimeoutError(`Request attempt timed out after ${attemptMs} ms`, attemptMs)
      : new TimeoutError(`Deadline of ${deadlineMs} ms exceeded`, deadlineMs);
  }
  return new ConnectionError(`Connection failed: ${describeCause(error)}`, { cause: error });
}

function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === "string" ? `${code} ${cause.message}` : cause.message;
  }
  return String(cause);
}

/** Connection failures that prove the request never reached the server (safe to report as "not created"). */
export function connectionNeverOpened(error: unknown): boolean {
  const cause = error instanceof ConnectionError ? error.cause : error;
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  const code = inner instanceof Error ? (inner as Error & { code?: unknown }).code : undefined;
  return code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EHOSTUNREACH";
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError({ cause: signal.reason });
}

/** An abortable wait that refuses to outlive the deadline. */
export function pause(
  ms: number,
  signal: AbortSignal | undefined,
  deadlineAt: number | undefined,
  now: () => number,
  deadlineMs: number | undefined,
): Promise<void> {
  if (deadlineAt !== undefined && now() + ms >= deadlineAt) {
    return Promise.reject(new TimeoutError(`Deadline of ${deadlineMs} ms exceeded`, deadlineMs ?? 0));
  }
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
