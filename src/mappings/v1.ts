/**
 * v1 wire ↔ unified, as pure functions and exhaustive tables. v1 is proto3-JSON: no field is required and empty
 * values may be omitted, so absent scalars read as their proto default ("" / 0 / []) except `cluster_id`, without
 * which an answer is unusable. Fields v1 lacks stay absent in the unified objects.
 */
import type {
  V1GPUClusterCreateRequestBillingType,
  V1GPUClusterCreateRequestClusterType,
  V1GPUClusterCreateRequestGpuType,
  V1GPUClusterCreateResponseStatus,
  V1GPUClusterInfoClusterType,
  V1GPUClusterInfoGpuType,
  V1GPUClusterUpdateRequestClusterType,
  V1GPUClusterUpdateResponseStatus,
} from "../../generated/enums.js";
import { v1GPUClusterCreateRequestDriverVersionValues } from "../../generated/enums.js";
import type { components } from "../../generated/v1/schema.js";
import { UnsupportedByVersionError, ValidationError, type ResponseInfo } from "../errors.js";
import type {
  BillingType,
  Cluster,
  ClusterCreateInput,
  ClusterStatus,
  ClusterType,
  ClusterUpdateInput,
  ControlPlaneNode,
  DriverVersion,
  GpuType,
  GpuWorkerNode,
  Known,
  Region,
  Volume,
  VolumeCreateInput,
  ClusterVolume,
} from "../types.js";
import { clusterStatusValues, knownFrom, knownIn, lookup } from "../vocabulary.js";
import { asObject, optNumber, optString, readArray, readStrings, reqNonEmptyString, type WireObject } from "../wire.js";
import { withHiddenKubeConfig } from "./credentials.js";
import { describeDriver, formatV1Driver, parseV1Driver } from "./driver.js";
import { lifecycleOf } from "./status.js";

type Schemas = components["schemas"];
/** v1 create body. */
export type V1ClusterCreateBody = Schemas["GPUClusterCreateRequest"];
/** v1 update body (the cluster id travels in the body). */
export type V1ClusterUpdateBody = Schemas["GPUClusterUpdateRequest"];
/** v1 volume create body. */
export type V1VolumeCreateBody = Schemas["SharedVolumeCreateRequest"];

type V1ClusterType = V1GPUClusterInfoClusterType | V1GPUClusterCreateRequestClusterType | V1GPUClusterUpdateRequestClusterType;
type V1GpuType = V1GPUClusterInfoGpuType | V1GPUClusterCreateRequestGpuType;
type V1Status = V1GPUClusterCreateResponseStatus | V1GPUClusterUpdateResponseStatus;

// null: a v1 sentinel that means "unknown"; it arrives as Unrecognized with its raw string.
/** v1 cluster type → unified. */
export const clusterTypeFromV1 = { UNKNOWN_TYPE: null, KUBERNETES: "KUBERNETES", SLURM: "SLURM" } as const satisfies Record<V1ClusterType, ClusterType | null>;
/** unified cluster type → v1. */
export const clusterTypeToV1 = { KUBERNETES: "KUBERNETES", SLURM: "SLURM" } as const satisfies Record<ClusterType, V1ClusterType | null>;

/** v1 GPU type → unified. */
export const gpuTypeFromV1 = {
  UNKNOWN_GPU_TYPE: null,
  H100_SXM: "H100_SXM",
  H200_SXM: "H200_SXM",
  RTX_6000_PCI: "RTX_6000_PCI",
} as const satisfies Record<V1GpuType, GpuType | null>;
/** unified GPU type → v1; null where v1 has no such GPU. */
export const gpuTypeToV1 = {
  H100_SXM: "H100_SXM",
  H200_SXM: "H200_SXM",
  RTX_6000_PCI: "RTX_6000_PCI",
  L40_PCIE: null,
  B200_SXM: null,
  H100_SXM_INF: null,
} as const satisfies Record<GpuType, V1GpuType | null>;

/** v1 billing type → unified (only used for round-trip checks: v1 answers carry no billing type). */
export const billingTypeFromV1 = { UNSPECIFIED: null, RESERVED: "RESERVED", ON_DEMAND: "ON_DEMAND" } as const satisfies Record<
  V1GPUClusterCreateRequestBillingType,
  BillingType | null
>;
/** unified billing type → v1; null where v1 cannot bill that way. */
export const billingTypeToV1 = { RESERVED: "RESERVED", ON_DEMAND: "ON_DEMAND", SCHEDULED_CAPACITY: null } as const satisfies Record<
  BillingType,
  V1GPUClusterCreateRequestBillingType | null
>;

/** v1 cluster status → unified (v2 terms, plus v1-only states). */
export const statusFromV1 = {
  UNKNOWN_STATUS: null,
  PENDING: "Pending",
  QUEUED: "Queued",
  WAITING_CONTROL_PLANE: "WaitingForControlPlaneNodes",
  WAITING_DATA_PLANE: "WaitingForDataPlaneNodes",
  READY: "Ready",
  FAILED: "Failed",
} as const satisfies Record<V1Status, ClusterStatus | null>;
/** unified status → v1; null for v2 states v1 has no word for. */
export const statusToV1 = {
  WaitingForControlPlaneNodes: "WAITING_CONTROL_PLANE",
  WaitingForDataPlaneNodes: "WAITING_DATA_PLANE",
  WaitingForSubnet: null,
  WaitingForSharedVolume: null,
  InstallingDrivers: null,
  RunningAcceptanceTests: null,
  Paused: null,
  OnDemandComputePaused: null,
  Ready: "READY",
  Degraded: null,
  Deleting: null,
  Pending: "PENDING",
  Queued: "QUEUED",
  Failed: "FAILED",
} as const satisfies Record<ClusterStatus, V1Status | null>;

const unifiedStatuses: ReadonlySet<string> = new Set(clusterStatusValues);

/**
 * A v1 status string. Cluster info carries a free string: v1 enum names map through the table, a server already
 * speaking v2 words is taken as is, anything else is Unrecognized.
 */
export function statusFromV1Wire(raw: string): Known<ClusterStatus> {
  const mapped = lookup(statusFromV1, raw);
  if (mapped !== undefined) return mapped === null ? { unrecognized: true, raw } : mapped;
  return knownIn<ClusterStatus>(unifiedStatuses, raw);
}

/** v1 driver pairs the spec can express, for error messages and outbound checks. */
export const v1DriverPairs: readonly DriverVersion[] = v1GPUClusterCreateRequestDriverVersionValues
  .map(parseV1Driver)
  .filter((pair): pair is DriverVersion => pair !== undefined);

/** unified driver pair → v1 token; throws UnsupportedByVersionError listing the pairs v1 can express. */
export function driverToV1(pair: DriverVersion): V1ClusterCreateBody["driver_version"] {
  const token = formatV1Driver(pair);
  const known = v1GPUClusterCreateRequestDriverVersionValues as readonly string[];
  if (token !== undefined && known.includes(token)) return token as V1ClusterCreateBody["driver_version"];
  throw new UnsupportedByVersionError(
    "v1",
    `driver ${describeDriver(pair)}`,
    `v1 can express only these pairs: ${v1DriverPairs.map((p) => `${p.cuda_version}/${p.nvidia_driver_version}`).join(", ")}`,
  );
}

function refuse(feature: string, detail: string): never {
  throw new UnsupportedByVersionError("v1", feature, detail);
}

/** Create fields v1 has no place for; a spec-default `false` is harmless and dropped, anything else is refused. */
const v2OnlyCreateFields = [
  "gpu_node_failover_enabled",
  "auto_scaled",
  "auto_scale_max_gpus",
  "slurm_shm_size_gib",
  "capacity_pool_id",
  "reservation_start_time",
  "reservation_end_time",
  "install_traefik",
  "slurm_image",
] as const satisfies ReadonlyArray<Exclude<keyof ClusterCreateInput, keyof V1ClusterCreateBody | "cuda_version" | "nvidia_driver_version">>;

/** unified create input (already validated) → v1 body. Throws before any request when v1 cannot express it. */
export function clusterCreateToV1(input: ClusterCreateInput): V1ClusterCreateBody {
  for (const field of v2OnlyCreateFields) {
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
  const body: V1ClusterCreateBody = {
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
  const body: V1ClusterUpdateBody = { cluster_id: clusterId };
  if (patch.cluster_type !== undefined) body.cluster_type = clusterTypeToV1[patch.cluster_type];
  if (patch.num_gpus !== undefined) body.num_gpus = patch.num_gpus;
  return body;
}

/** unified volume input → v1 body. */
export function volumeCreateToV1(input: VolumeCreateInput): V1VolumeCreateBody {
  return { volume_name: input.volume_name, size_tib: input.size_tib, region: input.region };
}

function str(info: ResponseInfo, o: WireObject, key: string, path: string): string {
  return optString(info, o, key, path) ?? "";
}
function num(info: ResponseInfo, o: WireObject, key: string, path: string): number {
  return optNumber(info, o, key, path) ?? 0;
}

function volumeInClusterFromV1(info: ResponseInfo, item: unknown, path: string): ClusterVolume {
  const o = asObject(info, item, path);
  return { volume_id: str(info, o, "volume_id", path), volume_name: str(info, o, "volume_name", path), size_tib: num(info, o, "size_tib", path), status: str(info, o, "status", path) };
}

function controlPlaneNodeFromV1(info: ResponseInfo, item: unknown, path: string): ControlPlaneNode {
  const o = asObject(info, item, path);
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
  const o = asObject(info, item, path);
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
  const o = asObject(info, value, path);
  const rawStatus = str(info, o, "status", path);
  const status = rawStatus === "" ? ({ unrecognized: true, raw: "" } as const) : statusFromV1Wire(rawStatus);
  const driver = parseV1Driver(str(info, o, "driver_version", path));
  const cluster: { -readonly [K in keyof Cluster]: Cluster[K] } = {
    cluster_id: reqNonEmptyString(info, o, "cluster_id", path),
    cluster_name: str(info, o, "cluster_name", path),
    cluster_type: knownFrom(clusterTypeFromV1, str(info, o, "cluster_type", path) || "UNKNOWN_TYPE"),
    region: str(info, o, "region", path),
    gpu_type: knownFrom(gpuTypeFromV1, str(info, o, "gpu_type", path) || "UNKNOWN_GPU_TYPE"),
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
  return withHiddenKubeConfig(cluster, optString(info, o, "kube_config", path));
}

/** v1 Region → unified Region; driver tokens are parsed, odd ones kept in `unparsed_driver_versions`. */
export function regionFromV1(info: ResponseInfo, value: unknown, path: string): Region {
  const o = asObject(info, value, path);
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
  return region;
}

/** v1 SharedVolumeInfo → unified Volume (v1 volumes have no status). */
export function volumeFromV1(info: ResponseInfo, value: unknown, path: string): Volume {
  const o = asObject(info, value, path);
  return { volume_id: reqNonEmptyString(info, o, "volume_id", path), volume_name: str(info, o, "volume_name", path), size_tib: num(info, o, "size_tib", path) };
}
