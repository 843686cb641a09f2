import type { V2Cluster, V2ClusterVolume, V2NodePhaseTransition, V2RegionList, V2Volume, V2WorkerNode } from "../../generated/stable.js";
import { NODE_SHAPE } from "./catalog.js";
import { phaseOfStatus } from "./lifecycle.js";
import { clusterTimeline, firstReadyAt, type ClusterRecord, type NodeRecord, type VolumeRecord } from "./records.js";
import type { FakeState } from "./state.js";


/** Renders a cluster as v2 `GPUClusterInfo`. */
export function v2Cluster(state: FakeState, cluster: ClusterRecord): V2Cluster {
  const now = state.clock.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const status = state.statusOf(cluster);
  const readyAt = firstReadyAt(cluster, now, state.phaseDurationMs);
  return {
    cluster_id: cluster.id,
    cluster_type: cluster.clusterType,
    region: cluster.region,
    gpu_type: cluster.gpuType,
    cluster_name: cluster.name,
    ...(cluster.durationHours !== undefined ? { duration_hours: cluster.durationHours } : {}),
    volumes: cluster.volumeIds.map((id) => v2ClusterVolume(state, id)),
    status,
    control_plane_nodes: cluster.controlPlaneNodes.map((node) => ({
      node_id: node.id,
      status: nodeStatus(node, now),
      host_name: node.hostName,
      num_cpu_cores: NODE_SHAPE.controlPlane.numCpuCores,
      memory_gib: NODE_SHAPE.controlPlane.memoryGib,
      network: "10.0.0.0/24",
      phase_transitions: nodePhases(node, now),
    })),
    gpu_worker_nodes: cluster.workerNodes.map((node) => v2WorkerNode(node, now)),
    kube_config: readyAt !== undefined && cluster.clusterType === "KUBERNETES" ? kubeConfig(cluster) : "",
    num_gpus: cluster.numGpus,
    cuda_version: cluster.driver.cudaVersion,
    nvidia_driver_version: cluster.driver.nvidiaDriverVersion,
    created_at: iso(cluster.createdAt),
    project_id: cluster.projectId,
    num_cpu_workers: 0,
    phase_transitions: clusterTimeline(cluster, now, state.phaseDurationMs).map((entry) => ({
      phase: phaseOfStatus[entry.status],
      transition_time: iso(entry.at),
    })),
    desired_preemptible_gpus: 0,
    allocated_preemptible_gpus: 0,
    num_capacity_pool_gpus: cluster.echo.capacityPoolId !== undefined ? cluster.numGpus : 0,
    num_reserved_gpus: cluster.billingType === "RESERVED" && cluster.echo.capacityPoolId === undefined ? cluster.numGpus : 0,
    billing_type: cluster.billingType,
    add_ons: [],
    control_plane_ready: status !== "WaitingForControlPlaneNodes",
    ...(readyAt !== undefined ? { first_ready_at: iso(readyAt) } : {}),
    ...(cluster.echo.slurmShmSizeGib !== undefined ? { slurm_shm_size_gib: cluster.echo.slurmShmSizeGib } : {}),
    ...(cluster.echo.capacityPoolId !== undefined ? { capacity_pool_id: cluster.echo.capacityPoolId } : {}),
    ...(cluster.echo.reservationStartTime !== undefined ? { reservation_start_time: cluster.echo.reservationStartTime } : {}),
    ...(cluster.reservationEndTime !== undefined ? { reservation_end_time: cluster.reservationEndTime } : {}),
    ...(cluster.echo.installTraefik !== undefined ? { install_traefik: cluster.echo.installTraefik } : {}),
    ...(cluster.deletedWorkerNodes.length > 0 ? { deleted_gpu_worker_nodes: cluster.deletedWorkerNodes.map((n) => v2WorkerNode(n, now)) } : {}),
    ...(cluster.nodeEvents.length > 0
      ? {
          node_lifecycle_events: cluster.nodeEvents.map((e) => ({ node_id: e.nodeId, reason: e.reason, message: e.message, timestamp: iso(e.at) })),
        }
      : {}),
  };
}

/** Renders a volume as v2 `GPUClustersSharedVolume`. */
export function v2Volume(state: FakeState, volume: VolumeRecord): V2Volume {
  return { volume_id: volume.id, volume_name: volume.name, size_tib: volume.sizeTib, status: state.volumeStatus(volume) };
}

/** Renders the region catalog as v2 `RegionListResponse`. */
export function v2Regions(state: FakeState): V2RegionList {
  return {
    regions: state.regions.map((region) => ({
      name: region.name,
      driver_versions: region.driverPairs.map((p) => ({ cuda_version: p.cudaVersion, nvidia_driver_version: p.nvidiaDriverVersion })),
      supported_instance_types: [...region.gpuTypes],
    })),
  };
}

function v2ClusterVolume(state: FakeState, volumeId: string): V2ClusterVolume {
  const volume = state.getVolume(volumeId);
  return { volume_id: volume.id, volume_name: volume.name, size_tib: volume.sizeTib, status: state.volumeStatus(volume) };
}

function v2WorkerNode(node: NodeRecord, now: number): V2WorkerNode {
  return {
    node_id: node.id,
    status: node.deletedAt !== undefined ? "Deleted" : nodeStatus(node, now),
    host_name: node.hostName,
    num_cpu_cores: NODE_SHAPE.gpuWorker.numCpuCores,
    num_gpus: node.numGpus,
    memory_gib: NODE_SHAPE.gpuWorker.memoryGib,
    networks: ["10.0.1.0/24"],
    instance_id: `i-${node.id}`,
    phase_transitions: nodePhases(node, now),
    ...(node.deletedAt !== undefined ? { deleted_at: new Date(node.deletedAt).toISOString() } : {}),
  };
}

/** Node status strings: free text in both specs. */
export function nodeStatus(node: NodeRecord, now: number): "Ready" | "Provisioning" {
  return now >= node.readyAt ? "Ready" : "Provisioning";
}

function nodePhases(node: NodeRecord, now: number): V2NodePhaseTransition[] {
  const phases: V2NodePhaseTransition[] = [{ phase: "NODE_PHASE_PENDING", transition_time: new Date(node.createdAt).toISOString() }];
  if (now >= node.readyAt) phases.push({ phase: "NODE_PHASE_RUNNING", transition_time: new Date(node.readyAt).toISOString() });
  return phases;
}

function kubeConfig(cluster: ClusterRecord): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    `clusters: [{name: ${cluster.id}, cluster: {server: "https://${cluster.id}.k8s.fake.invalid"}}]`,
    `contexts: [{name: ${cluster.id}, context: {cluster: ${cluster.id}, user: fake}}]`,
    `current-context: ${cluster.id}`,
    "users: [{name: fake, user: {token: fake-token}}]",
    "",
  ].join("\n");
}
