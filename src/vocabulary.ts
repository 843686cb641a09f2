/**
 * Runtime value lists of the unified vocabulary, derived from the generated v2 lists (never copied by hand),
 * plus the lookup helpers the mappings share.
 */
import {
  v2BillingTypeValues,
  v2ClusterStatusValues,
  v2ClusterTypeValues,
  v2CreateBillingTypeValues,
  v2CreateClusterTypeValues,
  v2CreateGpuTypeValues,
  v2GpuTypeValues,
  v2UpdateClusterTypeValues,
} from "../generated/stable.js";
import { unrecognized, v1OnlyClusterStatusValues, type BillingType, type ClusterStatus, type ClusterType, type GpuType, type Known } from "./types.js";

function union<T extends string>(...lists: ReadonlyArray<readonly T[]>): readonly T[] {
  return [...new Set(lists.flat())];
}

/** Every cluster type the unified API accepts. */
export const clusterTypeValues: readonly ClusterType[] = union<ClusterType>(
  v2CreateClusterTypeValues,
  v2ClusterTypeValues,
  v2UpdateClusterTypeValues,
);
/** Every GPU type the unified API accepts. */
export const gpuTypeValues: readonly GpuType[] = union<GpuType>(v2CreateGpuTypeValues, v2GpuTypeValues);
/** Every billing type the unified API accepts. */
export const billingTypeValues: readonly BillingType[] = union<BillingType>(v2CreateBillingTypeValues, v2BillingTypeValues);
/** Every cluster status of the unified API (v2's plus the v1-only states). */
export const clusterStatusValues: readonly ClusterStatus[] = union<ClusterStatus>(v2ClusterStatusValues, v1OnlyClusterStatusValues);

/** Own-property lookup, so wire strings like `__proto__` or `toString` never hit Object.prototype. */
export function lookup<K extends string, V>(table: Readonly<Record<K, V>>, raw: string): V | undefined {
  return Object.hasOwn(table, raw) ? table[raw as K] : undefined;
}

/**
 * Maps a wire string through a table; `null` entries (sentinels) become Unrecognized. A string the table lacks is
 * kept when it is already a unified value (`also`), e.g. a v1 server newer than its spec reporting `L40_PCIE`.
 */
export function knownFrom<V extends string>(table: Readonly<Record<string, V | null>>, raw: string, also?: ReadonlySet<string>): Known<V> {
  const mapped = lookup(table, raw);
  if (mapped === null) return unrecognized(raw);
  if (mapped !== undefined) return mapped;
  return also?.has(raw) ? (raw as V) : unrecognized(raw);
}

/** A wire string kept as-is when it is in `values`, else Unrecognized. */
export function knownIn<V extends string>(values: ReadonlySet<string>, raw: string): Known<V> {
  return values.has(raw) ? (raw as V) : unrecognized(raw);
}
