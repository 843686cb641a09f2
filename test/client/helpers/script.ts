/**
 * The version-agnostic script of the "done when" criterion: list, create, get, update, delete a cluster; list
 * regions; create and delete a volume. It never looks at `apiVersion`. It reports the fields both versions carry
 * (v2-only fields such as billing_type or created_at, and the raw wire status, differ by design).
 */
import type { Client, Cluster } from "../../../src/index.js";
import { rawValue } from "../../../src/index.js";

export function summarizeCluster(c: Cluster) {
  return {
    cluster_id: c.cluster_id,
    cluster_name: c.cluster_name,
    cluster_type: rawValue(c.cluster_type),
    region: c.region,
    gpu_type: rawValue(c.gpu_type),
    num_gpus: c.num_gpus,
    cuda_version: c.cuda_version,
    nvidia_driver_version: c.nvidia_driver_version,
    status: rawValue(c.status),
    lifecycle: c.lifecycle,
    workers: c.gpu_worker_nodes.map((n) => `${n.node_id}:${n.num_gpus}`),
    has_kube_config: typeof c.kube_config === "string" && c.kube_config.length > 0,
  };
}

export async function runSameScript(client: Client): Promise<unknown[]> {
  const out: unknown[] = [];
  out.push({ step: "list-before", clusters: (await client.clusters.list()).map(summarizeCluster) });
  const created = await client.clusters.create({
    cluster_name: "demo",
    region: "us-central-8",
    gpu_type: "H100_SXM",
    num_gpus: 8,
    cuda_version: "12.6",
    nvidia_driver_version: "560",
    billing_type: "ON_DEMAND",
    cluster_type: "KUBERNETES",
    duration_days: 1,
  });
  out.push({ step: "create", cluster: summarizeCluster(created) });
  out.push({ step: "get", cluster: summarizeCluster(await client.clusters.get(created.cluster_id)) });
  out.push({ step: "update", cluster: summarizeCluster(await client.clusters.update(created.cluster_id, { num_gpus: 16 })) });
  out.push({ step: "list-after", clusters: (await client.clusters.list()).map(summarizeCluster) });
  out.push({ step: "delete", result: await client.clusters.delete(created.cluster_id) });
  const regions = await client.regions.list();
  out.push({ step: "regions", regions: regions.map((r) => ({ name: r.name, driver_versions: r.driver_versions })) });
  const volume = await client.volumes.create({ volume_name: "data", size_tib: 2, region: "us-central-8" });
  out.push({ step: "volume-create", volume: { volume_id: volume.volume_id, volume_name: volume.volume_name, size_tib: volume.size_tib } });
  out.push({ step: "volume-delete", result: await client.volumes.delete(volume.volume_id) });
  return out;
}
