import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  v1GPUClusterCreateRequestBillingTypeValues,
  v1GPUClusterCreateRequestDriverVersionValues,
  v1GPUClusterCreateRequestGpuTypeValues,
  v1GPUClusterCreateResponseStatusValues,
  v1GPUClusterInfoClusterTypeValues,
  v1GPUClusterInfoGpuTypeValues,
  v2GPUClusterInfoStatusValues,
} from "../../generated/enums.js";
import { formatV1Driver, parseV1Driver } from "../../src/mappings/driver.js";
import { lifecycleOf } from "../../src/mappings/status.js";
import { clusterCreateToV1, clusterFromV1 } from "../../src/mappings/v1.js";
import {
  billingTypeFromV1,
  billingTypeToV1,
  clusterTypeFromV1,
  clusterTypeToV1,
  gpuTypeFromV1,
  gpuTypeToV1,
  statusFromV1,
  statusFromV1Wire,
  statusToV1,
} from "../../src/mappings/v1-vocabulary.js";
import { clusterFromV2, volumeFromV2 } from "../../src/mappings/v2.js";
import { InvalidResponseError, UnsupportedByVersionError, ValidationError } from "../../src/errors.js";
import type { ClusterCreateInput } from "../../src/types.js";
import { clusterStatusValues, gpuTypeValues } from "../../src/vocabulary.js";

const info = { status: 200, requestId: "req-1" };

describe("v1 ↔ unified round trips over the generated value lists", () => {
  test("cluster type: v1 → unified → v1 is the identity except the UNKNOWN_TYPE sentinel", () => {
    fc.assert(
      fc.property(fc.constantFrom(...v1GPUClusterInfoClusterTypeValues), (v1) => {
        const unified = clusterTypeFromV1[v1];
        if (unified === null) expect(v1).toBe("UNKNOWN_TYPE");
        else expect(clusterTypeToV1[unified]).toBe(v1);
      }),
    );
  });
  test("gpu type: v1 → unified → v1 is the identity except UNKNOWN_GPU_TYPE", () => {
    fc.assert(
      fc.property(fc.constantFrom(...v1GPUClusterInfoGpuTypeValues, ...v1GPUClusterCreateRequestGpuTypeValues), (v1) => {
        const unified = gpuTypeFromV1[v1];
        if (unified === null) expect(v1).toBe("UNKNOWN_GPU_TYPE");
        else expect(gpuTypeToV1[unified]).toBe(v1);
      }),
    );
  });
  test("gpu type: unified → v1 → unified is the identity wherever v1 has the GPU", () => {
    fc.assert(
      fc.property(fc.constantFrom(...gpuTypeValues), (g) => {
        const v1 = gpuTypeToV1[g];
        if (v1 === null) expect(["L40_PCIE", "B200_SXM", "H100_SXM_INF"]).toContain(g);
        else expect(gpuTypeFromV1[v1]).toBe(g);
      }),
    );
  });
  test("billing type: v1 → unified → v1 is the identity except UNSPECIFIED", () => {
    fc.assert(
      fc.property(fc.constantFrom(...v1GPUClusterCreateRequestBillingTypeValues), (v1) => {
        const unified = billingTypeFromV1[v1];
        if (unified === null) expect(v1).toBe("UNSPECIFIED");
        else expect(billingTypeToV1[unified]).toBe(v1);
      }),
    );
  });
  test("status: v1 → unified → v1 is the identity except UNKNOWN_STATUS", () => {
    fc.assert(
      fc.property(fc.constantFrom(...v1GPUClusterCreateResponseStatusValues), (v1) => {
        const unified = statusFromV1[v1];
        if (unified === null) expect(v1).toBe("UNKNOWN_STATUS");
        else expect(statusToV1[unified]).toBe(v1);
      }),
    );
  });
  test("driver: every v1 token except the sentinel splits into a pair that formats back to itself", () => {
    fc.assert(
      fc.property(fc.constantFrom(...v1GPUClusterCreateRequestDriverVersionValues), (token) => {
        const pair = parseV1Driver(token);
        if (pair === undefined) expect(token).toBe("UNKNOWN_DRIVER");
        else expect(formatV1Driver(pair)).toBe(token);
      }),
    );
  });
  test("driver: any token of the v1 pattern, even newer than the spec, round trips", () => {
    fc.assert(
      fc.property(fc.nat(99), fc.nat(99), fc.integer({ min: 100, max: 999 }), (major, minor, driver) => {
        const token = `CUDA_${major}_${minor}_${driver}`;
        const pair = parseV1Driver(token);
        expect(pair).toEqual({ cuda_version: `${major}.${minor}`, nvidia_driver_version: String(driver) });
        expect(formatV1Driver(pair!)).toBe(token);
      }),
    );
  });
});

describe("status", () => {
  test("every v2 status is its own unified status and has a lifecycle", () => {
    for (const s of v2GPUClusterInfoStatusValues) expect(clusterStatusValues).toContain(s);
    expect(lifecycleOf("Ready")).toBe("ready");
    expect(lifecycleOf("OnDemandComputePaused")).toBe("paused");
    expect(lifecycleOf("Degraded")).toBe("degraded");
    expect(lifecycleOf("Deleting")).toBe("deleting");
    expect(lifecycleOf("Failed")).toBe("failed");
    expect(lifecycleOf("InstallingDrivers")).toBe("provisioning");
    expect(lifecycleOf({ unrecognized: true, raw: "Hibernating" })).toBe("unknown");
  });
  test("v1's free-string cluster status: enum names map, v2 words pass through, anything else is unrecognized", () => {
    expect(statusFromV1Wire("WAITING_DATA_PLANE")).toBe("WaitingForDataPlaneNodes");
    expect(statusFromV1Wire("FAILED")).toBe("Failed");
    expect(statusFromV1Wire("Degraded")).toBe("Degraded");
    expect(statusFromV1Wire("UNKNOWN_STATUS")).toEqual({ unrecognized: true, raw: "UNKNOWN_STATUS" });
    expect(statusFromV1Wire("toString")).toEqual({ unrecognized: true, raw: "toString" });
  });
  test("arbitrary unseen strings never throw and keep their raw value", () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const status = statusFromV1Wire(raw);
        if (typeof status === "string") expect(clusterStatusValues).toContain(status);
        else expect(status.raw).toBe(raw);
      }),
    );
  });
});

describe("v1 cluster info → unified", () => {
  test("maps driver, status, sentinels and leaves v2-only fields absent", () => {
    const cluster = clusterFromV1(
      info,
      {
        cluster_id: "c1",
        cluster_name: "n",
        cluster_type: "UNKNOWN_TYPE",
        region: "us-central-8",
        gpu_type: "B300_SXM",
        driver_version: "CUDA_13_0_580",
        status: "READY",
        num_gpus: 8,
        duration_hours: 48,
        kube_config: "secret",
      },
      "",
    );
    expect(cluster).toEqual({
      cluster_id: "c1",
      cluster_name: "n",
      cluster_type: { unrecognized: true, raw: "UNKNOWN_TYPE" },
      region: "us-central-8",
      gpu_type: { unrecognized: true, raw: "B300_SXM" },
      num_gpus: 8,
      cuda_version: "13.0",
      nvidia_driver_version: "580",
      status: "Ready",
      lifecycle: "ready",
      raw_status: "READY",
      volumes: [],
      control_plane_nodes: [],
      gpu_worker_nodes: [],
      duration_hours: 48,
    });
    expect(cluster.kube_config).toBe("secret");
    expect("billing_type" in cluster).toBe(false);
  });
  test("a v1 server newer than its spec reporting a GPU the unified vocabulary knows keeps it known", () => {
    expect(clusterFromV1(info, { cluster_id: "c1", gpu_type: "L40_PCIE" }, "").gpu_type).toBe("L40_PCIE");
    expect(clusterFromV1(info, { cluster_id: "c1", gpu_type: "UNKNOWN_GPU_TYPE" }, "").gpu_type).toEqual({ unrecognized: true, raw: "UNKNOWN_GPU_TYPE" });
  });
  test("UNKNOWN_DRIVER leaves both driver fields absent", () => {
    const cluster = clusterFromV1(info, { cluster_id: "c1", driver_version: "UNKNOWN_DRIVER" }, "");
    expect(cluster.cuda_version).toBeUndefined();
    expect(cluster.nvidia_driver_version).toBeUndefined();
  });
  test("a missing cluster_id or a wrongly typed field is an InvalidResponseError naming the field", () => {
    expect(() => clusterFromV1(info, { cluster_name: "x" }, "")).toThrow(InvalidResponseError);
    expect(() => clusterFromV1(info, { cluster_id: "c", num_gpus: "8" }, "/clusters/0")).toThrow(/\/clusters\/0\/num_gpus should be a number but is string/);
  });
});

describe("v2 cluster info → unified", () => {
  const wire = {
    cluster_id: "c2",
    cluster_name: "n",
    cluster_type: "SLURM",
    region: "r",
    gpu_type: "GB300",
    num_gpus: 16,
    cuda_version: "12.8",
    nvidia_driver_version: "570",
    status: "Hibernating",
    volumes: [],
    control_plane_nodes: [],
    gpu_worker_nodes: [],
    kube_config: "kc",
    billing_type: "SPOT",
  };
  test("unseen enum values from the server arrive as Unrecognized with the raw string", () => {
    const c = clusterFromV2(info, wire, "");
    expect(c.gpu_type).toEqual({ unrecognized: true, raw: "GB300" });
    expect(c.status).toEqual({ unrecognized: true, raw: "Hibernating" });
    expect(c.billing_type).toEqual({ unrecognized: true, raw: "SPOT" });
    expect(c.lifecycle).toBe("unknown");
    expect(c.raw_status).toBe("Hibernating");
  });
  test("a 200 missing a required field names it", () => {
    const { status: _omitted, ...withoutStatus } = wire;
    expect(() => clusterFromV2(info, withoutStatus, "")).toThrow(/\/status should be a string but is nothing/);
  });
  test("volume status outside the spec list is unrecognized, not dropped", () => {
    expect(volumeFromV2(info, { volume_id: "v", volume_name: "n", size_tib: 1, status: "resizing" }, "").status).toEqual({
      unrecognized: true,
      raw: "resizing",
    });
  });
});

describe("unified → v1 create body", () => {
  const base: ClusterCreateInput = {
    cluster_name: "n",
    region: "us-central-8",
    gpu_type: "H100_SXM",
    num_gpus: 8,
    cuda_version: "12.6",
    nvidia_driver_version: "560",
    billing_type: "RESERVED",
    duration_days: 3,
  };
  test("joins the driver pair and keeps the v1 field names", () => {
    expect(clusterCreateToV1({ ...base, cluster_type: "SLURM" })).toEqual({
      cluster_name: "n",
      region: "us-central-8",
      gpu_type: "H100_SXM",
      num_gpus: 8,
      duration_days: 3,
      driver_version: "CUDA_12_6_560",
      billing_type: "RESERVED",
      cluster_type: "SLURM",
    });
  });
  test("a driver pair v1 cannot express is refused with the pairs it can", () => {
    expect(() => clusterCreateToV1({ ...base, cuda_version: "12.9", nvidia_driver_version: "575" })).toThrow(
      /v1 can express only these pairs: 12\.5\/555, 12\.6\/560, 12\.6\/565, 12\.8\/570/,
    );
  });
  test("values v1 lacks are refused", () => {
    expect(() => clusterCreateToV1({ ...base, gpu_type: "B200_SXM" })).toThrow(UnsupportedByVersionError);
    expect(() => clusterCreateToV1({ ...base, billing_type: "SCHEDULED_CAPACITY" })).toThrow(/billing_type SCHEDULED_CAPACITY is not supported by API v1/);
    expect(() => clusterCreateToV1({ ...base, auto_scaled: true, auto_scale_max_gpus: 16 })).toThrow(/auto_scaled is not supported by API v1/);
  });
  test("v1 requires duration_days", () => {
    const { duration_days: _d, ...noDuration } = base;
    expect(() => clusterCreateToV1(noDuration)).toThrow(ValidationError);
  });
});
