/**
 * Checks of cluster input before any request: required fields, types, `num_gpus` a positive multiple of 8, unknown keys,
 * and the conditions the spec states only in prose. Returns a normalized copy (canonical enum spellings).
 */
import { ValidationError } from "../errors.js";
import type { ApiVersion, ClusterCreateInput, ClusterListQuery, ClusterUpdateInput } from "../types.js";
import { billingTypeValues, clusterTypeValues, gpuTypeValues } from "../vocabulary.js";
import { booleanField, dateTimeField, report, type Issues } from "./fields.js";
import { isEncodable } from "./ids.js";
import { oneOf, positiveInt, readFields, text, type FieldTable } from "./table.js";
import { readVolumeCreate } from "./volume.js";

/** GPUs come in whole 8-GPU nodes. */
export const gpuGranularity = 8;

const optionalText = /* @__PURE__ */ text(false);
const requiredText = /* @__PURE__ */ text(true);
const clusterType = /* @__PURE__ */ oneOf(clusterTypeValues, false);
const gpuCount = /* @__PURE__ */ positiveInt(false, gpuGranularity);

const createFields: FieldTable<ClusterCreateInput> = {
  cluster_name: requiredText,
  region: requiredText,
  gpu_type: /* @__PURE__ */ oneOf(gpuTypeValues, true),
  num_gpus: /* @__PURE__ */ positiveInt(true, gpuGranularity),
  cuda_version: requiredText,
  nvidia_driver_version: requiredText,
  billing_type: /* @__PURE__ */ oneOf(billingTypeValues, true),
  cluster_type: clusterType,
  duration_days: /* @__PURE__ */ positiveInt(false),
  shared_volume: (o, key, issues) => (o[key] === undefined ? undefined : readVolumeCreate(o[key], { list: issues.list, prefix: key })),
  volume_id: optionalText,
  gpu_node_failover_enabled: booleanField,
  auto_scaled: booleanField,
  auto_scale_max_gpus: gpuCount,
  slurm_shm_size_gib: /* @__PURE__ */ positiveInt(false),
  capacity_pool_id: optionalText,
  reservation_start_time: dateTimeField,
  reservation_end_time: dateTimeField,
  install_traefik: booleanField,
  slurm_image: optionalText,
};

const updateFields: FieldTable<ClusterUpdateInput> = { cluster_type: clusterType, num_gpus: gpuCount, reservation_end_time: dateTimeField };

function validated<T>(input: unknown, table: FieldTable<T>, what: string, more?: (o: Readonly<Record<string, unknown>>, out: Partial<T>, issues: Issues) => void): T {
  const issues: Issues = { list: [], prefix: "" };
  const out = readFields(input, table, issues, what);
  if (out !== undefined) more?.(input as Readonly<Record<string, unknown>>, out, issues);
  if (issues.list.length > 0) throw new ValidationError(issues.list);
  return out as T;
}

/**
 * Validates and normalizes `clusters.create` input for the client's API version (the conditions differ, see
 * {@link createConditions}); throws ValidationError listing every problem.
 */
export function validateClusterCreate(input: unknown, apiVersion: ApiVersion = "v2"): ClusterCreateInput {
  return validated(input, createFields, "cluster create input", (o, out, issues) => {
    for (const { versions, field, message, broken, detail } of createConditions) {
      if (versions.includes(apiVersion) && broken(o, out)) report(issues, field, message + (detail?.(out) ?? ""));
    }
  });
}

/**
 * The requirements a spec states in prose only, and which API versions state them. A rule about a v2-only feature does
 * not apply on v1: there the adapter refuses the feature itself (UnsupportedByVersionError), and v1's own spec accepts
 * what the rule would forbid (e.g. `cluster_type: SLURM` without `slurm_shm_size_gib`, a field v1 does not have).
 * Each reports `field` with `message` when `broken`; `field` + `message` is also the rule's name.
 */
export const createConditions: ReadonlyArray<{
  readonly versions: readonly ApiVersion[];
  readonly field: keyof ClusterCreateInput;
  readonly message: string;
  readonly broken: (raw: Readonly<Record<string, unknown>>, v: Partial<ClusterCreateInput>) => boolean;
  /** Appended to the message: a value that helps the caller fix the input. */
  readonly detail?: ((v: Partial<ClusterCreateInput>) => string) | undefined;
}> = [
  {
    versions: ["v2"],
    field: "slurm_shm_size_gib",
    message: "is required when cluster_type is SLURM",
    broken: (raw, v) => v.cluster_type === "SLURM" && raw["slurm_shm_size_gib"] === undefined,
  },
  {
    versions: ["v2"],
    field: "reservation_start_time",
    message: "is required with billing_type SCHEDULED_CAPACITY",
    broken: (raw, v) => v.billing_type === "SCHEDULED_CAPACITY" && raw["reservation_start_time"] === undefined,
  },
  {
    versions: ["v2"],
    field: "reservation_end_time",
    message: "is required with billing_type SCHEDULED_CAPACITY",
    broken: (raw, v) => v.billing_type === "SCHEDULED_CAPACITY" && raw["reservation_end_time"] === undefined,
  },
  {
    versions: ["v1", "v2"],
    field: "reservation_end_time",
    message: "must be after reservation_start_time",
    broken: (_raw, v) => v.reservation_start_time !== undefined && v.reservation_end_time !== undefined && Date.parse(v.reservation_end_time) <= Date.parse(v.reservation_start_time),
  },
  {
    versions: ["v2"],
    field: "auto_scale_max_gpus",
    message: "is required when auto_scaled is true",
    broken: (raw, v) => v.auto_scaled === true && raw["auto_scale_max_gpus"] === undefined,
  },
  {
    versions: ["v1", "v2"],
    field: "auto_scale_max_gpus",
    message: "must be at least num_gpus",
    broken: (_raw, v) => v.auto_scale_max_gpus !== undefined && v.num_gpus !== undefined && v.auto_scale_max_gpus < v.num_gpus,
    detail: (v) => ` (${v.num_gpus})`,
  },
  {
    versions: ["v1"],
    field: "duration_days",
    message: "is required by API v1 (v2 makes it optional)",
    broken: (raw) => raw["duration_days"] === undefined,
  },
];

/** Validates and normalizes `clusters.update` input: at least one field. */
export function validateClusterUpdate(input: unknown): ClusterUpdateInput {
  return validated(input, updateFields, "cluster update input", (_o, out, issues) => {
    if (issues.list.length === 0 && Object.keys(out).length === 0) {
      issues.list.push({ path: "", message: `update needs at least one of ${Object.keys(updateFields).join(", ")}` });
    }
  });
}

/** Validates `clusters.list` query. */
export function validateClusterList(input: unknown): ClusterListQuery {
  if (input === undefined) return {};
  return validated<ClusterListQuery>(input, { project_id: optionalText }, "cluster list query", (_o, out, issues) => {
    if (out.project_id !== undefined && !isEncodable(out.project_id)) report(issues, "project_id", "must be well-formed Unicode (it contains a lone surrogate)");
  });
}
