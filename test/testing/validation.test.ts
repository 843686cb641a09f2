import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { FakeApi } from "../../src/testing/index.js";
import { call, clientsFor, startTestFake, v1CreateBody, v2CreateBody } from "./helpers.js";

let fake: FakeApi;
let api: ReturnType<typeof clientsFor>;

beforeAll(async () => {
  fake = await startTestFake();
  api = clientsFor(fake);
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

/** Both versions' cluster lists, to prove a rejected request changed nothing. */
async function clusterCounts(): Promise<[number, number]> {
  const [v1, v2] = await Promise.all([api.v1("GET", "/api/v1/gpu_clusters"), api.v2("GET", "/compute/clusters")]);
  return [v1.body.clusters.length, v2.body.clusters.length];
}

describe("spec validation: invalid requests get 400 with located details and change nothing", () => {
  test("v2 create: missing required fields, wrong enum value and wrong type are all reported", async () => {
    const { cuda_version: _, ...withoutCuda } = v2CreateBody({ gpu_type: "A100", num_gpus: "eight" });
    const reply = await api.v2("POST", "/compute/clusters", withoutCuda);
    expect(reply.status).toBe(400);
    expect(reply.body.error.type).toBe("invalid_request_error");
    expect(reply.body.error.details).toEqual(
      expect.arrayContaining([
        { location: "body", pointer: "/cuda_version", message: "is required" },
        { location: "body", pointer: "/gpu_type", message: expect.stringContaining("allowed: H100_SXM, H200_SXM") },
        { location: "body", pointer: "/num_gpus", message: "must be integer" },
      ]),
    );
    expect(reply.body.message).toBe(reply.body.error.message);
    expect(reply.body.message).toContain("POST /compute/clusters");
    expect(await clusterCounts()).toEqual([0, 0]);
  });

  test("v1 create: v1's own enums are enforced (v2-only GPU types are rejected)", async () => {
    const reply = await api.v1("POST", "/api/v1/gpu_cluster", v1CreateBody({ gpu_type: "B200_SXM", driver_version: "12.6" }));
    expect(reply.status).toBe(400);
    const pointers = reply.body.error.details.map((d: { pointer: string }) => d.pointer).sort();
    expect(pointers).toEqual(["/driver_version", "/gpu_type"]);
    expect(await clusterCounts()).toEqual([0, 0]);
  });

  test("v1 create: a negative uint32 duration_days breaks the proto format", async () => {
    const reply = await api.v1("POST", "/api/v1/gpu_cluster", v1CreateBody({ duration_days: -1 }));
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([{ location: "body", pointer: "/duration_days", message: 'must match format "uint32"' }]);
  });

  test("v2 create: a malformed date-time is rejected", async () => {
    const reply = await api.v2("POST", "/compute/clusters", v2CreateBody({ reservation_end_time: "next tuesday" }));
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([{ location: "body", pointer: "/reservation_end_time", message: 'must match format "date-time"' }]);
  });

  test("a body that is not JSON gets 400 and says so", async () => {
    const reply = await call(`${fake.urls.v2}/compute/clusters`, "POST", { apiKey: fake.apiKey, rawBody: "{not json" });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/^request body is not valid JSON/);
    expect(await clusterCounts()).toEqual([0, 0]);
  });

  test("a body over 1 MiB gets 413 and is not read further", async () => {
    const reply = await call(`${fake.urls.v2}/compute/clusters`, "POST", { apiKey: fake.apiKey, rawBody: `"${"x".repeat(1_100_000)}"` });
    expect(reply.status).toBe(413);
    expect(reply.body.error.message).toBe("request body is larger than 1048576 bytes");
  });

  test("a GPU type the SDK knows but the spec does not (B300_SXM) is rejected", async () => {
    const reply = await api.v2("POST", "/compute/clusters", v2CreateBody({ gpu_type: "B300_SXM" }));
    expect(reply.status).toBe(400);
    expect(reply.body.error.details[0].pointer).toBe("/gpu_type");
  });

  test("a missing required body gets 400", async () => {
    const reply = await api.v2("POST", "/compute/clusters/storage/volumes");
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([{ location: "body", pointer: "", message: "a JSON request body is required" }]);
  });

  test("valid per the spec but impossible: unknown region, GPU count not a multiple of 8, unsupported driver pair", async () => {
    const region = await api.v2("POST", "/compute/clusters", v2CreateBody({ region: "mars-1" }));
    expect(region.status).toBe(400);
    expect(region.body.error.message).toContain('region "mars-1" does not exist');
    const gpus = await api.v1("POST", "/api/v1/gpu_cluster", v1CreateBody({ num_gpus: 12 }));
    expect(gpus.status).toBe(400);
    expect(gpus.body.error.details).toEqual([{ location: "body", pointer: "/num_gpus", message: "not a positive multiple of 8" }]);
    const driver = await api.v2("POST", "/compute/clusters", v2CreateBody({ cuda_version: "11.8", nvidia_driver_version: "520" }));
    expect(driver.status).toBe(400);
    expect(await clusterCounts()).toEqual([0, 0]);
  });

  test("a rejected inline volume creates neither the cluster nor the volume", async () => {
    const reply = await api.v2(
      "POST",
      "/compute/clusters",
      v2CreateBody({ shared_volume: { volume_name: "data", size_tib: 2, region: "us-west-2" } }),
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.details[0].pointer).toBe("/shared_volume/region");
    expect((await api.v2("GET", "/compute/clusters/storage/volumes")).body.volumes).toEqual([]);
    expect(await clusterCounts()).toEqual([0, 0]);
  });

  test("a rejected update leaves the cluster as it was", async () => {
    const { body } = await api.v2("POST", "/compute/clusters", v2CreateBody({ num_gpus: 16 }));
    const reply = await api.v2("PUT", `/compute/clusters/${body.cluster_id}`, { num_gpus: 20, cluster_type: "kubernetes" });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([
      { location: "body", pointer: "/cluster_type", message: "must be equal to one of the allowed values (allowed: KUBERNETES, SLURM)" },
    ]);
    const after = await api.v2("GET", `/compute/clusters/${body.cluster_id}`);
    expect([after.body.num_gpus, after.body.cluster_type]).toEqual([16, "KUBERNETES"]);
  });

  test("v1 update without cluster_id in the body is a 400, not a guess", async () => {
    const reply = await api.v1("PUT", "/api/v1/gpu_cluster", { num_gpus: 8 });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([{ location: "body", pointer: "/cluster_id", message: "is required" }]);
  });
});

describe("authentication", () => {
  test.each([
    ["no Authorization header", undefined, "missing Authorization header"],
    ["a wrong token", "Bearer wrong-key", "invalid API key"],
    ["another scheme", `Basic ${Buffer.from("x:y").toString("base64")}`, "Bearer scheme"],
  ])("%s gets 401 on both versions and changes nothing", async (_, auth, message) => {
    for (const url of [`${fake.urls.v1}/api/v1/gpu_cluster`, `${fake.urls.v2}/compute/clusters`]) {
      const body = url.includes("/api/v1/") ? v1CreateBody() : v2CreateBody();
      const reply = await call(url, "POST", { body, ...(auth ? { auth } : {}) });
      expect(reply.status).toBe(401);
      expect(reply.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(reply.body.error).toMatchObject({ type: "authentication_error", message: expect.stringContaining(message) });
    }
    expect(await clusterCounts()).toEqual([0, 0]);
  });

  test("a custom apiKey is the only one accepted", async () => {
    const custom = await startTestFake({ apiKey: "sk-custom" });
    try {
      expect((await call(`${custom.urls.v2}/compute/regions`, "GET", { apiKey: "test-key" })).status).toBe(401);
      expect((await call(`${custom.urls.v2}/compute/regions`, "GET", { apiKey: "sk-custom" })).status).toBe(200);
    } finally {
      await custom.close();
    }
  });
});

describe("routing", () => {
  test("unknown ids are 404 naming the id", async () => {
    const reply = await api.v2("GET", "/compute/clusters/nope");
    expect(reply.status).toBe(404);
    expect(reply.body.error).toEqual({ message: 'cluster "nope" not found', type: "not_found_error", code: 404 });
  });

  test("unknown paths are 404 and wrong methods 405", async () => {
    expect((await api.v2("GET", "/compute/nothing")).status).toBe(404);
    expect((await api.v1("PATCH", "/api/v1/gpu_cluster")).status).toBe(405);
  });

  test("the v2 storage path is not mistaken for a cluster id", async () => {
    const reply = await api.v2("GET", "/compute/clusters/storage/volumes");
    expect(reply).toMatchObject({ status: 200, body: { volumes: [] } });
  });
});
