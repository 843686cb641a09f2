/**
 * Shared set-up of the reliability suite: a fake Together API whose clock matches the wall clock (so `created_at`
 * means what a real server would mean), clients with test-sized timeouts and backoffs, and the bookkeeping the
 * fault matrix reports (clusters per name, typed-error checks).
 */
import { afterAll, beforeAll } from "vitest";
import { ClustersError, createClient, type ApiVersion, type Client, type ClientOptions, type ClusterCreateInput } from "../../src/index.js";
import { DEFAULT_START_TIME, startFakeApi, type FakeApi, type FakeApiOptions } from "../../src/testing/index.js";

/** Per-attempt timeout used by the suite: long enough for a loaded CI box, short enough to keep the suite quick. */
export const attemptTimeoutMs = 400;
/** Injected latency that is certainly past {@link attemptTimeoutMs}. */
export const slowLatencyMs = 1_000;

/** Routes of the cluster operations in each version, as the fake names them for fault injection. */
export const routes = {
  v1: {
    list: "GET /api/v1/gpu_clusters",
    get: "GET /api/v1/gpu_cluster/{cluster_id}",
    create: "POST /api/v1/gpu_cluster",
    update: "PUT /api/v1/gpu_cluster",
    delete: "DELETE /api/v1/gpu_cluster/{cluster_id}",
  },
  v2: {
    list: "GET /compute/clusters",
    get: "GET /compute/clusters/{cluster_id}",
    create: "POST /compute/clusters",
    update: "PUT /compute/clusters/{cluster_id}",
    delete: "DELETE /compute/clusters/{cluster_id}",
  },
} as const satisfies Record<ApiVersion, Record<string, string>>;

/**
 * Starts the fake with its clock moved to the wall clock: the fake's default epoch is a fixed past date, and a
 * server whose `created_at` is months in the past would make every recovery look at the wrong clusters.
 */
export async function startAlignedFake(options: FakeApiOptions = {}): Promise<FakeApi> {
  const fake = await startFakeApi(options);
  fake.clock.advance(Math.max(0, Date.now() - DEFAULT_START_TIME));
  return fake;
}

/**
 * Sends one of every cluster call on both versions with a patient client, then resets the fake. The fake compiles
 * each route's validator on first use, which can stall a loaded machine for longer than {@link attemptTimeoutMs};
 * warming up keeps that stall out of tests whose expectations depend on the attempt timeout.
 */
export async function warmUp(fake: FakeApi): Promise<void> {
  for (const apiVersion of ["v1", "v2"] as const) {
    const client = createClient({ apiVersion, apiKey: fake.apiKey, baseUrl: fake.urls[apiVersion] });
    const cluster = await client.clusters.create(createInputFor("warm-up"));
    await client.clusters.get(cluster.cluster_id);
    await client.clusters.update(cluster.cluster_id, { num_gpus: 16 });
    await client.clusters.list();
    await client.clusters.delete(cluster.cluster_id);
  }
  fake.reset();
}

/**
 * One aligned, warmed-up fake for a whole test file: started in `beforeAll`, closed in `afterAll`. `use` receives it
 * once started (files keep it in their own `let fake`, and reset it where their tests need a clean state).
 */
export function useAlignedFake(use: (fake: FakeApi) => void): void {
  let started: FakeApi | undefined;
  beforeAll(async () => {
    started = await startAlignedFake();
    await warmUp(started);
    use(started);
  });
  afterAll(async () => {
    await started?.close();
  });
}

/** A client against the fake with test-sized timing; `overrides` win. */
export function clientFor(fake: FakeApi, apiVersion: ApiVersion, overrides: Partial<ClientOptions> = {}): Client {
  return createClient({
    apiVersion,
    apiKey: fake.apiKey,
    baseUrl: fake.urls[apiVersion],
    timeoutMs: attemptTimeoutMs,
    maxRetries: 2,
    retry: { initialDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 40 },
    ...overrides,
  });
}

/** A create input both versions accept (v1 needs `duration_days`; 8 GPUs per node). */
export function createInputFor(name: string, numGpus = 8): ClusterCreateInput {
  return {
    cluster_name: name,
    region: "us-central-8",
    gpu_type: "H100_SXM",
    num_gpus: numGpus,
    cuda_version: "12.6",
    nvidia_driver_version: "560",
    billing_type: "RESERVED",
    cluster_type: "KUBERNETES",
    duration_days: 1,
  };
}

/** How many clusters in the fake's state carry `name` (more than one is a duplicate). */
export function clustersNamed(fake: FakeApi, name: string): number {
  return fake.state.listClusters().filter((cluster) => cluster.name === name).length;
}

/** The settled outcome of a call: its value, or the error it rejected with. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** Awaits `promise` and returns its outcome instead of throwing. */
export async function settle<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

/** True for errors of this package; raw SyntaxError/TypeError/DOMException escaping would make this false. */
export function isTypedError(error: unknown): error is ClustersError {
  return error instanceof ClustersError;
}

/** Class name of an outcome, for tables and failure messages: `ok` or the error's name. */
export function outcomeName(outcome: Outcome<unknown>): string {
  if (outcome.ok) return "ok";
  return outcome.error instanceof Error ? outcome.error.name : typeof outcome.error;
}

/** Resolves after `ms` of real time. Used only to let an abandoned, delayed request land on the fake. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
