import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FAKE_LIMITS } from "../../src/testing/index.js";
import { call, rawHttp, rawJson, rawRequest, useSharedFake, v1CreateBody, v2CreateBody } from "./helpers.js";

const shared = useSharedFake();

describe("bounded work per request: caps answered with a 400 naming the limit", () => {
  test.each([8_000_000, 8 * 2 ** 50, FAKE_LIMITS.maxGpusPerCluster + 8])("create with num_gpus %d is refused on both versions", async (numGpus) => {
    for (const reply of [
      await shared.api.v2("POST", "/compute/clusters", v2CreateBody({ num_gpus: numGpus })),
      await shared.api.v1("POST", "/api/v1/gpu_cluster", v1CreateBody({ num_gpus: numGpus })),
    ]) {
      expect(reply.status).toBe(400);
      expect(reply.body.error.type).toBe("invalid_request_error");
      expect(reply.body.message).toMatch(new RegExp(`limit of ${FAKE_LIMITS.maxGpusPerCluster}|format`));
    }
    expect(shared.fake.state.listClusters()).toEqual([]);
  });

  test("the largest cluster allowed is created, and scaling past the cap is refused without a change", async () => {
    const created = await shared.api.v2("POST", "/compute/clusters", v2CreateBody({ num_gpus: FAKE_LIMITS.maxGpusPerCluster }));
    expect(created.status).toBe(200);
    expect(created.body.gpu_worker_nodes).toHaveLength(FAKE_LIMITS.maxGpusPerCluster / 8);
    const scaled = await shared.api.v2("PUT", `/compute/clusters/${created.body.cluster_id}`, { num_gpus: 2 ** 40 });
    expect(scaled.status).toBe(400);
    expect(scaled.body.message).toContain(`over the fake's limit of ${FAKE_LIMITS.maxGpusPerCluster} GPUs per cluster`);
    expect(shared.fake.state.getCluster(created.body.cluster_id).numGpus).toBe(FAKE_LIMITS.maxGpusPerCluster);
  });

  test("GPUs across all clusters are capped, so a list stays small", async () => {
    const perCluster = FAKE_LIMITS.maxGpusPerCluster;
    for (let i = 0; i < FAKE_LIMITS.maxTotalGpus / perCluster; i++) {
      expect((await shared.api.v2("POST", "/compute/clusters", v2CreateBody({ num_gpus: perCluster }))).status).toBe(200);
    }
    const over = await shared.api.v2("POST", "/compute/clusters", v2CreateBody({ num_gpus: 8 }));
    expect(over.status).toBe(400);
    expect(over.body.message).toContain(`over its limit of ${FAKE_LIMITS.maxTotalGpus} GPUs across all clusters`);
    expect(shared.fake.state.listClusters()).toHaveLength(FAKE_LIMITS.maxTotalGpus / perCluster);
  });

  test("cluster and volume counts are capped", () => {
    for (let i = 0; i < FAKE_LIMITS.maxVolumes; i++) shared.fake.state.createVolume({ name: `v${i}`, sizeTib: 1, region: "us-central-8" });
    expect(() => shared.fake.state.createVolume({ name: "one more", sizeTib: 1, region: "us-central-8" })).toThrow(
      `the fake holds at most ${FAKE_LIMITS.maxVolumes} volumes (its limit)`,
    );
    const input = { name: "c", region: "us-central-8", gpuType: "H100_SXM", numGpus: 8, billingType: "ON_DEMAND", driver: { cudaVersion: "12.6", nvidiaDriverVersion: "560" }, createdVia: "v2" } as const;
    for (let i = 0; i < FAKE_LIMITS.maxClusters; i++) shared.fake.state.createCluster(input);
    expect(() => shared.fake.state.createCluster(input)).toThrow(`the fake holds at most ${FAKE_LIMITS.maxClusters} clusters (its limit)`);
  });

  test("names longer than the cap are refused at their pointer", async () => {
    const name = "n".repeat(FAKE_LIMITS.maxNameLength + 1);
    const cluster = await shared.api.v2("POST", "/compute/clusters", v2CreateBody({ cluster_name: name }));
    expect(cluster.status).toBe(400);
    expect(cluster.body.error.details).toEqual([{ location: "body", pointer: "/cluster_name", message: `longer than ${FAKE_LIMITS.maxNameLength} characters` }]);
    const volume = await shared.api.v2("POST", "/compute/clusters/storage/volumes", { volume_name: name, size_tib: 1, region: "us-central-8" });
    expect(volume.status).toBe(400);
    expect(volume.body.error.details[0].pointer).toBe("/volume_name");
  });

  test("retired nodes and node events are kept up to the history cap", async () => {
    const { body } = await shared.api.v2("POST", "/compute/clusters", v2CreateBody({ num_gpus: 8 }));
    for (let i = 0; i < 3; i++) {
      for (const numGpus of [FAKE_LIMITS.maxGpusPerCluster, 8]) expect((await shared.api.v2("PUT", `/compute/clusters/${body.cluster_id}`, { num_gpus: numGpus })).status).toBe(200);
    }
    const cluster = shared.fake.state.getCluster(body.cluster_id);
    expect(cluster.deletedWorkerNodes).toHaveLength(FAKE_LIMITS.maxNodeHistory);
    expect(cluster.nodeEvents).toHaveLength(FAKE_LIMITS.maxNodeHistory);
    expect(cluster.nodeEvents.at(-1)?.reason).toBe("TogetherScaledDown");
  });
});

describe("bodies: only JSON is read, and only so much of it", () => {
  const body = JSON.stringify(v2CreateBody());

  test.each([
    ["text/plain", { "content-type": "text/plain" }, 'got Content-Type "text/plain"'],
    ["no content type", {}, "got no Content-Type"],
    ["JSON in another charset", { "content-type": "application/json; charset=latin1" }, "charset=latin1"],
    ["a form", { "content-type": "application/x-www-form-urlencoded" }, "x-www-form-urlencoded"],
  ])("a body sent as %s gets 415 and creates nothing", async (_, headers, said) => {
    const reply = await rawHttp(shared.fake.urls.v1, rawRequest("POST", "/v1/compute/clusters", { body, headers }));
    expect(reply.status).toBe(415);
    expect(rawJson(reply).message).toContain(said);
    expect(rawJson(reply).error.details).toEqual([{ location: "header", pointer: "/content-type", message: "must be application/json" }]);
    expect(shared.fake.state.listClusters()).toEqual([]);
  });

  test("application/json with parameters, in any case, is JSON", async () => {
    const reply = await rawHttp(shared.fake.urls.v1, rawRequest("POST", "/v1/compute/clusters", { body, headers: { "content-type": "Application/JSON; charset=UTF-8" } }));
    expect(reply.status).toBe(200);
  });

  test("a declared Content-Length over the cap gets 413 at once, before the body is read", async () => {
    const head = rawRequest("POST", "/v1/compute/clusters", { headers: { "content-type": "application/json", "content-length": String(10 * 2 ** 30) } });
    const reply = await rawHttp(shared.fake.urls.v1, `${head}{"cluster_name":`);
    expect(reply.status).toBe(413);
    expect(rawJson(reply).message).toBe(`request body is larger than ${FAKE_LIMITS.maxBodyBytes} bytes`);
  });

  test("an endless chunked body gets 413 and the connection is cut, instead of reading forever", async () => {
    const head = rawRequest("POST", "/v1/compute/clusters", { headers: { "content-type": "application/json", "transfer-encoding": "chunked" } });
    const chunk = Buffer.alloc(1 << 20, 0x20);
    const chunked = Buffer.concat([Buffer.from(head), ...Array.from({ length: 40 }, () => Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]))]);
    const reply = await rawHttp(shared.fake.urls.v1, chunked);
    expect(reply.status).toBe(413);
    expect(shared.fake.requests.at(-1)).toMatchObject({ method: "POST", status: 413 });
  });

  test("deeply nested JSON is refused by the schema, not by a crash", async () => {
    const nested = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const reply = await call(`${shared.fake.urls.v2}/compute/clusters`, "POST", { apiKey: shared.fake.apiKey, rawBody: `{"cluster_name":${nested}}` });
    expect(reply.status).toBe(400);
    expect(reply.body.error.type).toBe("invalid_request_error");
  });
});

describe("request targets: only local paths are served", () => {
  test.each([
    ["/x%", "broken percent-escape in its path"],
    ["/v1/compute/clusters/%", "broken percent-escape in its path"],
    ["/v1/compute/clusters/%zz", "broken percent-escape in its path"],
    ["/v1/compute/clusters/%FF", "not UTF-8"],
    ["/v1/compute/clusters?project_id=%", "broken percent-escape in its query"],
    ["/v1/compute/clusters?project_id=%C3", "not UTF-8"],
    ["//", "is not a local path"],
    ["//other.example/v1/compute/regions", "is not a local path"],
    ["/\\other.example/v1/compute/regions", "is not a local path"],
    ["http://other.example/v1/compute/regions", "is not a local path"],
    [`${"http://127.0.0.1"}/v1/compute/regions`, "is not a local path"],
    ["*", "is not a local path"],
  ])("GET %s gets 400", async (target, said) => {
    const reply = await rawHttp(shared.fake.urls.v1, rawRequest("GET", target));
    expect(reply.status).toBe(400);
    expect(rawJson(reply).message).toContain(said);
    expect(reply.text).toMatch(/\r\nx-request-id: fake-req-\d+\r\n/i);
  });

  test("a well-formed escape still reaches the handler decoded", async () => {
    const reply = await rawHttp(shared.fake.urls.v1, rawRequest("GET", "/v1/compute/clusters/no%20such%E2%9C%93"));
    expect(reply.status).toBe(404);
    expect(rawJson(reply).message).toBe('cluster "no such✓" not found');
  });
});

describe("every request gets an HTTP answer", () => {
  test.each([
    ["CONNECT", "CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: x\r\n\r\n", 405],
    ["a header without a colon", "GET /v1/compute/regions HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 400],
    ["an unknown method token", "GARBAGE\r\n\r\n", 400],
    ["oversized headers", `GET /v1/compute/regions HTTP/1.1\r\nHost: x\r\nX: ${"a".repeat(40_000)}\r\n\r\n`, 431],
    ["a request smuggling pair of lengths", "POST /v1/compute/clusters HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400],
  ])("%s gets a JSON error answer", async (_, bytes, status) => {
    const reply = await rawHttp(shared.fake.urls.v1, bytes);
    expect(reply.status).toBe(status);
    expect(rawJson(reply).error.code).toBe(status);
  });

  test("any method, target and body: an HTTP answer, never a hang-up and never a 500", async () => {
    const methods = fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND");
    const prefixes = fc.constantFrom("/", "/v1/compute/clusters/", "/v1/compute/", "/api/v1/gpu_cluster/", "//", "http://x/", "");
    const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
    const bodies = fc.oneof(fc.constant(undefined), fc.json(), fc.string({ maxLength: 50 }));
    await fc.assert(
      fc.asyncProperty(methods, prefixes, printable, bodies, async (method, prefix, rest, body) => {
        const headers: Record<string, string> = body === undefined ? {} : { "content-type": "application/json" };
        const reply = await rawHttp(shared.fake.urls.v1, rawRequest(method, `${prefix}${rest}`, { ...(body !== undefined ? { body } : {}), headers }));
        expect(reply.status).toBeGreaterThanOrEqual(200);
        expect(reply.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  test("any JSON body to any create or update route: 200 or a 4xx, never a 500", async () => {
    const created = await shared.api.v2("POST", "/compute/clusters", v2CreateBody());
    const routes = [
      ["POST", `${shared.fake.urls.v2}/compute/clusters`],
      ["PUT", `${shared.fake.urls.v2}/compute/clusters/${created.body.cluster_id}`],
      ["POST", `${shared.fake.urls.v1}/api/v1/gpu_cluster`],
      ["PUT", `${shared.fake.urls.v1}/api/v1/gpu_cluster`],
      ["POST", `${shared.fake.urls.v2}/compute/clusters/storage/volumes`],
    ] as const;
    const numbers = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(8 * 2 ** 50, 2 ** 31, 8_000_000, -8, 0, 1e308));
    const bodyOf = fc.record({
      cluster_id: fc.constant(created.body.cluster_id),
      cluster_name: fc.string({ maxLength: 10 }),
      region: fc.constant("us-central-8"),
      gpu_type: fc.constant("H100_SXM"),
      num_gpus: numbers,
      size_tib: numbers,
      volume_name: fc.string({ maxLength: 10 }),
      billing_type: fc.constantFrom("ON_DEMAND", "RESERVED"),
      cuda_version: fc.constant("12.6"),
      nvidia_driver_version: fc.constant("560"),
      driver_version: fc.constant("CUDA_12_6_560"),
      duration_days: numbers,
    }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), bodyOf, async ([method, url], body) => {
        const reply = await call(url, method, { apiKey: shared.fake.apiKey, body });
        expect([200, 400, 404, 409]).toContain(reply.status);
      }),
      { numRuns: 150 },
    );
  });

  test("hundreds of concurrent connections are all answered", async () => {
    const replies = await Promise.all(Array.from({ length: 200 }, () => rawHttp(shared.fake.urls.v1, rawRequest("GET", "/v1/compute/regions"))));
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
  });
});
