/**
 * Concurrency: eight clients (four per API version) each create three clusters, scale each twice, read them and
 * delete every third — all at once, against one fake, while faults hit every cluster route. The fake's final state
 * must be exactly what was asked: every name once, every size the last one set, every deletion done.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import type { FakeApi } from "../../src/testing/index.js";
import { startAlignedFake } from "./helpers.js";
import { compareWithFake, runWorkload } from "./workload.js";

let fake: FakeApi;
beforeAll(async () => {
  fake = await startAlignedFake();
});
afterAll(async () => {
  await fake.close();
});

test("many clients doing many operations at once leave exactly the asked-for state", async () => {
  const result = await runWorkload(fake, { clientsPerVersion: 4, clustersPerClient: 3 });
  const { duplicates, lostUpdates, problems } = compareWithFake(fake, result.intended);
  console.log(
    `concurrency (test/reliability/concurrency.test.ts): ${result.intended.length} clusters, ${result.calls} client calls, ` +
      `${fake.requests.length} HTTP requests, ${result.faultsFired}/${result.faultsInjected} faults fired, ${duplicates} duplicates, ${lostUpdates} lost updates`,
  );
  expect(result.intended).toHaveLength(24);
  expect(problems).toEqual([]);
  expect(duplicates).toBe(0);
  expect(lostUpdates).toBe(0);
  // Every armed fault was met by some request: the workload really ran through them.
  expect(result.faultsFired).toBe(result.faultsInjected);
  expect(fake.faults.pendingCount).toBe(0);
});
