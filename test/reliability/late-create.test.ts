/**
 * A create the server applies late: the client's attempt timed out, but the server is still holding the request and
 * carries it out after recovery has already looked twice. Recovery must not treat "not listed yet" as "certainly
 * absent" in that case, or the re-send makes a second billable cluster.
 *
 * Found by the concurrent workload on a loaded machine (a first create applied ~250 ms after its timeout, after
 * recovery's second look, and the re-send made a second cluster); reproduced here deterministically with injected
 * latency. Kept as the regression test of that fix.
 */
import { beforeEach, expect, test } from "vitest";
import { AmbiguousCreateError, type ApiVersion } from "../../src/index.js";
import { startFakeApi, type FakeApi } from "../../src/testing/index.js";
import { clientFor, clustersNamed, createInputFor, routes, settle, useAlignedFake, warmUp } from "./helpers.js";

let fake: FakeApi;
useAlignedFake((started) => (fake = started));
beforeEach(() => {
  fake.reset();
});

async function untilLogged(count: number): Promise<void> {
  for (let waited = 0; fake.requests.length < count; waited += 10) {
    if (waited > 10_000) throw new Error(`the fake logged ${fake.requests.length} of ${count} requests`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test.each(["v1", "v2"] as const satisfies readonly ApiVersion[])(
  "%s: recovery after a timed-out create never re-sends while the server may still apply the first one",
  async (version) => {
    let sent = 0;
    const client = clientFor(fake, version, {
      timeoutMs: 150,
      fetch: (input, init) => {
        sent++;
        return globalThis.fetch(input, init);
      },
    });
    // The server sits on the create for longer than the attempt timeout plus recovery's settle pause.
    fake.faults.inject({ route: routes[version].create, latencyMs: 900 });
    const outcome = await settle(client.clusters.create(createInputFor("late"), { recover: true, recoverSettleMs: 100 }));
    await untilLogged(sent);

    // Either answer is honest — the cluster, or "it may exist" — but there must be exactly one cluster.
    if (!outcome.ok) expect(outcome.error).toBeInstanceOf(AmbiguousCreateError);
    expect(clustersNamed(fake, "late")).toBe(1);
  },
);

test.each(["v1", "v2"] as const satisfies readonly ApiVersion[])(
  "%s: recovery finds the cluster even when the server's clock is far behind the client's",
  async (version) => {
    // The cluster is new (absent from the listing taken before the call), so its created_at should not matter.
    const skewed = await startFakeApi(); // the fake's clock starts at a fixed date months before the wall clock
    try {
      await warmUp(skewed);
      skewed.faults.inject({ route: routes[version].create, reset: "after" });
      const outcome = await settle(clientFor(skewed, version).clusters.create(createInputFor("skewed"), { recover: true, recoverSettleMs: 20 }));
      expect(outcome.ok, outcome.ok ? "" : String(outcome.error)).toBe(true);
      expect(outcome.ok && outcome.value.cluster_name).toBe("skewed");
      expect(skewed.state.listClusters().filter((c) => c.name === "skewed")).toHaveLength(1);
    } finally {
      await skewed.close();
    }
  },
);
