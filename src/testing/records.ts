import type { V2BillingType, V2ClusterStatus, V2ClusterType, V2GpuType } from "../../generated/stable.js";
import type { DriverPair } from "./catalog.js";

/** A machine of a cluster. Times are fake epoch milliseconds. */
export interface NodeRecord {
  readonly id: string;
  readonly hostName: string;
  readonly numGpus: number;
  readonly createdAt: number;
  /** When the node finishes booting and reports Ready. */
  readonly readyAt: number;
  deletedAt?: number | undefined;
}

/** A node lifecycle event (scale up / scale down), as v2 reports in `node_lifecycle_events`. */
export interface NodeEventRecord {
  readonly nodeId: string;
  readonly reason: "TogetherScaledUp" | "TogetherScaledDown";
  readonly message: string;
  readonly at: number;
}

/**
 * One cluster as the fake stores it: version-neutral (v2 vocabulary), rendered per version by the views.
 * Status is not stored: it is derived from the clock (see {@link clusterStatusAt}), which keeps the lifecycle
 * deterministic and timer-free.
 */
export interface ClusterRecord {
  readonly id: string;
  readonly name: string;
  readonly projectId: string;
  readonly region: string;
  readonly gpuType: V2GpuType;
  clusterType: V2ClusterType;
  readonly billingType: V2BillingType;
  readonly driver: DriverPair;
  numGpus: number;
  readonly durationHours: number | undefined;
  readonly createdAt: number;
  /** The provisioning path; the cluster spends `phaseDurationMs` in each entry and stays in the last. */
  readonly plan: readonly V2ClusterStatus[];
  /** Set by a test through `state.setStatus`: overrides the plan from `since` on. */
  forced: { readonly status: V2ClusterStatus; readonly since: number } | undefined;
  deletingSince: number | undefined;
  readonly volumeIds: string[];
  readonly controlPlaneNodes: NodeRecord[];
  workerNodes: NodeRecord[];
  readonly deletedWorkerNodes: NodeRecord[];
  readonly nodeEvents: NodeEventRecord[];
  reservationEndTime: string | undefined;
  /** Create-time options echoed back by v2 GET. */
  readonly echo: {
    readonly slurmShmSizeGib?: number | undefined;
    readonly capacityPoolId?: string | undefined;
    readonly reservationStartTime?: string | undefined;
    readonly installTraefik?: boolean | undefined;
  };
  /** Which API version created it (useful in test assertions; not on the wire). */
  readonly createdVia: "v1" | "v2";
  /** GETs of this cluster since it was last created, updated, deleted or forced (drives the `on-poll` clock). */
  getsSinceChange: number;
}

/** A shared volume. Status is derived: `bound` while attached to a live cluster, `available` otherwise. */
export interface VolumeRecord {
  readonly id: string;
  readonly name: string;
  sizeTib: number;
  readonly region: string;
  readonly createdAt: number;
  attachedTo: string | undefined;
}

/** The cluster's status at fake time `now`. */
export function clusterStatusAt(cluster: ClusterRecord, now: number, phaseDurationMs: number): V2ClusterStatus {
  if (cluster.deletingSince !== undefined) return "Deleting";
  if (cluster.forced !== undefined && now >= cluster.forced.since) return cluster.forced.status;
  const index = Math.min(Math.floor((now - cluster.createdAt) / phaseDurationMs), cluster.plan.length - 1);
  return cluster.plan[Math.max(index, 0)] ?? "WaitingForControlPlaneNodes";
}

/** Every status the cluster has entered up to `now`, with the instant it entered it, oldest first. */
export function clusterTimeline(
  cluster: ClusterRecord,
  now: number,
  phaseDurationMs: number,
): { status: V2ClusterStatus; at: number }[] {
  const cutoff = Math.min(now, cluster.forced?.since ?? Infinity, cluster.deletingSince ?? Infinity);
  const timeline: { status: V2ClusterStatus; at: number }[] = [];
  cluster.plan.forEach((status, index) => {
    const at = cluster.createdAt + index * phaseDurationMs;
    if (at <= cutoff) timeline.push({ status, at });
  });
  if (cluster.forced !== undefined && cluster.forced.since <= now && (cluster.deletingSince ?? Infinity) >= cluster.forced.since) {
    timeline.push({ status: cluster.forced.status, at: cluster.forced.since });
  }
  if (cluster.deletingSince !== undefined) timeline.push({ status: "Deleting", at: cluster.deletingSince });
  return timeline;
}

/** When the cluster first reached Ready, if it has by `now`. */
export function firstReadyAt(cluster: ClusterRecord, now: number, phaseDurationMs: number): number | undefined {
  return clusterTimeline(cluster, now, phaseDurationMs).find((entry) => entry.status === "Ready")?.at;
}

/**
 * The next fake instant at which anything about the cluster changes (its status, a node becoming Ready, the end of
 * its deletion), or `undefined` if nothing will change without a request.
 */
export function nextChangeAt(cluster: ClusterRecord, now: number, phaseDurationMs: number): number | undefined {
  const candidates: number[] = [];
  if (cluster.deletingSince !== undefined) candidates.push(cluster.deletingSince + phaseDurationMs);
  else if (cluster.forced === undefined) {
    // A forced status (state.setStatus) holds until the test changes it: only the plan moves on its own.
    const nextIndex = Math.max(Math.floor((now - cluster.createdAt) / phaseDurationMs) + 1, 1);
    if (nextIndex < cluster.plan.length) candidates.push(cluster.createdAt + nextIndex * phaseDurationMs);
  }
  for (const node of [...cluster.controlPlaneNodes, ...cluster.workerNodes]) if (node.readyAt > now) candidates.push(node.readyAt);
  const next = Math.min(...candidates.filter((at) => at > now));
  return Number.isFinite(next) ? next : undefined;
}
