/**
 * Unified domain types: what callers code against, whichever API version the client talks to.
 *
 * The vocabulary is v2's (field names and enum values), because v2 is where callers are going.
 * Enum unions are derived from the generated v2 value lists; the only handwritten values are the
 * few v1 cluster states v2 has no word for (see {@link v1OnlyClusterStatusValues}).
 */
import type {
  V1Cluster,
  V1Region,
  V1Volume,
  V2BillingType,
  V2Cluster,
  V2Region,
  V2Volume,
  V2ClusterStatus,
  V2ClusterType,
  V2CreateBillingType,
  V2CreateClusterType,
  V2CreateGpuType,
  V2GpuType,
  V2UpdateClusterType,
  V2VolumeStatus,
} from "../generated/stable.js";

/** The two server API versions this client speaks. */
export type ApiVersion = "v1" | "v2";

/**
 * The decoded answer a result was mapped from, typed by its version's spec (`generated/stable.ts`): every field the
 * server sent, mapped or not (v2's `phase_transitions`, `num_cpu_workers`, `add_ons`, … on a Cluster). Narrow on
 * `version`. Non-enumerable on the result, so printing and JSON of results stay small.
 */
export type WireView<V1, V2> = { readonly version: "v1"; readonly data: V1 } | { readonly version: "v2"; readonly data: V2 };

/**
 * An enum value the client does not know (a value newer than the specs, or a v1 `UNKNOWN_*` sentinel).
 * It never throws and never vanishes: `raw` is the exact string the server sent.
 */
export interface Unrecognized {
  readonly unrecognized: true;
  readonly raw: string;
}

/** A known enum value, or an {@link Unrecognized} one carrying the raw wire string. */
export type Known<T extends string> = T | Unrecognized;

/** True when `value` is an {@link Unrecognized} enum value. */
export function isUnrecognized(value: Known<string>): value is Unrecognized {
  return typeof value !== "string";
}

/** Makes an Unrecognized read as its raw string in templates and `String()`; JSON and inspect still show the fields. */
const unrecognizedPrototype = {
  toString(this: Unrecognized): string {
    return this.raw;
  },
  [Symbol.toPrimitive](this: Unrecognized): string {
    return this.raw;
  },
};

/** Wraps a raw wire string the client has no name for. `${value}` prints the raw string. */
export function unrecognized(raw: string): Unrecognized {
  return Object.assign(Object.create(unrecognizedPrototype) as object, { unrecognized: true as const, raw });
}

/** The raw string of a known or unrecognized value (handy for logging). */
export function rawValue(value: Known<string>): string {
  return typeof value === "string" ? value : value.raw;
}

/** Cluster orchestrator. */
export type ClusterType = V2CreateClusterType | V2ClusterType | V2UpdateClusterType;
/** GPU model. v1 knows only a subset (no `L40_PCIE`, `B200_SXM`, `H100_SXM_INF`). */
export type GpuType = V2CreateGpuType | V2GpuType;
/** Billing model. v1 has no `SCHEDULED_CAPACITY`. */
export type BillingType = V2CreateBillingType | V2BillingType;
/** Deployment status of a shared volume (v2 only; v1 volumes carry no status). */
export type VolumeStatus = V2VolumeStatus;

/**
 * Cluster states v1 reports that v2 has no status for. They extend the v2 vocabulary so that a v1
 * cluster's state is never squeezed into a v2 word that means something else.
 */
export const v1OnlyClusterStatusValues = ["Pending", "Queued", "Failed"] as const;
/** A v1-only cluster state, see {@link v1OnlyClusterStatusValues}. */
export type V1OnlyClusterStatus = (typeof v1OnlyClusterStatusValues)[number];

/** Cluster status in v2 terms, extended with the v1-only states. */
export type ClusterStatus = V2ClusterStatus | V1OnlyClusterStatus;

/** Coarse lifecycle phases, small enough to `switch` on exhaustively. */
export const clusterLifecycleValues = ["provisioning", "ready", "paused", "degraded", "failed", "deleting", "unknown"] as const;
/** A coarse lifecycle phase, see {@link clusterLifecycleValues}. */
export type ClusterLifecycle = (typeof clusterLifecycleValues)[number];

/** A CUDA / NVIDIA driver pair, e.g. `{ cuda_version: "12.6", nvidia_driver_version: "560" }`. */
export interface DriverVersion {
  readonly cuda_version: string;
  readonly nvidia_driver_version: string;
}

/** A volume attached to a cluster. */
export interface ClusterVolume {
  readonly volume_id: string;
  readonly volume_name: string;
  readonly size_tib: number;
  /** Free-form status string, as sent by the server. */
  readonly status: string;
}

/** A control-plane node. */
export interface ControlPlaneNode {
  readonly node_id: string;
  /** Present on v1 and older v2 servers; newer v2 servers dropped it. */
  readonly node_name?: string | undefined;
  readonly status: string;
  readonly host_name: string;
  readonly num_cpu_cores: number;
  readonly memory_gib: number;
  readonly network: string;
}

/** A GPU worker node. */
export interface GpuWorkerNode {
  readonly node_id: string;
  /** Present on v1 and older v2 servers; newer v2 servers dropped it. */
  readonly node_name?: string | undefined;
  readonly status: string;
  readonly host_name: string;
  readonly num_cpu_cores: number;
  readonly num_gpus: number;
  readonly memory_gib: number;
  readonly networks: readonly string[];
  /** v2 only. */
  readonly instance_id?: string | undefined;
}

/**
 * A GPU cluster. Fields one version lacks are optional and never invented.
 * `kube_config` is a credential: it is readable but hidden from `console.log`, `util.inspect` and JSON.
 */
export interface Cluster {
  readonly cluster_id: string;
  readonly cluster_name: string;
  readonly cluster_type: Known<ClusterType>;
  readonly region: string;
  readonly gpu_type: Known<GpuType>;
  readonly num_gpus: number;
  /** Absent when a v1 server reports `UNKNOWN_DRIVER` or no driver. */
  readonly cuda_version?: string | undefined;
  /** Absent when a v1 server reports `UNKNOWN_DRIVER` or no driver. */
  readonly nvidia_driver_version?: string | undefined;
  /** Status in v2 terms (plus the v1-only states); unrecognized values keep their raw string. */
  readonly status: Known<ClusterStatus>;
  /** Coarse phase derived from `status`. */
  readonly lifecycle: ClusterLifecycle;
  /** The status exactly as the server sent it (`""` when a v1 server omitted it). */
  readonly raw_status: string;
  readonly volumes: readonly ClusterVolume[];
  readonly control_plane_nodes: readonly ControlPlaneNode[];
  readonly gpu_worker_nodes: readonly GpuWorkerNode[];
  /** Kubeconfig for the cluster (a credential; hidden when printed). */
  readonly kube_config?: string | undefined;
  readonly duration_hours?: number | undefined;
  /** v2 only (v1 cluster info carries no billing type). */
  readonly billing_type?: Known<BillingType> | undefined;
  /** v2 only. */
  readonly project_id?: string | undefined;
  /** v2 only. */
  readonly slurm_shm_size_gib?: number | undefined;
  /** v2 only. */
  readonly capacity_pool_id?: string | undefined;
  /** v2 only. */
  readonly reservation_start_time?: string | undefined;
  /** v2 only. */
  readonly reservation_end_time?: string | undefined;
  /** v2 only. */
  readonly install_traefik?: boolean | undefined;
  /** v2 only: ISO timestamp of creation. */
  readonly created_at?: string | undefined;
  /** The answer as the server sent it (non-enumerable): fields the unified model does not map. */
  readonly wire?: WireView<V1Cluster, V2Cluster> | undefined;
}

/** Inline shared volume to create together with a cluster, or on its own. */
export interface VolumeCreateInput {
  readonly volume_name: string;
  /** Size in whole tebibytes. */
  readonly size_tib: number;
  readonly region: string;
}

/**
 * Input of `clusters.create`. Required fields follow v2; v1 additionally requires `duration_days`.
 * Enum fields also accept case-insensitive spellings at runtime (`"kubernetes"`), normalized to the canonical value.
 */
export interface ClusterCreateInput {
  readonly cluster_name: string;
  readonly region: string;
  readonly gpu_type: GpuType;
  /** A positive multiple of 8. */
  readonly num_gpus: number;
  readonly cuda_version: string;
  readonly nvidia_driver_version: string;
  readonly billing_type: BillingType;
  readonly cluster_type?: ClusterType | undefined;
  /** Required by v1; optional on v2. */
  readonly duration_days?: number | undefined;
  readonly shared_volume?: VolumeCreateInput | undefined;
  readonly volume_id?: string | undefined;
  /** v2 only. */
  readonly gpu_node_failover_enabled?: boolean | undefined;
  /** v2 only. Requires `auto_scale_max_gpus`. */
  readonly auto_scaled?: boolean | undefined;
  /** v2 only. */
  readonly auto_scale_max_gpus?: number | undefined;
  /** v2 only. Required when `cluster_type` is `SLURM`. */
  readonly slurm_shm_size_gib?: number | undefined;
  /** v2 only. */
  readonly capacity_pool_id?: string | undefined;
  /** v2 only. Required with `SCHEDULED_CAPACITY` billing. */
  readonly reservation_start_time?: string | undefined;
  /** v2 only. Required with `SCHEDULED_CAPACITY` billing. */
  readonly reservation_end_time?: string | undefined;
  /** v2 only. */
  readonly install_traefik?: boolean | undefined;
  /** v2 only. */
  readonly slurm_image?: string | undefined;
}

/** Input of `clusters.update`: at least one field. */
export interface ClusterUpdateInput {
  readonly cluster_type?: ClusterType | undefined;
  /** A positive multiple of 8. */
  readonly num_gpus?: number | undefined;
  /** v2 only. */
  readonly reservation_end_time?: string | undefined;
}

/** Filter of `clusters.list`. */
export interface ClusterListQuery {
  /** v2 only: only clusters of this project. */
  readonly project_id?: string | undefined;
}

/** Result of `clusters.delete`. */
export interface DeletedCluster {
  readonly cluster_id: string;
}

/** A region and the driver pairs it supports. */
export interface Region {
  readonly name: string;
  readonly driver_versions: readonly DriverVersion[];
  /** v1 only. */
  readonly id?: string | undefined;
  /** v1 only. */
  readonly availability_zones?: readonly string[] | undefined;
  /** v2 only. */
  readonly supported_instance_types?: readonly string[] | undefined;
  /** v1 driver strings that do not follow the `CUDA_<major>_<minor>_<driver>` pattern, kept verbatim. */
  readonly unparsed_driver_versions?: readonly string[] | undefined;
  /** The answer as the server sent it (non-enumerable). */
  readonly wire?: WireView<V1Region, V2Region> | undefined;
}

/** A shared volume. */
export interface Volume {
  readonly volume_id: string;
  readonly volume_name: string;
  readonly size_tib: number;
  /** v2 only. */
  readonly status?: Known<VolumeStatus> | undefined;
  /** The answer as the server sent it (non-enumerable). */
  readonly wire?: WireView<V1Volume, V2Volume> | undefined;
}

/** Input of `volumes.update` (v2 only). */
export interface VolumeUpdateInput {
  readonly size_tib: number;
}

/** Result of `volumes.delete`. */
export interface DeletedVolume {
  readonly volume_id: string;
  readonly success: boolean;
}
