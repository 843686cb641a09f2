import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createClient, NotFoundError, type Client } from "../../src/index.js";
import { createInput, v2ClusterUnified, v2ClusterWire } from "./fixtures.js";
import { startLoopback, type Loopback, type Reply } from "./helpers/loopback.js";

let server: Loopback;
let client: Client;
let replies: Reply[];
beforeAll(async () => {
  server = await startLoopback(() => replies.shift() ?? { status: 599, json: { message: "unexpected request" } });
  client = createClient({ apiVersion: "v2", apiKey: "test-key", baseUrl: `${server.url}/v1` });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  replies = [];
});

function sent() {
  return server.requests.map((r) => ({ method: r.method, url: r.url, body: r.json }));
}

describe("v2 adapter: exact wire requests and unified results", () => {
  test("clusters.list → GET /v1/compute/clusters", async () => {
    replies = [{ json: { clusters: [v2ClusterWire] } }];
    expect(await client.clusters.list()).toEqual([v2ClusterUnified]);
    expect(sent()).toEqual([{ method: "GET", url: "/v1/compute/clusters", body: undefined }]);
    expect(server.requests[0]!.headers["authorization"]).toBe("Bearer test-key");
  });
  test("clusters.list({project_id}) sends the query", async () => {
    replies = [{ json: { clusters: [] } }];
    expect(await client.clusters.list({ project_id: "p 1" })).toEqual([]);
    expect(sent()).toEqual([{ method: "GET", url: "/v1/compute/clusters?project_id=p%201", body: undefined }]);
  });
  test("clusters.get → GET /v1/compute/clusters/{id} with the id percent-encoded", async () => {
    replies = [{ json: v2ClusterWire }];
    const cluster = await client.clusters.get("c/1?x");
    expect(cluster).toEqual(v2ClusterUnified);
    expect(cluster.kube_config).toBe(v2ClusterWire.kube_config);
    expect(sent()).toEqual([{ method: "GET", url: "/v1/compute/clusters/c%2F1%3Fx", body: undefined }]);
  });
  test("clusters.create → POST /v1/compute/clusters with v2 names, defaults left to the server", async () => {
    replies = [{ json: v2ClusterWire }];
    expect(await client.clusters.create({ ...createInput, shared_volume: { volume_name: "d", size_tib: 1, region: "us-central-8" } })).toEqual(
      v2ClusterUnified,
    );
    expect(sent()).toEqual([
      {
        method: "POST",
        url: "/v1/compute/clusters",
        body: { ...createInput, shared_volume: { volume_name: "d", size_tib: 1, region: "us-central-8" } },
      },
    ]);
    expect(server.requests[0]!.headers["content-type"]).toBe("application/json");
  });
  test("clusters.update → PUT /v1/compute/clusters/{id}, id in the path only", async () => {
    replies = [{ json: { ...v2ClusterWire, num_gpus: 16 } }];
    expect((await client.clusters.update("c-1", { num_gpus: 16, reservation_end_time: "2030-02-01T00:00:00Z" })).num_gpus).toBe(16);
    expect(sent()).toEqual([
      { method: "PUT", url: "/v1/compute/clusters/c-1", body: { num_gpus: 16, reservation_end_time: "2030-02-01T00:00:00Z" } },
    ]);
  });
  test("clusters.delete → DELETE /v1/compute/clusters/{id}", async () => {
    replies = [{ json: { cluster_id: "c-1" } }];
    expect(await client.clusters.delete("c-1")).toEqual({ cluster_id: "c-1" });
    expect(sent()).toEqual([{ method: "DELETE", url: "/v1/compute/clusters/c-1", body: undefined }]);
  });
  test("regions.list → GET /v1/compute/regions", async () => {
    replies = [
      { json: { regions: [{ name: "us-central-8", driver_versions: [{ cuda_version: "12.8", nvidia_driver_version: "570" }], supported_instance_types: ["H100_SXM"] }] } },
    ];
    expect(await client.regions.list()).toEqual([
      { name: "us-central-8", driver_versions: [{ cuda_version: "12.8", nvidia_driver_version: "570" }], supported_instance_types: ["H100_SXM"] },
    ]);
    expect(sent()).toEqual([{ method: "GET", url: "/v1/compute/regions", body: undefined }]);
  });
  test("volumes.list / get / create / update / delete hit the storage paths", async () => {
    const wire = { volume_id: "v-1", volume_name: "data", size_tib: 2, status: "available" };
    replies = [{ json: { volumes: [wire] } }, { json: wire }, { json: wire }, { json: { ...wire, size_tib: 3 } }, { json: { success: true } }];
    expect(await client.volumes.list()).toEqual([wire]);
    expect(await client.volumes.get("v-1")).toEqual(wire);
    expect(await client.volumes.create({ volume_name: "data", size_tib: 2, region: "us-central-8" })).toEqual(wire);
    expect(await client.volumes.update("v-1", { size_tib: 3 })).toEqual({ ...wire, size_tib: 3 });
    expect(await client.volumes.delete("v-1")).toEqual({ volume_id: "v-1", success: true });
    expect(sent()).toEqual([
      { method: "GET", url: "/v1/compute/clusters/storage/volumes", body: undefined },
      { method: "GET", url: "/v1/compute/clusters/storage/volumes/v-1", body: undefined },
      { method: "POST", url: "/v1/compute/clusters/storage/volumes", body: { volume_name: "data", size_tib: 2, region: "us-central-8" } },
      { method: "PUT", url: "/v1/compute/clusters/storage/volumes", body: { volume_id: "v-1", size_tib: 3 } },
      { method: "DELETE", url: "/v1/compute/clusters/storage/volumes/v-1", body: undefined },
    ]);
  });
  test("a 404 becomes NotFoundError with status, request id and parsed body", async () => {
    replies = [{ status: 404, json: { error: { message: "cluster not found" } }, headers: { "x-request-id": "rid-9" } }];
    const error = await client.clusters.get("nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, requestId: "rid-9", body: { error: { message: "cluster not found" } } });
    expect((error as Error).message).toBe("GET /compute/clusters/nope (1 attempt): 404 cluster not found (request id rid-9)");
  });
});
