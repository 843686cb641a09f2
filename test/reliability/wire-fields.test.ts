/**
 * A 200 whose cluster is missing a field the client needs, or carries one with the wrong type, is an
 * InvalidResponseError that names the field (JSON pointer) and keeps the status and request id — never a cluster with
 * a hole in it, never a TypeError later in caller code.
 *
 * v1 is proto3 JSON, which omits empty and default values, so only `cluster_id` is indispensable there; v2 marks its
 * fields required. Wire fields the unified Cluster does not surface (v2 counters, `phase_transitions`, `add_ons`)
 * are not read, so they are not checked.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient, InvalidResponseError, type ApiVersion } from "../../src/index.js";
import { v1ClusterWire, v2ClusterWire } from "../client/fixtures.js";
import { startHostileServer, type HostileServer } from "./hostile-server.js";

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(async () => {
  await server.close();
});

const wire: Record<ApiVersion, Readonly<Record<string, unknown>>> = { v1: v1ClusterWire, v2: v2ClusterWire };

/** Fields whose absence must be refused. */
const indispensable: Record<ApiVersion, readonly string[]> = {
  v1: ["cluster_id"],
  v2: [
    "cluster_id",
    "cluster_name",
    "cluster_type",
    "region",
    "gpu_type",
    "num_gpus",
    "cuda_version",
    "nvidia_driver_version",
    "status",
    "volumes",
    "control_plane_nodes",
    "gpu_worker_nodes",
    "kube_config",
  ],
};

/** Fields the client reads, so a wrong type must be refused. */
const read: Record<ApiVersion, readonly string[]> = {
  v1: Object.keys(v1ClusterWire),
  v2: [...indispensable.v2, "project_id", "billing_type", "created_at", "duration_hours"],
};

/** A value of a JSON type the field does not have. */
function wrongType(value: unknown): unknown {
  return typeof value === "string" ? 42 : "not-the-right-type";
}

async function getWith(version: ApiVersion, body: Record<string, unknown>): Promise<unknown> {
  server.plan({ status: 200, body: JSON.stringify(body), headers: { "content-type": "application/json", "x-request-id": "req-fields" } });
  const client = createClient({ apiVersion: version, apiKey: "wire-fields-key-0123", baseUrl: server.url, maxRetries: 0 });
  return client.clusters.get("c-1").catch((e: unknown) => e);
}

describe.each(["v1", "v2"] as const)("cluster fields on %s", (version) => {
  test.each(indispensable[version])("a 200 without %s is an InvalidResponseError naming it", async (field) => {
    const body = { ...wire[version] };
    delete body[field];
    const error = await getWith(version, body);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, requestId: "req-fields", path: `/${field}` });
  });

  test.each(read[version])("a 200 with %s of the wrong type is an InvalidResponseError naming it", async (field) => {
    const error = await getWith(version, { ...wire[version], [field]: wrongType(wire[version][field]) });
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, requestId: "req-fields", path: `/${field}` });
  });

  test("the untouched wire cluster is accepted (so the failures above are the fields' doing)", async () => {
    const cluster = await getWith(version, { ...wire[version] });
    expect(cluster).toMatchObject({ cluster_id: "c-1", cluster_name: "train" });
  });
});
