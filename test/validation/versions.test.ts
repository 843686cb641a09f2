/**
 * Input rules that differ by API version: one test per rule that applies to only one version, and a v1 client
 * creating a SLURM cluster against the fake's v1 URL as v1's spec allows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, ValidationError, type ClusterCreateInput } from "../../src/index.js";
import { startFakeApi, type FakeApi } from "../../src/testing/index.js";
import { createConditions, validateClusterCreate } from "../../src/validation/cluster.js";

const valid: ClusterCreateInput = { cluster_name: "c", region: "us-central-8", gpu_type: "H100_SXM", num_gpus: 8, cuda_version: "12.6", nvidia_driver_version: "560", billing_type: "ON_DEMAND", duration_days: 1 };

function paths(run: () => unknown): string[] {
  try {
    run();
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.issues.map((i) => i.path);
  }
}

/** For each rule stated by one version only: an input it refuses, and the path it reports. */
const versionRules: Record<string, { input: Record<string, unknown>; path: string }> = {
  "slurm_shm_size_gib is required when cluster_type is SLURM": { input: { ...valid, cluster_type: "SLURM" }, path: "slurm_shm_size_gib" },
  "reservation_start_time is required with billing_type SCHEDULED_CAPACITY": { input: { ...valid, billing_type: "SCHEDULED_CAPACITY", reservation_end_time: "2030-01-31T00:00:00Z" }, path: "reservation_start_time" },
  "reservation_end_time is required with billing_type SCHEDULED_CAPACITY": { input: { ...valid, billing_type: "SCHEDULED_CAPACITY", reservation_start_time: "2030-01-01T00:00:00Z" }, path: "reservation_end_time" },
  "auto_scale_max_gpus is required when auto_scaled is true": { input: { ...valid, auto_scaled: true }, path: "auto_scale_max_gpus" },
  "duration_days is required by API v1 (v2 makes it optional)": { input: { ...valid, duration_days: undefined }, path: "duration_days" },
};

describe("version-aware create validation", () => {
  const onlyOne = createConditions.filter((c) => c.versions.length === 1).map((c) => ({ rule: `${c.field} ${c.message}`, versions: c.versions }));

  it("every rule stated by one version only has a case here", () => {
    expect(onlyOne.map((c) => c.rule).sort()).toEqual(Object.keys(versionRules).sort());
  });

  it.each(onlyOne.map((c) => [c.rule, c.versions[0]!] as const))("%s: applies on %s only", (rule, version) => {
    const { input, path } = versionRules[rule]!;
    const other = version === "v1" ? "v2" : "v1";
    expect(paths(() => validateClusterCreate(input, version))).toContain(path);
    expect(paths(() => validateClusterCreate(input, other))).not.toContain(path);
  });

  it("rules shared by both versions still apply on v1", () => {
    expect(paths(() => validateClusterCreate({ ...valid, auto_scale_max_gpus: 8, num_gpus: 16 }, "v1"))).toContain("auto_scale_max_gpus");
  });
});

describe("a v1 client creates a SLURM cluster (v1's spec allows it without slurm_shm_size_gib)", () => {
  let fake: FakeApi;
  beforeAll(async () => {
    fake = await startFakeApi();
  });
  afterAll(() => fake.close());

  it("against the fake's v1 URL", async () => {
    const client = createClient({ apiVersion: "v1", apiKey: fake.apiKey, baseUrl: fake.urls.v1 });
    const cluster = await client.clusters.create({ ...valid, cluster_type: "SLURM" });
    expect(cluster.cluster_type).toBe("SLURM");
    expect(fake.requests.find((r) => r.method === "POST")?.route).toBe("POST /api/v1/gpu_cluster");
  });

  it("while v2 still asks for slurm_shm_size_gib before any request", async () => {
    const client = createClient({ apiVersion: "v2", apiKey: fake.apiKey, baseUrl: fake.urls.v2 });
    const before = fake.requests.length;
    await expect(client.clusters.create({ ...valid, cluster_type: "SLURM" })).rejects.toBeInstanceOf(ValidationError);
    expect(fake.requests.length).toBe(before);
  });
});
