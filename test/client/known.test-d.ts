import { describe, expectTypeOf, it } from "vitest";
import { display, gpuTypeValues, isKnown, isKnownValue, valueFor, type Cluster, type GpuType, type Known, type Unrecognized } from "../../src/index.js";

declare const cluster: Cluster;
declare const prices: Record<GpuType, number>;

describe("Known<T> patterns the docs show", () => {
  it("indexing: plain indexing is refused, valueFor and isKnown narrowing work", () => {
    // @ts-expect-error TS2538: an Unrecognized cannot index a record
    void prices[cluster.gpu_type];
    expectTypeOf(valueFor(prices, cluster.gpu_type)).toEqualTypeOf<number | undefined>();
    if (isKnown(cluster.gpu_type)) expectTypeOf(prices[cluster.gpu_type]).toEqualTypeOf<number>();
  });

  it("includes: plain includes is refused, isKnownValue narrows to the list's values", () => {
    // @ts-expect-error TS2345: Known<GpuType> is not assignable to GpuType
    void gpuTypeValues.includes(cluster.gpu_type);
    const gpu = cluster.gpu_type;
    if (isKnownValue(["H100_SXM", "H200_SXM"] as const, gpu)) expectTypeOf(gpu).toEqualTypeOf<"H100_SXM" | "H200_SXM">();
  });

  it("isKnown narrows both ways", () => {
    const value: Known<GpuType> = cluster.gpu_type;
    if (isKnown(value)) expectTypeOf(value).toEqualTypeOf<GpuType>();
    else expectTypeOf(value).toEqualTypeOf<Unrecognized>();
  });

  it("display takes optional Known fields", () => {
    expectTypeOf(display(cluster.billing_type)).toEqualTypeOf<string>();
    expectTypeOf(`${cluster.status}`).toEqualTypeOf<string>();
  });
});
