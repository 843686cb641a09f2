/**
 * Turns an openapi-fetch result (always requested with `parseAs: "text"`) into parsed JSON or a typed error.
 * Shared by both adapters so every answer goes through the same checks.
 */
import { errorFromResponse, InvalidResponseError, type ResponseInfo } from "../errors.js";
import { responseInfo, type Transport } from "../transport.js";

/** The subset of an openapi-fetch result this module reads. */
export interface TextResult {
  readonly data?: string | undefined;
  readonly error?: unknown;
  readonly response: Response;
}

/** Parsed JSON body of a 2xx answer; throws ApiError subclasses for non-2xx and InvalidResponseError for unusable bodies. */
export function decodeJson(transport: Transport, result: TextResult): { readonly json: unknown; readonly info: ResponseInfo } {
  const info = responseInfo(result.response);
  if (!result.response.ok) throw errorFromResponse(info, redactBody(transport, result.error));
  const text = result.data;
  if (text === undefined) throw new InvalidResponseError(info, "empty body where JSON was expected");
  try {
    return { json: JSON.parse(text), info };
  } catch (cause) {
    const kind = !/\S/.test(text) ? "an empty body" : /^\s*</.test(text) ? "an HTML/XML page" : "text that is not JSON (or is truncated)";
    throw new InvalidResponseError(info, `got ${kind} where JSON was expected`, undefined, { cause });
  }
}

function redactBody(transport: Transport, body: unknown): unknown {
  if (typeof body === "string") return transport.redact(body);
  if (body === null || typeof body !== "object") return body;
  const text = JSON.stringify(body);
  const clean = transport.redact(text);
  return clean === text ? body : JSON.parse(clean);
}
