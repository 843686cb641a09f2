/**
 * Run-time helpers that `together-clusters migrate` writes into migrated code where a v1 value is only known when the
 * program runs. They throw instead of guessing, so a value the codemod could not see is never silently changed.
 */
import { parseV1Driver } from "../mappings/driver.js";
import { ValidationError } from "../errors.js";
import type { DriverVersion } from "../types.js";

/**
 * Splits a v1 driver token (`"CUDA_12_6_560"`) into the v2 pair `{ cuda_version: "12.6", nvidia_driver_version: "560" }`,
 * ready to spread into `clusters.create` input. Throws ValidationError for anything else (`UNKNOWN_DRIVER`, a typo).
 *
 * @example
 * await client.clusters.create({ ...input, ...fromV1DriverToken(process.env.DRIVER ?? "CUDA_12_6_560") });
 */
export function fromV1DriverToken(token: string): DriverVersion {
  const pair = typeof token === "string" ? parseV1Driver(token) : undefined;
  if (pair === undefined) {
    throw new ValidationError([{ path: "driver_version", message: `is not a v1 driver token CUDA_<major>_<minor>_<driver>, got ${JSON.stringify(token)}` }]);
  }
  return pair;
}
