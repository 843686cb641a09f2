/**
 * The waiters against the fake over loopback (update applied, deleted, failure states, timeout history, resume), and
 * their schedule on a simulated clock (backoff, jitter, near-ready cap, poll hints).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { ObservedCallOptions } from "../../src/adapters/decode.js";
import { ClusterFailedError, createClient, ValidationError, WaitTimeoutError, type Client, type Cluster } from "../../src/index.js";
import { startFakeApi, type FakeApi } from "../../src/testing/index.js";
import { readyGpus, waitForReady, type WaitDeps, type WaitState } from "../../src/wait.js";
import { createInput } from "./fixtures.js";

const fast = { pollIntervalMs: 1, maxPollIntervalMs: 2, nearReadyPollIntervalMs: 1 };

describe.each(["v1", "v2"] as const)("waiters against the fake on %s", (version) => {
  let fake: FakeApi;
  let client: Client;
  beforeAll(async () => {
    fake = await startFakeApi();
    client = createClient({ apiVersion: version, apiKey: fake.apiKey, baseUrl: fake.urls[version] });
  });
  beforeEach(() => {
    fake.reset();
    fake.clock.setMode({ mode: "manual" });
  });
  afterAll(() => fake.close());

  async function readyCluster(): Promise<Cluster> {
    const made = await client.clusters.create(createInput);
    fake.state.tick(6);
    return client.clusters.get(made.cluster_id);
  }

  test("waitForUpdate does not take the stale Ready right after a scale-up; it returns once the new nodes are ready", async () => {
    const ready = await readyCluster();
    const answer = await client.clusters.update(ready.cluster_id, { num_gpus: 16 });
    // What a plain waitForReady would accept at once: Ready, num_gpus 16, but only 8 GPUs on ready nodes.
    expect([answer.lifecycle, answer.num_gpus, readyGpus(answer)]).toEqual(["ready", 16, 8]);
    fake.clock.setMode({ mode: "per-request", advanceMs: 20_000 });
    const polls: WaitState[] = [];
    const updated = await client.clusters.waitForUpdate(ready.cluster_id, { num_gpus: 16 }, { ...fast, onPoll: (s) => polls.push(s) });
    expect([updated.num_gpus, readyGpus(updated)]).toEqual([16, 16]);
    expect(polls.at(-1)?.requests).toBeGreaterThan(1);
  });

  test("waitFor returns when the predicate holds", async () => {
    const ready = await readyCluster();
    const seen = await client.clusters.waitFor(ready.cluster_id, (c) => c.gpu_worker_nodes.length === 1, fast);
    expect(seen.cluster_id).toBe(ready.cluster_id);
  });

  test("waitForDeleted passes through Deleting and resolves once the cluster is gone", async () => {
    const ready = await readyCluster();
    await client.clusters.delete(ready.cluster_id);
    fake.clock.setMode({ mode: "per-request", advanceMs: 20_000 });
    const statuses: string[] = [];
    await expect(client.clusters.waitForDeleted(ready.cluster_id, { ...fast, onStatus: (c) => statuses.push(c.lifecycle) })).resolves.toBeUndefined();
    expect(statuses).toEqual(["deleting"]);
  });

  test("paused fails the wait by default; failOn decides", async () => {
    const made = await client.clusters.create(createInput);
    fake.state.setStatus(made.cluster_id, "Paused");
    const error = await client.clusters.waitForReady(made.cluster_id, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterFailedError);
    expect((error as ClusterFailedError).message).toContain("is paused");
    const kept = await client.clusters.waitForReady(made.cluster_id, { ...fast, failOn: ["failed"], timeoutMs: 30 }).catch((e: unknown) => e);
    expect(kept).toBeInstanceOf(WaitTimeoutError);
  });

  test("degraded keeps waiting by default (failover may recover it) and fails when listed in failOn", async () => {
    const made = await client.clusters.create(createInput);
    fake.state.setStatus(made.cluster_id, "Degraded");
    expect(await client.clusters.waitForReady(made.cluster_id, { ...fast, timeoutMs: 30 }).catch((e: unknown) => e)).toBeInstanceOf(WaitTimeoutError);
    expect(await client.clusters.waitForReady(made.cluster_id, { ...fast, failOn: ["degraded"] }).catch((e: unknown) => e)).toBeInstanceOf(ClusterFailedError);
  });

  test("a timeout carries the history and request count, and its state resumes the wait (JSON round trip)", async () => {
    const made = await client.clusters.create(createInput);
    const error = (await client.clusters.waitForReady(made.cluster_id, { ...fast, timeoutMs: 300 }).catch((e: unknown) => e)) as WaitTimeoutError;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.requests).toBeGreaterThan(1);
    expect(error.history.map((o) => o.lifecycle)).toEqual(["provisioning"]);
    expect(error.message).toMatch(new RegExp(`${error.requests} requests.*; statuses seen: ${error.history[0]?.raw_status}`));
    const saved = JSON.parse(JSON.stringify(error.state)) as WaitState;
    fake.state.tick(6);
    let last: WaitState | undefined;
    const ready = await client.clusters.waitForReady(made.cluster_id, { ...fast, resume: saved, timeoutMs: 10_000, onPoll: (s) => (last = s) });
    expect(ready.lifecycle).toBe("ready");
    expect(last?.requests).toBe(error.requests + 1);
    expect(last?.history.map((o) => o.lifecycle)).toEqual(["provisioning", "ready"]);
  });
});

test("bad waiter options are refused before any request, naming the option", async () => {
  const client = createClient({ apiVersion: "v2", apiKey: "k", baseUrl: "http://127.0.0.1:9", fetch: () => Promise.reject(new Error("no request expected")) });
  const error = await client.clusters.waitForReady("cl-1", { jitter: 2, failOn: ["broken" as never] }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).message).toMatch(/options\.jitter.*options\.failOn\[0\]/s);
});

/** A cluster that walks `statuses`, one per GET, on a simulated clock; records every sleep. */
function simulated(statuses: readonly string[], headers: Record<string, string> = {}, random = () => 0) {
  let now = 0;
  let at = 0;
  const sleeps: number[] = [];
  const deps: WaitDeps = {
    now: () => now,
    random,
    sleep: async (ms) => void (sleeps.push(ms), (now += ms)),
    get: async (id: string, options: ObservedCallOptions) => {
      options.onResponse?.(new Response("{}", { headers }));
      const raw = statuses[Math.min(at++, statuses.length - 1)]!;
      const lifecycle = raw === "Ready" ? "ready" : "provisioning";
      return { cluster_id: id, raw_status: raw, lifecycle, gpu_worker_nodes: [] } as unknown as Cluster;
    },
  };
  return { deps, sleeps };
}

describe("schedule (simulated clock)", () => {
  test("backs off by 1.5x from 5 s to 60 s, and caps at 20 s one phase from ready", async () => {
    const walk = [...Array<string>(9).fill("WaitingForSubnet"), ...Array<string>(3).fill("RunningAcceptanceTests"), "Ready"];
    const { deps, sleeps } = simulated(walk);
    await waitForReady("cl-1", deps);
    expect(sleeps).toEqual([5000, 7500, 11250, 16875, 25312.5, 37968.75, 56953.125, 60000, 60000, 20000, 20000, 20000]);
    const near = simulated([...Array<string>(6).fill("RunningAcceptanceTests"), "Ready"]);
    await waitForReady("cl-1", near.deps);
    expect(near.sleeps).toEqual([5000, 7500, 11250, 16875, 20000, 20000]);
  });

  test("jitter shortens each delay by up to 20% by default", async () => {
    const { deps, sleeps } = simulated(["WaitingForSubnet", "WaitingForSubnet", "Ready"], {}, () => 1);
    await waitForReady("cl-1", deps);
    expect(sleeps).toEqual([4000, 6000]);
  });

  test("a poll hint from the server (Retry-After / retry-after-ms on the answer) sets the next delay", async () => {
    const seconds = simulated(["WaitingForSubnet", "Ready"], { "retry-after": "2" });
    await waitForReady("cl-1", seconds.deps);
    expect(seconds.sleeps).toEqual([2000]);
    const instant = simulated(["WaitingForSubnet", "WaitingForSubnet", "Ready"], { "retry-after-ms": "0" });
    await waitForReady("cl-1", instant.deps);
    expect(instant.sleeps).toEqual([0, 0]);
  });
});
