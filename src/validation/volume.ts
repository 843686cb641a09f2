/** Checks of shared-volume input before any request. */
import { ValidationError } from "../errors.js";
import type { VolumeCreateInput, VolumeUpdateInput } from "../types.js";
import { objectInput, positiveIntField, stringField, type Issues } from "./fields.js";
import { checkKeys } from "./keys.js";

const createKeys = new Set(Object.keys({ volume_name: true, size_tib: true, region: true } satisfies Record<keyof VolumeCreateInput, true>));
const updateKeys = new Set(Object.keys({ size_tib: true } satisfies Record<keyof VolumeUpdateInput, true>));

/** Reads a volume-create object into `issues` (also used for a cluster's inline `shared_volume`). */
export function readVolumeCreate(input: unknown, issues: Issues): VolumeCreateInput | undefined {
  const o = objectInput(input, issues, "volume input");
  if (o === undefined) return undefined;
  checkKeys(o, createKeys, issues);
  const volumeName = stringField(o, "volume_name", true, issues);
  const sizeTib = positiveIntField(o, "size_tib", true, issues);
  const region = stringField(o, "region", true, issues);
  if (volumeName === undefined || sizeTib === undefined || region === undefined) return undefined;
  return { volume_name: volumeName, size_tib: sizeTib, region };
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
  const o = objectInput(input, issues, "volume update input");
  if (o === undefined) throw new ValidationError(issues.list);
  checkKeys(o, updateKeys, issues);
  const sizeTib = positiveIntField(o, "size_tib", true, issues);
  if (issues.list.length > 0 || sizeTib === undefined) throw new ValidationError(issues.list);
  return { size_tib: sizeTib };
}
