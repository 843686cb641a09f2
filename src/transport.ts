/**
 * The transport: the only code that touches the network. It sends one wire request with the API key, enforces
 * per-attempt timeouts and an overall deadline, retries what is safe to retry, follows redirects without leaking the
 * key to another origin, and reads the whole body inside the attempt so that a reset or truncated body becomes a
 * typed error here rather than a raw TypeError later.
 */
import { AbortedError, ConnectionError, TimeoutError, type ResponseInfo } from "./errors.js";
import { acquireTimeout, releaseTimeout } from "./timeout-slots.js";
import { isRetryableMethod, isRetryableStatus, parseRetryAfterMs, retryDelayMs, type RetryPolicy } from "./retry.js";

/** The fetch signature the transport calls (the global `fetch` fits). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** One outgoing call, as the wire client builds it: the full URL and the serialized JSON body, if any. */
export interface WireRequest {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly url: string;
  readonly body: string | undefined;
}

/** An answer whose body the transport has already read, inside the attempt and its timeout. */
export interface WireResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly text: string;
}

/** Headers as sent: a plain record, which fetch reads more cheaply than a Headers object. */
type HeaderRecord = Record<string, string>;

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
  /** Sends one request (retrying what is safe to retry) and resolves to the fully read answer. */
  send(request: WireRequest, options: CallOptions | undefined): Promise<WireResponse>;
  /** Replaces every occurrence of the API key in server-supplied text. */
  redact(text: string): string;
}

const maxRedirects = 5;

/** Status and request id of an answer, for errors and support tickets. */
export function responseInfo(response: Pick<Response, "status" | "headers">): ResponseInfo {
  return { status: response.status, requestId: response.headers.get("x-request-id") ?? response.headers.get("request-id") ?? undefined };
}

/** Builds the transport. The key is captured here and never stored on an object. */
export function createTransport(settings: TransportSettings): Transport {
  const { apiKey } = settings;
  return {
    baseUrl: settings.baseUrl,
    send: (request, options) => send(settings, request, options),
    redact: (text) => (apiKey.length > 0 && text.includes(apiKey) ? text.split(apiKey).join("[redacted]") : text),
  };
}

async function send(settings: TransportSettings, request: WireRequest, options: CallOptions | undefined): Promise<WireResponse> {
  const timeoutMs = options?.timeoutMs ?? settings.timeoutMs;
  const deadlineMs = options?.deadlineMs ?? settings.deadlineMs;
  const maxRetries = options?.maxRetries ?? settings.retry.maxRetries;
  const signal = options?.signal;
  const deadlineAt = deadlineMs === undefined ? undefined : settings.now() + deadlineMs;
  const { method, url, body } = request;
  const headers: HeaderRecord =
    body === undefined
      ? { "user-agent": settings.userAgent, accept: "application/json" }
      : { "user-agent": settings.userAgent, accept: "application/json", "content-type": "application/json" };
  const retryable = isRetryableMethod(method);
  for (let attempt = 0; ; attempt++) {
    throwIfAborted(signal);
    const remaining = deadlineAt === undefined ? Number.POSITIVE_INFINITY : deadlineAt - settings.now();
    if (remaining <= 0) throw deadlineExceeded(deadlineMs);
    const limitedByDeadline = remaining < timeoutMs;
    const attemptMs = limitedByDeadline ? remaining : timeoutMs;
    let response: WireResponse;
    try {
      response = await attemptOnce(settings, url, method, headers, body, signal, attemptMs, limitedByDeadline ? deadlineMs : undefined);
    } catch (error) {
      const finalError = !retryable || attempt >= maxRetries || error instanceof AbortedError || (error instanceof TimeoutError && limitedByDeadline);
      if (finalError) throw error;
      await pause(retryDelayMs(attempt, undefined, settings.retry, settings.random), signal, deadlineAt, settings.now, deadlineMs);
      continue;
    }
    if (!retryable || attempt >= maxRetries || !isRetryableStatus(response.status)) return response;
    const hint = parseRetryAfterMs(response.headers.get("retry-after-ms"), response.headers.get("retry-after"), Date.now());
    await pause(retryDelayMs(attempt, hint, settings.retry, settings.random), signal, deadlineAt, settings.now, deadlineMs);
  }
}

function deadlineExceeded(deadlineMs: number | undefined): TimeoutError {
  return new TimeoutError(`Deadline of ${deadlineMs} ms exceeded`, deadlineMs ?? 0);
}

/**
 * One attempt including redirects, with the body fully read so body failures land inside the attempt's timeout.
 * Failures come out typed: AbortedError (caller's signal), TimeoutError (this attempt or the deadline), ConnectionError.
 */
async function attemptOnce(
  settings: TransportSettings,
  url: string,
  method: string,
  headers: HeaderRecord,
  body: string | undefined,
  signal: AbortSignal | undefined,
  attemptMs: number,
  deadlineMs: number | undefined,
): Promise<WireResponse> {
  // Without a caller signal, the attempt borrows a shared timeout slot; with one, it needs its own controller that
  // both the timer and the caller's signal can abort (cheaper per call than AbortSignal.timeout + any).
  const shared = signal === undefined ? acquireTimeout(attemptMs) : undefined;
  const own = shared === undefined ? new AbortController() : undefined;
  const timer = own === undefined ? undefined : setTimeout(() => own.abort(), attemptMs);
  const forwardAbort = () => own?.abort();
  signal?.addEventListener("abort", forwardAbort, { once: true });
  const attemptSignal = (shared ?? own)!.signal;
  let currentUrl = url;
  let currentMethod = method;
  let currentBody = body;
  // createClient only accepts https or loopback http, so a URL under the configured base may carry the key;
  // checking the prefix avoids parsing URLs on every call.
  let sendKey = isUnder(settings.baseUrl, url) || mayCarryKey(settings.baseUrl, url);
  // Redirect hops get their own copy, so a later retry starts again from the call's headers.
  let hopHeaders = headers;
  try {
    for (let hop = 0; ; hop++) {
      if (sendKey) hopHeaders.authorization = `Bearer ${settings.apiKey}`;
      else delete hopHeaders.authorization;
      const response = await settings.fetch(currentUrl, {
        method: currentMethod,
        headers: hopHeaders,
        body: currentBody,
        signal: attemptSignal,
        redirect: "manual",
      });
      // Only a 3xx needs its Location looked up.
      const location = response.status >= 300 && response.status < 400 && hop < maxRedirects ? response.headers.get("location") : null;
      if (location !== null) {
        await response.body?.cancel();
        const next = new URL(location, currentUrl).href;
        // The key goes only to the origin it was configured for (and never over plain http off loopback).
        sendKey = sendKey && mayCarryKey(settings.baseUrl, next);
        hopHeaders = { ...hopHeaders };
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && currentMethod === "POST")) {
          currentMethod = "GET";
          currentBody = undefined;
          delete hopHeaders["content-type"];
        }
        currentUrl = next;
        continue;
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        if (signal?.aborted || attemptSignal.aborted) throw error;
        const info = responseInfo(response);
        throw new ConnectionError(
          `Connection broke while reading the ${info.status} response body${info.requestId ? ` (request id ${info.requestId})` : ""}: ${describeCause(error)}`,
          { cause: error, response: info },
        );
      }
      return { status: response.status, ok: response.ok, headers: response.headers, text };
    }
  } catch (error) {
    if (signal?.aborted) throw new AbortedError({ cause: signal.reason });
    if (error instanceof ConnectionError) throw error;
    if (attemptSignal.aborted) {
      throw deadlineMs === undefined ? new TimeoutError(`Request attempt timed out after ${attemptMs} ms`, attemptMs) : deadlineExceeded(deadlineMs);
    }
    throw new ConnectionError(`Connection failed: ${describeCause(error)}`, { cause: error });
  } finally {
    if (shared !== undefined) releaseTimeout(shared);
    else clearTimeout(timer);
    signal?.removeEventListener("abort", forwardAbort);
  }
}

/** True when `url` is `base` or below it (so `http://h:1` does not cover `http://h:12`). */
function isUnder(base: string, url: string): boolean {
  if (!url.startsWith(base)) return false;
  const next = url.charCodeAt(base.length);
  return Number.isNaN(next) || next === 47 /* / */ || next === 63 /* ? */;
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
