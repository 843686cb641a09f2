/**
 * The type-check benchmark's case for the official `together-ai` SDK (devDependency, as a consumer installs it):
 * the same tour of the cluster API as bench/typecheck-cases.ts (create, get, list, update, delete, NotFoundError).
 * Kept as text for the same reason: an SDK change breaks the benchmark run, not the project's type-check.
 */
import type { ConsumerCase } from "./typecheck.js";

export const sdkConsumerCase: ConsumerCase = {
  name: "official together-ai SDK (beta.clusters), published declarations",
  source: `import Together, { NotFoundError } from "together-ai";
import type { ClusterCreateParams } from "together-ai/resources/beta/clusters/clusters";

const client = new Together({ apiKey: "key" });

export async function tour(input: ClusterCreateParams): Promise<string[]> {
  const created = await client.beta.clusters.create(input);
  const fetched = await client.beta.clusters.retrieve(created.cluster_id);
  const all = await client.beta.clusters.list();
  await client.beta.clusters.update(fetched.cluster_id, { num_gpus: 16 });
  try {
    await client.beta.clusters.delete(fetched.cluster_id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  return [fetched.cluster_name, fetched.region, ...all.clusters.map((cluster) => cluster.cluster_id)];
}
`,
};
