/**
 * A lean hand-written reference, not a product: the same work this client's
 * v2 path must do (bearer header, a per-attempt timeout signal, JSON parse,
 * the unified mapping) straight over fetch, without openapi-fetch or the
 * transport. Its margin over raw fetch shows how much of the client's
 * overhead the required work explains and how much is plumbing.
 */
import type { ResponseInfo } from "../../src/errors.js";
import type { BuiltClient } from "../lib/built-client.js";
import { BENCH_CLUSTER_ID, clusterPaths } from "../fixtures/cluster-bodies.js";
import { type Contender, expectClusterId } from "./contender.js";

const name = "reference: fetch + timeout signal + clusterFromV2 (v2)";
const signalOnlyName = "reference: fetch + timeout signal, no mapping (v2)";

/**
 * Raw fetch plus only the per-attempt timeout (a fresh AbortController and timer per call), then `.json()`: the price
 * of handing undici a signal, which every client with per-attempt timeouts over fetch pays.
 */
export const signalOnlyReference: Contender = {
  name: signalOnlyName,
  apiVersion: "v2",
  baseline: false,
  create: (origin, fetchImpl) => {
    const url = origin + clusterPaths.v2;
    const headers = { authorization: "Bearer bench-api-key" };
    return async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 60_000);
      try {
        return (await (await fetchImpl(url, { headers, signal: controller.signal })).json()) as unknown;
      } finally {
        clearTimeout(timer);
      }
    };
  },
  check: (result) => expectClusterId(signalOnlyName, (result as { cluster_id?: unknown }).cluster_id, BENCH_CLUSTER_ID),
};

/** The reference contender (v2), mapping with the built client's clusterFromV2. */
export function leanReference(client: BuiltClient): Contender {
  const { clusterFromV2 } = client.mappingsV2;
  return {
    name,
    apiVersion: "v2",
    baseline: false,
    create: (origin, fetchImpl) => {
      const url = origin + clusterPaths.v2;
      const headers = { authorization: "Bearer bench-api-key", accept: "application/json", "user-agent": "bench" };
      return async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 60_000);
        try {
          const response = await fetchImpl(url, { headers, signal: controller.signal });
          const text = await response.text();
          const info: ResponseInfo = { status: response.status, requestId: response.headers.get("x-request-id") ?? undefined };
          if (!response.ok) {
            throw new Error(`${name}: HTTP ${response.status}`);
          }
          return clusterFromV2(info, JSON.parse(text), "");
        } finally {
          clearTimeout(timer);
        }
      };
    },
    check: (result) => expectClusterId(name, (result as { cluster_id?: unknown }).cluster_id, BENCH_CLUSTER_ID),
  };
}
