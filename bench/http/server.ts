/**
 * Loopback API server for the per-call benchmark, run in its own process
 * (see start-server.ts) so that its CPU time lands on the other core instead
 * of inside the contenders' measurements.
 *
 * Serves the prebuilt cluster bytes for the v2 and v1 GET paths, with
 * keep-alive, and 404 for anything else so a contender that builds a wrong
 * URL fails its sanity check instead of being timed.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { clusterBodyBytes, clusterPaths } from "../fixtures/cluster-bodies.js";

const routes = new Map<string, Buffer>([
  [clusterPaths.v2, clusterBodyBytes.v2],
  [clusterPaths.v1, clusterBodyBytes.v1],
]);
const notFound = Buffer.from(JSON.stringify({ error: { message: "not found" } }));

const server = createServer((request, response) => {
  const body = request.method === "GET" ? routes.get(request.url ?? "") : undefined;
  response.writeHead(body ? 200 : 404, {
    "content-type": "application/json",
    "content-length": String((body ?? notFound).length),
  });
  response.end(body ?? notFound);
});
// Idle connections must survive the pauses between interleaved blocks.
server.keepAliveTimeout = 120_000;

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  if (process.send) {
    process.send({ port });
  } else {
    process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
  }
});
process.on("disconnect", () => server.close(() => process.exit(0)));
