import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { FakeApi } from "../../src/testing/index.js";
import { clientsFor, startTestFake, v1CreateBody, v2CreateBody } from "./helpers.js";

let fake: FakeApi;
let api: ReturnType<typeof clientsFor>;

beforeAll(async () => {
  // Manual clock: these tests read clusters many times and move time only with their own ticks.
  fake = await startTestFake({ phaseDurationMs: 1_000, clock: { mode: "manual" } });
  api = clientsFor(fake);
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

describe("provisioning on the controlled clock", () => {
  test("a v2 cluster walks every provisioning phase, one per tick, and v1 reports the same cluster in v1 terms", async () => {
    const created = await api.v2("POST", "/compute/clusters", v2CreateBody());
    expect(created.status).toBe(200);
    const id: string = created.body.cluster_id;

    const seen: [string, string][] = [];
    for (let step = 0; step < 7; step++) {
      const [v2, v1] = await Promise.all([api.v2("GET", `/compute/clusters/${id}`), api.v1("GET", `/api/v1/gpu_cluster/${id}`)]);
      seen.push([v2.body.status, v1.body.status]);
      fake.state.tick();
    }
    expect(seen).toEqual([
      ["WaitingForControlPlaneNodes", "WAITING_CONTROL_PLANE"],
      ["WaitingForDataPlaneNodes", "WAITING_DATA_PLANE"],
      ["WaitingForSubnet", "WAITING_DATA_PLANE"],
      ["InstallingDrivers", "WAITING_DATA_PLANE"],
      ["RunningAcceptanceTests", "WAITING_DATA_PLANE"],
      ["Ready", "READY"],
      ["Ready", "READY"],
    ]);
  });

  test("phase_transitions record each phase at the fake time it was entered", async () => {
    const start = fake.clock.now();
    const { body } = await api.v2("POST", "/compute/clusters", v2CreateBody());
    fake.clock.advance(2_500);
    const got = await api.v2("GET", `/compute/clusters/${body.cluster_id}`);
    expect(got.body.phase_transitions).toEqual([
      { phase: "CLUSTER_PHASE_WAITING_FOR_CONTROL_PLANE_NODES", transition_time: new Date(start).toISOString() },
      { phase: "CLUSTER_PHASE_WAITING_FOR_DATA_PLANE_NODES", transition_time: new Date(start + 1_000).toISOString() },
      { phase: "CLUSTER_PHASE_WAITING_FOR_SUBNET", transition_time: new Date(start + 2_000).toISOString() },
    ]);
    expect(got.body.control_plane_ready).toBe(true);
    expect(got.body.kube_config).toBe("");
  });

  test("a v1-created cluster shows up in v2 with its driver pair split into cuda/nvidia versions", async () => {
    const created = await api.v1("POST", "/api/v1/gpu_cluster", v1CreateBody({ driver_version: "CUDA_12_8_570", duration_days: 2 }));
    expect(created.body).toEqual({ cluster_id: expect.any(String), status: "WAITING_CONTROL_PLANE" });
    const v2 = await api.v2("GET", `/compute/clusters/${created.body.cluster_id}`);
    expect(v2.body).toMatchObject({
      cuda_version: "12.8",
      nvidia_driver_version: "570",
      duration_hours: 48,
      billing_type: "RESERVED",
      num_reserved_gpus: 16,
      status: "WaitingForControlPlaneNodes",
    });
    const v1 = await api.v1("GET", `/api/v1/gpu_cluster/${created.body.cluster_id}`);
    expect(v1.body.driver_version).toBe("CUDA_12_8_570");
  });

  test("v1 names GPU types it does not know with its UNKNOWN_GPU_TYPE sentinel", async () => {
    const { body } = await api.v2("POST", "/compute/clusters", v2CreateBody({ region: "us-west-2", gpu_type: "B200_SXM" }));
    const v1 = await api.v1("GET", `/api/v1/gpu_cluster/${body.cluster_id}`);
    expect(v1.body.gpu_type).toBe("UNKNOWN_GPU_TYPE");
  });

  test("Ready clusters get worker nodes in Ready state and a kubeconfig", async () => {
    const { body } = await api.v2("POST", "/compute/clusters", v2CreateBody({ num_gpus: 24 }));
    fake.state.tick(10);
    const got = await api.v2("GET", `/compute/clusters/${body.cluster_id}`);
    expect(got.body.gpu_worker_nodes.map((n: { status: string; num_gpus: number }) => [n.status, n.num_gpus])).toEqual([
      ["Ready", 8],
      ["Ready", 8],
      ["Ready", 8],
    ]);
    expect(got.body.kube_config).toContain("kind: Config");
    expect(got.body.first_ready_at).toBeDefined();
  });

  test("setStatus forces a status (e.g. Degraded) that both versions report", async () => {
    const { body } = await api.v2("POST", "/compute/clusters", v2CreateBody());
    fake.state.tick(10);
    fake.state.setStatus(body.cluster_id, "Degraded");
    expect((await api.v2("GET", `/compute/clusters/${body.cluster_id}`)).body.status).toBe("Degraded");
    expect((await api.v1("GET", `/api/v1/gpu_cluster/${body.cluster_id}`)).body.status).toBe("Degraded");
  });
});

describe("scaling", () => {
  test("update with num_gpus adds worker nodes that come up one phase later", async () => {
    const { body } = await api.v2("POST", "/compute/clusters", v2CreateBody({ num_gpus: 8 }));
    fake.state.tick(10);
    const scaled = await api.v2("PUT", `/compute/clusters/${body.cluster_id}`, { num_gpus: 24 });
    expect(scaled.status).toBe(200);
    expect(scaled.body.num_gpus).toBe(24);
    expect(scaled.body.gpu_worker_nodes.map((n: { status: string }) => n.status)).toEqual(["Ready", "Provisioning", "Provisioning"]);
    expect(scaled.body.node_lifecycle_events.map((e: { reason: string }) => e.reason)).toEqual(["TogetherScaledUp", "TogetherScaledUp"]);
    fake.state.tick();
    const later = await api.v2("GET", `/compute/clusters/${body.cluster_id}`);
    expect(later.body.gpu_worker_nodes.map((n: { status: string }) => n.status)).toEqual(["Ready", "Ready", "Ready"]);
  });

  test("v1 scales down with the cluster id in the body; removed nodes move to deleted_gpu_worker_nodes", async () => {
    const { body } = await api.v1("POST", "/api/v1/gpu_cluster", v1CreateBody({ num_gpus: 32 }));
    fake.state.tick(10);
    const updated = await api.v1("PUT", "/api/v1/gpu_cluster", { cluster_id: body.cluster_id, num_gpus: 16 });
    expect(updated.body).toEqual({ cluster_id: body.cluster_id, status: "READY" });
    const v1 = await api.v1("GET", `/api/v1/gpu_cluster/${body.cluster_id}`);
    expect(v1.body.num_gpus).toBe(16);
    expect(v1.body.gpu_worker_nodes).toHaveLength(2);
    const v2 = await api.v2("GET", `/compute/clusters/${body.cluster_id}`);
    expect(v2.body.deleted_gpu_worker_nodes.map((n: { node_id: string }) => n.node_id)).toEqual([
      `${body.cluster_id}-gpu-03`,
      `${body.cluster_id}-gpu-04`,
    ]);
  });
});

describe("deletion", () => {
  test("delete reports Deleting for one phase, then the cluster is gone from both versions", async () => {
    const { body } = await api.v2("POST", "/compute/clusters", v2CreateBody());
    fake.state.tick(10);
    const deleted = await api.v2("DELETE", `/compute/clusters/${body.cluster_id}`);
    expect(deleted.body).toEqual({ cluster_id: body.cluster_id });
    expect((await api.v2("GET", `/compute/clusters/${body.cluster_id}`)).body.status).toBe("Deleting");
    expect((await api.v1("GET", `/api/v1/gpu_cluster/${body.cluster_id}`)).body.status).toBe("Deleting");
    fake.state.tick();
    expect((await api.v2("GET", `/compute/clusters/${body.cluster_id}`)).status).toBe(404);
    expect((await api.v1("GET", `/api/v1/gpu_cluster/${body.cluster_id}`)).status).toBe(404);
    expect((await api.v1("GET", "/api/v1/gpu_clusters")).body.clusters).toEqual([]);
  });

  test("a cluster being deleted refuses updates with 409", async () => {
    const { body } = await api.v2("POST", "/compute/clusters", v2CreateBody());
    await api.v2("DELETE", `/compute/clusters/${body.cluster_id}`);
    const update = await api.v2("PUT", `/compute/clusters/${body.cluster_id}`, { num_gpus: 32 });
    expect(update.status).toBe(409);
    expect(update.body.error.message).toContain("being deleted");
  });
});

describe("volumes", () => {
  test("a volume attaches at create time (bound), blocks its deletion, and is released when the cluster is gone", async () => {
    const volume = await api.v2("POST", "/compute/clusters/storage/volumes", { volume_name: "data", size_tib: 2, region: "us-central-8" });
    expect(volume.body).toEqual({ volume_id: expect.any(String), volume_name: "data", size_tib: 2, status: "available" });
    const cluster = await api.v2("POST", "/compute/clusters", v2CreateBody({ volume_id: volume.body.volume_id }));
    expect(cluster.body.volumes).toEqual([{ ...volume.body, status: "bound" }]);

    const blocked = await api.v2("DELETE", `/compute/clusters/storage/volumes/${volume.body.volume_id}`);
    expect(blocked.status).toBe(409);

    // Clusters with a volume also wait for it.
    fake.state.tick(3);
    expect((await api.v2("GET", `/compute/clusters/${cluster.body.cluster_id}`)).body.status).toBe("WaitingForSharedVolume");

    await api.v2("DELETE", `/compute/clusters/${cluster.body.cluster_id}`);
    fake.state.tick();
    expect((await api.v1("GET", `/api/v1/shared_volume/${volume.body.volume_id}`)).body).toEqual({
      volume_id: volume.body.volume_id,
      volume_name: "data",
      size_tib: 2,
    });
    expect((await api.v2("DELETE", `/compute/clusters/storage/volumes/${volume.body.volume_id}`)).body).toEqual({ success: true });
    expect((await api.v1("GET", "/api/v1/shared_volumes")).body).toEqual({ volumes: [] });
  });

  test("v1 create with an inline shared_volume creates and attaches it", async () => {
    const created = await api.v1(
      "POST",
      "/api/v1/gpu_cluster",
      v1CreateBody({ shared_volume: { volume_name: "scratch", size_tib: 5, region: "us-central-8" } }),
    );
    const v1 = await api.v1("GET", `/api/v1/gpu_cluster/${created.body.cluster_id}`);
    expect(v1.body.volumes).toEqual([{ volume_id: expect.any(String), volume_name: "scratch", size_tib: 5, status: "bound" }]);
  });

  test("v2 resizes a volume named in the PUT body, and only upwards", async () => {
    const { body } = await api.v2("POST", "/compute/clusters/storage/volumes", { volume_name: "data", size_tib: 2, region: "us-central-8" });
    const grown = await api.v2("PUT", "/compute/clusters/storage/volumes", { volume_id: body.volume_id, size_tib: 4 });
    expect(grown.body.size_tib).toBe(4);
    const shrunk = await api.v2("PUT", "/compute/clusters/storage/volumes", { volume_id: body.volume_id, size_tib: 1 });
    expect(shrunk.status).toBe(400);
    expect(shrunk.body.error.details).toEqual([{ location: "body", pointer: "/size_tib", message: "smaller than the current size" }]);
  });
});

describe("automatic clock modes", () => {
  test("per-request mode moves a polling client to Ready with no manual ticks", async () => {
    const auto = await startTestFake({ phaseDurationMs: 1_000, clock: { mode: "per-request", advanceMs: 1_000 } });
    try {
      const autoApi = clientsFor(auto);
      const { body } = await autoApi.v2("POST", "/compute/clusters", v2CreateBody());
      const statuses: string[] = [];
      for (let poll = 0; poll < 20 && statuses.at(-1) !== "Ready"; poll++) {
        statuses.push((await autoApi.v2("GET", `/compute/clusters/${body.cluster_id}`)).body.status);
      }
      expect(statuses).toEqual(["WaitingForDataPlaneNodes", "WaitingForSubnet", "InstallingDrivers", "RunningAcceptanceTests", "Ready"]);
    } finally {
      await auto.close();
    }
  });
});
