/**
 * Runtime value lists of the unified vocabulary, derived from the generated v2 lists (never copied by hand), the
 * helpers callers use on `Known<T>` values, and the lookup helpers the mappings share.
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
import { unrecognized, v1OnlyClusterStatusValues, type BillingType, type ClusterStatus, type ClusterType, type GpuType, type Known, type Unrecognized } from "./types.js";

function union<T extends string>(...lists: ReadonlyArray<readonly T[]>): readonly T[] {
  return [...new Set(lists.flat())];
}

/** Every cluster type the unified API accepts. */
export const clusterTypeValues: readonly ClusterType[] = /* @__PURE__ */ union<ClusterType>(
  v2CreateClusterTypeValues,
  v2ClusterTypeValues,
  v2UpdateClusterTypeValues,
);
/** Every GPU type the unified API accepts. */
export const gpuTypeValues: readonly GpuType[] = /* @__PURE__ */ union<GpuType>(v2CreateGpuTypeValues, v2GpuTypeValues);
/** Every billing type the unified API accepts. */
export const billingTypeValues: readonly BillingType[] = /* @__PURE__ */ union<BillingType>(v2CreateBillingTypeValues, v2BillingTypeValues);
/** Every cluster status of the unified API (v2's plus the v1-only states). */
export const clusterStatusValues: readonly ClusterStatus[] = /* @__PURE__ */ union<ClusterStatus>(v2ClusterStatusValues, v1OnlyClusterStatusValues);

/** True when `value` is one the client knows (narrows `Known<T>` to `T`); the opposite of `isUnrecognized`. */
export function isKnown<T extends string>(value: Known<T>): value is T {
  return typeof value === "string";
}

/**
 * `values.includes(value)` for `Known<T>` values (plain `includes` rejects the Unrecognized member of the union):
 * true, and narrowed to the list's type, when `value` is a known value in `values`.
 * @example isKnownValue(["H100_SXM", "H200_SXM"] as const, cluster.gpu_type)
 */
export function isKnownValue<T extends string>(values: readonly T[], value: Known<string> | undefined): value is T {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}

/**
 * `table[value]` for `Known<T>` values (plain indexing rejects the Unrecognized member, TS2538): the entry of a known
 * value, `undefined` for an unrecognized or absent value or a key the table lacks. Only own properties are read.
 * @example valueFor(pricePerHour, cluster.gpu_type) ?? 0
 */
export function valueFor<T extends string, V>(table: Readonly<Partial<Record<T, V>>>, value: Known<T> | undefined): V | undefined {
  return typeof value === "string" ? lookup(table as Readonly<Record<string, V | undefined>>, value) : undefined;
}

/**
 * A `Known<T>` for people: a known value as itself, an unrecognized one as `raw (unrecognized)`, an absent optional
 * field as `""`. Use `rawValue` instead where the exact wire string is wanted.
 */
export function display(value: Known<string> | undefined): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : `${(value satisfies Unrecognized).raw} (unrecognized)`;
}

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
