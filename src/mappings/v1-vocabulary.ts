/**
 * v1 enum values ↔ unified values, as exhaustive tables checked against the generated v1 value lists: a value added
 * to the v1 spec breaks the build until it is mapped. `null` marks a value the other side cannot express.
 *
 * Each table is typed as a Record (not `as const satisfies`): a value added to, or an enum lost from, a spec is then
 * one error at the table, naming it, rather than one more at every line that reads the table. The unified → v1 tables
 * hold what the v1 request bodies accept, so their readers need no cast.
 */
import {
  v1CreateDriverValues,
  type V1ClusterType as V1InfoClusterType,
  type V1CreateAnswerStatus,
  type V1CreateBillingType,
  type V1CreateClusterType,
  type V1CreateDriver,
  type V1CreateGpuType,
  type V1GpuType as V1InfoGpuType,
  type V1UpdateAnswerStatus,
  type V1UpdateClusterType,
} from "../../generated/stable.js";
import { UnsupportedByVersionError } from "../errors.js";
import type { BillingType, ClusterStatus, ClusterType, DriverVersion, GpuType, Known } from "../types.js";
import { clusterStatusValues, knownIn, lookup } from "../vocabulary.js";
import { describeDriver, formatV1Driver, parseV1Driver } from "./driver.js";

type V1ClusterType = V1InfoClusterType | V1CreateClusterType | V1UpdateClusterType;
type V1GpuType = V1InfoGpuType | V1CreateGpuType;
type V1Status = V1CreateAnswerStatus | V1UpdateAnswerStatus;

// null: a v1 sentinel that means "unknown"; it arrives as Unrecognized with its raw string.
/** v1 cluster type → unified. */
export const clusterTypeFromV1: Readonly<Record<V1ClusterType, ClusterType | null>> = { UNKNOWN_TYPE: null, KUBERNETES: "KUBERNETES", SLURM: "SLURM" };
/** unified cluster type → v1. */
export const clusterTypeToV1: Readonly<Record<ClusterType, V1CreateClusterType & V1UpdateClusterType>> = { KUBERNETES: "KUBERNETES", SLURM: "SLURM" };

/** v1 GPU type → unified. */
export const gpuTypeFromV1: Readonly<Record<V1GpuType, GpuType | null>> = {
  UNKNOWN_GPU_TYPE: null,
  H100_SXM: "H100_SXM",
  H200_SXM: "H200_SXM",
  RTX_6000_PCI: "RTX_6000_PCI",
};
/** unified GPU type → v1; null where v1 has no such GPU. */
export const gpuTypeToV1: Readonly<Record<GpuType, V1CreateGpuType | null>> = {
  H100_SXM: "H100_SXM",
  H200_SXM: "H200_SXM",
  RTX_6000_PCI: "RTX_6000_PCI",
  L40_PCIE: null,
  B200_SXM: null,
  H100_SXM_INF: null,
};

/** v1 billing type → unified (only used for round-trip checks: v1 answers carry no billing type). */
export const billingTypeFromV1: Readonly<Record<V1CreateBillingType, BillingType | null>> = { UNSPECIFIED: null, RESERVED: "RESERVED", ON_DEMAND: "ON_DEMAND" };
/** unified billing type → v1; null where v1 cannot bill that way. */
export const billingTypeToV1: Readonly<Record<BillingType, V1CreateBillingType | null>> = { RESERVED: "RESERVED", ON_DEMAND: "ON_DEMAND", SCHEDULED_CAPACITY: null };

/** v1 cluster status → unified (v2 terms, plus v1-only states). */
export const statusFromV1: Readonly<Record<V1Status, ClusterStatus | null>> = {
  UNKNOWN_STATUS: null,
  PENDING: "Pending",
  QUEUED: "Queued",
  WAITING_CONTROL_PLANE: "WaitingForControlPlaneNodes",
  WAITING_DATA_PLANE: "WaitingForDataPlaneNodes",
  READY: "Ready",
  FAILED: "Failed",
};
/** unified status → v1; null for v2 states v1 has no word for. */
export const statusToV1: Readonly<Record<ClusterStatus, V1Status | null>> = {
  WaitingForControlPlaneNodes: "WAITING_CONTROL_PLANE",
  WaitingForDataPlaneNodes: "WAITING_DATA_PLANE",
  WaitingForSubnet: null,
  WaitingForSharedVolume: null,
  InstallingDrivers: null,
  RunningAcceptanceTests: null,
  Paused: null,
  OnDemandComputePaused: null,
  Ready: "READY",
  Degraded: null,
  Deleting: null,
  Pending: "PENDING",
  Queued: "QUEUED",
  Failed: "FAILED",
};

const unifiedStatuses: ReadonlySet<string> = /* @__PURE__ */ new Set(clusterStatusValues);

/**
 * A v1 status string. Cluster info carries a free string: v1 enum names map through the table, a server already
 * speaking v2 words is taken as is, anything else is Unrecognized.
 */
export function statusFromV1Wire(raw: string): Known<ClusterStatus> {
  const mapped = lookup(statusFromV1, raw);
  if (mapped !== undefined) return mapped === null ? { unrecognized: true, raw } : mapped;
  return knownIn<ClusterStatus>(unifiedStatuses, raw);
}

/** v1 driver pairs the spec can express, for error messages and outbound checks. */
export const v1DriverPairs: readonly DriverVersion[] = /* @__PURE__ */ v1CreateDriverValues
  .map(parseV1Driver)
  .filter((pair): pair is DriverVersion => pair !== undefined);

/** unified driver pair → v1 token; throws UnsupportedByVersionError listing the pairs v1 can express. */
export function driverToV1(pair: DriverVersion): V1CreateDriver {
  const token = formatV1Driver(pair);
  const known = v1CreateDriverValues as readonly string[];
  if (token !== undefined && known.includes(token)) return token as V1CreateDriver;
  throw new UnsupportedByVersionError(
    "v1",
    `driver ${describeDriver(pair)}`,
    `v1 can express only these pairs: ${v1DriverPairs.map((p) => `${p.cuda_version}/${p.nvidia_driver_version}`).join(", ")}`,
  );
}

