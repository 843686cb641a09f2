// Runs the installed release against a running fake (its v2 address in the environment): create, then get, and
// prints what the consumer sees, as one JSON line.
import { createClient } from "together-clusters";

const client = createClient({ apiVersion: "v2", baseUrl: process.env.FAKE_URL_V2, apiKey: process.env.FAKE_API_KEY });
const created = await client.clusters.create({
  cluster_name: "registry-consumer",
  region: "us-central-8",
  gpu_type: "H100_SXM",
  num_gpus: 8,
  cuda_version: "12.6",
  nvidia_driver_version: "560",
  billing_type: "ON_DEMAND",
  duration_days: 1,
});
const fetched = await client.clusters.get(created.cluster_id);
console.log(JSON.stringify({ cluster_name: fetched.cluster_name, num_gpus: fetched.num_gpus, wire: fetched.wire?.version }));
