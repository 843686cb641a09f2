// Referee: Prism (@stoplight/prism-cli), which nobody here wrote, judging both sides against specs/.
// 1. `prism mock` with request validation: every operation of both adapters sends requests Prism accepts, and the
//    adapters accept what Prism returns.
// 2. `prism proxy` in front of the fake: the same operations, with Prism checking the fake's responses against the
//    spec (so the fake's answers conform, judged by a validator other than the fake's own).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient, type ApiVersion, type Client } from "../../src/index.js";
import { startFakeApi, type FakeApi } from "../../src/testing/index.js";
import { call } from "./helpers.js";
import { startPrismMock, startPrismProxy, type PrismServer } from "./prism.js";

const versions = ["v1", "v2"] as const satisfies readonly ApiVersion[];
const mocks = {} as Record<ApiVersion, PrismServer>;
const proxies = {} as Record<ApiVersion, PrismServer>;
let fake: FakeApi;

beforeAll(async () => {
  fake = await startFakeApi({ phaseDurationMs: 1_000 });
  const started = await Promise.all([
    startPrismMock("v1"),
    startPrismMock("v2"),
    // Prism forwards the spec path to the upstream as given: v1 paths sit at the origin, v2 paths under /v1.
    startPrismProxy("v1", fake.urls.v1),
    startPrismProxy("v2", fake.urls.v2),
  ]);
  [mocks.v1, mocks.v2, proxies.v1, proxies.v2] = started;
}, 120_000);

afterAll(async () => {
  await Promise.all([...Object.values(mocks), ...Object.values(proxies)].map((prism) => prism.close()));
  await fake?.close();
});

/** What Prism said about each exchange: status and its `sl-violations` header (set whenever it found a violation). */
interface Exchange {
  readonly request: string;
  readonly status: number;
  readonly violations: string | null;
}

function clientAt(version: ApiVersion, baseUrl: string, log: Exchange[]): Client {
  return createClient({
    apiVersion: version,
    apiKey: fake.apiKey,
    baseUrl,
    maxRetries: 0,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const request = `${init.method ?? "GET"} ${new URL(input).pathname}`;
      log.push({ request, status: response.status, violations: response.headers.get("sl-violations") });
      return response;
    },
  });
}

/** Every operation the unified client offers on `version`, in an order that works on a real server too. */
async function everyOperation(client: Client, version: ApiVersion): Promise<string[]> {
  const done: string[] = [];
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const value = await run();
    done.push(name);
    return value;
  };
  await step("regions.list", () => client.regions.list());
  await step("clusters.list", () => client.clusters.list());
  // v1 has no projects; the client refuses the filter locally there.
  if (version === "v2") await step("clusters.list(project_id)", () => client.clusters.list({ project_id: "fake-project" }));
  const created = await step("clusters.create", () =>
    client.clusters.create({
      cluster_name: `prism-${version}`,
      region: "us-central-8",
      gpu_type: "H100_SXM",
      num_gpus: 8,
      cuda_version: "12.6",
      nvidia_driver_version: "560",
      billing_type: "RESERVED",
      duration_days: 1,
    }),
  );
  await step("clusters.get", () => client.clusters.get(created.cluster_id));
  await step("clusters.update", () => client.clusters.update(created.cluster_id, { num_gpus: 16 }));
  await step("clusters.delete", () => client.clusters.delete(created.cluster_id));
  const volume = await step("volumes.create", () => client.volumes.create({ volume_name: `vol-${version}`, size_tib: 2, region: "us-central-8" }));
  await step("volumes.get", () => client.volumes.get(volume.volume_id));
  // v1 has no volume update operation; the client refuses it locally (tested in test/client).
  if (version === "v2") await step("volumes.update", () => client.volumes.update(volume.volume_id, { size_tib: 3 }));
  await step("volumes.list", () => client.volumes.list());
  await step("volumes.delete", () => client.volumes.delete(volume.volume_id));
  return done;
}

const ALL_STEPS = {
  v1: ["regions.list", "clusters.list", "clusters.create", "clusters.get", "clusters.update", "clusters.delete", "volumes.create", "volumes.get", "volumes.list", "volumes.delete"],
  v2: ["regions.list", "clusters.list", "clusters.list(project_id)", "clusters.create", "clusters.get", "clusters.update", "clusters.delete", "volumes.create", "volumes.get", "volumes.update", "volumes.list", "volumes.delete"],
};

describe.each(versions)("Prism mock of specs/%s.yaml", (version) => {
  test("rejects an invalid request (request validation is really on)", async () => {
    const path = version === "v1" ? "/api/v1/gpu_cluster" : "/compute/clusters";
    const reply = await call(`${mocks[version].url}${path}`, "POST", { apiKey: "any", body: { num_gpus: "eight" } });
    expect(reply.status).toBe(422);
    expect(reply.body.type).toBe("https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY");
  });

  test("accepts every request the adapter sends, and the adapter accepts every answer", async () => {
    const log: Exchange[] = [];
    const done = await everyOperation(clientAt(version, mocks[version].url, log), version);
    expect(done).toEqual(ALL_STEPS[version]);
    expect(log.length).toBeGreaterThanOrEqual(done.length);
    expect(log.filter((e) => e.status !== 200 || e.violations !== null)).toEqual([]);
  });
});

describe.each(versions)("Prism proxy of specs/%s.yaml in front of the fake", (version) => {
  test("finds no spec violation in the fake's answers to every operation", async () => {
    fake.reset();
    const log: Exchange[] = [];
    const done = await everyOperation(clientAt(version, proxies[version].url, log), version);
    expect(done).toEqual(ALL_STEPS[version]);
    expect(log.filter((e) => e.status !== 200 || e.violations !== null)).toEqual([]);
    // The fake really served them (Prism did not answer on its own).
    expect(fake.requests.filter((r) => r.version === version && r.status === 200)).toHaveLength(log.length);
  });

  test("does flag a response that breaks the spec (negative control)", async () => {
    const route = version === "v1" ? "GET /api/v1/regions" : "GET /compute/regions";
    fake.faults.inject({ route, body: "non-json", status: 200 });
    const path = version === "v1" ? "/api/v1/regions" : "/compute/regions";
    const reply = await call(`${proxies[version].url}${path}`, "GET", { apiKey: fake.apiKey });
    fake.faults.clear();
    expect(reply.status).toBe(500);
    expect(reply.body.type).toBe("https://stoplight.io/prism/errors#VIOLATIONS");
    expect(reply.headers.get("sl-violations")).toContain("Response body must be object");
  });
});
