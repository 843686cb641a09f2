/**
 * Runs one unified call through the version's openapi-fetch client and turns its result into parsed JSON or a typed
 * error. Every answer of both adapters goes through here, so every one gets the same checks.
 */
import createFetchClient, { type Client as OpenApiClient } from "openapi-fetch";
import { ClustersError, errorFromResponse, InvalidResponseError, RequestNotSentError, type ResponseInfo } from "../errors.js";
import { contextOf, newCallRecord, responseInfo, type CallOptions, type Transport } from "../transport.js";

/** The parsed JSON of a 2xx answer, with where it came from for error messages. */
export interface Decoded {
  readonly json: unknown;
  readonly info: ResponseInfo;
}

/** openapi-fetch's client over one version's generated `paths`: what `client.raw` is. */
export type RawClient<Paths extends {}> = OpenApiClient<Paths>;

/** The openapi-fetch client of one version: the transport is its `fetch`, the client's headers its defaults. */
export function createRawClient<Paths extends {}>(transport: Transport, headers: Readonly<Record<string, string>>): RawClient<Paths> {
  return createFetchClient<Paths>({ baseUrl: transport.baseUrl, fetch: transport.fetch, headers });
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
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

/** Options the facade passes along with the caller's: who wants to see each response (`withResponse`). */
export interface ObservedCallOptions extends CallOptions {
  readonly onResponse?: (response: Response) => void;
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
  const info: ResponseInfo = raw.requestId === undefined ? raw : { status: raw.status, requestId: transport.redactor.text(raw.requestId) };
  const request = record.started ? contextOf(record, transport.baseUrl) : undefined;
  // Scrubbed again after parsing: a `\u`-escaped key is only recognizable once JSON.parse has decoded it.
  if (!response.ok) throw errorFromResponse(info, transport.redactor.value(result.error), request);
  const text = typeof result.data === "string" ? result.data : "";
  try {
    return { json: JSON.parse(text), info };
  } catch (cause) {
    const kind = !/\S/.test(text) ? "an empty body" : /^\s*</.test(text) ? "an HTML/XML page" : "text that is not JSON (or is truncated)";
    throw new InvalidResponseError(info, `got ${kind} where JSON was expected`, undefined, { cause, request });
  }
}
