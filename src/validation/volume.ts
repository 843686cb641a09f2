/** Checks of shared-volume input before any request. */
import { ValidationError } from "../errors.js";
import type { VolumeCreateInput, VolumeUpdateInput } from "../types.js";
import type { Issues } from "./fields.js";
import { positiveInt, readFields, text, type FieldTable } from "./table.js";

const sizeTib = /* @__PURE__ */ positiveInt(true);
const createFields: FieldTable<VolumeCreateInput> = { volume_name: /* @__PURE__ */ text(true), size_tib: sizeTib, region: /* @__PURE__ */ text(true) };
const updateFields: FieldTable<VolumeUpdateInput> = { size_tib: sizeTib };

/** Reads a volume-create object into `issues` (also used for a cluster's inline `shared_volume`). */
export function readVolumeCreate(input: unknown, issues: Issues): VolumeCreateInput | undefined {
  const volume = readFields(input, createFields, issues, "volume input");
  return volume?.volume_name === undefined || volume.size_tib === undefined || volume.region === undefined ? undefined : (volume as VolumeCreateInput);
}

/** Validates `volumes.create` input. */
export function validateVolumeCreate(input: unknown): VolumeCreateInput {
  const issues: Issues = { list: [], prefix: "" };
  const volume = readVolumeCreate(input, issues);
  if (issues.list.length > 0 || volume === undefined) throw new ValidationError(issues.list);
  return volume;
}

/** Validates `volumes.update` input. */
export function validateVolumeUpdate(input: unknown): VolumeUpdateInput {
  const issues: Issues = { list: [], prefix: "" };
  const volume = readFields(input, updateFields, issues, "volume update input");
  if (issues.list.length > 0 || volume?.size_tib === undefined) throw new ValidationError(issues.list);
  return { size_tib: volume.size_tib };
}
