import type { IncomingHttpHeaders } from "node:http";
import { errorBody, type FakeErrorBody } from "./errors.js";

/**
 * Which browser origins may call the fake: `"loopback"` (default: pages served from `localhost`, `127.0.0.1` or
 * `[::1]` on any port, http or https), `"*"` (any page), or a list of exact origins such as `"http://localhost:5173"`.
 */
export type CorsOrigins = "loopback" | "*" | readonly string[];

/** Response headers a page may read: the request id, the retry and poll hints, and the deprecation signals. */
const EXPOSED_HEADERS = ["x-request-id", "retry-after", "retry-after-ms", "deprecation", "sunset", "link", "www-authenticate"].join(", ");
const ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
/** What a preflight is told when it names no headers, or names them in a way that is not a plain token list. */
const DEFAULT_ALLOWED_HEADERS = "authorization, content-type, accept";
const TOKEN_LIST = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*$/;
/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = "600";

/** What the fake answers a preflight with. */
export interface PreflightAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: FakeErrorBody | undefined;
}

/** The fake's CORS policy: headers for every answer, and the answer to a preflight. */
export class CorsPolicy {
  readonly #origins: CorsOrigins;

  constructor(origins: CorsOrigins = "loopback") {
    if (Array.isArray(origins)) {
      for (const origin of origins) {
        if (typeof origin !== "string" || !isOrigin(origin)) {
          throw new TypeError(`startFakeApi: corsOrigins entries must be origins such as "http://localhost:5173", got ${JSON.stringify(origin)}`);
        }
      }
    } else if (origins !== "loopback" && origins !== "*") {
      throw new TypeError(`startFakeApi: corsOrigins must be "loopback", "*" or a list of origins, got ${JSON.stringify(origins)}`);
    }
    this.#origins = origins;
  }

  /** Whether a page at `origin` may read the fake's answers. */
  allows(origin: string): boolean {
    if (this.#origins === "*") return true;
    if (this.#origins === "loopback") return isLoopbackOrigin(origin);
    return this.#origins.includes(origin);
  }

  /** Headers for any answer to a request from `origin` (none for requests without one, e.g. from Node). */
  headersFor(origin: string | undefined): Record<string, string> {
    if (origin === undefined || !this.allows(origin)) return { vary: "Origin" };
    return { "access-control-allow-origin": origin, "access-control-expose-headers": EXPOSED_HEADERS, vary: "Origin" };
  }

  /** The answer to a CORS preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`). */
  preflight(headers: IncomingHttpHeaders): PreflightAnswer {
    const origin = headers.origin ?? "";
    const vary = { vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers" };
    if (!this.allows(origin)) {
      const message = `origin ${JSON.stringify(origin)} may not call the fake; pass startFakeApi({ corsOrigins: [${JSON.stringify(origin)}] }) to allow it`;
      return { status: 403, headers: vary, body: errorBody(403, "invalid_request_error", message) };
    }
    const requested = headers["access-control-request-headers"];
    return {
      status: 204,
      headers: {
        ...vary,
        "access-control-allow-origin": origin,
        "access-control-allow-methods": ALLOWED_METHODS,
        "access-control-allow-headers": requested !== undefined && TOKEN_LIST.test(requested) ? requested : DEFAULT_ALLOWED_HEADERS,
        "access-control-max-age": PREFLIGHT_MAX_AGE_S,
        ...(headers["access-control-request-private-network"] === "true" ? { "access-control-allow-private-network": "true" } : {}),
      },
    };
  }
}

/** Whether a request is a CORS preflight rather than an `OPTIONS` call of the API. */
export function isPreflight(method: string, headers: IncomingHttpHeaders): boolean {
  return method === "OPTIONS" && headers.origin !== undefined && headers["access-control-request-method"] !== undefined;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value;
  } catch {
    return false;
  }
}

function isLoopbackOrigin(origin: string): boolean {
  if (!isOrigin(origin)) return false;
  const { hostname } = new URL(origin);
  return hostname === "localhost" || hostname === "[::1]" || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}
