/**
 * The loopback page the browser test loads: `/` is an HTML page that loads the consumer bundle, `/bundle.js` the
 * bundle. It is a different origin from the fake (another port), so the client's calls are real cross-origin
 * requests, answered by the fake's CORS policy (loopback pages allowed by default).
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface PageServer {
  readonly origin: string;
  close(): Promise<void>;
}

const page = `<!doctype html><meta charset="utf-8"><title>together-clusters in a browser</title><script type="module" src="/bundle.js"></script>`;

export async function startPageServer(bundlePath: string): Promise<PageServer> {
  const bundle = readFileSync(bundlePath);
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/") return void res.writeHead(200, { "content-type": "text/html" }).end(page);
    if (path === "/bundle.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
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
