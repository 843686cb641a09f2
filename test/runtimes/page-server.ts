/**
 * The loopback page the browser test loads: `/` is an HTML page that loads the consumer bundle, `/bundle.js` the
 * bundle. Requests for the API paths (`/api/…` for v1, `/v1/…` for v2) are forwarded to the fake, so page and API
 * share one origin and the browser sends no CORS preflight.
 */
import { readFileSync } from "node:fs";
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface PageServer {
  readonly origin: string;
  close(): Promise<void>;
}

const page = `<!doctype html><meta charset="utf-8"><title>together-clusters in a browser</title><script type="module" src="/bundle.js"></script>`;

function forward(req: IncomingMessage, res: ServerResponse, target: URL): void {
  const upstream = request(new URL(req.url ?? "/", target), { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", () => res.destroy());
  req.pipe(upstream);
}

export async function startPageServer(bundlePath: string, fakeOrigin: string): Promise<PageServer> {
  const bundle = readFileSync(bundlePath);
  const target = new URL(fakeOrigin);
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/") return void res.writeHead(200, { "content-type": "text/html" }).end(page);
    if (path === "/bundle.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
    if (path?.startsWith("/api/") || path?.startsWith("/v1/")) return forward(req, res, target);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
