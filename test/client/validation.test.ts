import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient, ValidationError, type Client } from "../../src/index.js";
import { validateClusterCreate, validateClusterUpdate } from "../../src/validation/cluster.js";
import { startLoopback, type Loopback } from "./helpers/loopback.js";

const valid = {
  cluster_name: "n",
  region: "us-central-8",
  gpu_type: "H100_SXM",
  num_gpus: 8,
  cuda_version: "12.6",
  nvidia_driver_version: "560",
  billing_type: "ON_DEMAND",
} as const;

function issuesOf(fn: () => unknown): Array<{ path: string; message: string }> {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return [...error.issues];
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("cluster create input", () => {
  test("a valid input passes unchanged", () => {
    expect(validateClusterCreate(valid)).toEqual(valid);
  });
  test("every missing required field is reported at once", () => {
    expect(issuesOf(() => validateClusterCreate({})).map((i) => i.path)).toEqual([
      "cluster_name",
      "region",
      "gpu_type",
      "num_gpus",
      "cuda_version",
      "nvidia_driver_version",
      "billing_type",
    ]);
  });
  test.each([0, -8, 12, 8.5, "8"])("num_gpus %j is refused", (numGpus) => {
    const issues = issuesOf(() => validateClusterCreate({ ...valid, num_gpus: numGpus }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe("num_gpus");
    expect(issues[0]!.message).toMatch(/multiple of 8/);
  });
  test("the official sample's `billint_type` is refused naming billing_type", () => {
    const { billing_type: _b, ...rest } = valid;
    const issues = issuesOf(() => validateClusterCreate({ ...rest, billint_type: "ON_DEMAND" }));
    expect(issues).toContainEqual({ path: "billint_type", message: "unknown field; did you mean billing_type?" });
  });
  test("the official sample's `driver_version` is refused naming cuda_version + nvidia_driver_version", () => {
    const issues = issuesOf(() => validateClusterCreate({ ...valid, driver_version: "CUDA_12_6_560" }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe("driver_version");
    expect(issues[0]!.message).toMatch(/use cuda_version \+ nvidia_driver_version/);
  });
  test("an unknown key far from any field lists the allowed ones", () => {
    expect(issuesOf(() => validateClusterCreate({ ...valid, zzz: 1 }))[0]!.message).toMatch(/^unknown field \(allowed: cluster_name, region/);
  });
  test("lowercase enum input is accepted and normalized to the canonical value", () => {
    expect(validateClusterCreate({ ...valid, cluster_type: "kubernetes", gpu_type: "h100_sxm", billing_type: "on_demand" })).toMatchObject({
      cluster_type: "KUBERNETES",
      gpu_type: "H100_SXM",
      billing_type: "ON_DEMAND",
    });
  });
  test("an unknown enum value lists the accepted ones", () => {
    expect(issuesOf(() => validateClusterCreate({ ...valid, gpu_type: "A100" }))[0]).toEqual({
      path: "gpu_type",
      message: 'must be one of H100_SXM, H200_SXM, RTX_6000_PCI, L40_PCIE, B200_SXM, H100_SXM_INF, got "A100"',
    });
  });
  test("SLURM needs slurm_shm_size_gib", () => {
    expect(issuesOf(() => validateClusterCreate({ ...valid, cluster_type: "SLURM" }))).toEqual([
      { path: "slurm_shm_size_gib", message: "is required when cluster_type is SLURM" },
    ]);
    expect(validateClusterCreate({ ...valid, cluster_type: "SLURM", slurm_shm_size_gib: 64 }).slurm_shm_size_gib).toBe(64);
  });
  test("SCHEDULED_CAPACITY needs reservation start and end, end after start", () => {
    expect(issuesOf(() => validateClusterCreate({ ...valid, billing_type: "SCHEDULED_CAPACITY" })).map((i) => i.path)).toEqual([
      "reservation_start_time",
      "reservation_end_time",
    ]);
    expect(
      issuesOf(() =>
        validateClusterCreate({
          ...valid,
          billing_type: "SCHEDULED_CAPACITY",
          reservation_start_time: "2030-01-02T00:00:00Z",
          reservation_end_time: "2030-01-01T00:00:00Z",
        }),
      ),
    ).toEqual([{ path: "reservation_end_time", message: "must be after reservation_start_time" }]);
  });
  test("a reservation time must be an RFC 3339 date-time", () => {
    expect(issuesOf(() => validateClusterCreate({ ...valid, reservation_end_time: "tomorrow" }))[0]!.path).toBe("reservation_end_time");
  });
  test("auto_scaled needs auto_scale_max_gpus", () => {
    expect(issuesOf(() => validateClusterCreate({ ...valid, auto_scaled: true }))).toEqual([
      { path: "auto_scale_max_gpus", message: "is required when auto_scaled is true" },
    ]);
  });
  test("nested shared_volume problems carry the nested path", () => {
    expect(issuesOf(() => validateClusterCreate({ ...valid, shared_volume: { volume_name: "v", size_tib: 0, region: "r", size_tb: 1 } }))).toEqual([
      { path: "shared_volume.size_tb", message: "unknown field; did you mean size_tib?" },
      { path: "shared_volume.size_tib", message: "must be a positive integer, got 0" },
    ]);
  });
  test("a non-object input is refused", () => {
    expect(issuesOf(() => validateClusterCreate(null))[0]!.message).toBe("cluster create input must be an object, got null");
  });
});

describe("cluster update input", () => {
  test("needs at least one field", () => {
    expect(issuesOf(() => validateClusterUpdate({}))[0]!.message).toMatch(/at least one of cluster_type, num_gpus, reservation_end_time/);
  });
  test("the cURL sample's lowercase 'kubernetes' is normalized", () => {
    expect(validateClusterUpdate({ cluster_type: "kubernetes", num_gpus: 24 })).toEqual({ cluster_type: "KUBERNETES", num_gpus: 24 });
  });
  test("cluster_id in the body is refused (the id is the first argument)", () => {
    expect(issuesOf(() => validateClusterUpdate({ cluster_id: "x", num_gpus: 8 }))[0]!.path).toBe("cluster_id");
  });
});

describe("no request is sent for bad input", () => {
  let server: Loopback;
  let clients: Client[];
  beforeAll(async () => {
    server = await startLoopback(() => ({ status: 500, json: { message: "should not be called" } }));
    clients = [createClient({ apiVersion: "v1", apiKey: "k", baseUrl: server.url }), createClient({ apiVersion: "v2", apiKey: "k", baseUrl: server.url })];
  });
  afterAll(() => server.close());

  test.each([["v1"], ["v2"]])("%s: bad input and unusable ids reject (never throw synchronously) before any request", async (version) => {
    const client = clients[version === "v1" ? 0 : 1]!;
    const calls = [
      () => client.clusters.create({ ...valid, num_gpus: 7 }),
      () => client.clusters.get(""),
      () => client.clusters.get(".."),
      () => client.clusters.delete("."),
      () => client.clusters.update("a\nb", { num_gpus: 8 }),
      () => client.volumes.get(" "),
      () => client.volumes.delete("a\uD800"),
      () => client.clusters.list({ project_id: "\uDC00x" }),
      () => client.volumes.create({ volume_name: "v", size_tib: 1.5, region: "r" }),
    ];
    for (const call of calls) {
      let promise: Promise<unknown> | undefined;
      expect(() => {
        promise = call();
      }).not.toThrow();
      await expect(promise).rejects.toBeInstanceOf(ValidationError);
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe("option names nobody reads are refused, like unknown input fields", () => {
  let server: Loopback;
  beforeAll(async () => {
    server = await startLoopback(() => ({ status: 500, json: { message: "should not be called" } }));
  });
  afterAll(() => server.close());

  test("createClient: a misspelt option (top level or in retry) names the one meant", () => {
    const options = { apiVersion: "v2", apiKey: "k", baseUrl: "https://api.example.com", timeout: 5_000, retry: { maxDelay: 1 } };
    expect(issuesOf(() => createClient(options as Parameters<typeof createClient>[0]))).toEqual([
      { path: "timeout", message: "unknown option; did you mean timeoutMs?" },
      { path: "retry.maxDelay", message: "unknown option; did you mean maxDelayMs?" },
    ]);
  });

  test("per call, on create and on the waiters: refused before any request; each method's own options pass", async () => {
    const client = createClient({ apiVersion: "v2", apiKey: "k", baseUrl: server.url, maxRetries: 0 });
    const misspelt = { timeout: 100 } as object;
    for (const call of [
      () => client.clusters.list(undefined, misspelt),
      () => client.clusters.create(valid, { recovr: true } as object),
      () => client.clusters.waitForReady("c-1", misspelt),
      () => client.regions.list({ sigal: undefined } as object),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.message).toMatch(/^unknown option; did you mean (timeoutMs|recover|signal)\?$/);
    }
    expect(server.requests).toHaveLength(0);
    // recover is create's own option, not an unknown one: the call goes out (and meets the 500).
    await expect(client.clusters.create(valid, { recover: false })).rejects.not.toBeInstanceOf(ValidationError);
    await expect(client.clusters.get("c-1", { timeoutMs: 1_000 })).rejects.not.toBeInstanceOf(ValidationError);
  });
});
