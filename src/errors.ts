/**
 * One error hierarchy for both API versions. Callers `catch (e) { if (e instanceof NotFoundError) … }`
 * whichever backend they talk to. No error carries request headers, so the API key never reaches a message,
 * a property or a stack; server-supplied text is scrubbed of the key before it is stored (see transport.ts).
 */
import type { ApiVersion, Cluster } from "./types.js";
import type { WaitObservation, WaitState } from "./wait.js";

/** Base class of every error this package throws. */
export class ClustersError extends Error {
  override name = "ClustersError";
}

/** Where an answer came from: status and request id, for support tickets. */
export interface ResponseInfo {
  readonly status: number;
  readonly requestId: string | undefined;
  /** The wait the answer asked for (`retry-after-ms` or `Retry-After`), when it sent one. */
  readonly retryAfterMs?: number | undefined;
}

/** Which request an error is about: put into every ApiError, TimeoutError and ConnectionError message. */
export interface RequestContext {
  readonly method: string;
  /** Path and query of the request (no origin: the base URL is the client's). */
  readonly path: string;
  /** Attempts made, retries included. */
  readonly attempts: number;
}

/** `GET /compute/clusters/c-1 (attempt 2)`: the prefix of an error message about a request. */
export function describeRequest(context: RequestContext | undefined): string {
  if (context === undefined) return "";
  return `${context.method} ${context.path} (${context.attempts} attempt${context.attempts === 1 ? "" : "s"}): `;
}

/** The server answered with a non-2xx status. `body` is the parsed JSON body, or the text when it was not JSON. */
export class ApiError extends ClustersError {
  override name = "ApiError";
  readonly status: number;
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly request: RequestContext | undefined;
  /**
   * How long the server asked the caller to wait before trying again (`Retry-After` / `retry-after-ms`, in ms), when
   * it said: set on a 429 or 503 that outlasted the retries, or whose wait would have passed the call's deadline.
   */
  readonly retryAfterMs: number | undefined;
  constructor(info: ResponseInfo, body: unknown, message?: string, request?: RequestContext) {
    super(message ?? describeRequest(request) + describeApiFailure(info, body));
    this.status = info.status;
    this.requestId = info.requestId;
    this.retryAfterMs = info.retryAfterMs;
    this.body = body;
    this.request = request;
  }
}
/** 400 / 422: the server refused the request as invalid. */
export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}
/** 401 / 403: missing, wrong or insufficient API key. */
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}
/** 404: no such cluster, volume or route. */
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}
/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends ApiError {
  override name = "ConflictError";
}
/** 429: too many requests; retried automatically for safe methods. */
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
}
/** 5xx: the server failed. */
export class ServerError extends ApiError {
  override name = "ServerError";
}

/** A 2xx answer that cannot be used: not JSON, truncated, empty, or missing required fields / wrong types. */
export class InvalidResponseError extends ClustersError {
  override name = "InvalidResponseError";
  readonly status: number;
  readonly requestId: string | undefined;
  /** JSON-pointer-like path of the offending field, when the problem is one field. */
  readonly path: string | undefined;
  constructor(info: ResponseInfo, problem: string, path?: string, options?: { cause?: unknown; request?: RequestContext }) {
    super(`${describeRequest(options?.request)}Unusable ${info.status} response${info.requestId ? ` (request id ${info.requestId})` : ""}: ${problem}`, options);
    this.status = info.status;
    this.requestId = info.requestId;
    this.path = path;
  }
}

/**
 * The answer's body exceeded `maxResponseBytes`. Reading stopped at the limit (memory stays bounded); the server did
 * get the request, so for a create this is as ambiguous as any other unusable answer.
 */
export class ResponseTooLargeError extends InvalidResponseError {
  override name = "ResponseTooLargeError";
  readonly maxResponseBytes: number;
  constructor(info: ResponseInfo, maxResponseBytes: number, request?: RequestContext) {
    super(info, `the body exceeds maxResponseBytes (${maxResponseBytes} bytes); reading stopped there`, undefined, { request });
    this.maxResponseBytes = maxResponseBytes;
  }
}

/** One problem found in caller input. */
export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `shared_volume.size_tib`; `""` for the whole input. */
  readonly path: string;
  readonly message: string;
}

/** Caller input was refused before any request was sent. */
export class ValidationError extends ClustersError {
  override name = "ValidationError";
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "));
    this.issues = issues;
  }
}

/** The request asks for something the selected API version cannot express. Nothing was sent. */
export class UnsupportedByVersionError extends ClustersError {
  override name = "UnsupportedByVersionError";
  readonly apiVersion: ApiVersion;
  /** What was asked for, e.g. `gpu_type L40_PCIE` or `volumes.update`. */
  readonly feature: string;
  constructor(apiVersion: ApiVersion, feature: string, detail: string) {
    super(`${feature} is not supported by API ${apiVersion}: ${detail}`);
    this.apiVersion = apiVersion;
    this.feature = feature;
  }
}

/**
 * The server could not be reached, or the connection broke before the whole answer arrived. When it broke while the
 * body was being read, `status` and `requestId` are those the response headers announced.
 */
export class ConnectionError extends ClustersError {
  override name = "ConnectionError";
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly request: RequestContext | undefined;
  constructor(message: string, options?: { cause?: unknown; response?: ResponseInfo; request?: RequestContext }) {
    super(describeRequest(options?.request) + message, options);
    this.status = options?.response?.status;
    this.requestId = options?.response?.requestId;
    this.request = options?.request;
  }
}

/**
 * The request certainly never reached the server: refused before sending (a port fetch blocks, a header value fetch
 * rejects) or the connection was never opened (refused, unknown host). Never ambiguous, even for a create.
 */
export class RequestNotSentError extends ConnectionError {
  override name = "RequestNotSentError";
  /** False for a refusal that another attempt would meet again (a blocked port, a bad header). */
  readonly retryable: boolean;
  constructor(message: string, options: { cause?: unknown; request?: RequestContext }, retryable: boolean) {
    super(message, options);
    this.retryable = retryable;
  }
}

/** A request attempt or the whole call ran out of time. */
export class TimeoutError extends ClustersError {
  override name = "TimeoutError";
  readonly timeoutMs: number;
  readonly request: RequestContext | undefined;
  constructor(message: string, timeoutMs: number, request?: RequestContext) {
    super(describeRequest(request) + message);
    this.timeoutMs = timeoutMs;
    this.request = request;
  }
}

/** The caller's `signal` aborted the call. `cause` is the signal's reason. */
export class AbortedError extends ClustersError {
  override name = "AbortedError";
  constructor(options?: { cause?: unknown }) {
    super("The call was aborted by its signal", options);
  }
}

/**
 * A create request failed in a way that leaves its outcome unknown (timeout, connection reset, 5xx after the body was
 * sent): the cluster may exist. The client never re-sends a create on its own; pass `{ recover: true }` to let it look first.
 */
export class AmbiguousCreateError extends ClustersError {
  override name = "AmbiguousCreateError";
  readonly cluster_name: string;
  /** When the create call began (a recovered cluster was created after this). */
  readonly startedAt: Date;
  constructor(clusterName: string, startedAt: Date, cause: unknown) {
    super(
      `Creating cluster "${clusterName}" may or may not have succeeded (${cause instanceof Error ? cause.message : String(cause)}). ` +
        "The cluster may exist: list clusters before creating again, or call create with { recover: true }.",
      { cause },
    );
    this.cluster_name = clusterName;
    this.startedAt = startedAt;
  }
}

/**
 * v1 answers create and update with only an id, so the client reads the full object back with a GET. This error means
 * the write succeeded but the read-back failed: the resource exists (see `resourceId`); `cause` says why the GET failed.
 */
export class ReadBackError extends ClustersError {
  override name = "ReadBackError";
  readonly resourceKind: "cluster" | "volume";
  readonly resourceId: string;
  constructor(resourceKind: "cluster" | "volume", resourceId: string, cause: unknown) {
    super(
      `The ${resourceKind} ${resourceId} was written, but reading it back failed (${cause instanceof Error ? cause.message : String(cause)}); get it again later`,
      { cause },
    );
    this.resourceKind = resourceKind;
    this.resourceId = resourceId;
  }
}

/** `waitForReady` gave up: the cluster failed, was deleted, or time ran out. `cluster` is the last state seen. */
export class WaitForReadyError extends ClustersError {
  override name = "WaitForReadyError";
  readonly cluster_id: string;
  readonly cluster: Cluster | undefined;
  /** Where the wait stood (serializable): pass it as `resume` to continue the wait. */
  readonly state: WaitState | undefined;
  /** Every status change the wait saw, oldest first. */
  readonly history: readonly WaitObservation[];
  /** GET requests the wait sent. */
  readonly requests: number;
  constructor(message: string, clusterId: string, cluster: Cluster | undefined, options?: { cause?: unknown; state?: WaitState }) {
    super(message, options);
    this.cluster_id = clusterId;
    this.cluster = cluster;
    this.state = options?.state;
    this.history = options?.state?.history ?? [];
    this.requests = options?.state?.requests ?? 0;
  }
}
/** The cluster reached a failed state while waiting. */
export class ClusterFailedError extends WaitForReadyError {
  override name = "ClusterFailedError";
}
/** The cluster is being deleted or no longer exists. */
export class ClusterDeletedError extends WaitForReadyError {
  override name = "ClusterDeletedError";
}
/** `timeoutMs` passed before the cluster became ready. */
export class WaitTimeoutError extends WaitForReadyError {
  override name = "WaitTimeoutError";
}

function describeApiFailure(info: ResponseInfo, body: unknown): string {
  const detail = messageOf(body);
  const id = info.requestId ? ` (request id ${info.requestId})` : "";
  return `${info.status} ${detail ?? "status code"}${id}`;
}

function messageOf(body: unknown): string | undefined {
  if (typeof body === "string") return body.length > 0 ? truncate(body) : undefined;
  if (body === null || typeof body !== "object") return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ["message", "error", "detail"]) {
    const value = record[key];
    if (typeof value === "string") return truncate(value);
    if (value !== null && typeof value === "object" && typeof (value as Record<string, unknown>)["message"] === "string") {
      return truncate((value as Record<string, string>)["message"] as string);
    }
  }
  return undefined;
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

const errorClassByStatus: Readonly<Record<number, typeof ApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: AuthenticationError,
  404: NotFoundError,
  409: ConflictError,
  422: BadRequestError,
  429: RateLimitError,
};

/** The only place where a non-2xx HTTP answer becomes a typed error. */
export function errorFromResponse(info: ResponseInfo, body: unknown, request?: RequestContext): ApiError {
  const ErrorClass = errorClassByStatus[info.status] ?? (info.status >= 500 ? ServerError : ApiError);
  return new ErrorClass(info, body, undefined, request);
}
