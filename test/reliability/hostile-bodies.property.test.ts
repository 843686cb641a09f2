/**
 * Property: whatever a server answers — any status, random text, random JSON, a valid cluster with fields dropped or
 * replaced by random JSON, a body cut short, an HTML page, nothing at all, or text quoting the API key — every client
 * call either returns a value (only for 2xx) or rejects with one of this package's errors that carries the answer's
 * status and request id. Nothing escapes as SyntaxError/TypeError, and neither the API key nor a kube_config shows up
 * in anything printed.
 */
import { inspect } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  ApiError,
  ClustersError,
  createClient,
  InvalidResponseError,
  ServerError,
  type ApiVersion,
  type Client,
} from "../../src/index.js";
import { v1ClusterWire, v2ClusterWire } from "../client/fixtures.js";
import { startHostileServer, type HostileReply, type HostileServer } from "./hostile-server.js";

const apiKey = "sk-reliability-SECRET-0123456789abcdef";
const kubeSecret = "SECRET-KUBE";
const wire: Record<ApiVersion, Readonly<Record<string, unknown>>> = { v1: v1ClusterWire, v2: v2ClusterWire };

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(async () => {
  await server.close();
});

const operations = {
  list: (client: Client) => client.clusters.list(),
  get: (client: Client) => client.clusters.get("c-1"),
  create: (client: Client) =>
    client.clusters.create({
      cluster_name: "train",
      region: "us-central-8",
      gpu_type: "H100_SXM",
      num_gpus: 8,
      cuda_version: "12.6",
      nvidia_driver_version: "560",
      billing_type: "RESERVED",
      duration_days: 1,
    }),
  update: (client: Client) => client.clusters.update("c-1", { num_gpus: 16 }),
  delete: (client: Client) => client.clusters.delete("c-1"),
} as const;

/** A valid wire cluster with some fields dropped and some replaced by random JSON. */
function mutatedCluster(version: ApiVersion): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(wire[version]);
  return fc
    .record({ drop: fc.subarray(keys), replace: fc.dictionary(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }) })
    .map(({ drop, replace }) => {
      const cluster: Record<string, unknown> = { ...wire[version] };
      for (const key of drop) delete cluster[key];
      return Object.assign(cluster, replace);
    });
}

function hostileBody(version: ApiVersion): fc.Arbitrary<string> {
  const cluster = mutatedCluster(version);
  return fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.json({ maxDepth: 3 }),
    cluster.map((c) => JSON.stringify(c)),
    cluster.map((c) => JSON.stringify({ clusters: [c] })),
    fc.tuple(cluster.map((c) => JSON.stringify(c)), fc.nat()).map(([text, cut]) => text.slice(0, cut % text.length)),
    fc.constant("<html><body><h1>502 Bad Gateway</h1></body></html>"),
    fc.constant(""),
    fc.constant("null"),
    fc.constantFrom(
      `{"message":"invalid key ${apiKey}"}`,
      `denied: Bearer ${apiKey}`,
      `{"cluster_id": 7, "cluster_name": "${apiKey}"}`,
      `{"cluster_id": "${apiKey}"`,
      JSON.stringify({ ...wire[version], num_gpus: apiKey }),
    ),
  );
}

const statuses = fc.constantFrom(200, 200, 200, 201, 204, 400, 401, 403, 404, 409, 418, 422, 429, 500, 502, 503);
const requestIds = fc.option(fc.stringMatching(/^[a-z0-9-]{1,24}$/), { nil: undefined });

/**
 * The error that carries the HTTP answer. Wrappers that add meaning (a create's ambiguity, a v1 write whose read-back
 * failed) keep the real failure as their `cause`.
 */
function answerError(error: unknown): unknown {
  let current = error;
  while (current instanceof ClustersError && !("status" in current) && current.cause instanceof ClustersError) current = current.cause;
  return current;
}

function printed(value: unknown): string {
  const error = value instanceof Error ? value : undefined;
  const causeStack = error?.cause instanceof Error ? (error.cause.stack ?? "") : "";
  return [inspect(value, { depth: null }), String(value), error?.stack ?? "", causeStack, safeJson(value)].join("\n");
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

describe.each(["v1", "v2"] as const)("hostile server bodies on %s", (version) => {
  test("never crash the client: a value for 2xx, otherwise a typed error with status and request id; no secret printed", async () => {
    const client = createClient({ apiVersion: version, apiKey, baseUrl: server.url, maxRetries: 0, timeoutMs: 5_000 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...(Object.keys(operations) as (keyof typeof operations)[])), statuses, hostileBody(version), requestIds, async (operation, status, body, requestId) => {
        server.plan({ status, body, headers: { "content-type": "application/json", ...(requestId !== undefined ? { "x-request-id": requestId } : {}) } });
        let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
        try {
          outcome = { ok: true, value: await operations[operation](client) };
        } catch (error) {
          outcome = { ok: false, error };
        }
        const is2xx = status >= 200 && status < 300;
        if (outcome.ok) {
          expect(is2xx, `a ${status} answer was accepted`).toBe(true);
          expect(printed(outcome.value)).not.toContain(kubeSecret);
        } else {
          expect(outcome.error, String(outcome.error)).toBeInstanceOf(ClustersError);
          const carrier = answerError(outcome.error);
          expect(carrier, String(outcome.error)).toBeInstanceOf(is2xx ? InvalidResponseError : ApiError);
          expect(carrier).toMatchObject({ status, requestId });
        }
        expect(printed(outcome.ok ? outcome.value : outcome.error)).not.toContain(apiKey);
      }),
      { numRuns: Number(process.env["RELIABILITY_HOSTILE_RUNS"] ?? 250) },
    );
  });
});

describe.each(["v1", "v2"] as const)("a body cut off mid-stream on %s", (version) => {
  test("becomes a typed error that still carries the status and request id the headers announced", async () => {
    const client = createClient({ apiVersion: version, apiKey, baseUrl: server.url, maxRetries: 0, timeoutMs: 5_000 });
    const body = JSON.stringify(wire[version]);
    server.plan({ status: 200, body, cutAfterBytes: Math.floor(body.length / 2), headers: { "content-type": "application/json", "x-request-id": "req-cut" } });
    const error = await client.clusters.get("c-1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClustersError);
    expect(error).toMatchObject({ status: 200, requestId: "req-cut" });
  });
});

describe.each(["v1", "v2"] as const)("retry-after-ms on %s", (version) => {
  function answerAfterOneRefusal(hint: string) {
    let calls = 0;
    server.plan((): HostileReply =>
      ++calls === 1
        ? { status: 503, body: '{"message":"busy"}', headers: { "retry-after-ms": hint, "retry-after": "0" } }
        : { status: 200, body: JSON.stringify(wire[version]), headers: { "content-type": "application/json" } },
    );
    return () => calls;
  }

  test("wins over Retry-After and is honoured: a deadline shorter than it ends the call without a retry", async () => {
    const calls = answerAfterOneRefusal("1000");
    const client = createClient({ apiVersion: version, apiKey, baseUrl: server.url, deadlineMs: 500, retry: { initialDelayMs: 1, maxDelayMs: 1 } });
    const error = await client.clusters.get("c-1").catch((e: unknown) => e);
    // The server's own answer ends the call (not a deadline that has not passed yet), with the wait it asked for.
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503, retryAfterMs: 1000 });
    expect(calls()).toBe(1);
  });

  test("is capped at maxRetryAfterMs: a 100 000 s hint is waited only up to the cap, then the retry succeeds", async () => {
    const calls = answerAfterOneRefusal("100000000");
    const client = createClient({ apiVersion: version, apiKey, baseUrl: server.url, retry: { initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 10 } });
    const cluster = await client.clusters.get("c-1");
    expect(cluster.cluster_id).toBe("c-1");
    expect(calls()).toBe(2);
  });
});
