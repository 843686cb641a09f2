import { describe, expectTypeOf, test } from "vitest";
import {
  createClient,
  isUnrecognized,
  type ApiVersion,
  type Client,
  type ClientOptions,
  type Cluster,
  type ClusterCreateInput,
  type ClusterLifecycle,
  type ClusterStatus,
  type GpuType,
  type Known,
  type Region,
  type Unrecognized,
  type Volume,
} from "../../src/index.js";

describe("public API types", () => {
  test("createClient takes an apiVersion of v1 | v2 and returns the unified Client", () => {
    expectTypeOf<ClientOptions["apiVersion"]>().toEqualTypeOf<"v1" | "v2">();
    expectTypeOf<ApiVersion>().toEqualTypeOf<"v1" | "v2">();
    expectTypeOf(createClient<"v2">).returns.toEqualTypeOf<Client<"v2">>();
    // A version known only at run time gives a union that apiVersion narrows, raw included.
    const version = "v2" as ApiVersion;
    const client = createClient({ apiVersion: version, apiKey: "k" });
    expectTypeOf(client).toEqualTypeOf<Client<"v1"> | Client<"v2">>();
    expectTypeOf(client).toMatchTypeOf<Client>();
    // Type-checked only (a test-d file never runs): each branch calls its own version's paths.
    if (client.apiVersion === "v2") {
      void client.raw.GET("/compute/regions");
      // @ts-expect-error: a v1 path on the v2 client
      void client.raw.GET("/api/v1/regions");
    } else {
      void client.raw.GET("/api/v1/regions");
    }
    // @ts-expect-error: apiVersion is required
    createClient({ apiKey: "k" });
    // @ts-expect-error: only v1 and v2 exist
    createClient({ apiVersion: "v3" });
  });

  test("methods resolve to unified types, never openapi-fetch results", () => {
    const client = createClient({ apiVersion: "v2", apiKey: "k" });
    expectTypeOf(client.clusters.list).returns.resolves.toEqualTypeOf<Cluster[]>();
    expectTypeOf(client.clusters.get).returns.resolves.toEqualTypeOf<Cluster>();
    expectTypeOf(client.clusters.waitForReady).returns.resolves.toEqualTypeOf<Cluster>();
    expectTypeOf(client.regions.list).returns.resolves.toEqualTypeOf<Region[]>();
    expectTypeOf(client.volumes.get).returns.resolves.toEqualTypeOf<Volume>();
    expectTypeOf(client.clusters.delete).returns.resolves.toEqualTypeOf<{ readonly cluster_id: string }>();
    expectTypeOf<Awaited<ReturnType<Client["clusters"]["get"]>>>().not.toHaveProperty("response");
  });

  test("enum fields are Known<T>: a closed union or an Unrecognized carrying the raw string", () => {
    expectTypeOf<Cluster["status"]>().toEqualTypeOf<Known<ClusterStatus>>();
    expectTypeOf<Cluster["gpu_type"]>().toEqualTypeOf<GpuType | Unrecognized>();
    expectTypeOf<Cluster["lifecycle"]>().toEqualTypeOf<ClusterLifecycle>();
    const status = {} as Cluster["status"];
    if (isUnrecognized(status)) expectTypeOf(status.raw).toEqualTypeOf<string>();
    else expectTypeOf(status).toEqualTypeOf<ClusterStatus>();
    // @ts-expect-error: ClusterStatus is closed
    const bogus: ClusterStatus = "Bogus";
    void bogus;
  });

  test("lifecycle can be switched on exhaustively", () => {
    const describe = (l: ClusterLifecycle): number => {
      switch (l) {
        case "provisioning":
        case "ready":
        case "paused":
        case "degraded":
        case "failed":
        case "deleting":
        case "unknown":
          return 1;
        default: {
          const never: never = l;
          return never;
        }
      }
    };
    expectTypeOf(describe).returns.toBeNumber();
  });

  test("create input uses v2 names; v1 names and the docs' typos do not type-check", () => {
    expectTypeOf<ClusterCreateInput>().toHaveProperty("cuda_version");
    expectTypeOf<ClusterCreateInput>().toHaveProperty("billing_type");
    const base = {
      cluster_name: "n",
      region: "r",
      gpu_type: "H100_SXM",
      num_gpus: 8,
      cuda_version: "12.6",
      nvidia_driver_version: "560",
      billing_type: "ON_DEMAND",
    } as const;
    const client = createClient({ apiVersion: "v1", apiKey: "k" });
    void client.clusters.create(base);
    // @ts-expect-error: driver_version is the v1 name
    void client.clusters.create({ ...base, driver_version: "CUDA_12_6_560" });
    // @ts-expect-error: billint_type is a typo in the official sample
    void client.clusters.create({ ...base, billint_type: "ON_DEMAND" });
    // @ts-expect-error: gpu types are a closed union
    void client.clusters.create({ ...base, gpu_type: "A100" });
    void client.clusters.create(base, { recover: true, signal: AbortSignal.timeout(1) });
  });

  test("kube_config is an optional string on Cluster", () => {
    expectTypeOf<Cluster["kube_config"]>().toEqualTypeOf<string | undefined>();
  });
});
