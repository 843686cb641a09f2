/**
 * Minimal in-memory v1 and v2 backends speaking each version's wire format, served by the loopback helper.
 * Enough behaviour for end-to-end client tests (CRUD, status changes); the spec-validating fake lives in src/testing.
 */
import type { Handler, RecordedRequest, Reply } from "./loopback.js";

export interface BackendState {
  /** Wire objects by id, exactly as the backend would send them. */
  readonly clusters: Map<string, Record<string, unknown>>;
  readonly volumes: Map<string, Record<string, unknown>>;
  /** Sets a cluster's wire status (v1 or v2 vocabulary, as the backend speaks). */
  setStatus(clusterId: string, status: string): void;
}

const notFound: Reply = { status: 404, json: { message: "not found" }, headers: { "x-request-id": "req-404" } };

function idFrom(path: string, prefix: string): string | undefined {
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  return rest.length > 0 && !rest.includes("/") ? decodeURIComponent(rest) : undefined;
}

/** Nodes as v2 describes them today (no node_name, with phase_transitions). */
function v2Nodes(numGpus: number) {
  return {
    control_plane_nodes: [
      { node_id: "cp-1", status: "Running", host_name: "cp-1.internal", num_cpu_cores: 8, memory_gib: 32, network: "10.0.0.0/24", phase_transitions: [] },
    ],
    gpu_worker_nodes: [
      {
        node_id: "gw-1",
        status: "Running",
        host_name: "gw-1.internal",
        num_cpu_cores: 96,
        num_gpus: numGpus,
        memory_gib: 1024,
        networks: ["ib0"],
        phase_transitions: [],
      },
    ],
  };
}

export function createV2Backend(): { handler: Handler; state: BackendState } {
  const clusters = new Map<string, Record<string, unknown>>();
  const volumes = new Map<string, Record<string, unknown>>();
  let next = 1;
  const handler: Handler = (req: RecordedRequest): Reply => {
    const { method, path } = req;
    const body = (req.json ?? {}) as Record<string, unknown>;
    if (path === "/compute/clusters" && method === "GET") {
      const project = req.query.get("project_id");
      return { json: { clusters: [...clusters.values()].filter((c) => project === null || c["project_id"] === project) } };
    }
    if (path === "/compute/clusters" && method === "POST") {
      const id = `cl-${next++}`;
      const cluster = {
        cluster_id: id,
        cluster_name: body["cluster_name"],
        cluster_type: body["cluster_type"] ?? "KUBERNETES",
        region: body["region"],
        gpu_type: body["gpu_type"],
        num_gpus: body["num_gpus"],
        cuda_version: body["cuda_version"],
        nvidia_driver_version: body["nvidia_driver_version"],
        billing_type: body["billing_type"],
        status: "WaitingForControlPlaneNodes",
        volumes: [],
        ...v2Nodes(body["num_gpus"] as number),
        kube_config: `kubeconfig-secret-${id}`,
        project_id: "proj-1",
        num_cpu_workers: 0,
        phase_transitions: [],
        desired_preemptible_gpus: 0,
        allocated_preemptible_gpus: 0,
        num_capacity_pool_gpus: 0,
        num_reserved_gpus: 0,
        add_ons: [],
        created_at: new Date().toISOString(),
      };
      clusters.set(id, cluster);
      return { json: cluster };
    }
    const clusterId = idFrom(path, "/compute/clusters/");
    if (clusterId !== undefined && clusterId !== "storage") {
      const cluster = clusters.get(clusterId);
      if (cluster === undefined) return notFound;
      if (method === "GET") return { json: cluster };
      if (method === "PUT") {
        Object.assign(cluster, body);
        return { json: cluster };
      }
      if (method === "DELETE") {
        clusters.delete(clusterId);
        return { json: { cluster_id: clusterId } };
      }
    }
    if (path === "/compute/regions" && method === "GET") {
      return {
        json: {
          regions: [
            {
              name: "us-central-8",
              driver_versions: [
                { cuda_version: "12.6", nvidia_driver_version: "560" },
                { cuda_version: "12.8", nvidia_driver_version: "570" },
              ],
              supported_instance_types: ["H100_SXM"],
            },
          ],
        },
      };
    }
    if (path === "/compute/clusters/storage/volumes") {
      if (method === "GET") return { json: { volumes: [...volumes.values()] } };
      if (method === "POST") {
        const id = `vol-${next++}`;
        const volume = { volume_id: id, volume_name: body["volume_name"], size_tib: body["size_tib"], status: "available" };
        volumes.set(id, volume);
        return { json: volume };
      }
      if (method === "PUT") {
        const volume = volumes.get(String(body["volume_id"]));
        if (volume === undefined) return notFound;
        volume["size_tib"] = body["size_tib"];
        return { json: volume };
      }
    }
    const volumeId = idFrom(path, "/compute/clusters/storage/volumes/");
    if (volumeId !== undefined) {
      const volume = volumes.get(volumeId);
      if (volume === undefined) return notFound;
      if (method === "GET") return { json: volume };
      if (method === "DELETE") {
        volumes.delete(volumeId);
        return { json: { success: true } };
      }
    }
    return notFound;
  };
  return { handler, state: { clusters, volumes, setStatus: (id, status) => void (clusters.get(id)!["status"] = status) } };
}

export function createV1Backend(): { handler: Handler; state: BackendState } {
  const clusters = new Map<string, Record<string, unknown>>();
  const volumes = new Map<string, Record<string, unknown>>();
  let next = 1;
  const handler: Handler = (req: RecordedRequest): Reply => {
    const { method, path } = req;
    const body = (req.json ?? {}) as Record<string, unknown>;
    if (path === "/api/v1/gpu_clusters" && method === "GET") return { json: { clusters: [...clusters.values()] } };
    if (path === "/api/v1/gpu_cluster" && method === "POST") {
      const id = `cl-${next++}`;
      clusters.set(id, {
        cluster_id: id,
        cluster_type: body["cluster_type"] ?? "KUBERNETES",
        region: body["region"],
        gpu_type: body["gpu_type"],
        cluster_name: body["cluster_name"],
        duration_hours: (body["duration_days"] as number) * 24,
        driver_version: body["driver_version"],
        volumes: [],
        status: "WAITING_CONTROL_PLANE",
        control_plane_nodes: [
          { node_id: "cp-1", node_name: "cp-1", status: "Running", host_name: "cp-1.internal", num_cpu_cores: 8, memory_gib: 32, network: "10.0.0.0/24" },
        ],
        gpu_worker_nodes: [
          {
            node_id: "gw-1",
            node_name: "gw-1",
            status: "Running",
            host_name: "gw-1.internal",
            num_cpu_cores: 96,
            num_gpus: body["num_gpus"],
            memory_gib: 1024,
            networks: ["ib0"],
          },
        ],
        kube_config: `kubeconfig-secret-${id}`,
        num_gpus: body["num_gpus"],
      });
      return { json: { cluster_id: id, status: "PENDING" } };
    }
    if (path === "/api/v1/gpu_cluster" && method === "PUT") {
      const cluster = clusters.get(String(body["cluster_id"]));
      if (cluster === undefined) return notFound;
      if (body["cluster_type"] !== undefined) cluster["cluster_type"] = body["cluster_type"];
      if (body["num_gpus"] !== undefined) cluster["num_gpus"] = body["num_gpus"];
      return { json: { cluster_id: cluster["cluster_id"], status: "READY" } };
    }
    const clusterId = idFrom(path, "/api/v1/gpu_cluster/");
    if (clusterId !== undefined) {
      const cluster = clusters.get(clusterId);
      if (cluster === undefined) return notFound;
      if (method === "GET") return { json: cluster };
      if (method === "DELETE") {
        clusters.delete(clusterId);
        return { json: { cluster_id: clusterId } };
      }
    }
    if (path === "/api/v1/regions" && method === "GET") {
      return {
        json: { regions: [{ id: "r-1", name: "us-central-8", availability_zones: ["us-central-8a"], driver_versions: ["CUDA_12_6_560", "CUDA_12_8_570"] }] },
      };
    }
    if (path === "/api/v1/shared_volumes" && method === "GET") return { json: { volumes: [...volumes.values()] } };
    if (path === "/api/v1/shared_volume" && method === "POST") {
      const id = `vol-${next++}`;
      volumes.set(id, { volume_id: id, volume_name: body["volume_name"], size_tib: body["size_tib"] });
      return { json: { volume_id: id } };
    }
    const volumeId = idFrom(path, "/api/v1/shared_volume/");
    if (volumeId !== undefined) {
      const volume = volumes.get(volumeId);
      if (volume === undefined) return notFound;
      if (method === "GET") return { json: volume };
      if (method === "DELETE") {
        volumes.delete(volumeId);
        return { json: { success: true } };
      }
    }
    return notFound;
  };
  return { handler, state: { clusters, volumes, setStatus: (id, status) => void (clusters.get(id)!["status"] = status) } };
}
