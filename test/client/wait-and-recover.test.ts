import { afterEach, describe, expect, test } from "vitest";
import {
  AbortedError,
  AmbiguousCreateError,
  ClusterDeletedError,
  ClusterFailedError,
  createClient,
  WaitTimeoutError,
  type ApiVersion,
  type Cluster,
} from "../../src/index.js";
import { createInput } from "./fixtures.js";
import { createV1Backend, createV2Backend } from "./helpers/backends.js";
import { startLoopback, type Loopback, type Reply } from "./helpers/loopback.js";

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A backend whose clusters walk through the armed statuses, one per GET of a cluster ("gone" deletes them). */
async function walkingBackend(version: ApiVersion) {
  const backend = version === "v1" ? createV1Backend() : createV2Backend();
  let statuses: string[] = [];
  const server = await startLoopback((req) => {
    const isGet = req.method === "GET" && /gpu_cluster\/|compute\/clusters\/cl-/.test(req.path);
    if (isGet && statuses.length > 0) {
      const next = statuses.shift()!;
      if (next === "gone") backend.state.clusters.clear();
      else for (const id of backend.state.clusters.keys()) backend.state.setStatus(id, next);
    }
    return backend.handler(req);
  });
  servers.push(server);
  const client = createClient({ apiVersion: version, apiKey: "k", baseUrl: server.url, retry: { initialDelayMs: 1, maxDelayMs: 2 } });
  return { client, arm: (next: string[]) => void (statuses = next) };
}

const poll = { pollIntervalMs: 1, maxPollIntervalMs: 2 };
const steps = {
  v1: { waiting: ["PENDING", "WAITING_CONTROL_PLANE", "WAITING_CONTROL_PLANE", "WAITING_DATA_PLANE", "READY"], provisioning: "QUEUED", end: "FAILED" },
  v2: {
    waiting: ["WaitingForControlPlaneNodes", "WaitingForControlPlaneNodes", "InstallingDrivers", "RunningAcceptanceTests", "Ready"],
    provisioning: "WaitingForSubnet",
    end: "Deleting",
  },
} as const;

describe.each(["v1", "v2"] as const)("waitForReady on %s", (version) => {
  test("polls until ready and reports each status change once", async () => {
    const { client, arm } = await walkingBackend(version);
    const made = await client.clusters.create(createInput);
    arm([...steps[version].waiting]);
    const seen: string[] = [];
    const ready = await client.clusters.waitForReady(made.cluster_id, { ...poll, onStatus: (c: Cluster) => seen.push(c.raw_status) });
    expect(ready.lifecycle).toBe("ready");
    expect(ready.status).toBe("Ready");
    expect(seen).toEqual([...new Set(steps[version].waiting)]);
  });
  test("rejects when the cluster fails (v1) or starts deleting (v2), carrying the last cluster", async () => {
    const { client, arm } = await walkingBackend(version);
    const made = await client.clusters.create(createInput);
    arm([steps[version].provisioning, steps[version].end]);
    const error = await client.clusters.waitForReady(made.cluster_id, poll).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(version === "v1" ? ClusterFailedError : ClusterDeletedError);
    expect((error as ClusterFailedError).cluster?.raw_status).toBe(steps[version].end);
  });
  test("rejects with ClusterDeletedError when the cluster disappears", async () => {
    const { client, arm } = await walkingBackend(version);
    const made = await client.clusters.create(createInput);
    arm([steps[version].provisioning, "gone"]);
    const error = await client.clusters.waitForReady(made.cluster_id, poll).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterDeletedError);
    expect((error as ClusterDeletedError).cluster?.raw_status).toBe(steps[version].provisioning);
    expect((error as Error).message).toMatch(new RegExp(`^Cluster ${made.cluster_id} no longer exists \\(`));
  });
  test("a cluster never seen (a wrong id) is reported as not found, not as one that no longer exists", async () => {
    const { client, arm } = await walkingBackend(version);
    arm(["gone"]);
    const error = await client.clusters.waitForReady("c-typo", poll).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterDeletedError);
    expect((error as Error).message).toMatch(/^Cluster c-typo was not found \(no such cluster, or already deleted; 1 request\)$/);
  });
  test("rejects with WaitTimeoutError when time runs out, and an abort cancels the wait", async () => {
    const { client } = await walkingBackend(version);
    const made = await client.clusters.create(createInput);
    const error = await client.clusters.waitForReady(made.cluster_id, { timeoutMs: 60, pollIntervalMs: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).cluster?.lifecycle).toBe("provisioning");
    const controller = new AbortController();
    const pending = client.clusters.waitForReady(made.cluster_id, { pollIntervalMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });
});

describe.each(["v1", "v2"] as const)("create after an ambiguous failure on %s", (version) => {
  /** Backend whose first create is carried out but the answer is lost (connection dropped). */
  async function losingFirstAnswer() {
    const backend = version === "v1" ? createV1Backend() : createV2Backend();
    let creates = 0;
    const server = await startLoopback((req) => {
      const reply = backend.handler(req);
      if (req.method === "POST" && /gpu_cluster$|compute\/clusters$/.test(req.path) && ++creates === 1) return { destroy: true };
      return reply;
    });
    servers.push(server);
    const client = createClient({ apiVersion: version, apiKey: "k", baseUrl: server.url, retry: { initialDelayMs: 1, maxDelayMs: 2 } });
    return { client, server, backend, creates: () => creates };
  }

  test("without recover: AmbiguousCreateError, and the create is not re-sent", async () => {
    const { client, creates } = await losingFirstAnswer();
    const error = await client.clusters.create(createInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousCreateError);
    expect(error).toMatchObject({ cluster_name: "train" });
    expect(creates()).toBe(1);
  });
  test("with recover: finds the cluster the lost call created and returns it without creating again", async () => {
    const { client, backend, creates } = await losingFirstAnswer();
    const cluster = await client.clusters.create(createInput, { recover: true, recoverSettleMs: 1 });
    expect(cluster.cluster_name).toBe("train");
    expect(creates()).toBe(1);
    expect(backend.state.clusters.size).toBe(1);
  });
  /** Backend where one older cluster named "train" exists and the first create gets `firstReply` without being applied. */
  async function withOlderTwin(firstReply: Reply) {
    const backend = version === "v1" ? createV1Backend() : createV2Backend();
    const createPath = version === "v1" ? "/api/v1/gpu_cluster" : "/compute/clusters";
    let creates = 0;
    const server = await startLoopback((req) => {
      if (req.method === "POST" && req.path === createPath && ++creates === 1) return firstReply;
      return backend.handler(req);
    });
    servers.push(server);
    backend.handler({ method: "POST", url: createPath, path: createPath, query: new URLSearchParams(), headers: {}, body: "", json: { ...createInput, driver_version: "CUDA_12_6_560" } });
    const client = createClient({ apiVersion: version, apiKey: "k", baseUrl: server.url, maxRetries: 0 });
    return { client, backend, older: [...backend.state.clusters.keys()], creates: () => creates };
  }

  test("with recover: after a 500 answer (server done) and two empty looks, creates again; the older twin is not taken", async () => {
    const { client, backend, older, creates } = await withOlderTwin({ status: 500, json: { message: "internal" } });
    const cluster = await client.clusters.create(createInput, { recover: true, recoverSettleMs: 1 });
    expect(older).not.toContain(cluster.cluster_id);
    expect(creates()).toBe(2);
    expect(backend.state.clusters.size).toBe(2);
  });
  test("with recover: after a dropped connection and two empty looks, does not re-send (the server may still apply it)", async () => {
    const { client, backend, creates } = await withOlderTwin({ destroy: true });
    const error = await client.clusters.create(createInput, { recover: true, recoverSettleMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousCreateError);
    expect(creates()).toBe(1);
    expect(backend.state.clusters.size).toBe(1);
  });
  test("with recover: a 504 from a gateway is not proof the server is done: no re-send", async () => {
    const { client, creates } = await withOlderTwin({ status: 504, text: "gateway timeout" });
    await expect(client.clusters.create(createInput, { recover: true, recoverSettleMs: 1 })).rejects.toBeInstanceOf(AmbiguousCreateError);
    expect(creates()).toBe(1);
  });
});
