/**
 * No wait outlives its abort or its deadline. Each case parks the client in a wait that would last a minute or more
 * (a capped 1-hour Retry-After, a request the fake sits on, recovery's settle pause) and then aborts or lets the
 * deadline hit. A client that ignored either would hang past the test timeout; one that left its timer behind shows
 * up in `process.getActiveResourcesInfo()`.
 */
import { beforeEach, describe, expect, test } from "vitest";
import { AbortedError, ServerError, type ApiVersion, type Client } from "../../src/index.js";
import type { FakeApi } from "../../src/testing/index.js";
import { clientFor, createInputFor, routes, settle, useAlignedFake } from "./helpers.js";

let fake: FakeApi;
useAlignedFake((started) => (fake = started));
beforeEach(() => {
  fake.reset();
});

/** Ref'd timers alive right now (unref'd ones, like AbortSignal.timeout's, cannot hold a process and are not listed). */
const liveTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 10_000) throw new Error("condition never held");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A client that honours Retry-After up to 10 minutes, so only an abort or a deadline can end its waits early. */
function patientClient(version: ApiVersion, extra: { deadlineMs?: number } = {}): Client {
  return clientFor(fake, version, { timeoutMs: 60_000, retry: { initialDelayMs: 60_000, maxDelayMs: 60_000, maxRetryAfterMs: 600_000 }, ...extra });
}

function seed(version: ApiVersion): string {
  return fake.state.createCluster({
    name: "abort-me",
    region: "us-central-8",
    gpuType: "H100_SXM",
    numGpus: 8,
    billingType: "RESERVED",
    driver: { cudaVersion: "12.6", nvidiaDriverVersion: "560" },
    createdVia: version,
    durationDays: 1,
  }).id;
}

const safeCalls = {
  get: (client: Client, id: string, signal?: AbortSignal) => client.clusters.get(id, { signal }),
  update: (client: Client, id: string, signal?: AbortSignal) => client.clusters.update(id, { num_gpus: 16 }, { signal }),
  delete: (client: Client, id: string, signal?: AbortSignal) => client.clusters.delete(id, { signal }),
} as const;

describe.each(["v1", "v2"] as const)("abort and deadline on %s", (version) => {
  describe.each(["get", "update", "delete"] as const)("%s", (operation) => {
    test("an abort during a 1-hour Retry-After wait rejects with AbortedError and leaves no timer", async () => {
      const id = seed(version);
      fake.faults.inject({ route: routes[version][operation], status: 429, retryAfter: 3600 });
      const before = liveTimers();
      const controller = new AbortController();
      const pending = settle(safeCalls[operation](patientClient(version), id, controller.signal));
      await until(() => fake.requests.length === 1);
      controller.abort(new Error("caller gave up"));
      const outcome = await pending;
      expect(outcome.ok ? outcome.value : outcome.error).toBeInstanceOf(AbortedError);
      expect((outcome as { error: AbortedError }).error.cause).toEqual(new Error("caller gave up"));
      expect(liveTimers()).toBeLessThanOrEqual(before);
      expect(fake.requests).toHaveLength(1); // the retry was never sent
    });

    test("a deadline shorter than the Retry-After ends the call at once with the server's answer and the wait it asked for", async () => {
      const id = seed(version);
      fake.faults.inject({ route: routes[version][operation], status: 503, retryAfter: 3600 });
      const outcome = await settle(safeCalls[operation](patientClient(version, { deadlineMs: 2_000 }), id));
      expect(outcome.ok ? outcome.value : outcome.error).toBeInstanceOf(ServerError);
      expect((outcome as { error: ServerError }).error.retryAfterMs).toBe(3_600_000);
      expect(fake.requests).toHaveLength(1);
    });

    test("an abort while the server sits on the request rejects with AbortedError", async () => {
      const id = seed(version);
      fake.faults.inject({ route: routes[version][operation], latencyMs: 20_000 });
      const controller = new AbortController();
      const pending = settle(safeCalls[operation](patientClient(version), id, controller.signal));
      await until(() => fake.faults.firedCount === 1);
      controller.abort();
      const outcome = await pending;
      expect(outcome.ok ? outcome.value : outcome.error).toBeInstanceOf(AbortedError);
    });
  });

  describe.each([
    ["seconds", () => "1"],
    ["an HTTP date", () => new Date(Date.now() + 2_000).toUTCString()],
  ])("a Retry-After given as %s", (_, retryAfter) => {
    test("is honoured: a deadline shorter than the hint ends the call instead of retrying early", async () => {
      // With the hint ignored, the 5 ms backoff would retry at once and the second attempt would succeed.
      const id = seed(version);
      fake.faults.inject({ route: routes[version].get, status: 503, retryAfter: retryAfter() });
      const client = clientFor(fake, version, { deadlineMs: 500, retry: { initialDelayMs: 5, maxDelayMs: 5, maxRetryAfterMs: 60_000 } });
      const outcome = await settle(client.clusters.get(id));
      expect(outcome.ok ? outcome.value : outcome.error).toBeInstanceOf(ServerError);
      expect(fake.requests).toHaveLength(1);
    });
  });

  test("an abort during create recovery's settle pause rejects with AbortedError and sends no second create", async () => {
    fake.faults.inject({ route: routes[version].create, reset: "before" });
    const controller = new AbortController();
    const client = patientClient(version);
    const before = liveTimers();
    const pending = settle(client.clusters.create(createInputFor("abort-create"), { recover: true, recoverSettleMs: 600_000, signal: controller.signal }));
    // list (before), create (reset), list (first look): then recovery pauses.
    await until(() => fake.requests.length === 3);
    controller.abort();
    const outcome = await pending;
    expect(outcome.ok ? outcome.value : outcome.error).toBeInstanceOf(AbortedError);
    expect(liveTimers()).toBeLessThanOrEqual(before);
    expect(fake.requests.map((r) => r.route)).toEqual([routes[version].list, routes[version].create, routes[version].list]);
    expect(fake.state.listClusters()).toHaveLength(0);
  });

  test("an already-aborted signal sends nothing, for every cluster call", async () => {
    const id = seed(version);
    const client = patientClient(version);
    const signal = AbortSignal.abort();
    const outcomes = await Promise.all([
      settle(client.clusters.list({}, { signal })),
      settle(client.clusters.create(createInputFor("never"), { signal })),
      ...Object.values(safeCalls).map((call) => settle(call(client, id, signal))),
    ]);
    for (const outcome of outcomes) expect(outcome.ok ? outcome.value : outcome.error).toBeInstanceOf(AbortedError);
    expect(fake.requests).toHaveLength(0);
  });
});
