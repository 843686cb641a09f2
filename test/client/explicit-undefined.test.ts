/**
 * An option or optional input field set to `undefined` is the same as one left out, at run time as in the types
 * (every optional property also says `| undefined`, so consumers compiling with exactOptionalPropertyTypes can pass
 * values read from optional config; test/package compiles a consumer that way).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient, type ClusterCreateInput } from "../../src/index.js";
import { startFakeApi, type FakeApi } from "../../src/testing/index.js";
import { createInput } from "./fixtures.js";

let fake: FakeApi;
beforeAll(async () => {
  fake = await startFakeApi({ port: undefined });
});
afterAll(() => fake.close());

describe.each(["v1", "v2"] as const)("explicit undefined on %s", (version) => {
  test("client options, call options, create and update input, list query and wait options: undefined means the default", async () => {
    fake.reset();
    const client = createClient({
      apiVersion: version,
      apiKey: fake.apiKey,
      baseUrl: fake.urls[version],
      timeoutMs: undefined,
      deadlineMs: undefined,
      maxRetries: undefined,
      retry: undefined,
      maxResponseBytes: undefined,
      headers: undefined,
      fetch: undefined,
      logger: undefined,
      logLevel: undefined,
      onDeprecation: false,
    });
    const input: ClusterCreateInput = {
      ...createInput,
      cluster_name: `explicit-undefined-${version}`,
      duration_days: version === "v1" ? 1 : undefined,
      cluster_type: undefined,
      shared_volume: undefined,
      volume_id: undefined,
      capacity_pool_id: undefined,
    };
    const calls = { signal: undefined, timeoutMs: undefined, deadlineMs: undefined, maxRetries: undefined, headers: undefined };
    const created = await client.clusters.create(input, { ...calls, recover: undefined });
    expect(created).toMatchObject({ cluster_name: input.cluster_name, num_gpus: 8 });
    expect((await client.clusters.list({ project_id: undefined }, calls)).map((c) => c.cluster_id)).toEqual([created.cluster_id]);
    const updated = await client.clusters.update(created.cluster_id, { num_gpus: 16, cluster_type: undefined, reservation_end_time: undefined }, calls);
    expect(updated.cluster_id).toBe(created.cluster_id);
    // The fake's clock moves one lifecycle step per poll; short intervals keep the wait quick.
    const fast = { pollIntervalMs: 1, maxPollIntervalMs: 2, nearReadyPollIntervalMs: 1 };
    const ready = await client.clusters.waitForReady(created.cluster_id, { ...fast, timeoutMs: undefined, signal: undefined, onPoll: undefined, onStatus: undefined });
    expect(ready.lifecycle).toBe("ready");
  });
});
