/**
 * What becomes of each unified create field on v1: the table docs/migration.md is generated from. Not bundled with the
 * client, which needs only the refused fields (v1.ts); the two are checked against each other below.
 */
import type { ClusterCreateInput } from "../types.js";
import type { refusedOnV1 } from "./v1.js";

/**
 * Keyed by every field, so a field added to the unified input breaks
 * the build until someone decides its v1 fate. "refused": v1 has no place for it; a spec-default `false` is dropped.
 */
export const createFieldOnV1 = {
  cluster_name: "copied",
  region: "copied",
  gpu_type: "mapped",
  num_gpus: "copied",
  cuda_version: "joined into driver_version",
  nvidia_driver_version: "joined into driver_version",
  billing_type: "mapped",
  cluster_type: "mapped",
  duration_days: "copied",
  shared_volume: "copied",
  volume_id: "copied",
  gpu_node_failover_enabled: "refused",
  auto_scaled: "refused",
  auto_scale_max_gpus: "refused",
  slurm_shm_size_gib: "refused",
  capacity_pool_id: "refused",
  reservation_start_time: "refused",
  reservation_end_time: "refused",
  install_traefik: "refused",
  slurm_image: "refused",
} as const satisfies Record<keyof ClusterCreateInput, "copied" | "mapped" | "joined into driver_version" | "refused">;

type RefusedInTable = { [K in keyof typeof createFieldOnV1]: (typeof createFieldOnV1)[K] extends "refused" ? K : never }[keyof typeof createFieldOnV1];
type RefusedByClient = (typeof refusedOnV1)[number];
/** Fails to compile when a field is refused in this table but not by the client, or the other way round. */
export const refusalsAgree: [RefusedInTable, RefusedByClient] extends [RefusedByClient, RefusedInTable] ? true : never = true;
