/**
 * Nothing the server sends is unreachable: every Cluster, Region and Volume carries the decoded answer as a typed,
 * non-enumerable `wire` view, so fields the unified model does not map are one property away and printing stays small.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient } from "../../src/index.js";
import { startFakeApi, type FakeApi } from "../../src/testing/index.js";
import { createInput } from "./fixtures.js";

let fake: FakeApi;
beforeAll(async () => {
  fake = await startFakeApi();
});
afterAll(async () => {
  await fake.close();
});

describe("the wire view", () => {
  test("v2: unmapped cluster fields are typed and reachable; printing, JSON and spreads leave the view out", async () => {
    const client = createClient({ apiVersion: "v2", apiKey: fake.apiKey, baseUrl: fake.urls.v2 });
    const cluster = await client.clusters.create(createInput);
    const wire = cluster.wire!;
    if (wire.version !== "v2") throw new Error("expected the v2 view");
    expect(wire.data.phase_transitions).toEqual(expect.any(Array));
    expect(typeof wire.data.num_cpu_workers).toBe("number");
    expect(typeof wire.data.allocated_preemptible_gpus).toBe("number");
    expect(wire.data.cluster_id).toBe(cluster.cluster_id);
    expect(Object.keys(cluster)).not.toContain("wire");
    expect(JSON.stringify(cluster)).not.toContain("phase_transitions");
    expect(inspect(cluster, { depth: 5 })).not.toContain("phase_transitions");
    // The credential stays hidden inside the view too.
    expect(wire.data.kube_config).toBe(cluster.kube_config);
    expect(inspect(wire, { depth: 5 })).not.toContain("kube_config");
    expect(JSON.stringify(wire)).not.toContain("kube_config");
  });
  test("v1: regions and volumes carry their view, narrowed by version", async () => {
    const client = createClient({ apiVersion: "v1", apiKey: fake.apiKey, baseUrl: fake.urls.v1 });
    const [region] = await client.regions.list();
    expect(region!.wire?.version).toBe("v1");
    if (region!.wire?.version === "v1") expect(region!.wire.data.driver_versions).toEqual(expect.any(Array));
    const volume = await client.volumes.create({ volume_name: "wire", size_tib: 1, region: region!.name });
    expect(volume.wire).toEqual({ version: "v1", data: expect.objectContaining({ volume_id: volume.volume_id }) });
  });
});
