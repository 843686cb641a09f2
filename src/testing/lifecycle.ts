import type { V1CreateAnswerStatus, V2ClusterPhase, V2ClusterStatus } from "../../generated/stable.js";

/**
 * The provisioning path a new cluster walks, one phase per `phaseDurationMs` of fake time.
 * `WaitingForSharedVolume` is only visited by clusters that have a shared volume.
 */
export function provisioningPlan(hasVolume: boolean): readonly V2ClusterStatus[] {
  return [
    "WaitingForControlPlaneNodes",
    "WaitingForDataPlaneNodes",
    "WaitingForSubnet",
    ...(hasVolume ? (["WaitingForSharedVolume"] as const) : []),
    "InstallingDrivers",
    "RunningAcceptanceTests",
    "Ready",
  ];
}

/** Cluster-level phase recorded in `phase_transitions` for each v2 status. */
export const phaseOfStatus: Readonly<Record<V2ClusterStatus, V2ClusterPhase>> = {
  WaitingForControlPlaneNodes: "CLUSTER_PHASE_WAITING_FOR_CONTROL_PLANE_NODES",
  WaitingForDataPlaneNodes: "CLUSTER_PHASE_WAITING_FOR_DATA_PLANE_NODES",
  WaitingForSubnet: "CLUSTER_PHASE_WAITING_FOR_SUBNET",
  WaitingForSharedVolume: "CLUSTER_PHASE_WAITING_FOR_SHARED_VOLUME",
  InstallingDrivers: "CLUSTER_PHASE_INSTALLING_DRIVERS",
  RunningAcceptanceTests: "CLUSTER_PHASE_RUNNING_ACCEPTANCE_TESTS",
  Paused: "CLUSTER_PHASE_PAUSED",
  OnDemandComputePaused: "CLUSTER_PHASE_ON_DEMAND_COMPUTE_PAUSED",
  Ready: "CLUSTER_PHASE_READY",
  Degraded: "CLUSTER_PHASE_DEGRADED",
  Deleting: "CLUSTER_PHASE_DELETING",
};

/**
 * What v1 reports in `GPUClusterInfo.status` (a free string in the v1 spec) for each v2 status. Where v1's
 * create/update status enum has a word for the state, v1 uses it; otherwise the backend's status string passes through
 * unchanged (the v2 spelling), which is also what the unified client expects from a v1 server.
 */
export const v1StatusOfV2: Readonly<Record<V2ClusterStatus, V1CreateAnswerStatus | V2ClusterStatus>> = {
  WaitingForControlPlaneNodes: "WAITING_CONTROL_PLANE",
  WaitingForDataPlaneNodes: "WAITING_DATA_PLANE",
  WaitingForSubnet: "WAITING_DATA_PLANE",
  WaitingForSharedVolume: "WAITING_DATA_PLANE",
  InstallingDrivers: "WAITING_DATA_PLANE",
  RunningAcceptanceTests: "WAITING_DATA_PLANE",
  Paused: "Paused",
  OnDemandComputePaused: "OnDemandComputePaused",
  Ready: "READY",
  Degraded: "Degraded",
  Deleting: "Deleting",
};

/**
 * What v1 create/update answer in their enum-typed `status` for each v2 status. States the v1 enum cannot express
 * fall back to its sentinel `UNKNOWN_STATUS`, as a proto server does for an unset enum.
 */
export const v1EnumStatusOfV2: Readonly<Record<V2ClusterStatus, V1CreateAnswerStatus>> = {
  WaitingForControlPlaneNodes: "WAITING_CONTROL_PLANE",
  WaitingForDataPlaneNodes: "WAITING_DATA_PLANE",
  WaitingForSubnet: "WAITING_DATA_PLANE",
  WaitingForSharedVolume: "WAITING_DATA_PLANE",
  InstallingDrivers: "WAITING_DATA_PLANE",
  RunningAcceptanceTests: "WAITING_DATA_PLANE",
  Paused: "UNKNOWN_STATUS",
  OnDemandComputePaused: "UNKNOWN_STATUS",
  Ready: "READY",
  Degraded: "FAILED",
  Deleting: "UNKNOWN_STATUS",
};
