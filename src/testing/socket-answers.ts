import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import { errorBody, type FakeErrorBody } from "./errors.js";

/** Longest a client may take to send a request's headers / whole request before it gets a 408. */
const HEADERS_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * Answers the requests Node's HTTP server never hands to a request listener, so they too get an HTTP answer with a
 * JSON error body instead of a silently closed connection: unparsable requests (400), oversized headers (431), slow
 * senders (408) and `CONNECT` (405; the fake is no proxy).
 */
export function answerOutsideThePipeline(server: Server, nextRequestId: () => string): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    // The peer is gone: nobody to answer (Node's own advice for this listener).
    if (error.code === "ECONNRESET") return socket.destroy();
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    const reason = status === 431 ? "request headers are too large" : status === 408 ? "the request took too long to arrive" : `malformed HTTP request (${error.code ?? "parse error"})`;
    answerAndClose(socket, status, errorBody(status, "invalid_request_error", reason), nextRequestId());
  });
  server.on("connect", (_req, socket: Duplex) => {
    answerAndClose(socket, 405, errorBody(405, "invalid_request_error", "CONNECT is not allowed: the fake is not a proxy"), nextRequestId());
  });
}

const REASONS: Readonly<Record<number, string>> = { 400: "Bad Request", 405: "Method Not Allowed", 408: "Request Timeout", 431: "Request Header Fields Too Large" };

function answerAndClose(socket: Duplex, status: number, body: FakeErrorBody, requestId: string): void {
  // A reset peer, or a socket that already carries part of an answer, cannot take a clean one.
  const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (!socket.writable || started) {
    socket.destroy();
    return;
  }
  const payload = JSON.stringify(body);
  const headers = {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(payload)),
    "x-request-id": requestId,
    connection: "close",
  };
  const head = [`HTTP/1.1 ${status} ${REASONS[status] ?? ""}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join("\r\n");
  socket.end(`${head}\r\n\r\n${payload}`);
}
