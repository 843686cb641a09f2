import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createClient, NotFoundError, ReadBackError, UnsupportedByVersionError, type Client } from "../../src/index.js";
import { createInput, v1ClusterUnified, v1ClusterWire } from "./fixtures.js";
import { startLoopback, type Loopback, type Reply } from "./helpers/loopback.js";

let server: Loopback;
let client: Client;
let replies: Reply[];
beforeAll(async () => {
  server = await startLoopback(() => replies.shift() ?? { status: 599, json: { message: "unexpected request" } });
  client = createClient({ apiVersion: "v1", apiKey: "test-key", baseUrl: server.url });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  replies = [];
});

function sent() {
  return server.requests.map((r) => ({ method: r.method, url: r.url, body: r.json }));
}

describe("v1 adapter: exact wire requests and unified results", () => {
  test("clusters.list → GET /api/v1/gpu_clusters", async () => {
    replies = [{ json: { clusters: [v1ClusterWire] } }];
    expect(await client.clusters.list()).toEqual([v1ClusterUnified]);
    expect(sent()).toEqual([{ method: "GET", url: "/api/v1/gpu_clusters", body: undefined }]);
    expect(server.requests[0]!.headers["authorization"]).toBe("Bearer test-key");
  });
  test("clusters.list of an empty proto3 answer ({}) is an empty list", async () => {
    replies = [{ json: {} }];
    expect(await client.clusters.list()).toEqual([]);
  });
  test("clusters.list({project_id}) is refused before any request", async () => {
    await expect(client.clusters.list({ project_id: "p" })).rejects.toBeInstanceOf(UnsupportedByVersionError);
    expect(server.requests).toHaveLength(0);
  });
  test("clusters.get → GET /api/v1/gpu_cluster/{id}", async () => {
    replies = [{ json: v1ClusterWire }];
    const cluster = await client.clusters.get("c 1");
    expect(cluster).toEqual(v1ClusterUnified);
    expect(cluster.kube_config).toBe(v1ClusterWire.kube_config);
    expect(sent()).toEqual([{ method: "GET", url: "/api/v1/gpu_cluster/c%201", body: undefined }]);
  });
  test("clusters.create → POST /api/v1/gpu_cluster with driver_version joined, then GET for the full cluster", async () => {
    replies = [{ json: { cluster_id: "c-1", status: "PENDING" } }, { json: v1ClusterWire }];
    expect(await client.clusters.create(createInput)).toEqual(v1ClusterUnified);
    expect(sent()).toEqual([
      {
        method: "POST",
        url: "/api/v1/gpu_cluster",
        body: {
          cluster_name: "train",
          region: "us-central-8",
          gpu_type: "H100_SXM",
          num_gpus: 8,
          duration_days: 3,
          driver_version: "CUDA_12_6_560",
          billing_type: "RESERVED",
          cluster_type: "KUBERNETES",
        },
      },
      { method: "GET", url: "/api/v1/gpu_cluster/c-1", body: undefined },
    ]);
  });
  test("a failed read-back after a successful create is a ReadBackError carrying the new id, not a failed create", async () => {
    replies = [{ json: { cluster_id: "c-9", status: "PENDING" } }, { status: 404, json: { message: "not yet" } }];
    const error = await client.clusters.create(createInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadBackError);
    expect(error).toMatchObject({ resourceKind: "cluster", resourceId: "c-9" });
    expect((error as ReadBackError).cause).toBeInstanceOf(NotFoundError);
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "GET"]);
  });
  test("clusters.create of a pair v1 cannot express is refused before any request", async () => {
    await expect(client.clusters.create({ ...createInput, cuda_version: "13.0", nvidia_driver_version: "580" })).rejects.toThrow(
      /driver cuda_version "13.0" \+ nvidia_driver_version "580" is not supported by API v1: v1 can express only these pairs/,
    );
    await expect(client.clusters.create({ ...createInput, gpu_type: "L40_PCIE" })).rejects.toBeInstanceOf(UnsupportedByVersionError);
    expect(server.requests).toHaveLength(0);
  });
  test("clusters.update → PUT /api/v1/gpu_cluster with cluster_id in the body, then GET", async () => {
    replies = [{ json: { cluster_id: "c-1", status: "READY" } }, { json: { ...v1ClusterWire, num_gpus: 16 } }];
    expect((await client.clusters.update("c-1", { cluster_type: "SLURM", num_gpus: 16 })).num_gpus).toBe(16);
    expect(sent()).toEqual([
      { method: "PUT", url: "/api/v1/gpu_cluster", body: { cluster_id: "c-1", cluster_type: "SLURM", num_gpus: 16 } },
      { method: "GET", url: "/api/v1/gpu_cluster/c-1", body: undefined },
    ]);
  });
  test("clusters.update of reservation_end_time is refused on v1", async () => {
    await expect(client.clusters.update("c-1", { reservation_end_time: "2030-01-01T00:00:00Z" })).rejects.toBeInstanceOf(UnsupportedByVersionError);
    expect(server.requests).toHaveLength(0);
  });
  test("clusters.delete → DELETE /api/v1/gpu_cluster/{id}", async () => {
    replies = [{ json: { cluster_id: "c-1" } }];
    expect(await client.clusters.delete("c-1")).toEqual({ cluster_id: "c-1" });
    expect(sent()).toEqual([{ method: "DELETE", url: "/api/v1/gpu_cluster/c-1", body: undefined }]);
  });
  test("regions.list → GET /api/v1/regions, driver tokens split, odd ones kept", async () => {
    replies = [{ json: { regions: [{ id: "r1", name: "us-central-8", availability_zones: ["a"], driver_versions: ["CUDA_12_6_560", "CUDA_13_0_580", "UNKNOWN_DRIVER"] }] } }];
    expect(await client.regions.list()).toEqual([
      {
        id: "r1",
        name: "us-central-8",
        availability_zones: ["a"],
        driver_versions: [
          { cuda_version: "12.6", nvidia_driver_version: "560" },
          { cuda_version: "13.0", nvidia_driver_version: "580" },
        ],
        unparsed_driver_versions: ["UNKNOWN_DRIVER"],
      },
    ]);
    expect(sent()).toEqual([{ method: "GET", url: "/api/v1/regions", body: undefined }]);
  });
  test("volumes.list / get / create (+GET) / delete hit the v1 paths; update is refused", async () => {
    const wire = { volume_id: "v-1", volume_name: "data", size_tib: 2 };
    replies = [{ json: { volumes: [wire] } }, { json: wire }, { json: { volume_id: "v-1" } }, { json: wire }, { json: { success: true } }];
    expect(await client.volumes.list()).toEqual([wire]);
    expect(await client.volumes.get("v-1")).toEqual(wire);
    expect(await client.volumes.create({ volume_name: "data", size_tib: 2, region: "us-central-8" })).toEqual(wire);
    expect(await client.volumes.delete("v-1")).toEqual({ volume_id: "v-1", success: true });
    await expect(client.volumes.update("v-1", { size_tib: 3 })).rejects.toThrow("volumes.update is not supported by API v1");
    expect(sent()).toEqual([
      { method: "GET", url: "/api/v1/shared_volumes", body: undefined },
      { method: "GET", url: "/api/v1/shared_volume/v-1", body: undefined },
      { method: "POST", url: "/api/v1/shared_volume", body: { volume_name: "data", size_tib: 2, region: "us-central-8" } },
      { method: "GET", url: "/api/v1/shared_volume/v-1", body: undefined },
      { method: "DELETE", url: "/api/v1/shared_volume/v-1", body: undefined },
    ]);
  });
  test("volumes.delete of a proto3 empty answer ({}) reports success false", async () => {
    replies = [{ json: {} }];
    expect(await client.volumes.delete("v-1")).toEqual({ volume_id: "v-1", success: false });
  });
});
