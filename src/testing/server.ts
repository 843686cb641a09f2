import type { IncomingMessage, ServerResponse } from "node:http";
import { isPreflight, type CorsPolicy } from "./cors.js";
import type { DeprecationPlan } from "./deprecation.js";
import { errorBody, FakeApiError, type FakeErrorBody } from "./errors.js";
import type { FaultInjector, FaultSpec } from "./faults.js";
import type { HandlerTable } from "./handlers.js";
import { FAKE_LIMITS, keepNewest } from "./limits.js";
import { parseJsonBody, readBody } from "./request-body.js";
import { parseRequestTarget, type RequestTarget } from "./request-target.js";
import type { FakeState } from "./state.js";
import type { SpecOperation, SpecValidator } from "./validation.js";

/** One API version as the server mounts it. */
export interface MountedVersion {
  readonly version: "v1" | "v2";
  /** Path prefix on the fake's origin: `""` for v1 (`/api/v1/...` paths), `"/v1"` for v2 (`https://api.together.ai/v1`). */
  readonly prefix: string;
  readonly validator: SpecValidator;
  readonly handlers: HandlerTable;
}

/** One served request, for assertions (e.g. "the client retried twice"). */
export interface RequestLogEntry {
  readonly version: "v1" | "v2" | undefined;
  readonly method: string;
  /** Concrete path as received, including the version prefix. */
  readonly path: string;
  /** `"METHOD /template"` of the matched operation. */
  readonly route: string | undefined;
  /** Status sent, or `"reset"` if the connection was closed without an answer. */
  readonly status: number | "reset";
  /** The `x-request-id` the fake put on its answer. */
  readonly requestId: string;
}

/** Everything the request pipeline needs. */
export interface PipelineContext {
  readonly state: FakeState;
  readonly faults: FaultInjector;
  readonly versions: readonly MountedVersion[];
  readonly apiKey: string;
  readonly cors: CorsPolicy;
  readonly deprecation: DeprecationPlan;
  readonly checkResponses: boolean;
  readonly log: RequestLogEntry[];
  /** Waits `ms` of real time; cancelled (resolves early) when the fake closes. */
  readonly sleep: (ms: number) => Promise<void>;
  /** A fresh id for the `x-request-id` header. */
  readonly nextRequestId: () => string;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/**
 * Serves one HTTP request: body → target → route → faults → auth → spec validation → handler → response check →
 * write. Every request gets an HTTP answer (a JSON error body for every failure, a 500 `fake bug` for a bug of the
 * fake itself), except the connection resets a test injects on purpose; nothing here throws to the caller.
 */
export async function handleRequest(context: PipelineContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const requestId = context.nextRequestId();
  // Every answer carries one, errors and injected faults included, so a client can name the request that failed
  // (the unified client reads `x-request-id` into its errors).
  res.setHeader("x-request-id", requestId);
  for (const [name, value] of Object.entries(context.cors.headersFor(req.headers.origin))) res.setHeader(name, value);
  const logEntry: Mutable<Omit<RequestLogEntry, "status">> = { version: undefined, method, path: (req.url ?? "").split("?")[0] ?? "", route: undefined, requestId };
  const finish = (status: number | "reset"): void => {
    context.log.push({ ...logEntry, status });
    keepNewest(context.log, FAKE_LIMITS.maxLoggedRequests);
  };
  try {
    await servePipeline(context, req, res, method, logEntry, finish);
  } catch (error) {
    if (res.headersSent || req.socket.destroyed) {
      res.destroy();
      return finish("reset");
    }
    const message = error instanceof Error ? error.message : String(error);
    writeJson(res, 500, errorBody(500, "internal_error", `fake bug: ${message}`));
    finish(500);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

async function servePipeline(
  context: PipelineContext,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  logEntry: Mutable<Omit<RequestLogEntry, "status">>,
  finish: (status: number | "reset") => void,
): Promise<void> {
  let rawBody: string;
  try {
    rawBody = await readBody(req);
  } catch (error) {
    if (!(error instanceof FakeApiError)) {
      // The client went away mid-body: there is nobody left to answer.
      req.socket.destroy();
      return finish("reset");
    }
    writeJson(res, error.status, error.toBody(), error.headers);
    return finish(error.status);
  }

  let url: RequestTarget;
  try {
    url = parseRequestTarget(req.url);
  } catch (error) {
    if (!(error instanceof FakeApiError)) throw error;
    writeJson(res, error.status, error.toBody(), error.headers);
    return finish(error.status);
  }
  logEntry.path = url.pathname;
  if (isPreflight(method, req.headers)) {
    // A browser asking whether it may send the real request: answered before auth (browsers send no token here),
    // and it moves no clock.
    const answer = context.cors.preflight(req.headers);
    if (answer.body) writeJson(res, answer.status, answer.body, answer.headers);
    else {
      res.writeHead(answer.status, answer.headers);
      res.end();
    }
    return finish(answer.status);
  }
  context.state.clock.onRequest();

  const mounted = context.versions
    .map((version) => ({ version, path: stripPrefix(url.pathname, version.prefix) }))
    .filter((m): m is { version: MountedVersion; path: string } => m.path !== undefined)
    .map((m) => ({ ...m, match: m.version.validator.match(method, m.path) }))
    .find((m) => m.match !== undefined);
  if (!mounted || mounted.match === undefined) {
    const roots = context.versions.map((v) => (v.version === "v1" ? "/api/v1/..." : `${v.prefix}/compute/...`)).join(" and ");
    writeJson(res, 404, errorBody(404, "not_found_error", `no route ${method} ${url.pathname}; the fake serves ${roots}`));
    return finish(404);
  }
  logEntry.version = mounted.version.version;
  if (mounted.match === "method-not-allowed") {
    writeJson(res, 405, errorBody(405, "invalid_request_error", `${method} is not allowed on ${url.pathname}`));
    return finish(405);
  }
  const operation = mounted.match;
  const route = `${operation.method} ${operation.pathTemplate}`;
  logEntry.route = route;
  // On every answer of a deprecated route, errors and injected faults included, as a real gateway would send them.
  for (const [name, value] of Object.entries(context.deprecation.headersFor(route))) res.setHeader(name, value);

  const fault = context.faults.take(route, `${method} ${url.pathname}`);
  if (fault?.latencyMs) await context.sleep(fault.latencyMs);
  if (fault && (fault.reset === "before" || fault.body === "non-json" || (fault.status !== undefined && fault.body === undefined))) {
    return finish(applyRefusingFault(fault, req, res));
  }

  const answer = serve(context, mounted.version, operation, {
    method,
    path: mounted.path,
    query: Object.fromEntries(groupQuery(url.searchParams)),
    headers: req.headers as Record<string, string | string[]>,
    rawBody,
  });

  if (fault?.reset === "after") {
    req.socket.destroy();
    return finish("reset");
  }
  const payload = JSON.stringify(answer.body);
  if (fault?.body === "truncated") {
    const bytes = Buffer.from(payload);
    res.writeHead(answer.status, { "content-type": "application/json", "content-length": String(bytes.length), ...answer.headers });
    // Half the body, then the connection drops: the client sees a premature close mid-body.
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => req.socket.destroy());
    return finish(answer.status);
  }
  writeRaw(res, answer.status, payload, answer.headers);
  finish(answer.status);
}

interface ServeInput {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string | string[]>;
  readonly headers: Record<string, string | string[]>;
  readonly rawBody: string;
}

function serve(context: PipelineContext, mounted: MountedVersion, operation: SpecOperation, input: ServeInput): Answer {
  try {
    if (operation.requiresAuth) checkBearer(input.headers.authorization, context.apiKey);
    const contentType = input.headers["content-type"];
    const body = parseJsonBody(input.rawBody, Array.isArray(contentType) ? contentType[0] : contentType);
    const problems = mounted.validator.validateRequest(operation, { ...input, body });
    if (problems.length > 0) {
      const summary = problems.map((p) => `${p.location} ${p.pointer || "(whole)"}: ${p.message}`).join("; ");
      throw new FakeApiError(400, "invalid_request_error", `invalid request to ${operation.method} ${operation.pathTemplate}: ${summary}`, {
        details: problems,
      });
    }
    const handler = mounted.handlers[operation.operationId];
    if (!handler) throw new FakeApiError(501, "internal_error", `the fake does not implement ${mounted.version} ${operation.operationId}`);
    const headers: Record<string, string> = {};
    const result = handler({ state: context.state, params: operation.params, query: input.query, body, setHeader: (name, value) => (headers[name] = value) });
    if (context.checkResponses) {
      const problems = mounted.validator.validateResponse(operation.operationId, 200, result);
      if (problems.length > 0) {
        throw new FakeApiError(500, "internal_error", `fake bug: ${mounted.version} ${operation.operationId} response breaks the spec: ${problems.join("; ")}`);
      }
    }
    return { status: 200, body: result, headers };
  } catch (error) {
    if (error instanceof FakeApiError) return { status: error.status, body: error.toBody(), headers: error.headers };
    const message = error instanceof Error ? error.message : String(error);
    return { status: 500, body: errorBody(500, "internal_error", `fake bug: ${message}`) };
  }
}

/** Applies a fault that answers instead of the handler; returns what was logged as the status. */
function applyRefusingFault(fault: FaultSpec, req: IncomingMessage, res: ServerResponse): number | "reset" {
  if (fault.reset === "before") {
    req.socket.destroy();
    return "reset";
  }
  const status = fault.status ?? 502;
  const headers: Record<string, string> = fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {};
  if (fault.body === "non-json") {
    writeRaw(res, status, `<html><body><h1>${status} Bad Gateway</h1></body></html>`, { ...headers, "content-type": "text/html" });
    return status;
  }
  const body: FakeErrorBody = errorBody(status, "fault_injected", `injected fault: ${status} for ${fault.route}`);
  writeJson(res, status, body, headers);
  return status;
}

function checkBearer(header: string | string[] | undefined, apiKey: string): void {
  const value = Array.isArray(header) ? header[0] : header;
  const unauthorized = (message: string) =>
    new FakeApiError(401, "authentication_error", message, { headers: { "www-authenticate": 'Bearer realm="together-fake"' } });
  if (value === undefined) throw unauthorized("missing Authorization header; send `Authorization: Bearer <api key>`");
  const match = /^Bearer\s+(.+)$/i.exec(value);
  if (!match) throw unauthorized("Authorization header must use the Bearer scheme: `Authorization: Bearer <api key>`");
  if (match[1] !== apiKey) throw unauthorized("invalid API key");
}

function stripPrefix(pathname: string, prefix: string): string | undefined {
  if (prefix === "") return pathname;
  return pathname === prefix || pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) || "/" : undefined;
}

function groupQuery(params: URLSearchParams): Map<string, string | string[]> {
  const grouped = new Map<string, string | string[]>();
  for (const [key, value] of params) {
    const existing = grouped.get(key);
    grouped.set(key, existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value]);
  }
  return grouped;
}

function writeJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  writeRaw(res, status, JSON.stringify(body), headers);
}

function writeRaw(res: ServerResponse, status: number, payload: string, headers: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)), ...headers });
  res.end(payload);
}
