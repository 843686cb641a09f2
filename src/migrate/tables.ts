/**
 * What the codemod knows about v1-era callers beyond the client's mapping tables (src/mappings): the v1 routes and
 * the unified call each becomes, the names of Together's older CLI and docs, and the answer fields v2 never sends.
 * docs/migration.md is generated from these tables and the mappings, so they are the single copy.
 */
import type { GpuType } from "../types.js";

/** A v1 route and what a caller writes instead. `envelope`: the v1 answer wraps a list in this key. */
export interface V1Route {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path after `/api/v1/`; `{id}` is the one path parameter. */
  readonly path: string;
  /** The v2 route the unified client sends. */
  readonly v2: string;
  /** Unified call, as `group.method`. */
  readonly call: `${"clusters" | "regions" | "volumes"}.${string}`;
  /** How the arguments are passed. */
  readonly args: "none" | "id" | "body" | "id-from-body";
  readonly envelope?: "clusters" | "regions" | "volumes";
}

/** Every v1 route (specs/v1.yaml) and its unified call. */
export const v1Routes: readonly V1Route[] = [
  { method: "GET", path: "gpu_clusters", v2: "GET /compute/clusters", call: "clusters.list", args: "none", envelope: "clusters" },
  { method: "GET", path: "gpu_cluster/{id}", v2: "GET /compute/clusters/{cluster_id}", call: "clusters.get", args: "id" },
  { method: "POST", path: "gpu_cluster", v2: "POST /compute/clusters", call: "clusters.create", args: "body" },
  { method: "PUT", path: "gpu_cluster", v2: "PUT /compute/clusters/{cluster_id}", call: "clusters.update", args: "id-from-body" },
  { method: "DELETE", path: "gpu_cluster/{id}", v2: "DELETE /compute/clusters/{cluster_id}", call: "clusters.delete", args: "id" },
  { method: "GET", path: "regions", v2: "GET /compute/regions", call: "regions.list", args: "none", envelope: "regions" },
  { method: "GET", path: "shared_volumes", v2: "GET /compute/clusters/storage/volumes", call: "volumes.list", args: "none", envelope: "volumes" },
  { method: "GET", path: "shared_volume/{id}", v2: "GET /compute/clusters/storage/volumes/{volume_id}", call: "volumes.get", args: "id" },
  { method: "POST", path: "shared_volume", v2: "POST /compute/clusters/storage/volumes", call: "volumes.create", args: "body" },
  { method: "DELETE", path: "shared_volume/{id}", v2: "DELETE /compute/clusters/storage/volumes/{volume_id}", call: "volumes.delete", args: "id" },
];

/** First path segments of the v1 routes (`gpu_cluster`, `regions`, …): what makes an `/api/v1/…` path Together's. */
export const v1Resources: ReadonlySet<string> = new Set(v1Routes.map((route) => route.path.split("/")[0]!));

/** Default v1 origin; a URL on it with no other origin is the default of `createClient`. */
export const v1Origin = "https://manager.cloud.together.ai";

/** Field names of Together's older CLI and docs examples → the unified (v2) name, in cluster create input. */
export const olderCreateFieldNames = {
  name: "cluster_name",
  instance_type: "gpu_type",
  reservation_duration: "duration_days",
} as const satisfies Record<string, string>;

/** Field names inside `shared_volume` of older examples → unified. */
export const olderVolumeFieldNames = { name: "volume_name" } as const satisfies Record<string, string>;

/** Billing spellings of the older CLI → unified billing type. */
export const olderBillingTypes = { prepaid: "RESERVED", on_demand: "ON_DEMAND", "on-demand": "ON_DEMAND" } as const satisfies Record<string, string>;

/** Instance types of the older CLI (`H100-SXM`) → unified GPU type. */
export const olderInstanceTypes = {
  "H100-SXM": "H100_SXM",
  "H200-SXM": "H200_SXM",
  "RTX-6000-PCI": "RTX_6000_PCI",
  "L40-PCIE": "L40_PCIE",
  "B200-SXM": "B200_SXM",
  "H100-SXM-INF": "H100_SXM_INF",
} as const satisfies Record<string, GpuType>;

/** `together-ai` SDK `beta.clusters` methods → unified call. */
export const sdkClusterMethods = {
  create: "clusters.create",
  retrieve: "clusters.get",
  update: "clusters.update",
  list: "clusters.list",
  delete: "clusters.delete",
  listRegions: "regions.list",
  list_regions: "regions.list",
} as const satisfies Record<string, V1Route["call"]>;

/** `together-ai` SDK `beta.clusters.storage` methods → unified call. */
export const sdkStorageMethods = {
  create: "volumes.create",
  retrieve: "volumes.get",
  update: "volumes.update",
  list: "volumes.list",
  delete: "volumes.delete",
} as const satisfies Record<string, V1Route["call"]>;

/** Unified answer fields only a v1 server fills: reading them after switching to v2 gives `undefined`. */
export const v1OnlyAnswerFields = {
  Region: ["id", "availability_zones", "unparsed_driver_versions"],
  ControlPlaneNode: ["node_name"],
  GpuWorkerNode: ["node_name"],
} as const satisfies Record<string, readonly string[]>;

/** v1 answer fields that do not exist in the unified answers, and what to read instead. */
export const v1AnswerFieldReplacements = {
  driver_version: "cuda_version + nvidia_driver_version",
  driver_versions: "driver_versions is now a list of { cuda_version, nvidia_driver_version } pairs",
} as const satisfies Record<string, string>;
