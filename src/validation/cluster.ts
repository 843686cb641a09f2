/**
 * Checks of cluster input before any request: required fields, types, `num_gpus` a positive multiple of 8, unknown keys,
 * and the conditions the spec states only in prose. Returns a normalized copy (canonical enum spellings).
 */
import { ValidationError } from "../errors.js";
import type { ApiVersion, ClusterCreateInput, ClusterListQuery, ClusterUpdateInput } from "../types.js";
import { billingTypeValues, clusterTypeValues, gpuTypeValues } from "../vocabulary.js";
import {
  booleanField,
  dateTimeField,
  enumField,
  objectInput,
  positiveIntField,
  report,
  stringField,
  type Issues,
} from "./fields.js";
import { isEncodable } from "./ids.js";
import { checkKeys } from "./keys.js";
import { readVolumeCreate } from "./volume.js";

/** GPUs come in whole 8-GPU nodes. */
export const gpuGranularity = 8;

const createKeys = new Set(
  Object.keys({
    cluster_name: true,
    region: true,
    gpu_type: true,
    num_gpus: true,
    cuda_version: true,
    nvidia_driver_version: true,
    billing_type: true,
    cluster_type: true,
    duration_days: true,
    shared_volume: true,
    volume_id: true,
    gpu_node_failover_enabled: true,
    auto_scaled: true,
    auto_scale_max_gpus: true,
    slurm_shm_size_gib: true,
    capacity_pool_id: true,
    reservation_start_time: true,
    reservation_end_time: true,
    install_traefik: true,
    slurm_image: true,
  } satisfies Record<keyof ClusterCreateInput, true>),
);

const updateKeys = new Set(Object.keys({ cluster_type: true, num_gpus: true, reservation_end_time: true } satisfies Record<keyof ClusterUpdateInput, true>));
const listKeys = new Set(Object.keys({ project_id: true } satisfies Record<keyof ClusterListQuery, true>));

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function throwIfAny(issues: Issues): void {
  if (issues.list.length > 0) throw new ValidationError(issues.list);
}

/**
 * Validates and normalizes `clusters.create` input for the client's API version (the conditions differ, see
 * {@link createConditions}); throws ValidationError listing every problem.
 */
export function validateClusterCreate(input: unknown, apiVersion: ApiVersion = "v2"): ClusterCreateInput {
  const issues: Issues = { list: [], prefix: "" };
  const o = objectInput(input, issues, "cluster create input");
  if (o === undefined) throw new ValidationError(issues.list);
  checkKeys(o, createKeys, issues);
  const out: Partial<Mutable<ClusterCreateInput>> = {};
  const set = <K extends keyof ClusterCreateInput>(key: K, value: ClusterCreateInput[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set("cluster_name", stringField(o, "cluster_name", true, issues));
  set("region", stringField(o, "region", true, issues));
  set("gpu_type", enumField(o, "gpu_type", gpuTypeValues, true, issues));
  set("num_gpus", positiveIntField(o, "num_gpus", true, issues, gpuGranularity));
  set("cuda_version", stringField(o, "cuda_version", true, issues));
  set("nvidia_driver_version", stringField(o, "nvidia_driver_version", true, issues));
  set("billing_type", enumField(o, "billing_type", billingTypeValues, true, issues));
  set("cluster_type", enumField(o, "cluster_type", clusterTypeValues, false, issues));
  set("duration_days", positiveIntField(o, "duration_days", false, issues));
  if (o["shared_volume"] !== undefined) set("shared_volume", readVolumeCreate(o["shared_volume"], { list: issues.list, prefix: "shared_volume" }));
  set("volume_id", stringField(o, "volume_id", false, issues));
  set("gpu_node_failover_enabled", booleanField(o, "gpu_node_failover_enabled", issues));
  set("auto_scaled", booleanField(o, "auto_scaled", issues));
  set("auto_scale_max_gpus", positiveIntField(o, "auto_scale_max_gpus", false, issues, gpuGranularity));
  set("slurm_shm_size_gib", positiveIntField(o, "slurm_shm_size_gib", false, issues));
  set("capacity_pool_id", stringField(o, "capacity_pool_id", false, issues));
  set("reservation_start_time", dateTimeField(o, "reservation_start_time", issues));
  set("reservation_end_time", dateTimeField(o, "reservation_end_time", issues));
  set("install_traefik", booleanField(o, "install_traefik", issues));
  set("slurm_image", stringField(o, "slurm_image", false, issues));
  for (const condition of createConditions) if (condition.versions.includes(apiVersion)) condition.check(o, out, issues);
  throwIfAny(issues);
  return out as ClusterCreateInput;
}

/**
 * The requirements a spec states in prose only, and which API versions state them. A rule about a v2-only feature does
 * not apply on v1: there the adapter refuses the feature itself (UnsupportedByVersionError), and v1's own spec accepts
 * what the rule would forbid (e.g. `cluster_type: SLURM` without `slurm_shm_size_gib`, a field v1 does not have).
 */
export const createConditions: ReadonlyArray<{
  readonly versions: readonly ApiVersion[];
  readonly rule: string;
  readonly check: (raw: Readonly<Record<string, unknown>>, v: Partial<ClusterCreateInput>, issues: Issues) => void;
}> = [
  {
    versions: ["v2"],
    rule: "cluster_type SLURM needs slurm_shm_size_gib",
    check: (raw, v, issues) => {
      if (v.cluster_type === "SLURM" && raw["slurm_shm_size_gib"] === undefined) report(issues, "slurm_shm_size_gib", "is required when cluster_type is SLURM");
    },
  },
  {
    versions: ["v2"],
    rule: "billing_type SCHEDULED_CAPACITY needs reservation_start_time and reservation_end_time",
    check: (raw, v, issues) => {
      if (v.billing_type !== "SCHEDULED_CAPACITY") return;
      if (raw["reservation_start_time"] === undefined) report(issues, "reservation_start_time", "is required with billing_type SCHEDULED_CAPACITY");
      if (raw["reservation_end_time"] === undefined) report(issues, "reservation_end_time", "is required with billing_type SCHEDULED_CAPACITY");
    },
  },
  {
    versions: ["v1", "v2"],
    rule: "reservation_end_time after reservation_start_time",
    check: (_raw, v, issues) => {
      if (v.reservation_start_time !== undefined && v.reservation_end_time !== undefined && Date.parse(v.reservation_end_time) <= Date.parse(v.reservation_start_time)) {
        report(issues, "reservation_end_time", "must be after reservation_start_time");
      }
    },
  },
  {
    versions: ["v2"],
    rule: "auto_scaled true needs auto_scale_max_gpus",
    check: (raw, v, issues) => {
      if (v.auto_scaled === true && raw["auto_scale_max_gpus"] === undefined) report(issues, "auto_scale_max_gpus", "is required when auto_scaled is true");
    },
  },
  {
    versions: ["v1", "v2"],
    rule: "auto_scale_max_gpus at least num_gpus",
    check: (_raw, v, issues) => {
      if (v.auto_scale_max_gpus !== undefined && v.num_gpus !== undefined && v.auto_scale_max_gpus < v.num_gpus) report(issues, "auto_scale_max_gpus", `must be at least num_gpus (${v.num_gpus})`);
    },
  },
  {
    versions: ["v1"],
    rule: "duration_days is required",
    check: (raw, _v, issues) => {
      if (raw["duration_days"] === undefined) report(issues, "duration_days", "is required by API v1 (v2 makes it optional)");
    },
  },
];

/** Validates and normalizes `clusters.update` input: at least one field. */
export function validateClusterUpdate(input: unknown): ClusterUpdateInput {
  const issues: Issues = { list: [], prefix: "" };
  const o = objectInput(input, issues, "cluster update input");
  if (o === undefined) throw new ValidationError(issues.list);
  checkKeys(o, updateKeys, issues);
  const out: Mutable<ClusterUpdateInput> = {};
  const clusterType = enumField(o, "cluster_type", clusterTypeValues, false, issues);
  if (clusterType !== undefined) out.cluster_type = clusterType;
  const numGpus = positiveIntField(o, "num_gpus", false, issues, gpuGranularity);
  if (numGpus !== undefined) out.num_gpus = numGpus;
  const end = dateTimeField(o, "reservation_end_time", issues);
  if (end !== undefined) out.reservation_end_time = end;
  if (issues.list.length === 0 && Object.keys(out).length === 0) {
    issues.list.push({ path: "", message: `update needs at least one of ${[...updateKeys].join(", ")}` });
  }
  throwIfAny(issues);
  return out;
}

/** Validates `clusters.list` query. */
export function validateClusterList(input: unknown): ClusterListQuery {
  if (input === undefined) return {};
  const issues: Issues = { list: [], prefix: "" };
  const o = objectInput(input, issues, "cluster list query");
  if (o === undefined) throw new ValidationError(issues.list);
  checkKeys(o, listKeys, issues);
  const projectId = stringField(o, "project_id", false, issues);
  if (projectId !== undefined && !isEncodable(projectId)) report(issues, "project_id", "must be well-formed Unicode (it contains a lone surrogate)");
  throwIfAny(issues);
  return projectId === undefined ? {} : { project_id: projectId };
}
