/**
 * One attempt of a request: its timeout, the redirect hops (manual, so the key's scope and the allowed schemes are
 * ours to decide), and the body read under the size cap. Failures come out typed: AbortedError (caller's signal),
 * TimeoutError (this attempt or the deadline), RequestNotSentError (certainly never sent), ConnectionError,
 * InvalidResponseError / ResponseTooLargeError.
 */
import {
  AbortedError,
  ConnectionError,
  InvalidResponseError,
  RequestNotSentError,
  ResponseTooLargeError,
  TimeoutError,
  type RequestContext,
} from "./errors.js";
import { ReadResponse } from "./read-response.js";
import { acquireTimeout, releaseTimeout } from "./timeout-slots.js";
import { deadlineExceeded, isLoopbackHost, responseInfo, type TransportSettings } from "./transport.js";

/** A request taken apart once, so each attempt can send it again. */
export interface Attempt {
  readonly url: string;
  readonly method: string;
  /**
   * Headers as sent, owned by this call: fetch copies a Headers object's list as it is, where a plain record would be
   * converted and validated entry by entry.
   */
  readonly headers: Headers;
  /** Bytes of a Request's body, or the text openapi-fetch serialized for a unified call: either can be sent again. */
  readonly body: ArrayBuffer | string | undefined;
  readonly signal: AbortSignal | undefined;
  readonly context: () => RequestContext;
}

const maxRedirects = 5;

/** True when another attempt may help (a refusal before sending, an oversized or unusable answer will not change). */
export function retryableFailure(error: unknown): boolean {
  if (error instanceof RequestNotSentError) return error.retryable;
  return error instanceof ConnectionError || error instanceof TimeoutError;
}

/** Sends one attempt and resolves to a Response whose body has been read completely. */
export async function attemptOnce(settings: TransportSettings, attempt: Attempt, attemptMs: number, deadlineMs: number | undefined): Promise<Response> {
  const { signal } = attempt;
  // Without a caller signal, the attempt borrows a shared timeout slot; with one, it needs its own controller that
  // both the timer and the caller's signal can abort (cheaper per call than AbortSignal.timeout + any).
  const shared = signal === undefined ? acquireTimeout(attemptMs) : undefined;
  const own = shared === undefined ? new AbortController() : undefined;
  const timer = own === undefined ? undefined : setTimeout(() => own.abort(), attemptMs);
  const forwardAbort = signal === undefined ? undefined : () => own?.abort();
  if (forwardAbort !== undefined) signal?.addEventListener("abort", forwardAbort, { once: true });
  const attemptSignal = (shared ?? own)!.signal;
  let url = attempt.url;
  let method = attempt.method;
  let body = attempt.body;
  let headers = attempt.headers;
  // A header set by middleware (auth refresh) wins over the configured key; either is scoped the same way.
  const authorization = headers.get("authorization") ?? `Bearer ${settings.apiKey}`;
  let sendKey = mayCarryKey(settings.baseUrl, url);
  let sent = false;
  try {
    for (let hop = 0; ; hop++) {
      if (sendKey) headers.set("authorization", authorization);
      else headers.delete("authorization");
      let response: Response;
      try {
        const pending = settings.fetch(url, { method, headers, body, signal: attemptSignal, redirect: "manual" });
        sent = true;
        response = await pending;
      } catch (error) {
        throw notSent(error, sent, attempt.context) ?? error;
      }
      const location = response.status >= 300 && response.status < 400 && hop < maxRedirects ? response.headers.get("location") : null;
      if (location !== null) {
        await response.body?.cancel();
        const next = redirectTarget(location, url, response, attempt.context);
        // The key goes only to the origin it was configured for (and never over plain http off loopback).
        sendKey = sendKey && mayCarryKey(settings.baseUrl, next);
        headers = new Headers(headers);
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
          method = "GET";
          body = undefined;
          headers.delete("content-type");
        }
        url = next;
        continue;
      }
      return await readWhole(settings, response, signal, attemptSignal, attempt.context);
    }
  } catch (error) {
    if (signal?.aborted) throw new AbortedError({ cause: signal.reason });
    if (error instanceof ConnectionError || error instanceof InvalidResponseError) throw error;
    if (attemptSignal.aborted) {
      throw deadlineMs === undefined ? new TimeoutError(`Request attempt timed out after ${attemptMs} ms`, attemptMs, attempt.context()) : deadlineExceeded(deadlineMs, attempt.context());
    }
    throw new ConnectionError(`Connection failed: ${describeCause(error)}`, { cause: error, request: attempt.context() });
  } finally {
    if (shared !== undefined) releaseTimeout(shared);
    else clearTimeout(timer);
    if (forwardAbort !== undefined) signal?.removeEventListener("abort", forwardAbort);
  }
}

function redirectTarget(location: string, from: string, response: Response, context: () => RequestContext): string {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new InvalidResponseError(responseInfo(response), "redirect Location is not a URL", undefined, { request: context() });
  }
  if (next.protocol !== "https:" && next.protocol !== "http:") {
    throw new InvalidResponseError(responseInfo(response), `redirect to a ${next.protocol} URL refused: only http(s) redirects are followed`, undefined, { request: context() });
  }
  return next.href;
}

/** Statuses whose Response must have a null body. */
function hasNullBody(status: number): boolean {
  return status === 204 || status === 205 || status === 304;
}

/** Reads the body under the size cap and hands back an equivalent Response over the bytes read. */
async function readWhole(
  settings: TransportSettings,
  response: Response,
  signal: AbortSignal | undefined,
  attemptSignal: AbortSignal,
  context: () => RequestContext,
): Promise<Response> {
  let bytes: Uint8Array<ArrayBuffer> | null;
  try {
    bytes = await readCapped(response, settings.maxResponseBytes);
  } catch (error) {
    // Status and request id are looked up only here and below: a healthy answer never needs them in this function.
    const info = responseInfo(response);
    if (error === tooLarge) throw new ResponseTooLargeError({ status: info.status, requestId: settings.redactor.text(info.requestId ?? "") || undefined }, settings.maxResponseBytes, context());
    if (signal?.aborted || attemptSignal.aborted) throw error;
    throw new ConnectionError(`Connection broke while reading the ${info.status} response body${info.requestId ? ` (request id ${info.requestId})` : ""}: ${describeCause(error)}`, {
      cause: error,
      response: info,
      request: context(),
    });
  }
  // Headers are copied only when one carries the key (a server echoing it into x-request-id, say).
  let headers = response.headers;
  let echoed = false;
  headers.forEach((value) => {
    echoed ||= settings.redactor.text(value) !== value;
  });
  if (echoed) {
    headers = new Headers();
    response.headers.forEach((value, name) => headers.append(name, settings.redactor.text(value)));
  }
  // An error body may echo the request, key included; scrubbed before anyone parses it.
  const payload = hasNullBody(response.status) ? null : response.ok || bytes === null ? bytes : settings.redactor.text(new TextDecoder().decode(bytes));
  try {
    const init = { status: response.status, statusText: response.statusText, headers };
    return payload === null ? new Response(null, init) : new ReadResponse(payload, init);
  } catch (cause) {
    throw new InvalidResponseError(responseInfo(response), `status ${response.status} is not a usable HTTP status`, undefined, { cause, request: context() });
  }
}

const tooLarge = Symbol("too large");

/** The whole body, or the `tooLarge` symbol thrown as soon as it passes `limit` bytes (the rest is never read). */
function readCapped(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = response.headers.get("content-length");
  // A declared length within the cap bounds what fetch will read (it stops at Content-Length): one read, no loop.
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) <= limit && response.body !== null) return response.arrayBuffer().then(asBytes);
  return readStreamCapped(response, limit, declared);
}

function asBytes(buffer: ArrayBuffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer);
}

/** {@link readCapped} for a missing, unusable or too large Content-Length: chunk by chunk, counting. */
async function readStreamCapped(response: Response, limit: number, declared: string | null): Promise<Uint8Array<ArrayBuffer> | null> {
  if (declared !== null && Number(declared) > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge;
  }
  if (response.body === null) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** True when `url` is `base` or below it (so `http://h:1` does not cover `http://h:12`). */
function isUnder(base: string, url: string): boolean {
  if (!url.startsWith(base)) return false;
  const next = url.charCodeAt(base.length);
  return Number.isNaN(next) || next === 47 /* / */ || next === 63 /* ? */;
}

/**
 * True when the API key may be sent to `target` given the configured base URL. createClient accepts only https or
 * loopback http, so a URL under the base may carry it; checking that prefix first avoids parsing URLs on every call.
 */
function mayCarryKey(configured: string, target: string): boolean {
  if (isUnder(configured, target)) return true;
  const from = new URL(configured);
  const to = new URL(target);
  if (from.origin !== to.origin) return false;
  return to.protocol === "https:" || isLoopbackHost(to.hostname);
}

function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === "string" ? `${code} ${cause.message}` : cause.message;
  }
  return String(cause);
}

const neverOpenedCodes: ReadonlySet<unknown> = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);

/**
 * A RequestNotSentError when the failure proves the request never reached the server: fetch refused it before
 * sending (it threw while building the request, or undici's "bad port"), or the connection never opened. Anything
 * else (a browser's bare "Failed to fetch" included) may have reached the server and stays ambiguous.
 */
function notSent(error: unknown, fetchReturned: boolean, context: () => RequestContext): RequestNotSentError | undefined {
  if (!(error instanceof Error)) return undefined;
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const code = (cause as (Error & { code?: unknown }) | undefined)?.code ?? (cause?.cause as (Error & { code?: unknown }) | undefined)?.code;
  if (neverOpenedCodes.has(code)) {
    return new RequestNotSentError(`Connection failed: ${describeCause(error)}`, { cause: error, request: context() }, true);
  }
  const refused = !fetchReturned || cause?.message === "bad port" || (error instanceof TypeError && /header|ByteString|Request|URL/i.test(error.message));
  if (!refused) return undefined;
  return new RequestNotSentError(`Request refused before sending: ${describeCause(error)}`, { cause: error, request: context() }, false);
}
