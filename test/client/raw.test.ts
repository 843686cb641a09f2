/**
 * `client.raw`: openapi-fetch over the chosen version's generated `paths`, sharing the unified client's key, retries,
 * size cap and error types; middleware registered on it sees the unified methods' requests too.
 */
import type { Middleware } from "openapi-fetch";
import { afterEach, describe, expect, test } from "vitest";
import { createClient, ResponseTooLargeError, TimeoutError, userAgent, type DeprecationNotice } from "../../src/index.js";
import { startFakeApi, type FakeApi } from "../../src/testing/index.js";
import { createInput, v2ClusterWire } from "./fixtures.js";
import { startLoopback, type Loopback } from "./helpers/loopback.js";

const KEY = "sk-raw-client-secret-0123";
const fast = { retry: { initialDelayMs: 1, maxDelayMs: 2 } };
const open: Array<Loopback | FakeApi> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

describe("client.raw against the fake", () => {
  test("a typed call of an operation the unified methods wrap returns openapi-fetch's { data, response }", async () => {
    const fake = await startFakeApi();
    open.push(fake);
    const client = createClient({ apiVersion: "v2", apiKey: fake.apiKey, baseUrl: fake.urls.v2 });
    const created = await client.clusters.create(createInput);
    const { data, error, response } = await client.raw.GET("/compute/clusters/{cluster_id}", { params: { path: { cluster_id: created.cluster_id } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    // Fields the unified Cluster leaves out are all there, typed by v2's spec.
    expect(data?.cluster_id).toBe(created.cluster_id);
    expect(data?.phase_transitions).toEqual(expect.any(Array));
  });

  test("middleware added with raw.use sees every request of the unified methods and can add headers", async () => {
    const fake = await startFakeApi();
    open.push(fake);
    const client = createClient({ apiVersion: "v1", apiKey: fake.apiKey, baseUrl: fake.urls.v1 });
    const seen: string[] = [];
    const tracing: Middleware = {
      onRequest({ request }) {
        seen.push(`${request.method} ${new URL(request.url).pathname} auth=${request.headers.has("authorization")}`);
        request.headers.set("x-trace-id", "trace-1");
        return request;
      },
      onResponse({ response }) {
        seen.push(`→ ${response.status}`);
      },
    };
    client.raw.use(tracing);
    const created = await client.clusters.create({ ...createInput, duration_days: 1 });
    await client.regions.list();
    // v1 create is a POST then a read-back GET; the key never shows in what middleware sees.
    expect(seen).toEqual([
      "POST /api/v1/gpu_cluster auth=false",
      "→ 200",
      `GET /api/v1/gpu_cluster/${created.cluster_id} auth=false`,
      "→ 200",
      "GET /api/v1/regions auth=false",
      "→ 200",
    ]);
  });
});

describe("middleware and deprecation reporting on both paths", () => {
  test("after raw.eject the unified methods stop reaching the middleware; raw.use again brings it back", async () => {
    const fake = await startFakeApi();
    open.push(fake);
    const client = createClient({ apiVersion: "v2", apiKey: fake.apiKey, baseUrl: fake.urls.v2 });
    const seen: string[] = [];
    const tracing: Middleware = {
      onRequest({ request }) {
        seen.push(`${request.method} ${new URL(request.url).pathname} real=${request instanceof Request}`);
      },
    };
    client.raw.use(tracing);
    await client.regions.list();
    client.raw.eject(tracing);
    await client.regions.list();
    await client.raw.GET("/compute/regions");
    client.raw.use(tracing);
    await client.volumes.list();
    expect(seen).toEqual(["GET /v1/compute/regions real=true", "GET /v1/compute/clusters/storage/volumes real=true"]);
  });

  test("raw.use refuses what is not middleware, as openapi-fetch does, and the unified methods keep working", async () => {
    const fake = await startFakeApi();
    open.push(fake);
    const client = createClient({ apiVersion: "v2", apiKey: fake.apiKey, baseUrl: fake.urls.v2 });
    expect(() => client.raw.use({} as Middleware)).toThrow(/Middleware must be an object with one of/);
    expect(await client.regions.list()).toEqual(expect.any(Array));
  });

  test.each([
    ["no middleware", false],
    ["user middleware registered", true],
  ])("deprecation headers are reported once per route from unified and raw calls (%s)", async (_, withMiddleware) => {
    const fake = await startFakeApi({ deprecation: { routes: { "GET /compute/regions": { sunsetAt: "2099-07-01T00:00:00Z" }, "GET /compute/clusters": { deprecatedAt: new Date("2026-01-01T00:00:00Z") } } } });
    open.push(fake);
    const notices: DeprecationNotice[] = [];
    const client = createClient({ apiVersion: "v2", apiKey: fake.apiKey, baseUrl: fake.urls.v2, onDeprecation: (n) => notices.push(n) });
    if (withMiddleware) client.raw.use({ onResponse: () => undefined });
    await client.regions.list();
    await client.raw.GET("/compute/regions");
    await client.raw.GET("/compute/clusters");
    await client.clusters.list();
    await client.volumes.list();
    expect(notices.map((n) => [n.route, n.sunsetAt?.toISOString(), n.deprecatedAt?.toISOString()])).toEqual([
      ["GET /compute/regions", "2099-07-01T00:00:00.000Z", undefined],
      ["GET /compute/clusters", undefined, "2026-01-01T00:00:00.000Z"],
    ]);
  });
});

describe("client.raw shares the transport", () => {
  test("key, user agent, default and per-call headers reach the server; retries apply to raw GETs", async () => {
    const server = await startLoopback();
    open.push(server);
    let n = 0;
    server.handle(() => (n++ === 0 ? { status: 503, json: {} } : { json: v2ClusterWire }));
    const client = createClient({ apiVersion: "v2", apiKey: KEY, baseUrl: server.url, headers: { "x-team": "infra" }, ...fast });
    const { data } = await client.raw.GET("/compute/clusters/{cluster_id}", { params: { path: { cluster_id: "c-1" } }, headers: { "x-call": "1" } });
    expect(data?.cluster_id).toBe("c-1");
    expect(server.requests).toHaveLength(2);
    const headers = server.requests[1]!.headers;
    expect([headers["authorization"], headers["user-agent"], headers["x-team"], headers["x-call"]]).toEqual([`Bearer ${KEY}`, userAgent, "infra", "1"]);
    await client.clusters.get("c-1", { headers: { "x-call": "2" } });
    expect(server.requests[2]!.headers["x-call"]).toBe("2");
  });

  test("the size cap and timeouts raise the unified error types from raw calls too", async () => {
    const server = await startLoopback(() => ({ json: { clusters: [], padding: "x".repeat(4096) } }));
    open.push(server);
    const capped = createClient({ apiVersion: "v2", apiKey: KEY, baseUrl: server.url, maxResponseBytes: 1024 });
    await expect(capped.raw.GET("/compute/clusters")).rejects.toBeInstanceOf(ResponseTooLargeError);
    server.handle(() => ({ json: {}, delayMs: 2_000 }));
    const slow = createClient({ apiVersion: "v2", apiKey: KEY, baseUrl: server.url, timeoutMs: 50, maxRetries: 0 });
    await expect(slow.raw.GET("/compute/regions")).rejects.toBeInstanceOf(TimeoutError);
  });

  test("the key is not sent when a raw call is pointed at another origin", async () => {
    const [home, other] = [await startLoopback(() => ({ json: {} })), await startLoopback(() => ({ json: { regions: [] } }))];
    open.push(home, other);
    const client = createClient({ apiVersion: "v2", apiKey: KEY, baseUrl: home.url });
    await client.raw.GET("/compute/regions", { baseUrl: other.url.replace("127.0.0.1", "localhost") });
    expect(other.requests[0]!.headers["authorization"]).toBeUndefined();
  });
});
