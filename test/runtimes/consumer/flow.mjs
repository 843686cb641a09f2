// The README flow as a consumer runs it, shared by every runtime (Node, Bun, Deno, the browser bundle): plain
// JavaScript, no runtime-specific API, so the same file is what each runtime executes. Returns a summary of what
// the client printed and returned; the runtime tests compare it across runtimes and with the expected values.
import { createClient, isUnrecognized, NotFoundError, rawValue } from "together-clusters";

/** Runs create → waitForReady → update → delete, regions and volumes against one API version of the fake. */
async function runVersion(apiVersion, baseUrl, apiKey) {
  const client = createClient({ apiVersion, baseUrl, apiKey });
  const statuses = [];
  const cluster = await client.clusters.create({
    cluster_name: "train",
    region: "us-central-8",
    gpu_type: "H100_SXM",
    num_gpus: 8,
    cuda_version: "12.6",
    nvidia_driver_version: "560",
    billing_type: "ON_DEMAND",
    duration_days: 1,
  });
  // Default schedule, as in the README: the fake's poll hint (retry-after-ms) keeps the wait short.
  const ready = await client.clusters.waitForReady(cluster.cluster_id, {
    timeoutMs: 60_000,
    onStatus: (c) => statuses.push(`${c.lifecycle} ${c.raw_status}`),
  });
  const updated = await client.clusters.update(ready.cluster_id, { num_gpus: 16 });
  const deleted = await client.clusters.delete(ready.cluster_id);
  const regions = await client.regions.list();
  const volume = await client.volumes.create({ volume_name: "data", size_tib: 2, region: "us-central-8" });
  const volumeDeleted = await client.volumes.delete(volume.volume_id);
  const missing = await client.clusters.get("does-not-exist").then(
    () => "resolved",
    (error) => (error instanceof NotFoundError ? "NotFoundError" : `${error?.name}: ${error?.message}`),
  );
  return {
    statuses,
    ready: { lifecycle: ready.lifecycle, gpu_type: rawValue(ready.gpu_type), unrecognizedGpu: isUnrecognized(ready.gpu_type), num_gpus: ready.num_gpus },
    updatedGpus: updated.num_gpus,
    deleted: deleted.cluster_id === cluster.cluster_id,
    regionHasDriver: regions.some((r) => r.name === "us-central-8" && r.driver_versions.some((d) => d.cuda_version === "12.6")),
    volume: { name: volume.volume_name, size_tib: volume.size_tib, deleted: volumeDeleted.success },
    missing,
  };
}

/** `target`: `{ apiKey, urls: { v1, v2 } }` of a running fake. */
export async function runFlow(target) {
  return {
    v1: await runVersion("v1", target.urls.v1, target.apiKey),
    v2: await runVersion("v2", target.urls.v2, target.apiKey),
  };
}
