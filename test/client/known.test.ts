import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { display, gpuTypeValues, isKnown, isKnownValue, isUnrecognized, rawValue, valueFor, type GpuType, type Known } from "../../src/index.js";
import { unrecognized } from "../../src/types.js";

const newGpu: Known<GpuType> = unrecognized("GB300_NVL72");
const h100: Known<GpuType> = "H100_SXM";

describe("Unrecognized", () => {
  it("prints its raw value in templates and String()", () => {
    expect(`${newGpu}`).toBe("GB300_NVL72");
    expect(String(newGpu)).toBe("GB300_NVL72");
    expect("gpu: " + newGpu).toBe("gpu: GB300_NVL72");
  });

  it("keeps its fields for JSON, equality and inspect", () => {
    expect(JSON.stringify(newGpu)).toBe('{"unrecognized":true,"raw":"GB300_NVL72"}');
    expect(newGpu).toEqual({ unrecognized: true, raw: "GB300_NVL72" });
    expect(inspect(newGpu)).toBe("{ unrecognized: true, raw: 'GB300_NVL72' }");
    expect(Object.keys(newGpu)).toEqual(["unrecognized", "raw"]);
  });
});

describe("helpers", () => {
  it("isKnown is the opposite of isUnrecognized", () => {
    expect([isKnown(h100), isKnown(newGpu)]).toEqual([true, false]);
    expect([isUnrecognized(h100), isUnrecognized(newGpu)]).toEqual([false, true]);
  });

  it("isKnownValue is includes() for Known values", () => {
    expect(isKnownValue(gpuTypeValues, h100)).toBe(true);
    expect(isKnownValue(gpuTypeValues, newGpu)).toBe(false);
    expect(isKnownValue(["H200_SXM"] as const, h100)).toBe(false);
    expect(isKnownValue(gpuTypeValues, undefined)).toBe(false);
  });

  it("valueFor indexes a table by a Known value, own properties only", () => {
    const prices: Partial<Record<GpuType, number>> = { H100_SXM: 2.5 };
    expect(valueFor(prices, h100)).toBe(2.5);
    expect(valueFor(prices, "H200_SXM")).toBeUndefined();
    expect(valueFor(prices, newGpu)).toBeUndefined();
    expect(valueFor(prices, undefined)).toBeUndefined();
    expect(valueFor(prices, "toString" as GpuType)).toBeUndefined();
  });

  it("display marks unrecognized values and absent fields; rawValue gives the wire string", () => {
    expect([display(h100), display(newGpu), display(undefined)]).toEqual(["H100_SXM", "GB300_NVL72 (unrecognized)", ""]);
    expect([rawValue(h100), rawValue(newGpu)]).toEqual(["H100_SXM", "GB300_NVL72"]);
  });
});
