import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { FakeApi } from "../../src/testing/index.js";
import { clientsFor, startTestFake, v2CreateBody } from "./helpers.js";

let fake: FakeApi;
let api: ReturnType<typeof clientsFor>;

beforeAll(async () => {
  fake = await startTestFake();
  api = clientsFor(fake);
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const CREATE = "POST /compute/clusters";

async function clusterCount(): Promise<number> {
  return (await api.v2("GET", "/compute/clusters")).body.clusters.length;
}

/** A raw create, so tests can look at transport failures the JSON helper would hide. */
function rawCreate(signal?: AbortSignal): Promise<Response> {
  return fetch(`${fake.urls.v2}/compute/clusters`, {
    method: "POST",
    headers: { authorization: `Bearer ${fake.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(v2CreateBody()),
    ...(signal ? { signal } : {}),
  });
}

describe("status faults", () => {
  test("the next N matching requests get the status and Retry-After, are not applied, then service resumes", async () => {
    fake.faults.inject({ route: CREATE, status: 503, times: 2, retryAfter: "1" });
    const first = await api.v2("POST", "/compute/clusters", v2CreateBody());
    const second = await api.v2("POST", "/compute/clusters", v2CreateBody());
    const third = await api.v2("POST", "/compute/clusters", v2CreateBody());
    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
    expect(first.headers.get("retry-after")).toBe("1");
    expect(first.headers.get("x-request-id")).toBe(fake.requests.at(-3)?.requestId);
    expect(new Set(fake.requests.map((r) => r.requestId)).size).toBe(fake.requests.length);
    expect(first.body.error).toMatchObject({ type: "fault_injected", code: 503 });
    expect(await clusterCount()).toBe(1);
    expect(fake.faults.firedCount).toBe(2);
    expect(fake.faults.fired.map((f) => f.request)).toEqual(["POST /v1/compute/clusters", "POST /v1/compute/clusters"]);
    expect(fake.faults.pendingCount).toBe(0);
  });

  test("a fault only hits its own route; '*' hits every route", async () => {
    fake.faults.inject({ route: "GET /compute/clusters/{cluster_id}", status: 500 });
    expect((await api.v2("GET", "/compute/clusters")).status).toBe(200);
    expect((await api.v1("GET", "/api/v1/gpu_cluster/x")).status).toBe(404);
    expect((await api.v2("GET", "/compute/clusters/x")).status).toBe(500);
    fake.faults.inject({ route: "*", status: 429, times: 2 });
    expect((await api.v1("GET", "/api/v1/regions")).status).toBe(429);
    expect((await api.v2("GET", "/compute/regions")).status).toBe(429);
    expect((await api.v2("GET", "/compute/regions")).status).toBe(200);
  });

  test("faults fire in injection order, one per request", async () => {
    fake.faults.inject({ route: CREATE, status: 500 });
    fake.faults.inject({ route: CREATE, status: 502 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api.v2("POST", "/compute/clusters", v2CreateBody())).status);
    expect(statuses).toEqual([500, 502, 200]);
  });

  test("clear() disarms pending faults", async () => {
    fake.faults.inject({ route: "*", status: 503, times: 100 });
    fake.faults.clear();
    expect((await api.v2("GET", "/compute/regions")).status).toBe(200);
    expect(fake.faults.firedCount).toBe(0);
  });
});

describe("connection faults", () => {
  test("reset before: the connection drops and nothing was applied", async () => {
    fake.faults.inject({ route: CREATE, reset: "before" });
    await expect(rawCreate()).rejects.toThrow(TypeError);
    expect(await clusterCount()).toBe(0);
    expect(fake.requests.find((r) => r.route === CREATE)?.status).toBe("reset");
  });

  test("reset after: the connection drops but the cluster was created (a blind retry would duplicate it)", async () => {
    fake.faults.inject({ route: CREATE, reset: "after" });
    await expect(rawCreate()).rejects.toThrow(TypeError);
    expect(await clusterCount()).toBe(1);
  });
});

describe("body faults", () => {
  test("non-json: a 502 HTML page, request not applied", async () => {
    fake.faults.inject({ route: CREATE, body: "non-json" });
    const response = await rawCreate();
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toBe("text/html");
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(await clusterCount()).toBe(0);
  });

  test("non-json can carry its own status", async () => {
    fake.faults.inject({ route: CREATE, body: "non-json", status: 200 });
    const response = await rawCreate();
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  test("truncated: real status and headers, half a body, then the connection closes; the request was applied", async () => {
    fake.faults.inject({ route: CREATE, body: "truncated" });
    const response = await rawCreate();
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(await clusterCount()).toBe(1);
  });
});

describe("latency", () => {
  test("latency delays the answer: a client deadline shorter than it aborts, and the request is still served later", async () => {
    fake.faults.inject({ route: CREATE, latencyMs: 500 });
    // Abort once the request sits in the fault's latency (a fixed client timeout races the machine's load).
    const abort = new AbortController();
    const sent = rawCreate(abort.signal);
    await expect.poll(() => fake.faults.firedCount, { timeout: 10_000 }).toBe(1);
    abort.abort();
    await expect(sent).rejects.toThrow(/aborted/i);
    // The fake finishes the request although nobody is listening any more (as a real server would).
    await expect.poll(() => fake.requests.find((r) => r.route === CREATE)?.status, { timeout: 10_000 }).toBe(200);
    expect(await clusterCount()).toBe(1);
  });

  test("latency combines with a status", async () => {
    fake.faults.inject({ route: CREATE, latencyMs: 10, status: 504 });
    expect((await api.v2("POST", "/compute/clusters", v2CreateBody())).status).toBe(504);
  });
});

describe("fault specs are checked when injected", () => {
  test.each([
    [{ route: "POST /compute/cluster", status: 503 }, /route "POST \/compute\/cluster" is not served/],
    [{ route: CREATE, status: 503, times: 0 }, /times must be an integer from 1 to 1000/],
    [{ route: CREATE, status: 503, times: 5_000 }, /times must be an integer from 1 to 1000/],
    [{ route: CREATE, status: 200 }, /status must be an integer from 400 to 599/],
    [{ route: CREATE, latencyMs: 120_000 }, /latencyMs must be a number from 0 to 30000/],
    [{ route: CREATE, status: 503, reset: "before" as const }, /at most one of status, reset, body/],
    [{ route: CREATE, body: "truncated" as const, status: 500 }, /drop status/],
    [{ route: CREATE, retryAfter: 1 }, /retryAfter needs a status/],
    [{ route: CREATE, status: 503, retryAfter: "1\r\nset-cookie: x=1" }, /retryAfter must be seconds >= 0 or an HTTP date/],
    [{ route: CREATE, status: 503, retryAfter: Number.NaN }, /retryAfter must be seconds >= 0/],
    [{ route: CREATE }, /needs status, reset, body or latencyMs/],
  ])("%j is refused", (spec, message) => {
    expect(() => fake.faults.inject(spec)).toThrow(message);
    expect(fake.faults.pendingCount).toBe(0);
  });
});
