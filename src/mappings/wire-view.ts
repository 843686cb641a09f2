/**
 * The `wire` view of a result: the decoded answer it was mapped from, typed by its version's spec, so every field the
 * server sent stays reachable whether or not the unified model maps it. It is a non-enumerable property (printing,
 * JSON and spreads of a result stay small), and inside it `kube_config` is hidden the same way as on a Cluster.
 */
import type { WireView } from "../types.js";

/** Attaches `{ version, data }` as the non-enumerable `wire` property of `result`. */
export function withWire<T extends object>(result: T, version: WireView<unknown, unknown>["version"], data: unknown): T {
  let shown = data;
  if (data !== null && typeof data === "object" && Object.hasOwn(data, "kube_config")) {
    const { kube_config: kubeConfig, ...rest } = data as Record<string, unknown>;
    shown = Object.defineProperty(rest, "kube_config", { value: kubeConfig, enumerable: false });
  }
  return Object.defineProperty(result, "wire", { value: Object.freeze({ version, data: shown }), enumerable: false });
}
