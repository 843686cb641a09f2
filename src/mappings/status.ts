/**
 * The coarse lifecycle of a cluster status. The table is checked against the full status vocabulary, so a status added
 * to the v2 spec breaks the build until someone decides its lifecycle.
 */
import type { ClusterLifecycle, ClusterStatus, Known } from "../types.js";

const lifecycleByStatus: Readonly<Record<ClusterStatus, ClusterLifecycle>> = {
  WaitingForControlPlaneNodes: "provisioning",
  WaitingForDataPlaneNodes: "provisioning",
  WaitingForSubnet: "provisioning",
  WaitingForSharedVolume: "provisioning",
  InstallingDrivers: "provisioning",
  RunningAcceptanceTests: "provisioning",
  Paused: "paused",
  OnDemandComputePaused: "paused",
  Ready: "ready",
  Degraded: "degraded",
  Deleting: "deleting",
  Pending: "provisioning",
  Queued: "provisioning",
  Failed: "failed",
};

/** Lifecycle of a status; unrecognized statuses are `unknown`. */
export function lifecycleOf(status: Known<ClusterStatus>): ClusterLifecycle {
  // `?? "unknown"` is unreachable while the table's type holds; when a spec change loses the status enum, it keeps the
  // compiler's complaint to the one line above that names the lost enum.
  return typeof status === "string" ? (lifecycleByStatus[status] ?? "unknown") : "unknown";
}
