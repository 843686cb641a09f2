import type { V2GpuType } from "../../generated/stable.js";

/** A CUDA / NVIDIA driver pair a region offers (v2 vocabulary: `"12.6"` + `"560"`). */
export interface DriverPair {
  readonly cudaVersion: string;
  readonly nvidiaDriverVersion: string;
}

/** A region of the fake's catalog. */
export interface FakeRegion {
  /** Region name, e.g. `us-central-8`; also its v1 `id`. */
  readonly name: string;
  readonly availabilityZones: readonly string[];
  readonly driverPairs: readonly DriverPair[];
  /** GPU types that can be ordered here. */
  readonly gpuTypes: readonly V2GpuType[];
}

const COMMON_DRIVERS: readonly DriverPair[] = [
  { cudaVersion: "12.5", nvidiaDriverVersion: "555" },
  { cudaVersion: "12.6", nvidiaDriverVersion: "560" },
  { cudaVersion: "12.6", nvidiaDriverVersion: "565" },
  { cudaVersion: "12.8", nvidiaDriverVersion: "570" },
];

/**
 * The default catalog. Region names come from the specs' own descriptions and examples
 * ("Valid values are us-central-8 and us-central-4"; samples use us-west-2).
 */
export const DEFAULT_REGIONS: readonly FakeRegion[] = [
  { name: "us-central-8", availabilityZones: ["us-central-8a"], driverPairs: COMMON_DRIVERS, gpuTypes: ["H100_SXM", "H200_SXM"] },
  { name: "us-central-4", availabilityZones: ["us-central-4a"], driverPairs: COMMON_DRIVERS, gpuTypes: ["H100_SXM", "RTX_6000_PCI"] },
  {
    name: "us-west-2",
    availabilityZones: ["us-west-2a", "us-west-2b"],
    driverPairs: COMMON_DRIVERS.slice(1),
    gpuTypes: ["H100_SXM", "B200_SXM", "L40_PCIE", "H100_SXM_INF"],
  },
];

/** GPUs per worker node: every GPU type the API offers comes as 8-GPU machines (hence "num_gpus must be a multiple of 8"). */
export const GPUS_PER_NODE = 8;

/** Shape of the machines the fake reports as nodes. */
export const NODE_SHAPE = {
  controlPlane: { numCpuCores: 16, memoryGib: 64 },
  gpuWorker: { numCpuCores: 192, memoryGib: 2048 },
} as const;

/** v1 names a driver pair as one token, `CUDA_<major>_<minor>_<driver>` (e.g. `CUDA_12_6_560`). */
export function v1DriverName(pair: DriverPair): string {
  return `CUDA_${pair.cudaVersion.replace(".", "_")}_${pair.nvidiaDriverVersion}`;
}

/** Inverse of {@link v1DriverName}; `undefined` for tokens that do not name a pair (e.g. `UNKNOWN_DRIVER`). */
export function parseV1DriverName(name: string): DriverPair | undefined {
  const match = /^CUDA_(\d+)_(\d+)_(\d+)$/.exec(name);
  if (!match) return undefined;
  const [, major, minor, driver] = match;
  return { cudaVersion: `${major}.${minor}`, nvidiaDriverVersion: driver ?? "" };
}
