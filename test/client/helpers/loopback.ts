/**
 * A tiny real HTTP server on 127.0.0.1 (port 0) for client tests: records every request (method, path, query,
 * headers, body) and answers with whatever the scripted handler returns.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  readonly method: string;
  /** Raw request target, e.g. `/compute/clusters/a%2Fb?x=1`. */
  readonly url: string;
  /** Path without the query, still percent-encoded. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** Parsed body, or undefined when the body is empty or not JSON. */
  readonly json: unknown;
}

export interface Reply {
  readonly status?: number;
  readonly json?: unknown;
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait this long before answering (for timeout tests). */
  readonly delayMs?: number;
  /** Drop the connection without answering. */
  readonly destroy?: boolean;
  /** Send headers promising more body than is sent, then drop the connection. */
  readonly truncate?: boolean;
}

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

export interface Loopback {
  readonly url: string;
  readonly requests: RecordedRequest[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startLoopback(initial: Handler = () => ({ status: 404, json: { message: "no handler" } })): Promise<Loopback> {
  let handler = initial;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const target = req.url ?? "/";
      const q = target.indexOf("?");
      let json: unknown;
      try {
        json = body === "" ? undefined : JSON.parse(body);
      } catch {
        json = undefined;
      }
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: target,
        path: q === -1 ? target : target.slice(0, q),
        query: new URLSearchParams(q === -1 ? "" : target.slice(q + 1)),
        headers: req.headers,
        body,
        json,
      };
      requests.push(recorded);
      void Promise.resolve(handler(recorded)).then((reply) => answer(res, reply));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (next) => {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function answer(res: ServerResponse, reply: Reply): void {
  const send = () => {
    if (res.destroyed) return;
    if (reply.destroy) {
      res.socket?.destroy();
      return;
    }
    const text = reply.text ?? (reply.json === undefined ? "" : JSON.stringify(reply.json));
    const headers: Record<string, string> = { "content-type": reply.json === undefined ? "text/plain" : "application/json", ...reply.headers };
    if (reply.truncate) {
      res.writeHead(reply.status ?? 200, { ...headers, "content-length": String(Buffer.byteLength(text) + 100) });
      res.write(text);
      setTimeout(() => res.socket?.destroy(), 10);
      return;
    }
    res.writeHead(reply.status ?? 200, headers);
    res.end(text);
  };
  if (reply.delayMs) setTimeout(send, reply.delayMs);
  else send();
}
