/**
 * Prove it before flipping: read the same account through a v1 and a v2 client and list every difference in the
 * unified view. Reads only (list and get of clusters, regions and volumes); nothing is ever written.
 */
import type { Client } from "./client.js";
import { ValidationError } from "./errors.js";
import type { Cluster, Region, Volume } from "./types.js";

/** One field that reads differently through the two versions. */
export interface BackendDifference {
  readonly resource: "cluster" | "region" | "volume";
  /** cluster_id, region name or volume_id. */
  readonly id: string;
  /** Dotted path inside the resource (`""` when the whole resource is missing on one side). */
  readonly path: string;
  readonly v1: unknown;
  readonly v2: unknown;
  /**
   * Why the difference is expected, when it is: the field is sent by one version only (see docs/migration.md),
   * so code that reads it must already handle `undefined`. Absent for a difference nobody expects.
   */
  readonly expected?: string | undefined;
}

/** The result of {@link compareBackends}. */
export interface BackendComparison {
  readonly compared: { readonly clusters: number; readonly regions: number; readonly volumes: number };
  readonly differences: readonly BackendDifference[];
  /** The differences without an `expected` reason: switching changes these for your code. */
  readonly unexpected: readonly BackendDifference[];
}

// Fields one version sends and the other never does (the unified types mark them optional).
const oneVersionOnly: Readonly<Record<BackendDifference["resource"], Readonly<Record<string, "v1" | "v2">>>> = {
  cluster: { billing_type: "v2", project_id: "v2", slurm_shm_size_gib: "v2", capacity_pool_id: "v2", reservation_start_time: "v2", reservation_end_time: "v2", install_traefik: "v2", created_at: "v2", instance_id: "v2", node_name: "v1" },
  region: { id: "v1", availability_zones: "v1", supported_instance_types: "v2", unparsed_driver_versions: "v1" },
  volume: { status: "v2" },
};

function diff(resource: BackendDifference["resource"], id: string, path: string, a: unknown, b: unknown, out: BackendDifference[]): void {
  if (Object.is(a, b)) return;
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) diff(resource, id, path === "" ? key : `${path}.${key}`, (a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], out);
    return;
  }
  const field = path.split(".").at(-1) ?? "";
  const only = oneVersionOnly[resource][field];
  const missingOnOther = only === "v1" ? b === undefined : only === "v2" ? a === undefined : false;
  const expected = missingOnOther ? `${field} is sent by ${only} only` : field === "raw_status" ? "raw_status is each version's wire word; status and lifecycle are compared" : undefined;
  out.push({ resource, id, path, v1: a, v2: b, ...(expected ? { expected } : {}) });
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

function compareSets<T>(resource: BackendDifference["resource"], a: Map<string, T>, b: Map<string, T>, out: BackendDifference[]): number {
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const id of ids) diff(resource, id, "", a.get(id), b.get(id), out);
  return ids.length;
}

/** Reads every cluster (list, then get each), region and volume through both clients and compares them. */
export async function compareBackends(clients: { readonly v1: Client; readonly v2: Client }): Promise<BackendComparison> {
  const { v1, v2 } = clients;
  // Two clients of one version (a codemod's flip, say) would "prove" the switch with no difference at all.
  const wrong = (["v1", "v2"] as const).filter((version) => clients[version]?.apiVersion !== version);
  if (wrong.length > 0) {
    throw new ValidationError(wrong.map((version) => ({ path: version, message: `must be a client created with apiVersion "${version}", got one for ${JSON.stringify(clients[version]?.apiVersion)}` })));
  }
  const [clusters1, clusters2, regions1, regions2, volumes1, volumes2] = await Promise.all([
    v1.clusters.list(),
    v2.clusters.list(),
    v1.regions.list(),
    v2.regions.list(),
    v1.volumes.list(),
    v2.volumes.list(),
  ]);
  const ids = [...new Set([...clusters1, ...clusters2].map((c) => c.cluster_id))].sort();
  // A cluster's get answer can carry more than its list entry (e.g. kube_config): compare both reads.
  const details = await Promise.all(ids.map(async (id) => [await v1.clusters.get(id).catch(() => undefined), await v2.clusters.get(id).catch(() => undefined)] as const));
  const out: BackendDifference[] = [];
  const clusterKey = (c: Cluster) => c.cluster_id;
  const clusters = compareSets("cluster", byKey(clusters1, clusterKey), byKey(clusters2, clusterKey), out);
  for (const [index, [a, b]] of details.entries()) {
    // kube_config is a credential: compared for presence only, never copied into the report.
    diff("cluster", ids[index]!, "", a && { ...a, has_kube_config: a.kube_config !== undefined }, b && { ...b, has_kube_config: b.kube_config !== undefined }, out);
  }
  const regions = compareSets("region", byKey(regions1, (r: Region) => r.name), byKey(regions2, (r: Region) => r.name), out);
  const volumes = compareSets("volume", byKey(volumes1, (v: Volume) => v.volume_id), byKey(volumes2, (v: Volume) => v.volume_id), out);
  const unique = [...new Map(out.map((d) => [`${d.resource}\u0000${d.id}\u0000${d.path}`, d])).values()];
  return { compared: { clusters, regions, volumes }, differences: unique, unexpected: unique.filter((d) => d.expected === undefined) };
}
