/**
 * v1 names a driver as one token, `CUDA_<major>_<minor>_<nvidia>` (e.g. `CUDA_12_6_560`); v2 splits it into
 * `cuda_version` "12.6" and `nvidia_driver_version` "560". Parsing the pattern (rather than a lookup table) lets a v1
 * value newer than the spec still map on the way in.
 */
import type { DriverVersion } from "../types.js";

const v1DriverPattern = /^CUDA_(\d+)_(\d+)_(\d+)$/;

/** Splits a v1 driver token; undefined when it does not follow the pattern (e.g. `UNKNOWN_DRIVER`). */
export function parseV1Driver(token: string): DriverVersion | undefined {
  const match = v1DriverPattern.exec(token);
  if (match === null) return undefined;
  return { cuda_version: `${match[1]}.${match[2]}`, nvidia_driver_version: match[3] as string };
}

/** Joins a driver pair into the v1 token shape; undefined when the pair cannot be written that way. */
export function formatV1Driver(pair: DriverVersion): string | undefined {
  const cuda = /^(\d+)\.(\d+)$/.exec(pair.cuda_version);
  if (cuda === null || !/^\d+$/.test(pair.nvidia_driver_version)) return undefined;
  return `CUDA_${cuda[1]}_${cuda[2]}_${pair.nvidia_driver_version}`;
}

/** Human-readable pair, e.g. `CUDA 12.6 / driver 560`. */
export function describeDriver(pair: DriverVersion): string {
  return `cuda_version "${pair.cuda_version}" + nvidia_driver_version "${pair.nvidia_driver_version}"`;
}
