import { inspect } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import {
  AbortedError,
  AmbiguousCreateError,
  ConnectionError,
  createClient,
  InvalidResponseError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
  type ClientOptions,
} from "../../src/index.js";
import { createInput, v2ClusterWire } from "./fixtures.js";
import { startLoopback, type Handler, type Loopback, type Reply } from "./helpers/loopback.js";

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Handler): Promise<Loopback> {
  const server = await startLoopback(handler);
  servers.push(server);
  return server;
}

const fast = { retry: { initialDelayMs: 1, maxDelayMs: 2 } } satisfies Partial<ClientOptions>;
const KEY = "sk-super-secret-key-123";

function v2(server: Loopback, extra: Partial<ClientOptions> = {}) {
  return createClient({ apiVersion: "v2", apiKey: KEY, baseUrl: server.url, ...fast, ...extra });
}

function sequence(...replies: Reply[]): Handler {
  return () => replies.shift() ?? { status: 599, json: { message: "no more replies" } };
}

describe("retries", () => {
  test("GET is retried on 503 and 429, then succeeds", async () => {
    const server = await serve(sequence({ status: 503, text: "busy" }, { status: 429, json: {}, headers: { "retry-after": "0" } }, { json: v2ClusterWire }));
    expect((await v2(server).clusters.get("c-1")).cluster_id).toBe("c-1");
    expect(server.requests.map((r) => r.method)).toEqual(["GET", "GET", "GET"]);
  });
  test("a 500 on a GET is retried, as the Stainless SDKs do; a 501 is final", async () => {
    const flaky = await serve(sequence({ status: 500, json: { message: "boom" } }, { json: v2ClusterWire }));
    expect((await v2(flaky).clusters.get("c-1")).cluster_id).toBe("c-1");
    expect(flaky.requests).toHaveLength(2);
    const never = await serve(() => ({ status: 501, json: { message: "not implemented" } }));
    await expect(v2(never).clusters.get("c-1")).rejects.toBeInstanceOf(ServerError);
    expect(never.requests).toHaveLength(1);
  });
  test("maxRetries bounds the attempts and the last error surfaces typed", async () => {
    const server = await serve(() => ({ status: 429, json: { message: "slow down" }, headers: { "retry-after-ms": "1" } }));
    await expect(v2(server, { maxRetries: 3 }).clusters.list()).rejects.toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(4);
  });
  test("PUT and DELETE are retried; POST (create) is sent once and a 503 is reported as ambiguous", async () => {
    const server = await serve(sequence({ status: 502, text: "" }, { json: { cluster_id: "c-1" } }, { status: 503, text: "<html>busy</html>" }));
    await expect(v2(server).clusters.delete("c-1")).resolves.toEqual({ cluster_id: "c-1" });
    const error = await v2(server).clusters.create(createInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousCreateError);
    expect((error as AmbiguousCreateError).cause).toBeInstanceOf(ServerError);
    expect((error as Error).message).toMatch(/may or may not have succeeded.*The cluster may exist/);
    expect(server.requests.map((r) => r.method)).toEqual(["DELETE", "DELETE", "POST"]);
  });
  test("a dropped connection is retried for GET", async () => {
    const server = await serve(sequence({ destroy: true }, { json: { clusters: [] } }));
    await expect(v2(server).clusters.list()).resolves.toEqual([]);
    expect(server.requests).toHaveLength(2);
  });
  test("create over a dropped connection is ambiguous and not re-sent", async () => {
    const server = await serve(() => ({ destroy: true }));
    await expect(v2(server).clusters.create(createInput)).rejects.toBeInstanceOf(AmbiguousCreateError);
    expect(server.requests).toHaveLength(1);
  });
  test("create to a port nobody listens on is a plain ConnectionError (certainly not created)", async () => {
    const server = await serve(() => ({}));
    const url = server.url;
    await server.close();
    servers.length = 0;
    const client = createClient({ apiVersion: "v2", apiKey: KEY, baseUrl: url, ...fast });
    const error = await client.clusters.create(createInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});

describe("timeouts, deadline and abort", () => {
  test("a slow attempt times out with TimeoutError", async () => {
    const server = await serve(() => ({ json: { clusters: [] }, delayMs: 2_000 }));
    await expect(v2(server, { timeoutMs: 50, maxRetries: 0 }).clusters.list()).rejects.toBeInstanceOf(TimeoutError);
  });
  test("a retry whose wait would pass the deadline is not made: the call ends at once with the server's answer", async () => {
    const server = await serve(() => ({ status: 429, json: { message: "slow down" }, headers: { "retry-after": "3" } }));
    const started = Date.now();
    const error = await v2(server, { deadlineMs: 2_000, maxRetries: 5 }).clusters.list().catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3_000 });
    expect((error as Error).message).toMatch(/^GET \/compute\/clusters \(1 attempt\): /);
    expect(server.requests).toHaveLength(1);
  });
  test("an attempt that timed out, with no time left for a retry, ends the call with that attempt's timeout", async () => {
    const server = await serve(() => ({ json: { clusters: [] }, delayMs: 2_000 }));
    const error = await v2(server, { timeoutMs: 100, deadlineMs: 400, maxRetries: 5, retry: { initialDelayMs: 500, maxDelayMs: 500 } }).clusters.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100 });
    expect((error as Error).message).toBe("GET /compute/clusters (1 attempt): Request attempt timed out after 100 ms");
  });
  test("a per-call deadlineMs overrides the client's, and a deadline that does pass mid-attempt says so", async () => {
    const busy = await serve(() => ({ status: 503, json: {}, headers: { "retry-after": "30" } }));
    const answered = await v2(busy, { maxRetries: 5 }).clusters.list(undefined, { deadlineMs: 200 }).catch((e: unknown) => e);
    expect(answered).toMatchObject({ status: 503, retryAfterMs: 30_000 });
    const slow = await serve(() => ({ json: { clusters: [] }, delayMs: 2_000 }));
    await expect(v2(slow, { maxRetries: 5 }).clusters.list(undefined, { deadlineMs: 200 })).rejects.toThrow("GET /compute/clusters (1 attempt): Deadline of 200 ms exceeded");
  });
  test("an already-aborted signal sends nothing", async () => {
    const server = await serve(() => ({ json: { clusters: [] } }));
    const controller = new AbortController();
    controller.abort(new Error("user gave up"));
    const error = await v2(server).clusters.list(undefined, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect((error as AbortedError).cause).toEqual(new Error("user gave up"));
    expect(server.requests).toHaveLength(0);
  });
  test("abort cancels a retry wait", async () => {
    const server = await serve(() => ({ status: 503, json: {}, headers: { "retry-after": "30" } }));
    const controller = new AbortController();
    const pending = v2(server, { maxRetries: 5 }).clusters.list(undefined, { signal: controller.signal });
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    expect(server.requests).toHaveLength(1);
  });
  test("abort cancels an in-flight request", async () => {
    const server = await serve(() => ({ json: { clusters: [] }, delayMs: 5_000 }));
    const controller = new AbortController();
    const pending = v2(server).clusters.list(undefined, { signal: controller.signal });
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });
});

describe("bad answers become typed errors with status and request id", () => {
  const rid = { "x-request-id": "rid-42" };
  test.each([
    ["non-JSON 200", { text: "OK", headers: rid }, /got text that is not JSON/],
    ["HTML 200", { text: "<!doctype html><p>hi</p>", headers: rid }, /got an HTML\/XML page/],
    ["empty 200", { text: "", headers: rid }, /empty body/],
    ["whitespace 200", { text: "  \n", headers: rid }, /got an empty body/],
    ["200 missing required fields", { json: { cluster_id: "c" }, headers: rid }, /\/status should be a string but is nothing/],
    ["200 with a wrong type", { json: { ...v2ClusterWire, num_gpus: "eight" }, headers: rid }, /\/num_gpus should be a number but is string/],
    ["200 with an array body", { json: [], headers: rid }, /body should be an object but is an array/],
  ])("%s → InvalidResponseError", async (_name, reply, message) => {
    const server = await serve(() => reply);
    const error = await v2(server).clusters.get("c").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, requestId: "rid-42" });
    expect((error as Error).message).toMatch(message);
  });
  test("an HTML 502 page becomes ServerError carrying the text", async () => {
    const server = await serve(() => ({ status: 502, text: "<html>Bad Gateway</html>", headers: rid }));
    const error = await v2(server, { maxRetries: 0 }).clusters.get("c").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, requestId: "rid-42", body: "<html>Bad Gateway</html>" });
  });
  test("a truncated body becomes a ConnectionError, not a TypeError", async () => {
    const server = await serve(() => ({ json: v2ClusterWire, truncate: true }));
    await expect(v2(server, { maxRetries: 0 }).clusters.get("c")).rejects.toBeInstanceOf(ConnectionError);
  });
});

describe("secrets", () => {
  test("the API key appears in no error message, property, stack or inspect output, even when the server echoes it", async () => {
    const server = await serve(() => ({ status: 401, json: { message: `invalid key ${KEY}`, key: KEY }, headers: { "x-request-id": "r" } }));
    const client = v2(server);
    const errors: unknown[] = [];
    errors.push(await client.clusters.list().catch((e: unknown) => e));
    errors.push(await client.clusters.create({ ...createInput, num_gpus: 3 }).catch((e: unknown) => e));
    const dead = createClient({ apiVersion: "v2", apiKey: KEY, baseUrl: "http://127.0.0.1:1", maxRetries: 0 });
    errors.push(await dead.clusters.list().catch((e: unknown) => e));
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      const text = `${inspect(error, { depth: 10, showHidden: true })} ${(error as Error).stack} ${JSON.stringify(error)}`;
      expect(text).not.toContain(KEY);
    }
    expect((errors[0] as Error).message).toContain("invalid key [redacted]");
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(KEY);
    expect(JSON.stringify(client)).not.toContain(KEY);
  });
  test("kube_config is readable but not printed or serialized", async () => {
    const server = await serve(() => ({ json: v2ClusterWire }));
    const cluster = await v2(server).clusters.get("c-1");
    expect(cluster.kube_config).toContain("SECRET-KUBE");
    expect(inspect(cluster, { depth: 10 })).not.toContain("SECRET-KUBE");
    expect(JSON.stringify(cluster)).not.toContain("SECRET-KUBE");
    expect({ ...cluster }).not.toHaveProperty("kube_config");
  });
  test("plain http is refused off loopback, and a missing key or bad version is a ValidationError", () => {
    expect(() => createClient({ apiVersion: "v2", apiKey: KEY, baseUrl: "http://api.example.com" })).toThrow(/plain http is allowed only for loopback/);
    expect(() => createClient({ apiVersion: "v2", apiKey: "", baseUrl: "https://x" })).toThrow(ValidationError);
    expect(() => createClient({ apiVersion: "v3" as "v2", apiKey: KEY })).toThrow(/apiVersion: must be "v1" or "v2", got "v3"/);
    expect(() => createClient({ apiVersion: "v2", apiKey: KEY, baseUrl: "not a url" })).toThrow(/baseUrl: is not a URL/);
    expect(() => createClient({ apiVersion: "v2", apiKey: KEY, timeoutMs: -1, maxRetries: 1.5 })).toThrow(
      "timeoutMs: must be a number of ms above 0 and at most 2147483647 (2^31-1, the largest timer), got -1; maxRetries: must be a non-negative integer, got 1.5",
    );
  });
  test("a 303 after a PUT is followed with a GET without body or content-type", async () => {
    const server = await serve((req) => (req.method === "PUT" ? { status: 303, headers: { location: "/compute/clusters/c-1" } } : { json: v2ClusterWire }));
    expect((await v2(server).clusters.update("c-1", { num_gpus: 8 })).cluster_id).toBe("c-1");
    expect(server.requests.map((r) => [r.method, r.path, r.body, r.headers["content-type"]])).toEqual([
      ["PUT", "/compute/clusters/c-1", '{"num_gpus":8}', "application/json"],
      ["GET", "/compute/clusters/c-1", "", undefined],
    ]);
  });
  test("the key follows a same-origin redirect but is not forwarded to another origin", async () => {
    const other = await serve(() => ({ json: { clusters: [] } }));
    const origin = await serve((req) =>
      req.path === "/compute/clusters"
        ? { status: 307, headers: { location: "/moved/compute/clusters" } }
        : { status: 302, headers: { location: `${other.url}/compute/clusters` } },
    );
    await expect(v2(origin).clusters.list()).resolves.toEqual([]);
    expect(origin.requests.map((r) => [r.path, r.headers["authorization"]])).toEqual([
      ["/compute/clusters", `Bearer ${KEY}`],
      ["/moved/compute/clusters", `Bearer ${KEY}`],
    ]);
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0]!.headers["authorization"]).toBeUndefined();
  });
});
