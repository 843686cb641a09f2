// A small v1 caller: raw fetch against /api/v1/…, v1 vocabulary. The end-to-end test runs it against the fake's v1
// URL, migrates it, runs the result against the fake's v2 URL and compares what the two print.
const BASE = process.env.TOGETHER_BASE_URL ?? "https://manager.cloud.together.ai";
const headers = { Authorization: `Bearer ${process.env.TOGETHER_API_KEY}`, "Content-Type": "application/json" };

async function getCluster(id: string) {
  return (await fetch(`${BASE}/api/v1/gpu_cluster/${id}`, { headers })).json();
}

async function main() {
  const res = await fetch(`${BASE}/api/v1/gpu_cluster`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      cluster_name: "e2e",
      region: "us-central-8",
      gpu_type: "H100_SXM",
      num_gpus: 8,
      driver_version: "CUDA_12_6_560",
      billing_type: "ON_DEMAND",
      duration_days: 1,
    }),
  });
  if (!res.ok) throw new Error(`create failed: ${res.status}`);
  const created = await res.json();
  let cluster = await getCluster(created.cluster_id);
  for (let polls = 0; cluster.status !== "READY" && polls < 50; polls++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    cluster = await getCluster(created.cluster_id);
  }
  console.log("ready:", cluster.status === "READY", cluster.cluster_name, cluster.gpu_type, cluster.num_gpus);
  await fetch(`${BASE}/api/v1/gpu_cluster`, { method: "PUT", headers, body: JSON.stringify({ cluster_id: created.cluster_id, num_gpus: 16 }) });
  console.log("scaled:", (await getCluster(created.cluster_id)).num_gpus);
  const { clusters } = await (await fetch(`${BASE}/api/v1/gpu_clusters`, { headers })).json();
  console.log("clusters:", clusters.map((c: { cluster_name: string }) => c.cluster_name).join(","));
  const { regions } = await (await fetch(`${BASE}/api/v1/regions`, { headers })).json();
  console.log("regions:", regions.map((r: { name: string }) => r.name).sort().join(","));
  const volume = await (
    await fetch(`${BASE}/api/v1/shared_volume`, { method: "POST", headers, body: JSON.stringify({ volume_name: "data", size_tib: 2, region: "us-central-8" }) })
  ).json();
  const { volumes } = await (await fetch(`${BASE}/api/v1/shared_volumes`, { headers })).json();
  console.log("volumes:", volumes.map((v: { volume_name: string; size_tib: number }) => `${v.volume_name}/${v.size_tib}`).join(","));
  await fetch(`${BASE}/api/v1/shared_volume/${volume.volume_id}`, { method: "DELETE", headers });
  await fetch(`${BASE}/api/v1/gpu_cluster/${created.cluster_id}`, { method: "DELETE", headers });
  console.log("deleted:", created.cluster_id.length > 0);
}

await main();
