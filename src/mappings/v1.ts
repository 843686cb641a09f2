/**
 * v1 wire ↔ unified objects, as pure functions (the enum tables are in v1-vocabulary.ts). v1 is proto3-JSON: no field is required and empty
 * values may be omitted, so absent scalars read as their proto default ("" / 0 / []) except `cluster_id`, without
 * which an answer is unusable. Fields v1 lacks stay absent in the unified objects.
 */
import type {
  V1Cluster,
  V1ClusterCreateAnswer,
  V1ClusterCreateBody,
  V1ClusterDeleteAnswer,
  V1ClusterList,
  V1ClusterUpdateAnswer,
  V1ClusterUpdateBody,
  V1ClusterVolume,
  V1ControlPlaneNode,
  V1Region,
  V1RegionList,
  V1Volume,
  V1VolumeCreateAnswer,
  V1VolumeCreateBody,
  V1VolumeDeleteAnswer,
  V1VolumeList,
  V1WorkerNode,
} from "../../generated/stable.js";
import { UnsupportedByVersionError, ValidationError, type ResponseInfo } from "../errors.js";
import type {
  Cluster,
  ClusterCreateInput,
  ClusterUpdateInput,
  ClusterVolume,
  ControlPlaneNode,
  DeletedCluster,
  DeletedVolume,
  DriverVersion,
  GpuWorkerNode,
  Region,
  Volume,
  VolumeCreateInput,
} from "../types.js";
import { clusterTypeValues, gpuTypeValues, knownFrom } from "../vocabulary.js";
import { asObject, optBoolean, optNumber, optString, readArray, readStrings, reqNonEmptyStringOptionalInSpec, type EncodedBody, type FieldOf, type WireObject } from "../wire.js";
import { withHiddenKubeConfig } from "./credentials.js";
import { withWire } from "./wire-view.js";
import { parseV1Driver } from "./driver.js";
import { lifecycleOf } from "./status.js";
import { billingTypeToV1, clusterTypeFromV1, clusterTypeToV1, driverToV1, gpuTypeFromV1, gpuTypeToV1, statusFromV1Wire } from "./v1-vocabulary.js";

/** v1 create, update (the cluster id travels in the body) and volume create bodies. */
export type { V1ClusterCreateBody, V1ClusterUpdateBody, V1VolumeCreateBody };

const unifiedClusterTypes: ReadonlySet<string> = /* @__PURE__ */ new Set(clusterTypeValues);
const unifiedGpuTypes: ReadonlySet<string> = /* @__PURE__ */ new Set(gpuTypeValues);

function refuse(feature: string, detail: string): never {
  throw new UnsupportedByVersionError("v1", feature, detail);
}

/**
 * Unified create fields v1 has no place for (a spec-default `false` is dropped); v1-create-fields.ts gives every other
 * field its v1 fate, so together they cover the unified input (checked at compile time there).
 */
export const refusedOnV1 = [
  "gpu_node_failover_enabled",
  "auto_scaled",
  "auto_scale_max_gpus",
  "slurm_shm_size_gib",
  "capacity_pool_id",
  "reservation_start_time",
  "reservation_end_time",
  "install_traefik",
  "slurm_image",
] as const satisfies ReadonlyArray<keyof ClusterCreateInput>;

/** unified create input (already validated) → v1 body. Throws before any request when v1 cannot express it. */
export function clusterCreateToV1(input: ClusterCreateInput): V1ClusterCreateBody {
  for (const field of refusedOnV1) {
    const value = input[field];
    if (value !== undefined && value !== false) refuse(field, "v1 has no such field");
  }
  const gpuType = gpuTypeToV1[input.gpu_type];
  if (gpuType === null) refuse(`gpu_type ${input.gpu_type}`, `v1 offers ${Object.values(gpuTypeToV1).filter((g) => g !== null).join(", ")}`);
  const billingType = billingTypeToV1[input.billing_type];
  if (billingType === null) refuse(`billing_type ${input.billing_type}`, "v1 offers RESERVED and ON_DEMAND");
  if (input.duration_days === undefined) {
    throw new ValidationError([{ path: "duration_days", message: "is required by API v1 (v2 makes it optional)" }]);
  }
  const body: EncodedBody<V1ClusterCreateBody> = {
    cluster_name: input.cluster_name,
    region: input.region,
    gpu_type: gpuType,
    num_gpus: input.num_gpus,
    duration_days: input.duration_days,
    driver_version: driverToV1(input),
    billing_type: billingType,
  };
  if (input.cluster_type !== undefined) body.cluster_type = clusterTypeToV1[input.cluster_type];
  if (input.shared_volume !== undefined) body.shared_volume = volumeCreateToV1(input.shared_volume);
  if (input.volume_id !== undefined) body.volume_id = input.volume_id;
  return body;
}

/** unified update (already validated) → v1 body; v1 puts the cluster id in the body. */
export function clusterUpdateToV1(clusterId: string, patch: ClusterUpdateInput): V1ClusterUpdateBody {
  if (patch.reservation_end_time !== undefined) refuse("reservation_end_time", "v1 updates only cluster_type and num_gpus");
  const body: EncodedBody<V1ClusterUpdateBody> = { cluster_id: clusterId };
  if (patch.cluster_type !== undefined) body.cluster_type = clusterTypeToV1[patch.cluster_type];
  if (patch.num_gpus !== undefined) body.num_gpus = patch.num_gpus;
  return body;
}

/** unified volume input → v1 body. */
export function volumeCreateToV1(input: VolumeCreateInput): V1VolumeCreateBody {
  const body: EncodedBody<V1VolumeCreateBody> = { volume_name: input.volume_name, size_tib: input.size_tib, region: input.region };
  return body;
}

function str<S>(info: ResponseInfo, o: WireObject<S>, key: FieldOf<S, string>, path: string): string {
  return optString(info, o, key, path) ?? "";
}
function num<S>(info: ResponseInfo, o: WireObject<S>, key: FieldOf<S, number>, path: string): number {
  return optNumber(info, o, key, path) ?? 0;
}

function volumeInClusterFromV1(info: ResponseInfo, item: unknown, path: string): ClusterVolume {
  const o = asObject<V1ClusterVolume>(info, item, path);
  return { volume_id: str(info, o, "volume_id", path), volume_name: str(info, o, "volume_name", path), size_tib: num(info, o, "size_tib", path), status: str(info, o, "status", path) };
}

function controlPlaneNodeFromV1(info: ResponseInfo, item: unknown, path: string): ControlPlaneNode {
  const o = asObject<V1ControlPlaneNode>(info, item, path);
  return {
    node_id: str(info, o, "node_id", path),
    node_name: str(info, o, "node_name", path),
    status: str(info, o, "status", path),
    host_name: str(info, o, "host_name", path),
    num_cpu_cores: num(info, o, "num_cpu_cores", path),
    memory_gib: num(info, o, "memory_gib", path),
    network: str(info, o, "network", path),
  };
}

function workerNodeFromV1(info: ResponseInfo, item: unknown, path: string): GpuWorkerNode {
  const o = asObject<V1WorkerNode>(info, item, path);
  return {
    node_id: str(info, o, "node_id", path),
    node_name: str(info, o, "node_name", path),
    status: str(info, o, "status", path),
    host_name: str(info, o, "host_name", path),
    num_cpu_cores: num(info, o, "num_cpu_cores", path),
    num_gpus: num(info, o, "num_gpus", path),
    memory_gib: num(info, o, "memory_gib", path),
    networks: readStrings(info, o, "networks", path, false),
  };
}

/** v1 GPUClusterInfo → unified Cluster. */
export function clusterFromV1(info: ResponseInfo, value: unknown, path: string): Cluster {
  const o = asObject<V1Cluster>(info, value, path);
  const rawStatus = str(info, o, "status", path);
  const status = rawStatus === "" ? ({ unrecognized: true, raw: "" } as const) : statusFromV1Wire(rawStatus);
  const driver = parseV1Driver(str(info, o, "driver_version", path));
  const cluster: { -readonly [K in keyof Cluster]: Cluster[K] } = {
    cluster_id: reqNonEmptyStringOptionalInSpec(info, o, "cluster_id", path),
    cluster_name: str(info, o, "cluster_name", path),
    cluster_type: knownFrom(clusterTypeFromV1, str(info, o, "cluster_type", path) || "UNKNOWN_TYPE", unifiedClusterTypes),
    region: str(info, o, "region", path),
    gpu_type: knownFrom(gpuTypeFromV1, str(info, o, "gpu_type", path) || "UNKNOWN_GPU_TYPE", unifiedGpuTypes),
    num_gpus: num(info, o, "num_gpus", path),
    status,
    lifecycle: lifecycleOf(status),
    raw_status: rawStatus,
    volumes: readArray(info, o, "volumes", path, false, (item, p) => volumeInClusterFromV1(info, item, p)),
    control_plane_nodes: readArray(info, o, "control_plane_nodes", path, false, (item, p) => controlPlaneNodeFromV1(info, item, p)),
    gpu_worker_nodes: readArray(info, o, "gpu_worker_nodes", path, false, (item, p) => workerNodeFromV1(info, item, p)),
  };
  if (driver !== undefined) {
    cluster.cuda_version = driver.cuda_version;
    cluster.nvidia_driver_version = driver.nvidia_driver_version;
  }
  const hours = optNumber(info, o, "duration_hours", path);
  if (hours !== undefined) cluster.duration_hours = hours;
  return withWire(withHiddenKubeConfig(cluster, optString(info, o, "kube_config", path)), "v1", o);
}

/** v1 Region → unified Region; driver tokens are parsed, odd ones kept in `unparsed_driver_versions`. */
export function regionFromV1(info: ResponseInfo, value: unknown, path: string): Region {
  const o = asObject<V1Region>(info, value, path);
  const tokens = readStrings(info, o, "driver_versions", path, false);
  const pairs: DriverVersion[] = [];
  const unparsed: string[] = [];
  for (const token of tokens) {
    const pair = parseV1Driver(token);
    if (pair === undefined) unparsed.push(token);
    else pairs.push(pair);
  }
  const region: { -readonly [K in keyof Region]: Region[K] } = {
    name: str(info, o, "name", path),
    driver_versions: pairs,
    id: str(info, o, "id", path),
    availability_zones: readStrings(info, o, "availability_zones", path, false),
  };
  if (unparsed.length > 0) region.unparsed_driver_versions = unparsed;
  return withWire(region, "v1", o);
}

/** v1 SharedVolumeInfo → unified Volume (v1 volumes have no status). */
export function volumeFromV1(info: ResponseInfo, value: unknown, path: string): Volume {
  const o = asObject<V1Volume>(info, value, path);
  return withWire({ volume_id: reqNonEmptyStringOptionalInSpec(info, o, "volume_id", path), volume_name: str(info, o, "volume_name", path), size_tib: num(info, o, "size_tib", path) }, "v1", o);
}

/** v1 cluster list answer → unified clusters (proto3 JSON omits an empty list). */
export function clusterListFromV1(info: ResponseInfo, value: unknown): Cluster[] {
  return readArray(info, asObject<V1ClusterList>(info, value, ""), "clusters", "", false, (item, path) => clusterFromV1(info, item, path));
}

/** v1 region list answer → unified regions. */
export function regionListFromV1(info: ResponseInfo, value: unknown): Region[] {
  return readArray(info, asObject<V1RegionList>(info, value, ""), "regions", "", false, (item, path) => regionFromV1(info, item, path));
}

/** v1 volume list answer → unified volumes. */
export function volumeListFromV1(info: ResponseInfo, value: unknown): Volume[] {
  return readArray(info, asObject<V1VolumeList>(info, value, ""), "volumes", "", false, (item, path) => volumeFromV1(info, item, path));
}

/** v1 create answer → the new cluster's id (the only field the client needs from it). */
export function createdClusterIdFromV1(info: ResponseInfo, value: unknown): string {
  return reqNonEmptyStringOptionalInSpec(info, asObject<V1ClusterCreateAnswer>(info, value, ""), "cluster_id", "");
}

/** v1 update answer → the cluster id it echoes, if any. */
export function updatedClusterIdFromV1(info: ResponseInfo, value: unknown): string | undefined {
  return optString(info, asObject<V1ClusterUpdateAnswer>(info, value, ""), "cluster_id", "") || undefined;
}

/** v1 cluster delete answer → unified: proto3 JSON may omit the echo; the id asked for is the id deleted. */
export function clusterDeletedFromV1(info: ResponseInfo, value: unknown, clusterId: string): DeletedCluster {
  return { cluster_id: optString(info, asObject<V1ClusterDeleteAnswer>(info, value, ""), "cluster_id", "") || clusterId };
}

/** v1 volume create answer → the new volume's id. */
export function createdVolumeIdFromV1(info: ResponseInfo, value: unknown): string {
  return reqNonEmptyStringOptionalInSpec(info, asObject<V1VolumeCreateAnswer>(info, value, ""), "volume_id", "");
}

/** v1 volume delete answer → unified: proto3 JSON omits `false`, so an empty object means success: false. */
export function volumeDeletedFromV1(info: ResponseInfo, value: unknown, volumeId: string): DeletedVolume {
  return { volume_id: volumeId, success: optBoolean(info, asObject<V1VolumeDeleteAnswer>(info, value, ""), "success", "") ?? false };
}
