/** This client, as built for publishing (bench/lib/built-client.ts), doing the same GET of one cluster through each version adapter. */
import type { BuiltClient } from "../lib/built-client.js";
import { BENCH_CLUSTER_ID } from "../fixtures/cluster-bodies.js";
import { CLIENT_V1, CLIENT_V2, type Contender, expectClusterId } from "./contender.js";

function clientContender(client: BuiltClient, name: string, apiVersion: "v1" | "v2"): Contender {
  return {
    name,
    apiVersion,
    baseline: false,
    create: (origin, fetchImpl) => {
      // Everything at its defaults (retries, timeout, fetch) except where the server is.
      const api = client.index.createClient({
        apiVersion,
        apiKey: "bench-api-key",
        baseUrl: origin,
        ...(fetchImpl === globalThis.fetch ? {} : { fetch: fetchImpl }),
      });
      return () => api.clusters.get(BENCH_CLUSTER_ID);
    },
    check: (result) => expectClusterId(name, (result as { cluster_id?: unknown }).cluster_id, BENCH_CLUSTER_ID),
  };
}

/** v2 and v1 adapters of the built client. */
export function clientContenders(client: BuiltClient): readonly Contender[] {
  return [clientContender(client, CLIENT_V2, "v2"), clientContender(client, CLIENT_V1, "v1")];
}
