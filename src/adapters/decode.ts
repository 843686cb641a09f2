/**
 * Turns a fully read answer into parsed JSON or a typed error. Every answer of both adapters goes through here, so
 * every one gets the same checks.
 */
import { errorFromResponse, InvalidResponseError, type ResponseInfo } from "../errors.js";
import { responseInfo, type Transport, type WireResponse } from "../transport.js";

/** The parsed JSON of a 2xx answer, with where it came from for error messages. */
export interface Decoded {
  readonly json: unknown;
  readonly info: ResponseInfo;
}

/** Parsed JSON body of a 2xx answer; throws ApiError subclasses for non-2xx and InvalidResponseError for unusable bodies. */
export function decodeJson(transport: Transport, response: WireResponse): Decoded {
  const info = responseInfo(response);
  const { text } = response;
  // Scrubbed before parsing: servers may echo the request, key included; "[redacted]" keeps JSON valid inside a string.
  if (!response.ok) throw errorFromResponse(info, parseErrorBody(transport.redact(text)));
  // An empty body (a 204 included) fails to parse like any other unusable text and is named as such below.
  try {
    return { json: JSON.parse(text), info };
  } catch (cause) {
    const kind = !/\S/.test(text) ? "an empty body" : /^\s*</.test(text) ? "an HTML/XML page" : "text that is not JSON (or is truncated)";
    throw new InvalidResponseError(info, `got ${kind} where JSON was expected`, undefined, { cause });
  }
}

/** An error answer's body: its JSON when it parses, else the text as sent (HTML error pages, plain text). */
function parseErrorBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
