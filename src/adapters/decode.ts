/**
 * Runs one unified call through the version's openapi-fetch client and turns its result into parsed JSON or a typed
 * error. Every answer of both adapters goes through here, so every one gets the same checks.
 */
import createFetchClient, { type Client as OpenApiClient, type Middleware } from "openapi-fetch";
import { deprecationMiddleware, reportDeprecation, type DeprecationReport } from "../deprecation.js";
import { ClustersError, errorFromResponse, InvalidResponseError, RequestNotSentError, type RequestContext, type ResponseInfo } from "../errors.js";
import { LeanRequest } from "../lean-request.js";
import { contextOf, newCallRecord, responseInfo, type CallOptions, type CallRecord, type Transport } from "../transport.js";

/** The parsed JSON of a 2xx answer, with where it came from for error messages. */
export interface Decoded {
  readonly json: unknown;
  readonly info: ResponseInfo;
}

/** openapi-fetch's client over one version's generated `paths`: what `client.raw` is. */
export type RawClient<Paths extends {}> = OpenApiClient<Paths>;

/** The openapi-fetch methods the adapters call, typed as openapi-fetch types them. */
export type UnifiedClient<Paths extends {}> = Pick<RawClient<Paths>, "GET" | "POST" | "PUT" | "DELETE">;

/** The openapi-fetch clients of one version: `raw` is `client.raw`, `unified` is what the adapters call. */
export interface VersionClients<Paths extends {}> {
  readonly raw: RawClient<Paths>;
  readonly unified: UnifiedClient<Paths>;
}

type Method = keyof UnifiedClient<{}>;

/**
 * Both clients run on the transport (their `fetch`) with the client's headers as defaults. While `raw.use` has added no
 * middleware, unified calls go through a second client that builds a {@link LeanRequest} instead of a WHATWG Request
 * and runs no middleware machinery (openapi-fetch's per-request id, frozen options and awaits), and their deprecation
 * headers are read here; once there is middleware, unified calls go through `raw` itself, so it sees every request and
 * `raw`'s {@link deprecationMiddleware} reports for both. Either way routes are named by the spec's path template.
 */
export function createVersionClients<Paths extends {}>(transport: Transport, headers: Readonly<Record<string, string>>, report: DeprecationReport | undefined): VersionClients<Paths> {
  const options = { baseUrl: transport.baseUrl, fetch: transport.fetch, headers };
  const raw = createFetchClient<Paths>(options);
  if (report !== undefined) raw.use(deprecationMiddleware(report));
  const lean = createFetchClient<Paths>({ ...options, Request: LeanRequest as unknown as typeof Request });
  // What raw.use added and raw.eject has not removed (openapi-fetch keeps its own list private).
  const userMiddleware: Middleware[] = [];
  const { use, eject } = raw;
  raw.use = (...middleware) => {
    for (const each of middleware) {
      use(each); // throws for what is not middleware, before it is counted
      if (each) userMiddleware.push(each);
    }
  };
  raw.eject = (...middleware) => {
    eject(...middleware);
    for (const each of middleware) {
      const at = userMiddleware.indexOf(each);
      if (at !== -1) userMiddleware.splice(at, 1);
    }
  };
  type Send = Record<Method, (path: string, init: unknown) => Promise<RawResult>>;
  const send =
    (method: Method) =>
    (path: string, init: unknown): Promise<RawResult> => {
      if (userMiddleware.length > 0) return (raw as unknown as Send)[method](path, init);
      const pending = (lean as unknown as Send)[method](path, init);
      if (report === undefined) return pending;
      return pending.then((result) => {
        reportDeprecation(report, method, path, result.response.headers);
        return result;
      });
    };
  const unified = { GET: send("GET"), POST: send("POST"), PUT: send("PUT"), DELETE: send("DELETE") } as unknown as UnifiedClient<Paths>;
  return { raw, unified };
}

/** What every unified call adds to openapi-fetch's options: the body as text (decoded here), its fetch, its headers. */
export interface CallInit {
  readonly parseAs: "text";
  readonly fetch: (request: Request) => Promise<Response>;
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** openapi-fetch's init admits any further RequestInit key. */
  readonly [key: string]: unknown;
}

/** What openapi-fetch resolves to, as far as decoding needs it. */
interface RawResult {
  readonly data?: unknown | undefined;
  readonly error?: unknown | undefined;
  readonly response: Response;
}

/** Options the facade passes along with the caller's: who wants to see each response (`withResponse`). */
export interface ObservedCallOptions extends CallOptions {
  readonly onResponse?: ((response: Response) => void) | undefined;
}

/** What a failed call's error says about its request (built only for errors). */
function requestContext(record: CallRecord, transport: Transport): RequestContext | undefined {
  return record.started ? contextOf(record, transport.baseUrl) : undefined;
}

/**
 * Sends one call (`run` makes the typed openapi-fetch call with `init` spread into its options) and decodes it:
 * parsed JSON of a 2xx answer; ApiError subclasses for non-2xx; InvalidResponseError for unusable bodies.
 */
export async function call(transport: Transport, options: ObservedCallOptions | undefined, run: (init: CallInit) => Promise<RawResult>): Promise<Decoded> {
  const record = newCallRecord();
  let result: RawResult;
  try {
    result = await run({ parseAs: "text", fetch: transport.fetchFor(options, record), headers: options?.headers });
  } catch (error) {
    // Before the transport started, the failure came from building the request (a header value fetch refuses).
    if (!record.started && !(error instanceof ClustersError)) {
      throw new RequestNotSentError(`Request refused before sending: ${error instanceof Error ? error.message : String(error)}`, { cause: error }, false);
    }
    throw error;
  }
  const { response } = result;
  options?.onResponse?.(response);
  const raw = responseInfo(response);
  const info: ResponseInfo = raw.requestId === undefined ? raw : { ...raw, requestId: transport.redactor.text(raw.requestId) };
  // Scrubbed again after parsing: a `\u`-escaped key is only recognizable once JSON.parse has decoded it.
  if (!response.ok) throw errorFromResponse(info, transport.redactor.value(result.error), requestContext(record, transport));
  const text = typeof result.data === "string" ? result.data : "";
  try {
    return { json: JSON.parse(text), info };
  } catch (cause) {
    const kind = !/\S/.test(text) ? "an empty body" : /^\s*</.test(text) ? "an HTML/XML page" : "text that is not JSON (or is truncated)";
    throw new InvalidResponseError(info, `got ${kind} where JSON was expected`, undefined, { cause, request: requestContext(record, transport) });
  }
}
