/**
 * compareBackends against the fake: one state, read through its v1 and v2 URLs. Only reads are sent; the only
 * differences are the fields one version does not send; a changed answer shows up as an unexpected difference.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { compareBackends, createClient, type FetchLike } from "../../src/index.js";
import { startFakeApi, type FakeApi } from "../../src/testing/index.js";

let fake: FakeApi;
beforeAll(async () => {
  fake = await startFakeApi();
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.reset();
  const v2 = createClient({ apiVersion: "v2", apiKey: fake.apiKey, baseUrl: fake.urls.v2 });
  const cluster = await v2.clusters.create({ cluster_name: "train", region: "us-central-8", gpu_type: "H100_SXM", num_gpus: 8, cuda_version: "12.6", nvidia_driver_version: "560", billing_type: "ON_DEMAND", duration_days: 1 });
  await v2.volumes.create({ volume_name: "data", size_tib: 2, region: "us-central-8" });
  fake.state.tick(6);
  expect(cluster.cluster_id).not.toBe("");
});

const clients = (fetch?: FetchLike) => ({
  v1: createClient({ apiVersion: "v1", apiKey: fake.apiKey, baseUrl: fake.urls.v1, onDeprecation: false, ...(fetch ? { fetch } : {}) }),
  v2: createClient({ apiVersion: "v2", apiKey: fake.apiKey, baseUrl: fake.urls.v2 }),
});

it("finds only version-only fields on one state, sending reads only", async () => {
  const before = fake.requests.length;
  const result = await compareBackends(clients());
  expect(result.compared).toEqual({ clusters: 1, regions: expect.any(Number), volumes: 1 });
  expect(result.compared.regions).toBeGreaterThan(0);
  expect(result.unexpected).toEqual([]);
  expect(result.differences.map((d) => d.path)).toEqual(expect.arrayContaining(["billing_type", "created_at", "availability_zones", "status"]));
  expect(fake.requests.slice(before).every((r) => r.method === "GET")).toBe(true);
});

it("reports a field that reads differently as unexpected", async () => {
  // The v1 side's answers are altered on the way in, as a server bug or a mapping bug would.
  const altered: FetchLike = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    if (!input.includes("/gpu_cluster")) return response;
    const text = (await response.text()).replace(/"num_gpus":8/g, '"num_gpus":16');
    return new Response(text, { status: response.status, headers: response.headers });
  };
  const result = await compareBackends(clients(altered));
  expect(result.unexpected).toContainEqual(expect.objectContaining({ resource: "cluster", path: "num_gpus", v1: 16, v2: 8 }));
});

it("refuses clients of the wrong versions (two v2 clients would prove the switch with no difference at all), sending nothing", async () => {
  const { v1, v2 } = clients();
  const before = fake.requests.length;
  await expect(compareBackends({ v1: v2, v2 })).rejects.toMatchObject({
    name: "ValidationError",
    issues: [{ path: "v1", message: 'must be a client created with apiVersion "v1", got one for "v2"' }],
  });
  await expect(compareBackends({ v1: v2, v2: v1 })).rejects.toMatchObject({ issues: [{ path: "v1" }, { path: "v2" }] });
  expect(fake.requests.length).toBe(before);
});
