import { describe, expectTypeOf, it } from "vitest";
import { WaitTimeoutError, type Client, type Cluster, type WaitObservation, type WaitOptions, type WaitState } from "../../src/index.js";

declare const client: Client;

describe("waiter types", () => {
  it("each waiter resolves with what it waited for", () => {
    expectTypeOf(client.clusters.waitForUpdate("id", { num_gpus: 16 })).resolves.toEqualTypeOf<Cluster>();
    expectTypeOf(client.clusters.waitFor("id", (c) => c.num_gpus === 16)).resolves.toEqualTypeOf<Cluster>();
    expectTypeOf(client.clusters.waitForDeleted("id")).resolves.toEqualTypeOf<void>();
  });

  it("failOn takes lifecycles only; resume takes a saved state", () => {
    expectTypeOf<{ failOn: ["failed", "degraded"] }>().toMatchTypeOf<WaitOptions>();
    // @ts-expect-error "Paused" is a status, failOn takes lifecycles
    void ({ failOn: ["Paused"] } satisfies WaitOptions);
    expectTypeOf<WaitTimeoutError["state"]>().toEqualTypeOf<WaitState | undefined>();
    expectTypeOf<WaitTimeoutError["history"]>().toEqualTypeOf<readonly WaitObservation[]>();
  });
});
