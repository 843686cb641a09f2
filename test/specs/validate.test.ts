/**
 * Guards the vendored specs (specs/v1.yaml, specs/v2.yaml): each must pass a real OpenAPI validator
 * (Redocly's recommended ruleset, which includes the structural `struct` rule and unresolved-$ref checks),
 * parse cleanly with `yaml`, convert with openapi-typescript, and still carry the facts a bad
 * transcription would break (operations, required lists, the quirks we keep on purpose).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createConfig, lint } from "@redocly/openapi-core";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

type Json = Record<string, unknown>;

function specPath(version: "v1" | "v2"): string {
  return fileURLToPath(new URL(`../../specs/${version}.yaml`, import.meta.url));
}

function loadSpec(version: "v1" | "v2"): Json {
  const doc = parseDocument(readFileSync(specPath(version), "utf8"));
  if (doc.errors.length > 0 || doc.warnings.length > 0) {
    throw new Error(`specs/${version}.yaml: ${[...doc.errors, ...doc.warnings].map(String).join("; ")}`);
  }
  return doc.toJS() as Json;
}

/** Walks a plain-object path and fails with the full path when a step is missing. */
function at(root: unknown, ...keys: string[]): Json {
  let node: unknown = root;
  for (const [i, key] of keys.entries()) {
    if (typeof node !== "object" || node === null || !(key in node)) {
      throw new Error(`missing ${keys.slice(0, i + 1).join(" → ")}`);
    }
    node = (node as Json)[key];
  }
  return node as Json;
}

/** `"METHOD /path" → operation` for every operation in the document. */
function operations(spec: Json): Map<string, Json> {
  const ops = new Map<string, Json>();
  for (const [path, item] of Object.entries(at(spec, "paths"))) {
    for (const method of HTTP_METHODS) {
      const op = (item as Json)[method];
      if (op !== undefined) ops.set(`${method.toUpperCase()} ${path}`, op as Json);
    }
  }
  return ops;
}

function operationIds(spec: Json): Record<string, string> {
  return Object.fromEntries([...operations(spec)].map(([key, op]) => [key, String(op["operationId"])]));
}

function responseRef(op: Json): unknown {
  return at(op, "responses", "200", "content", "application/json", "schema")["$ref"];
}

function schema(spec: Json, name: string): Json {
  return at(spec, "components", "schemas", name);
}

async function redoclyProblems(version: "v1" | "v2") {
  const config = await createConfig({ extends: ["recommended"] });
  return lint({ ref: specPath(version), config });
}

describe.each(["v1", "v2"] as const)("specs/%s.yaml validity", (version) => {
  it("has no Redocly lint errors (recommended ruleset)", async () => {
    const problems = await redoclyProblems(version);
    const describe = (p: (typeof problems)[number]) =>
      `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? "?"}: ${p.message}`;
    const warnings = problems.filter((p) => p.severity !== "error");
    if (warnings.length > 0) console.info(`specs/${version}.yaml lint warnings:\n${warnings.map(describe).join("\n")}`);
    expect(problems.filter((p) => p.severity === "error").map(describe)).toEqual([]);
  });

  it("parses with the yaml package without errors or warnings", () => {
    expect(() => loadSpec(version)).not.toThrow();
  });

  it("converts with openapi-typescript into a `paths` type naming every path", async () => {
    const spec = loadSpec(version);
    const source = astToString(await openapiTS(new URL(`file://${specPath(version)}`), { silent: true }));
    for (const path of Object.keys(at(spec, "paths"))) expect(source).toContain(`"${path}": {`);
  });

  it("declares only '200' responses (no error schemas), as the sources do", () => {
    for (const [key, op] of operations(loadSpec(version))) {
      expect(Object.keys(at(op, "responses")), key).toEqual(["200"]);
    }
  });
});

describe("specs/v1.yaml content", () => {
  const spec = loadSpec("v1");

  it("has exactly the 10 v1 operations with their operationIds", () => {
    expect(operationIds(spec)).toEqual({
      "POST /api/v1/gpu_cluster": "GPUClusterService_Create",
      "PUT /api/v1/gpu_cluster": "GPUClusterService_Update",
      "GET /api/v1/gpu_cluster/{cluster_id}": "GPUClusterService_Get",
      "DELETE /api/v1/gpu_cluster/{cluster_id}": "GPUClusterService_Delete",
      "GET /api/v1/gpu_clusters": "GPUClusterService_List",
      "GET /api/v1/regions": "RegionService_List",
      "POST /api/v1/shared_volume": "SharedVolumeService_Create",
      "GET /api/v1/shared_volume/{volume_id}": "SharedVolumeService_Get",
      "DELETE /api/v1/shared_volume/{volume_id}": "SharedVolumeService_Delete",
      "GET /api/v1/shared_volumes": "SharedVolumeService_List",
    });
  });

  it("keeps the tcloud header and adds only the manager host as server", () => {
    expect(at(spec, "info")).toEqual({ title: "", version: "0.0.1" });
    expect(spec["openapi"]).toBe("3.0.3");
    expect(spec["servers"]).toEqual([{ url: "https://manager.cloud.together.ai" }]);
    expect(spec["security"]).toEqual([{ bearerAuth: [] }]);
    expect(at(spec, "components", "securitySchemes")).toEqual({ bearerAuth: { type: "http", scheme: "bearer" } });
  });

  it("marks the reconstructed list operation and returns GPUClusters {clusters: GPUClusterInfo[]}", () => {
    const list = at(spec, "paths", "/api/v1/gpu_clusters", "get");
    expect(list["x-reconstructed"]).toBe(true);
    expect(String(list["description"])).toMatch(/^Reconstructed/);
    expect(list["summary"]).toBe("List all GPU clusters.");
    expect(responseRef(list)).toBe("#/components/schemas/GPUClusters");
    expect(schema(spec, "GPUClusters")).toEqual({
      type: "object",
      properties: { clusters: { type: "array", items: { $ref: "#/components/schemas/GPUClusterInfo" } } },
    });
  });

  it("requires fields only on the create request, with the published list", () => {
    const withRequired = Object.entries(at(spec, "components", "schemas"))
      .filter(([, s]) => "required" in (s as Json))
      .map(([name]) => name);
    expect(withRequired).toEqual(["GPUClusterCreateRequest"]);
    expect(schema(spec, "GPUClusterCreateRequest")["required"]).toEqual([
      "region", "gpu_type", "num_gpus", "cluster_name", "duration_days", "driver_version", "billing_type",
    ]);
  });

  it("keeps the proto-derived quirks: format enum/uint32, sic schema name, id in update body", () => {
    const create = at(schema(spec, "GPUClusterCreateRequest"), "properties");
    expect(at(create, "driver_version")).toMatchObject({ type: "string", format: "enum" });
    expect(at(create, "driver_version")["enum"]).toEqual([
      "UNKNOWN_DRIVER", "CUDA_12_5_555", "CUDA_12_6_560", "CUDA_12_6_565", "CUDA_12_8_570",
    ]);
    expect(at(create, "cluster_type")["description"]).toBe("GPU Cluster create request.");
    expect(at(create, "duration_days")["format"]).toBe("uint32");
    expect(at(schema(spec, "GPUClusterInfo"), "properties", "duration_hours")["format"]).toBe("uint32");
    expect(at(schema(spec, "GPUClusterUpdateRequest"), "properties", "num_gpus")["format"]).toBe("uint32");

    const del = at(spec, "paths", "/api/v1/gpu_cluster/{cluster_id}", "delete");
    expect(responseRef(del)).toBe("#/components/schemas/GPUCLusterDeleteResponse");

    const update = at(spec, "paths", "/api/v1/gpu_cluster", "put");
    expect(update["parameters"]).toBeUndefined();
    expect(Object.keys(at(schema(spec, "GPUClusterUpdateRequest"), "properties"))).toEqual([
      "cluster_id", "cluster_type", "num_gpus",
    ]);
  });

  it("has no shared-volume update", () => {
    expect(at(spec, "paths", "/api/v1/shared_volume")["put"]).toBeUndefined();
    expect([...operations(spec).values()].map((op) => op["operationId"])).not.toContain("SharedVolumeService_Update");
  });
});

describe("specs/v2.yaml content", () => {
  const spec = loadSpec("v2");
  const clusterInfoRef = "#/components/schemas/GPUClusterInfo";

  it("has exactly the 11 GPU-cluster operations (no availability-zones)", () => {
    expect(operationIds(spec)).toEqual({
      "GET /compute/clusters": "GPUClusterService_List",
      "POST /compute/clusters": "GPUClusterService_Create",
      "GET /compute/clusters/{cluster_id}": "GPUClusterService_Get",
      "PUT /compute/clusters/{cluster_id}": "GPUClusterService_Update",
      "DELETE /compute/clusters/{cluster_id}": "GPUClusterService_Delete",
      "GET /compute/regions": "RegionService_List",
      "GET /compute/clusters/storage/volumes": "SharedVolumeService_List",
      "PUT /compute/clusters/storage/volumes": "SharedVolumeService_Update",
      "POST /compute/clusters/storage/volumes": "SharedVolumeService_Create",
      "GET /compute/clusters/storage/volumes/{volume_id}": "SharedVolumeService_Get",
      "DELETE /compute/clusters/storage/volumes/{volume_id}": "SharedVolumeService_Delete",
    });
    expect(Object.keys(at(spec, "components", "schemas"))).not.toContain("ListAvailibilityZonesResponse");
  });

  it("takes info, servers and security from the newest docs YAML", () => {
    expect(spec["openapi"]).toBe("3.1.0");
    expect(at(spec, "info")).toMatchObject({
      version: "2.0.0",
      description: "The Together REST API. See https://docs.together.ai for more details.",
    });
    expect(spec["servers"]).toEqual([{ url: "https://api.together.ai/v1" }]);
    expect(at(spec, "components", "securitySchemes", "bearerAuth")).toEqual({
      type: "http", scheme: "bearer", "x-bearer-format": "bearer", "x-default": "default",
    });
  });

  it("returns GPUClusterInfo from create, get and update, and GPUClusters from list", () => {
    expect(responseRef(at(spec, "paths", "/compute/clusters", "post"))).toBe(clusterInfoRef);
    expect(responseRef(at(spec, "paths", "/compute/clusters/{cluster_id}", "get"))).toBe(clusterInfoRef);
    expect(responseRef(at(spec, "paths", "/compute/clusters/{cluster_id}", "put"))).toBe(clusterInfoRef);
    expect(responseRef(at(spec, "paths", "/compute/clusters", "get"))).toBe("#/components/schemas/GPUClusters");
  });

  it("lists with the optional project_id query parameter", () => {
    const params = at(spec, "paths", "/compute/clusters", "get")["parameters"] as Json[];
    expect(params.map((p) => [p["name"], p["in"], p["required"]])).toEqual([["project_id", "query", undefined]]);
  });

  it("uses the newest (list seed) GPUClusterInfo and keeps its type-less enums", () => {
    const info = schema(spec, "GPUClusterInfo");
    expect(info["required"]).toEqual(expect.arrayContaining([
      "project_id", "num_cpu_workers", "phase_transitions", "num_capacity_pool_gpus", "num_reserved_gpus", "billing_type", "add_ons",
    ]));
    const props = at(info, "properties");
    for (const field of ["deleted_gpu_worker_nodes", "node_lifecycle_events", "oidc_config", "cluster_config"]) {
      expect(props, field).toHaveProperty(field);
    }
    for (const field of ["cluster_type", "gpu_type", "status"]) {
      expect(at(props, field), field).toHaveProperty("enum");
      expect(at(props, field), field).not.toHaveProperty("type");
    }
    expect(at(props, "status")["enum"]).toHaveLength(11);
    expect(at(schema(spec, "GPUClusterGPUWorkerNode"), "properties")).not.toHaveProperty("node_name");
  });

  it("transcribes the create request from the rendered page", () => {
    const create = schema(spec, "GPUClusterCreateRequest");
    expect(create["description"]).toBe("GPU Cluster create request");
    expect([...(create["required"] as string[])].sort()).toEqual([
      "billing_type", "cluster_name", "cuda_version", "gpu_type", "num_gpus", "nvidia_driver_version", "region",
    ]);
    const props = at(create, "properties");
    expect(Object.keys(props).sort()).toEqual([
      "auto_scale_max_gpus", "auto_scaled", "billing_type", "capacity_pool_id", "cluster_name", "cluster_type",
      "cuda_version", "duration_days", "gpu_node_failover_enabled", "gpu_type", "install_traefik", "num_gpus",
      "nvidia_driver_version", "region", "reservation_end_time", "reservation_start_time", "shared_volume",
      "slurm_image", "slurm_shm_size_gib", "volume_id",
    ]);
    for (const flag of ["gpu_node_failover_enabled", "auto_scaled", "install_traefik"]) {
      expect(at(props, flag), flag).toMatchObject({ type: "boolean", default: false });
    }
    for (const time of ["reservation_start_time", "reservation_end_time"]) {
      expect(at(props, time), time).toMatchObject({ type: "string", format: "date-time" });
    }
    expect(at(props, "shared_volume")).toMatchObject({
      $ref: "#/components/schemas/GPUClustersSharedVolumeCreateRequest",
      description: "Inline configuration to create a shared volume with the cluster creation.",
    });
    expect(at(props, "billing_type")["enum"]).toEqual(["RESERVED", "ON_DEMAND", "SCHEDULED_CAPACITY"]);
    expect(String(at(props, "reservation_start_time")["description"])).toMatch(/the cluster provisions immediately\.$/);
  });

  it("keeps the stale create code samples (driver_version, billint_type)", () => {
    const samples = at(spec, "paths", "/compute/clusters", "post")["x-codeSamples"] as Json[];
    expect(samples.map((s) => s["lang"])).toEqual(["Python", "TypeScript", "JavaScript", "Shell"]);
    expect(String(samples[0]?.["source"])).toContain('billint_type="ON_DEMAND"');
  });

  it("updates shared volumes with the id in the BODY, not the path", () => {
    const update = at(spec, "paths", "/compute/clusters/storage/volumes", "put");
    expect(update["parameters"]).toBeUndefined();
    expect(Object.keys(at(schema(spec, "GPUClustersSharedVolumeUpdateRequest"), "properties"))).toEqual([
      "volume_id", "size_tib",
    ]);
  });

  it("updates clusters with the id in the path and the seed's request body", () => {
    const update = at(spec, "paths", "/compute/clusters/{cluster_id}", "put");
    expect(update["summary"]).toBe("Update a GPU cluster");
    expect((update["parameters"] as Json[]).map((p) => [p["name"], p["in"], p["required"]])).toEqual([
      ["cluster_id", "path", true],
    ]);
    expect(Object.keys(at(schema(spec, "GPUClusterUpdateRequest"), "properties"))).toEqual([
      "cluster_type", "num_gpus", "reservation_end_time",
    ]);
  });
});
