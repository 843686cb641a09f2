/**
 * `kube_config` is a credential. It is attached as a non-enumerable property: reading `cluster.kube_config` works,
 * but `console.log`, `util.inspect`, `JSON.stringify` and object spread do not show or copy it.
 */
import type { Cluster } from "../types.js";

/** Returns `cluster` with `kube_config` attached but hidden from printing and serialization. */
export function withHiddenKubeConfig(cluster: Omit<Cluster, "kube_config">, kubeConfig: string | undefined): Cluster {
  if (kubeConfig === undefined) return cluster;
  return Object.defineProperty(cluster, "kube_config", { value: kubeConfig, enumerable: false, writable: false, configurable: false });
}
