/**
 * v2 wire ↔ unified. The unified vocabulary is v2's, so this is mostly checking: required fields are present and
 * typed, and enum strings the client has never seen become Unrecognized instead of throwing or vanishing.
 */
import {
  v2BillingTypeValues,
  v2ClusterStatusValues,
  v2ClusterTypeValues,
  v2GpuTypeValues,
  v2VolumeStatusValues,
  type V2Cluster,
  type V2ClusterCreateBody as V2ClusterCreateWire,
  type V2ClusterDeleteAnswer,
  type V2ClusterList,
  type V2ClusterUpdateBody,
  type V2ClusterVolume,
  type V2ControlPlaneNode,
  type V2DriverPair,
  type V2Region,
  type V2RegionList,
  type V2Volume,
  type V2VolumeCreateBody,
  type V2VolumeDeleteAnswer,
  type V2VolumeList,
  type V2VolumeUpdateBody,
  type V2WorkerNode,
} from "../../generated/stable.js";
import type { ResponseInfo } from "../errors.js";
import type {
  BillingType,
  Cluster,
  ClusterCreateInput,
  ClusterStatus,
  ClusterType,
  ClusterUpdateInput,
  ClusterVolume,
  ControlPlaneNode,
  DeletedCluster,
  DeletedVolume,
  DriverVersion,
  GpuType,
  GpuWorkerNode,
  Region,
  Volume,
  VolumeCreateInput,
  VolumeStatus,
  VolumeUpdateInput,
} from "../types.js";
import { knownIn } from "../vocabulary.js";
import {
  asObject,
  optBoolean,
  optLegacyString,
  optNumber,
  optString,
  readArray,
  readStrings,
  reqBoolean,
  reqNonEmptyString,
  reqNumber,
  reqString,
  type EncodedBody,
} from "../wire.js";
import { withHiddenKubeConfig } from "./credentials.js";
import { withWire } from "./wire-view.js";
import { lifecycleOf } from "./status.js";

type DefaultedCreateField = "gpu_node_failover_enabled" | "auto_scaled" | "install_traefik";
/** v2 create body as the spec means it (see {@link V2ClusterCreateBody}). */
export type { V2ClusterCreateWire };
/**
 * v2 create body. openapi-typescript types fields that have a spec `default` as required; the server applies those
 * defaults itself, so the client leaves them out unless the caller set them.
 */
export type V2ClusterCreateBody = Omit<V2ClusterCreateWire, DefaultedCreateField> & Partial<Pick<V2ClusterCreateWire, DefaultedCreateField>>;
export type { V2ClusterUpdateBody, V2VolumeCreateBody, V2VolumeUpdateBody };

/** Every unified create field is a v2 create field: one renamed or removed in the spec fails here, by name. */
const createFieldsOnV2: Record<Exclude<keyof ClusterCreateInput, keyof V2ClusterCreateWire>, never> = {};
void createFieldsOnV2;

const clusterTypes: ReadonlySet<string> = /* @__PURE__ */ new Set(v2ClusterTypeValues);
const gpuTypes: ReadonlySet<string> = /* @__PURE__ */ new Set(v2GpuTypeValues);
const statuses: ReadonlySet<string> = /* @__PURE__ */ new Set(v2ClusterStatusValues);
const billingTypes: ReadonlySet<string> = /* @__PURE__ */ new Set(v2BillingTypeValues);
const volumeStatuses: ReadonlySet<string> = /* @__PURE__ */ new Set(v2VolumeStatusValues);

/** unified create input (already validated) → v2 body: same names, so a straight copy the compiler checks. */
export function clusterCreateToV2(input: ClusterCreateInput): V2ClusterCreateBody {
  const body: EncodedBody<V2ClusterCreateBody> = { ...input, shared_volume: input.shared_volume && volumeCreateToV2(input.shared_volume) };
  if (body.shared_volume === undefined) delete body.shared_volume;
  return body;
}

/** Every unified update field is a v2 update field (the encoder below spreads, which the compiler does not check for
 * unknown keys): one renamed or removed in the spec fails here, by name. */
const updateFieldsOnV2: Record<Exclude<keyof ClusterUpdateInput, keyof V2ClusterUpdateBody>, never> = {};
void updateFieldsOnV2;

/** unified update (already validated) → v2 body. */
export function clusterUpdateToV2(patch: ClusterUpdateInput): V2ClusterUpdateBody {
  const body: EncodedBody<V2ClusterUpdateBody> = { ...patch };
  return body;
}

/** unified volume update → v2 body (v2 puts the volume id in the body). */
export function volumeUpdateToV2(volumeId: string, patch: VolumeUpdateInput): V2VolumeUpdateBody {
  const body: EncodedBody<V2VolumeUpdateBody> = { volume_id: volumeId, size_tib: patch.size_tib };
  return body;
}

/** v2 cluster delete answer → unified: the id echo is required. */
export function clusterDeletedFromV2(info: ResponseInfo, value: unknown): DeletedCluster {
  const o = asObject<V2ClusterDeleteAnswer>(info, value, "");
  return { cluster_id: reqNonEmptyString(info, o, "cluster_id", "") };
}

/** v2 volume delete answer → unified: `success` is required. */
export function volumeDeletedFromV2(info: ResponseInfo, value: unknown, volumeId: string): DeletedVolume {
  const o = asObject<V2VolumeDeleteAnswer>(info, value, "");
  return { volume_id: volumeId, success: reqBoolean(info, o, "success", "") };
}

/** unified volume input → v2 body. */
export function volumeCreateToV2(input: VolumeCreateInput): V2VolumeCreateBody {
  const body: EncodedBody<V2VolumeCreateBody> = { volume_name: input.volume_name, size_tib: input.size_tib, region: input.region };
  return body;
}

function volumeInClusterFromV2(info: ResponseInfo, item: unknown, path: string): ClusterVolume {
  const o = asObject<V2ClusterVolume>(info, item, path);
  return {
    volume_id: reqString(info, o, "volume_id", path),
    volume_name: reqString(info, o, "volume_name", path),
    size_tib: reqNumber(info, o, "size_tib", path),
    status: reqString(info, o, "status", path),
  };
}

function controlPlaneNodeFromV2(info: ResponseInfo, item: unknown, path: string): ControlPlaneNode {
  const o = asObject<V2ControlPlaneNode>(info, item, path);
  const node: { -readonly [K in keyof ControlPlaneNode]: ControlPlaneNode[K] } = {
    node_id: reqString(info, o, "node_id", path),
    status: reqString(info, o, "status", path),
    host_name: reqString(info, o, "host_name", path),
    num_cpu_cores: reqNumber(info, o, "num_cpu_cores", path),
    memory_gib: reqNumber(info, o, "memory_gib", path),
    network: reqString(info, o, "network", path),
  };
  const name = optLegacyString(info, o, "node_name", path);
  if (name !== undefined) node.node_name = name;
  return node;
}

function workerNodeFromV2(info: ResponseInfo, item: unknown, path: string): GpuWorkerNode {
  const o = asObject<V2WorkerNode>(info, item, path);
  const node: { -readonly [K in keyof GpuWorkerNode]: GpuWorkerNode[K] } = {
    node_id: reqString(info, o, "node_id", path),
    status: reqString(info, o, "status", path),
    host_name: reqString(info, o, "host_name", path),
    num_cpu_cores: reqNumber(info, o, "num_cpu_cores", path),
    num_gpus: reqNumber(info, o, "num_gpus", path),
    memory_gib: reqNumber(info, o, "memory_gib", path),
    networks: readStrings(info, o, "networks", path, true),
  };
  const name = optLegacyString(info, o, "node_name", path);
  if (name !== undefined) node.node_name = name;
  const instance = optString(info, o, "instance_id", path);
  if (instance !== undefined) node.instance_id = instance;
  return node;
}

/** v2 GPUClusterInfo → unified Cluster. Requires the fields the unified Cluster needs; extra v2 fields are ignored. */
export function clusterFromV2(info: ResponseInfo, value: unknown, path: string): Cluster {
  const o = asObject<V2Cluster>(info, value, path);
  const rawStatus = reqString(info, o, "status", path);
  const status = knownIn<ClusterStatus>(statuses, rawStatus);
  const cluster: { -readonly [K in keyof Cluster]: Cluster[K] } = {
    cluster_id: reqNonEmptyString(info, o, "cluster_id", path),
    cluster_name: reqString(info, o, "cluster_name", path),
    cluster_type: knownIn<ClusterType>(clusterTypes, reqString(info, o, "cluster_type", path)),
    region: reqString(info, o, "region", path),
    gpu_type: knownIn<GpuType>(gpuTypes, reqString(info, o, "gpu_type", path)),
    num_gpus: reqNumber(info, o, "num_gpus", path),
    cuda_version: reqString(info, o, "cuda_version", path),
    nvidia_driver_version: reqString(info, o, "nvidia_driver_version", path),
    status,
    lifecycle: lifecycleOf(status),
    raw_status: rawStatus,
    volumes: readArray(info, o, "volumes", path, true, (item, p) => volumeInClusterFromV2(info, item, p)),
    control_plane_nodes: readArray(info, o, "control_plane_nodes", path, true, (item, p) => controlPlaneNodeFromV2(info, item, p)),
    gpu_worker_nodes: readArray(info, o, "gpu_worker_nodes", path, true, (item, p) => workerNodeFromV2(info, item, p)),
  };
  const billing = optString(info, o, "billing_type", path);
  if (billing !== undefined) cluster.billing_type = knownIn<BillingType>(billingTypes, billing);
  const durationHours = optNumber(info, o, "duration_hours", path);
  if (durationHours !== undefined) cluster.duration_hours = durationHours;
  const shm = optNumber(info, o, "slurm_shm_size_gib", path);
  if (shm !== undefined) cluster.slurm_shm_size_gib = shm;
  const traefik = optBoolean(info, o, "install_traefik", path);
  if (traefik !== undefined) cluster.install_traefik = traefik;
  for (const key of ["project_id", "capacity_pool_id", "reservation_start_time", "reservation_end_time", "created_at"] as const) {
    const text = optString(info, o, key, path);
    if (text !== undefined) cluster[key] = text;
  }
  return withWire(withHiddenKubeConfig(cluster, reqString(info, o, "kube_config", path)), "v2", o);
}

function driverPairFromV2(info: ResponseInfo, item: unknown, path: string): DriverVersion {
  const o = asObject<V2DriverPair>(info, item, path);
  return { cuda_version: reqString(info, o, "cuda_version", path), nvidia_driver_version: reqString(info, o, "nvidia_driver_version", path) };
}

/** v2 region → unified Region. */
export function regionFromV2(info: ResponseInfo, value: unknown, path: string): Region {
  const o = asObject<V2Region>(info, value, path);
  return withWire({
    name: reqString(info, o, "name", path),
    driver_versions: readArray(info, o, "driver_versions", path, true, (item, p) => driverPairFromV2(info, item, p)),
    supported_instance_types: readStrings(info, o, "supported_instance_types", path, true),
  }, "v2", o);
}

/** v2 GPUClustersSharedVolume → unified Volume. */
export function volumeFromV2(info: ResponseInfo, value: unknown, path: string): Volume {
  const o = asObject<V2Volume>(info, value, path);
  return withWire({
    volume_id: reqNonEmptyString(info, o, "volume_id", path),
    volume_name: reqString(info, o, "volume_name", path),
    size_tib: reqNumber(info, o, "size_tib", path),
    status: knownIn<VolumeStatus>(volumeStatuses, reqString(info, o, "status", path)),
  }, "v2", o);
}

/** v2 cluster list answer → unified clusters. */
export function clusterListFromV2(info: ResponseInfo, value: unknown): Cluster[] {
  return readArray(info, asObject<V2ClusterList>(info, value, ""), "clusters", "", true, (item, path) => clusterFromV2(info, item, path));
}

/** v2 region list answer → unified regions. */
export function regionListFromV2(info: ResponseInfo, value: unknown): Region[] {
  return readArray(info, asObject<V2RegionList>(info, value, ""), "regions", "", true, (item, path) => regionFromV2(info, item, path));
}

/** v2 volume list answer → unified volumes. */
export function volumeListFromV2(info: ResponseInfo, value: unknown): Volume[] {
  return readArray(info, asObject<V2VolumeList>(info, value, ""), "volumes", "", true, (item, path) => volumeFromV2(info, item, path));
}
