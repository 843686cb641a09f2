import type { Cluster } from "together-clusters";

/** The OS image a v2 cluster runs, read from the v2 answer the client decoded (v1 has no such field). */
export function osImage(cluster: Cluster): string | undefined {
  const wire = cluster.wire;
  if (wire?.version !== "v2") return undefined;
  return wire.data.os_image;
}
