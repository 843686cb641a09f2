/**
 * In-process fetch for the library-overhead benchmark: no socket, no parser,
 * just a fresh Response over prebuilt bytes. What a contender costs above raw
 * fetch over this stub is pure library code.
 */
import { clusterBodyBytes, clusterPaths } from "../fixtures/cluster-bodies.js";
import type { FetchLike } from "./contender.js";

const jsonHeaders = { "content-type": "application/json" } as const;
const notFound = new TextEncoder().encode(JSON.stringify({ error: { message: "not found" } }));
const bodies = {
  v1: new Uint8Array(clusterBodyBytes.v1),
  v2: new Uint8Array(clusterBodyBytes.v2),
} as const;

function urlOf(input: Parameters<FetchLike>[0]): string {
  if (typeof input === "string") {
    return input;
  }
  return input instanceof URL ? input.href : input.url;
}

/** Origin handed to contenders on the stub: loopback, so clients that refuse plain http elsewhere accept it; never dialled. */
export const STUB_ORIGIN = "http://127.0.0.1:9";

/** A fetch that answers the two bench GET paths with their bytes and anything else with 404. */
export const stubFetch: FetchLike = async (input) => {
  const url = urlOf(input);
  // A Response body can be read once, so each call wraps the same bytes anew.
  const body = url.endsWith(clusterPaths.v2) ? bodies.v2 : url.endsWith(clusterPaths.v1) ? bodies.v1 : undefined;
  return new Response(body ?? notFound, { status: body ? 200 : 404, headers: jsonHeaders });
};
