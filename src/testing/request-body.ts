import type { IncomingMessage } from "node:http";
import { FakeApiError } from "./errors.js";
import { FAKE_LIMITS } from "./limits.js";

/** After a 413, how much more of the refused body is read and thrown away before the connection is dropped. */
const MAX_DISCARDED_BYTES = 16 * FAKE_LIMITS.maxBodyBytes;

/** The request body as text. Rejects with a 413 `FakeApiError` past the cap, or with the stream's own error. */
export function readBody(req: IncomingMessage): Promise<string> {
  const tooLarge = () => new FakeApiError(413, "invalid_request_error", `request body is larger than ${FAKE_LIMITS.maxBodyBytes} bytes`);
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > FAKE_LIMITS.maxBodyBytes) {
    discardRest(req, 0);
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > FAKE_LIMITS.maxBodyBytes) {
        req.off("data", onData);
        discardRest(req, size);
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * Reads and drops the rest of a refused body so the client can read the 413 before the connection closes (closing
 * while it still uploads makes most clients report a reset instead), but only up to a bound: an endless body is cut.
 */
function discardRest(req: IncomingMessage, alreadyRead: number): void {
  let size = alreadyRead;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_DISCARDED_BYTES) req.socket.destroy();
  });
  req.resume();
}

/** JSON media types: `application/json` and `application/*+json`, in any case, with parameters. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * Parses a JSON request body; `undefined` when there is none. A body that is not declared as JSON (any other or no
 * `Content-Type`, or a charset other than UTF-8) gets 415; one that does not parse gets 400.
 */
export function parseJsonBody(raw: string, contentType: string | undefined): unknown {
  if (raw === "") return undefined;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "")?.[1];
  if (contentType === undefined || !JSON_MEDIA_TYPE.test(contentType) || (charset !== undefined && !/^utf-?8$/i.test(charset))) {
    const got = contentType === undefined ? "no Content-Type" : `Content-Type ${JSON.stringify(contentType.slice(0, 100))}`;
    throw new FakeApiError(415, "invalid_request_error", `request body must be JSON sent with Content-Type: application/json; got ${got}`, {
      details: [{ location: "header", pointer: "/content-type", message: "must be application/json" }],
    });
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new FakeApiError(400, "invalid_request_error", `request body is not valid JSON: ${(error as Error).message}`, {
      details: [{ location: "body", pointer: "", message: "not valid JSON" }],
    });
  }
}
