/**
 * The transport: the only code that touches the network. It hands openapi-fetch a `fetch` that adds the API key,
 * enforces per-attempt timeouts and an overall deadline, retries what is safe to retry, follows redirects without
 * leaking the key to another origin, and reads the whole body inside the attempt so that a reset or truncated body
 * becomes a typed error here rather than a raw TypeError later.
 */
import { AbortedError, ConnectionError, TimeoutError, type ResponseInfo } from "./errors.js";
import { acquireTimeout, releaseTimeout } from "./timeout-slots.js";
import { isRetryableMethod, isRetryableStatus, parseRetryAfterMs, retryDelayMs, type RetryPolicy } from "./retry.js";

/** The fetch signature the transport calls (the global `fetch` fits). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** The fields of an outgoing request the transport reads (a WHATWG Request has them too). */
export interface OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** A serialized body (string), none, or a Request's body stream. */
  readonly body: unknown;
}

/** What openapi-fetch calls: one request in, one fully-read Response out. */
export type RequestFetch = (request: OutgoingRequest) => Promise<Response>;

/**
 * A plain carrier openapi-fetch builds instead of a WHATWG Request (its `Request` option). openapi-fetch constructs a
 * Request per call only to hand it to `fetch`; undici's Request constructor is the most expensive step of a call, and
 * the transport takes the request apart again anyway.
 */
class PlainRequest implements OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: unknown;
  constructor(url: string, init: { readonly method: string; readonly headers: Headers; readonly body?: unknown }) {
    this.url = url;
    this.method = init.method;
    this.headers = init.headers;
    this.body = init.body ?? null;
  }
}

/** The constructor to give openapi-fetch's `Request` option (see {@link PlainRequest}). */
export const requestCarrier = PlainRequest as unknown as typeof Request;

/** The body as text: the serialized string openapi-fetch hands the carrier, or a real Request's stream read out. */
function bodyText(request: OutgoingRequest): string | undefined | Promise<string> {
  const { body } = request;
  if (body === null || body === undefined) return undefined;
  if (typeof body === "string") return body;
  // A real Request (a caller's own openapi-fetch setup): read its stream.
  return (request as unknown as Request).text();
}

/** Headers as sent: a plain record, which fetch reads more cheaply than a Headers object. */
type HeaderRecord = Record<string, string>;

/**
 * A response whose body the transport has already read. It carries what openapi-fetch (asked for `parseAs: "text"`)
 * and the adapters read of a Response: status, headers and the text, without re-wrapping the text in a new Response,
 * which would cost more than the rest of the transport together.
 */
class ReadResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly #text: string;
  constructor(response: Response, text: string) {
    this.status = response.status;
    this.ok = response.ok;
    this.headers = response.headers;
    this.#text = text;
  }
  text(): Promise<string> {
    return Promise.resolve(this.#text);
  }
}

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

/** Status and request id of an answer, for errors and support tickets. */
export function responseInfo(response: Response): ResponseInfo {
  return { status: response.status, requestId: response.headers.get("x-request-id") ?? response.headers.get("request-id") ?? undefined };
}

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
    const pendingBody = bodyText(request);
    const body = typeof pendingBody === "object" ? await pendingBody : pendingBody;
    const headers: HeaderRecord = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    headers["user-agent"] = settings.userAgent;
    headers.accept = "application/json";
    const retryable = isRetryableMethod(method);
    for (let attempt = 0; ; attempt++) {
      throwIfAborted(signal);
      const remaining = deadlineAt === undefined ? Number.POSITIVE_INFINITY : deadlineAt - settings.now();
      if (remaining <= 0) throw deadlineExceeded(deadlineMs);
      const limitedByDeadline = remaining < timeoutMs;
      const attemptMs = limitedByDeadline ? remaining : timeoutMs;
      let response: Response;
      try {
        response = await attemptOnce(settings, request.url, method, headers, body, signal, attemptMs, limitedByDeadline ? deadlineMs : undefined);
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
  };
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
): Promise<Response> {
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
      // openapi-fetch reads the body once more; it gets the text already read.
      return new ReadResponse(response, text) as unknown as Response;
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
