/**
 * What a user would pick instead of this client, each doing the same GET of
 * one cluster with a bearer token: openapi-fetch alone over the generated
 * `paths` of each version (the per-call reference: the stack this client is
 * built on, so ratios and overheads are what the client adds to it), raw fetch
 * (a reference row, no verdict) and the official together-ai SDK.
 */
import createOpenApiClient from "openapi-fetch";
import Together from "together-ai";
import { BENCH_CLUSTER_ID, clusterPaths } from "../fixtures/cluster-bodies.js";
import type { paths as V1Paths } from "../../generated/v1/schema.js";
import type { paths as V2Paths } from "../../generated/v2/schema.js";
import { type Contender, expectClusterId } from "./contender.js";

const API_KEY = "bench-api-key";
const headers = { authorization: `Bearer ${API_KEY}`, accept: "application/json" } as const;

function rawFetch(apiVersion: "v1" | "v2"): Contender {
  const name = `raw fetch (${apiVersion})`;
  return {
    name,
    apiVersion,
    baseline: false,
    create: (origin, fetchImpl) => {
      const url = origin + clusterPaths[apiVersion];
      return async () => {
        const response = await fetchImpl(url, { headers });
        if (!response.ok) {
          throw new Error(`${name}: HTTP ${response.status} from ${url}`);
        }
        return response.json();
      };
    },
    check: (result) => expectClusterId(name, (result as { cluster_id?: unknown }).cluster_id, BENCH_CLUSTER_ID),
  };
}

/** openapi-fetch over one version's generated `paths`, doing what the client's GET does on the wire. */
function openapiFetchAlone(apiVersion: "v1" | "v2"): Contender {
  const name = `openapi-fetch alone (${apiVersion})`;
  return {
    name,
    apiVersion,
    baseline: true,
    create: (origin, fetchImpl) => {
      const get =
        apiVersion === "v2"
          ? (() => {
              const client = createOpenApiClient<V2Paths>({ baseUrl: origin, fetch: fetchImpl, headers });
              return () => client.GET("/compute/clusters/{cluster_id}", { params: { path: { cluster_id: BENCH_CLUSTER_ID } } });
            })()
          : (() => {
              const client = createOpenApiClient<V1Paths>({ baseUrl: origin, fetch: fetchImpl, headers });
              return () => client.GET("/api/v1/gpu_cluster/{cluster_id}", { params: { path: { cluster_id: BENCH_CLUSTER_ID } } });
            })();
      return async () => {
        const result = await get();
        if (result.data === undefined) {
          throw new Error(`${name}: HTTP ${result.response.status} from ${result.response.url}`);
        }
        return result.data;
      };
    },
    check: (result) => expectClusterId(name, (result as { cluster_id?: unknown }).cluster_id, BENCH_CLUSTER_ID),
  };
}

const officialSdk: Contender = {
  name: "together-ai SDK beta.clusters.retrieve (v2)",
  apiVersion: "v2",
  baseline: false,
  create: (origin, fetchImpl) => {
    // Defaults otherwise (maxRetries 2, timeout 60 s), as a user would have them.
    const client = new Together({ apiKey: API_KEY, baseURL: origin, fetch: fetchImpl });
    return () => client.beta.clusters.retrieve(BENCH_CLUSTER_ID);
  },
  check: (result) => expectClusterId("together-ai SDK", (result as { cluster_id?: unknown }).cluster_id, BENCH_CLUSTER_ID),
};

/** openapi-fetch alone for both versions (the baselines), raw fetch (reference rows) and the official SDK. */
export const peerContenders: readonly Contender[] = [openapiFetchAlone("v2"), rawFetch("v2"), officialSdk, openapiFetchAlone("v1"), rawFetch("v1")];
