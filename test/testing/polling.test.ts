import { describe, expect, test } from "vitest";
import { createClient } from "../../src/index.js";
import { startFakeApi } from "../../src/testing/index.js";
import { useSharedFake, v1CreateBody, v2CreateBody } from "./helpers.js";

const shared = useSharedFake();

/** GETs one cluster `times` times; the status (or 404) and poll hint of each answer. */
async function poll(version: "v1" | "v2", id: string, times: number): Promise<[string, string | null][]> {
  const path = version === "v1" ? `/api/v1/gpu_cluster/${id}` : `/compute/clusters/${id}`;
  const seen: [string, string | null][] = [];
  for (let i = 0; i < times; i++) {
    const reply = await shared.api[version]("GET", path);
    seen.push([reply.status === 200 ? reply.body.status : String(reply.status), reply.headers.get("retry-after-ms")]);
  }
  return seen;
}

describe("the default on-poll clock: a cluster that is polled moves along, with no test code and no real waiting", () => {
  test("v2: the first two GETs show the cluster as it is, each later one moves it one phase, and the hint stops at Ready", async () => {
    const { body } = await shared.api.v2("POST", "/compute/clusters", v2CreateBody());
    expect(await poll("v2", body.cluster_id, 8)).toEqual([
      ["WaitingForControlPlaneNodes", "1"],
      ["WaitingForControlPlaneNodes", "1"],
      ["WaitingForDataPlaneNodes", "1"],
      ["WaitingForSubnet", "1"],
      ["InstallingDrivers", "1"],
      ["RunningAcceptanceTests", "1"],
      ["Ready", null],
      ["Ready", null],
    ]);
  });

  test("v1 walks the same path in v1 words, and a cluster with a volume visits WaitingForSharedVolume", async () => {
    const { body } = await shared.api.v1("POST", "/api/v1/gpu_cluster", v1CreateBody({ shared_volume: { volume_name: "d", size_tib: 1, region: "us-central-8" } }));
    const statuses = (await poll("v1", body.cluster_id, 9)).map(([status]) => status);
    expect(statuses).toEqual(["WAITING_CONTROL_PLANE", "WAITING_CONTROL_PLANE", ...Array(5).fill("WAITING_DATA_PLANE"), "READY", "READY"]);
    expect(shared.fake.state.getCluster(body.cluster_id).plan).toContain("WaitingForSharedVolume");
  });

  test("a change request starts the count again; new nodes of a scale-up come up under polling", async () => {
    const { body } = await shared.api.v2("POST", "/compute/clusters", v2CreateBody({ num_gpus: 8 }));
    shared.fake.state.tick(6);
    await shared.api.v2("PUT", `/compute/clusters/${body.cluster_id}`, { num_gpus: 16 });
    const nodes = async () => (await shared.api.v2("GET", `/compute/clusters/${body.cluster_id}`)).body.gpu_worker_nodes.map((n: { status: string }) => n.status);
    expect([await nodes(), await nodes(), await nodes()]).toEqual([
      ["Ready", "Provisioning"],
      ["Ready", "Provisioning"],
      ["Ready", "Ready"],
    ]);
  });

  test("a deleted cluster is gone on the third GET", async () => {
    const { body } = await shared.api.v2("POST", "/compute/clusters", v2CreateBody());
    await shared.api.v2("DELETE", `/compute/clusters/${body.cluster_id}`);
    expect((await poll("v2", body.cluster_id, 3)).map(([status]) => status)).toEqual(["Deleting", "Deleting", "404"]);
  });

  test("a forced status holds under polling", async () => {
    const { body } = await shared.api.v2("POST", "/compute/clusters", v2CreateBody());
    shared.fake.state.tick(6);
    shared.fake.state.setStatus(body.cluster_id, "Degraded");
    expect(await poll("v2", body.cluster_id, 4)).toEqual(Array(4).fill(["Degraded", null]));
  });

  test("the unified client's waitForReady reaches Ready against a default fake in seven polls", async () => {
    const client = createClient({ apiVersion: "v2", apiKey: shared.fake.apiKey, baseUrl: shared.fake.urls.v2 });
    const cluster = await client.clusters.create(v2CreateBody() as Parameters<typeof client.clusters.create>[0]);
    const seen: string[] = [];
    const ready = await client.clusters.waitForReady(cluster.cluster_id, { pollIntervalMs: 1, onStatus: (c) => seen.push(c.raw_status) });
    expect(ready.lifecycle).toBe("ready");
    expect(seen).toEqual(["WaitingForControlPlaneNodes", "WaitingForDataPlaneNodes", "WaitingForSubnet", "InstallingDrivers", "RunningAcceptanceTests", "Ready"]);
    expect(shared.fake.requests.filter((r) => r.route === "GET /compute/clusters/{cluster_id}")).toHaveLength(7);
  });
});

describe("other clock modes", () => {
  test("manual: polling moves nothing and sends no hint", async () => {
    const fake = await startFakeApi({ clock: { mode: "manual" } });
    try {
      const headers = { authorization: `Bearer ${fake.apiKey}`, "content-type": "application/json" };
      const created = await (await fetch(`${fake.urls.v2}/compute/clusters`, { method: "POST", headers, body: JSON.stringify(v2CreateBody()) })).json();
      for (let i = 0; i < 4; i++) {
        const reply = await fetch(`${fake.urls.v2}/compute/clusters/${created.cluster_id}`, { headers });
        expect(reply.headers.get("retry-after-ms")).toBeNull();
        expect((await reply.json()).status).toBe("WaitingForControlPlaneNodes");
      }
    } finally {
      await fake.close();
    }
  });

  test("real-time: the hint is the real time left until the cluster's next change", () => {
    const clock = { mode: "real-time", speed: 1_000 } as const;
    return startFakeApi({ clock, phaseDurationMs: 60_000 }).then(async (fake) => {
      try {
        const cluster = fake.state.createCluster({ name: "c", region: "us-central-8", gpuType: "H100_SXM", numGpus: 8, billingType: "ON_DEMAND", driver: { cudaVersion: "12.6", nvidiaDriverVersion: "560" }, createdVia: "v2" });
        const hint = fake.state.pollHintMs(cluster);
        expect(hint).toBeGreaterThan(0);
        expect(hint).toBeLessThanOrEqual(60);
      } finally {
        await fake.close();
      }
    });
  });
});
