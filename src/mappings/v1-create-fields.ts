/**
 * What becomes of each unified create field on v1: the table docs/migration.md is generated from. Not bundled with the
 * client, which needs only the refused fields; those are listed once, in v1.ts (`refusedOnV1`), and this table is
 * built from that list plus the fate of every other field.
 */
import type { ClusterCreateInput } from "../types.js";
import { refusedOnV1 } from "./v1.js";

type CreateField = keyof ClusterCreateInput;
type Refused = (typeof refusedOnV1)[number];
type Fate = "copied" | "mapped" | "joined into driver_version";

/**
 * Keyed by every field v1.ts does not refuse, so a field added to the unified input breaks the build until someone
 * decides its v1 fate (here, or by refusing it in v1.ts).
 */
const acceptedOnV1 = {
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
} as const satisfies Record<Exclude<CreateField, Refused>, Fate>;

/** Every unified create field and its v1 fate. "refused": v1 has no place for it; a spec-default `false` is dropped. */
export const createFieldOnV1: Readonly<Record<CreateField, Fate | "refused">> = {
  ...acceptedOnV1,
  ...(Object.fromEntries(refusedOnV1.map((field) => [field, "refused"])) as Record<Refused, "refused">),
};
