/**
 * A real HTTP server on 127.0.0.1 that answers every request with whatever reply is planned next: any status, any
 * bytes, any headers. The property tests plan hostile replies and check what the client makes of them.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One planned answer. `body` is sent byte for byte; `contentLength` may lie to simulate a cut-off body. */
export interface HostileReply {
  readonly status: number;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Redirect target sent in `Location`, for 3xx replies. */
  readonly location?: string;
  /** Send only this many bytes of `body` (with the full Content-Length), then drop the connection. */
  readonly cutAfterBytes?: number;
}

export interface SeenRequest {
  readonly method: string;
  /** Raw request target as received (still percent-encoded). */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

export interface HostileServer {
  readonly url: string;
  readonly seen: SeenRequest[];
  /** Every following request gets `reply` (or `reply(request)`). */
  plan(reply: HostileReply | ((request: SeenRequest) => HostileReply)): void;
  close(): Promise<void>;
}

export async function startHostileServer(): Promise<HostileServer> {
  let planned: HostileReply | ((request: SeenRequest) => HostileReply) = { status: 500, body: "nothing planned" };
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const request = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers };
      seen.push(request);
      const reply = typeof planned === "function" ? planned(request) : planned;
      const bodiless = reply.status === 204 || reply.status === 304;
      const bytes = Buffer.from(bodiless ? "" : reply.body, "utf8");
      res.writeHead(reply.status, {
        ...(bodiless ? {} : { "content-length": String(bytes.length) }),
        ...(reply.location !== undefined ? { location: reply.location } : {}),
        ...reply.headers,
      });
      if (reply.cutAfterBytes !== undefined) {
        res.write(bytes.subarray(0, reply.cutAfterBytes), () => res.socket?.destroy());
        return;
      }
      res.end(bodiless ? undefined : bytes);
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
    seen,
    plan(reply) {
      planned = reply;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
