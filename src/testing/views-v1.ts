import {
  v1ClusterDriverValues,
  v1ClusterTypeValues,
  v1GpuTypeValues,
  type V1Cluster,
  type V1ClusterCreateAnswer,
  type V1ClusterDriver,
  type V1ClusterType,
  type V1GpuType,
  type V1RegionList,
  type V1Volume,
} from "../../generated/stable.js";
import { NODE_SHAPE, v1DriverName } from "./catalog.js";
import { v1EnumStatusOfV2, v1StatusOfV2 } from "./lifecycle.js";
import { firstReadyAt, type ClusterRecord, type VolumeRecord } from "./records.js";
import type { FakeState } from "./state.js";
import { nodeStatus } from "./views-v2.js";


/**
 * Renders a cluster as v1 `GPUClusterInfo`. v1 cannot name everything v2 can: GPU types, cluster types and
 * driver pairs outside v1's enums come out as v1's `UNKNOWN_*` sentinels, as a proto server would send them.
 */
export function v1Cluster(state: FakeState, cluster: ClusterRecord): V1Cluster {
  const now = state.clock.now();
  const ready = firstReadyAt(cluster, now, state.phaseDurationMs) !== undefined;
  return {
    cluster_id: cluster.id,
    cluster_type: oneOf(v1ClusterTypeValues, cluster.clusterType, "UNKNOWN_TYPE" satisfies V1ClusterType),
    region: cluster.region,
    gpu_type: oneOf(v1GpuTypeValues, cluster.gpuType, "UNKNOWN_GPU_TYPE" satisfies V1GpuType),
    cluster_name: cluster.name,
    ...(cluster.durationHours !== undefined ? { duration_hours: cluster.durationHours } : {}),
    driver_version: oneOf(v1ClusterDriverValues, v1DriverName(cluster.driver), "UNKNOWN_DRIVER" satisfies V1ClusterDriver),
    volumes: cluster.volumeIds.map((id) => {
      const volume = state.getVolume(id);
      return { volume_id: volume.id, volume_name: volume.name, size_tib: volume.sizeTib, status: state.volumeStatus(volume) };
    }),
    status: v1StatusOfV2[state.statusOf(cluster)],
    control_plane_nodes: cluster.controlPlaneNodes.map((node) => ({
      node_id: node.id,
      node_name: node.hostName.split(".")[0],
      status: nodeStatus(node, now),
      host_name: node.hostName,
      num_cpu_cores: NODE_SHAPE.controlPlane.numCpuCores,
      memory_gib: NODE_SHAPE.controlPlane.memoryGib,
      network: "10.0.0.0/24",
    })),
    gpu_worker_nodes: cluster.workerNodes.map((node) => ({
      node_id: node.id,
      node_name: node.hostName.split(".")[0],
      status: nodeStatus(node, now),
      host_name: node.hostName,
      num_cpu_cores: NODE_SHAPE.gpuWorker.numCpuCores,
      num_gpus: node.numGpus,
      memory_gib: NODE_SHAPE.gpuWorker.memoryGib,
      networks: ["10.0.1.0/24"],
    })),
    kube_config: ready && cluster.clusterType === "KUBERNETES" ? `# kubeconfig for ${cluster.id} (fake)\n` : "",
    num_gpus: cluster.numGpus,
  };
}

/** v1 create/update answer: `{cluster_id, status}` with v1's status enum. */
export function v1ClusterAck(state: FakeState, cluster: ClusterRecord): V1ClusterCreateAnswer {
  return { cluster_id: cluster.id, status: v1EnumStatusOfV2[state.statusOf(cluster)] };
}

/** Renders a volume as v1 `SharedVolumeInfo` (v1 volumes have no status). */
export function v1Volume(volume: VolumeRecord): V1Volume {
  return { volume_id: volume.id, volume_name: volume.name, size_tib: volume.sizeTib };
}

/** Renders the region catalog as v1 `RegionListResponse`: driver pairs as v1 tokens (`CUDA_12_6_560`). */
export function v1Regions(state: FakeState): V1RegionList {
  return {
    regions: state.regions.map((region) => ({
      id: region.name,
      name: region.name,
      availability_zones: [...region.availabilityZones],
      driver_versions: region.driverPairs.map(v1DriverName),
    })),
  };
}

function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return (values as readonly string[]).includes(value) ? (value as T) : fallback;
}
