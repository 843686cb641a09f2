/**
 * The two consumer files of the type-check benchmark: the same tour of the
 * cluster API (create, get, list, update, delete) through this client's
 * public API and through openapi-fetch with the raw generated v2 `paths`.
 * Kept as text, written to .tmp at run time, so that an API change breaks the
 * benchmark run rather than the project's own type-check. `{{declarations}}`
 * is the package's declaration output (tsconfig.build.json, emitted into
 * .tmp), which is what an installed consumer type-checks against.
 */
import type { ConsumerCase } from "./typecheck.js";

/** Both consumers, in report order. */
export const consumerCases: readonly ConsumerCase[] = [
  {
    name: "this client, published declarations (dist .d.ts)",
    source: `import { createClient, NotFoundError, type Cluster, type ClusterCreateInput } from "{{declarations}}/src/index.js";

const client = createClient({ apiVersion: "v2", apiKey: "key" });

export async function tour(input: ClusterCreateInput): Promise<string[]> {
  const created: Cluster = await client.clusters.create(input);
  const fetched = await client.clusters.get(created.cluster_id);
  const all = await client.clusters.list();
  await client.clusters.update(fetched.cluster_id, { num_gpus: 16 });
  try {
    await client.clusters.delete(fetched.cluster_id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  return [fetched.cluster_name, fetched.region, ...all.map((cluster) => cluster.cluster_id)];
}
`,
  },
  {
    name: "openapi-fetch + generated/v2 paths",
    source: `import createClient from "openapi-fetch";
import type { components, paths } from "{{repo}}/generated/v2/schema.js";

type CreateBody = components["schemas"]["GPUClusterCreateRequest"];
const client = createClient<paths>({ baseUrl: "https://api.together.ai/v1", headers: { authorization: "Bearer key" } });

export async function tour(input: CreateBody): Promise<string[]> {
  const created = await client.POST("/compute/clusters", { body: input });
  if (!created.data) throw new Error("create failed");
  const id = created.data.cluster_id;
  const fetched = await client.GET("/compute/clusters/{cluster_id}", { params: { path: { cluster_id: id } } });
  if (!fetched.data) throw new Error("get failed");
  const all = await client.GET("/compute/clusters");
  await client.PUT("/compute/clusters/{cluster_id}", { params: { path: { cluster_id: id } }, body: { num_gpus: 16 } });
  const deleted = await client.DELETE("/compute/clusters/{cluster_id}", { params: { path: { cluster_id: id } } });
  if (!deleted.response.ok && deleted.response.status !== 404) throw new Error("delete failed");
  return [fetched.data.cluster_name, fetched.data.region, ...(all.data?.clusters ?? []).map((cluster) => cluster.cluster_id)];
}
`,
  },
  {
    name: "this client, from src/ (as in-repo code sees it)",
    source: `import { createClient, NotFoundError, type Cluster, type ClusterCreateInput } from "{{repo}}/src/index.js";

const client = createClient({ apiVersion: "v2", apiKey: "key" });

export async function tour(input: ClusterCreateInput): Promise<string[]> {
  const created: Cluster = await client.clusters.create(input);
  const fetched = await client.clusters.get(created.cluster_id);
  const all = await client.clusters.list();
  await client.clusters.update(fetched.cluster_id, { num_gpus: 16 });
  try {
    await client.clusters.delete(fetched.cluster_id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  return [fetched.cluster_name, fetched.region, ...all.map((cluster) => cluster.cluster_id)];
}
`,
  },
];
