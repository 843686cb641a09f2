/** The "done when" script against the spec-validating fake Together API (src/testing), once per version. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { createClient } from "../../src/index.js";
import { startFakeApi, type FakeApi } from "../../src/testing/fake-api.js";
import { runSameScript } from "./helpers/script.js";

let fakes: FakeApi[];
beforeAll(async () => {
  fakes = await Promise.all([startFakeApi(), startFakeApi()]);
});
afterAll(() => Promise.all(fakes.map((f) => f.close())));

test("the same script prints the same unified results against the fake's v1 and v2 routes", async () => {
  const [a, b] = fakes as [FakeApi, FakeApi];
  const fromV1 = await runSameScript(createClient({ apiVersion: "v1", apiKey: a.apiKey, baseUrl: a.urls.v1 }));
  const fromV2 = await runSameScript(createClient({ apiVersion: "v2", apiKey: b.apiKey, baseUrl: b.urls.v2 }));
  expect(fromV1).toEqual(fromV2);
  expect(fromV2.map((step) => (step as { step: string }).step)).toEqual([
    "list-before",
    "create",
    "get",
    "update",
    "list-after",
    "delete",
    "regions",
    "volume-create",
    "volume-delete",
  ]);
  expect((fromV2[1] as { cluster: { cluster_name: string; num_gpus: number } }).cluster).toMatchObject({ cluster_name: "demo", num_gpus: 8 });
  expect((fromV2[3] as { cluster: { num_gpus: number } }).cluster.num_gpus).toBe(16);
  // Every request the client sent passed the fake's OpenAPI request validation and got a 200.
  for (const fake of fakes) {
    expect(fake.requests.length).toBeGreaterThanOrEqual(9);
    expect(fake.requests.filter((r) => r.status !== 200)).toEqual([]);
  }
});
