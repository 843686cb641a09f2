/**
 * A concurrent workload: many clients (both versions) create, scale, read and delete their own clusters at the same
 * time against one fake, while faults hit every cluster route. Used in-process by concurrency.test.ts and in a child
 * process by open-handles.test.ts. Returns what was asked, so the caller can compare it with the fake's final state.
 */
import { createClient, type ApiVersion, type Client } from "../../src/index.js";
import type { FakeApi } from "../../src/testing/index.js";
import { createInputFor, routes } from "./helpers.js";

/** What one cluster should look like at the end. */
export interface Intended {
  readonly name: string;
  readonly numGpus: number;
  readonly deleted: boolean;
}

export interface WorkloadResult {
  readonly intended: readonly Intended[];
  readonly faultsInjected: number;
  readonly faultsFired: number;
  readonly calls: number;
}

export interface WorkloadOptions {
  readonly clientsPerVersion: number;
  readonly clustersPerClient: number;
  /** Recovery's settle pause. @default 300 */
  readonly recoverSettleMs?: number;
}

/** Faults spread over every cluster route of both versions. Creates only meet faults recovery can resolve. */
function injectFaults(fake: FakeApi): number {
  let injected = 0;
  for (const version of ["v1", "v2"] as const) {
    const r = routes[version];
    const faults = [
      // Faults recovery can resolve: a create the server made but whose answer was lost (found by listing), and a
      // 503 (the server is done with the request, so re-sending is safe). They fire on the first creates; the
      // re-send comes after two looks and a settle, when every first attempt has been sent, so it meets no fault.
      { route: r.create, reset: "after" as const, times: 2 },
      { route: r.create, status: 503, times: 1 },
      { route: r.get, status: 503, times: 4 },
      { route: r.get, reset: "before" as const, times: 3 },
      { route: r.update, reset: "after" as const, times: 3 },
      { route: r.update, status: 429, retryAfter: 1, times: 3 },
      { route: r.delete, status: 502, times: 3 },
      { route: r.delete, body: "truncated" as const, times: 2 },
      { route: r.list, status: 504, times: 3 },
    ];
    for (const fault of faults) {
      fake.faults.inject(fault);
      injected += fault.times;
    }
  }
  return injected;
}

function clientOf(fake: FakeApi, version: ApiVersion): Client {
  return createClient({
    apiVersion: version,
    apiKey: fake.apiKey,
    baseUrl: fake.urls[version],
    // Generous: no fault here delays an answer, and a loaded CI machine must not turn slowness into ambiguity.
    timeoutMs: 15_000,
    // Enough retries that a client unlucky enough to meet several faults in a row still gets through.
    maxRetries: 6,
    retry: { initialDelayMs: 2, maxDelayMs: 10, maxRetryAfterMs: 10 },
  });
}

/** One client's script: create its clusters, scale each twice, read them, delete every third. */
async function clientScript(client: Client, prefix: string, count: number, settleMs: number, calls: { n: number }): Promise<Intended[]> {
  const intended: Intended[] = [];
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const name = `${prefix}-${i}`;
      calls.n++;
      const cluster = await client.clusters.create(createInputFor(name), { recover: true, recoverSettleMs: settleMs });
      const sizes = [16, 8 * (3 + (i % 3))];
      for (const num_gpus of sizes) {
        calls.n++;
        await client.clusters.update(cluster.cluster_id, { num_gpus });
      }
      calls.n++;
      const read = await client.clusters.get(cluster.cluster_id);
      if (read.num_gpus !== sizes[1]) throw new Error(`${name}: read ${read.num_gpus} GPUs after scaling to ${sizes[1]}`);
      const deleted = i % 3 === 2;
      if (deleted) {
        calls.n++;
        await client.clusters.delete(cluster.cluster_id);
      }
      intended.push({ name, numGpus: sizes[1]!, deleted });
    }),
  );
  return intended;
}

/** Runs the workload; rejects if any call fails. */
export async function runWorkload(fake: FakeApi, options: WorkloadOptions): Promise<WorkloadResult> {
  const faultsInjected = injectFaults(fake);
  const calls = { n: 0 };
  const scripts = (["v1", "v2"] as const).flatMap((version) =>
    Array.from({ length: options.clientsPerVersion }, (_, c) => clientScript(clientOf(fake, version), `${version}-c${c}`, options.clustersPerClient, options.recoverSettleMs ?? 300, calls)),
  );
  const intended = (await Promise.all(scripts)).flat();
  return { intended, faultsInjected, faultsFired: fake.faults.firedCount, calls: calls.n };
}

/** Differences between what was asked and what the fake holds: duplicates, missing clusters, wrong sizes. */
export function compareWithFake(fake: FakeApi, intended: readonly Intended[]): { duplicates: number; lostUpdates: number; problems: string[] } {
  const problems: string[] = [];
  let duplicates = 0;
  let lostUpdates = 0;
  const all = fake.state.listClusters();
  for (const want of intended) {
    const found = all.filter((c) => c.name === want.name);
    duplicates += Math.max(0, found.length - 1);
    if (found.length !== 1) problems.push(`${want.name}: ${found.length} clusters`);
    const cluster = found[0];
    if (cluster === undefined) continue;
    if (cluster.numGpus !== want.numGpus) {
      lostUpdates++;
      problems.push(`${want.name}: ${cluster.numGpus} GPUs, asked for ${want.numGpus}`);
    }
    if ((cluster.deletingSince !== undefined) !== want.deleted) problems.push(`${want.name}: deleting=${cluster.deletingSince !== undefined}, asked ${want.deleted}`);
  }
  const names = new Set(intended.map((i) => i.name));
  for (const cluster of all) if (!names.has(cluster.name)) problems.push(`unexpected cluster ${cluster.name}`);
  return { duplicates, lostUpdates, problems };
}
