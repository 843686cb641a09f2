/**
 * Waiter row: requests sent and detection lag for a cluster that becomes Ready 20 minutes after creation, for this
 * client's waiter (src/wait.ts, default schedule) and for fixed 30-second polling (what Together's own sample does).
 * Real parts on a simulated clock: the fake API serves every poll over loopback HTTP through the client's `get`;
 * sleeping advances the fake's clock instead of waiting. Each run starts the wait a random 0–30 s after the create
 * (seeded), so fixed polling meets readiness at every phase.
 */
import { createClient } from "../src/index.js";
import { startFakeApi } from "../src/testing/index.js";
import { waitForReady, type WaitDeps } from "../src/wait.js";
import { seededRandom } from "./lib/random.js";
import { summarize, type Summary } from "./lib/stats.js";

/** One strategy's figures over all runs. */
export interface WaiterRow {
  readonly name: string;
  readonly requests: Summary;
  /** Seconds from the moment the cluster became Ready to the poll that saw it. */
  readonly lagSeconds: Summary;
}

export interface WaiterResults {
  readonly readyAfterMinutes: number;
  readonly runs: number;
  readonly rows: readonly WaiterRow[];
}

const readyAfterMs = 20 * 60_000;
/** A cluster without a volume walks five provisioning phases before Ready (src/testing/lifecycle.ts). */
const provisioningPhases = 5;

type Strategy = (id: string, deps: Required<WaitDeps>) => Promise<void>;

/** Together's sample: GET every 30 s until Ready. */
const fixedThirtySeconds: Strategy = async (id, deps) => {
  for (;;) {
    const cluster = await deps.get(id, {});
    if (cluster.lifecycle === "ready") return;
    await deps.sleep(30_000, undefined);
  }
};

const thisWaiter: Strategy = async (id, deps) => {
  await waitForReady(id, deps);
};

export const waiterStrategies: ReadonlyArray<{ readonly name: string; readonly run: Strategy }> = [
  { name: "this client: clusters.waitForReady (defaults: 5 s ×1.5 to 60 s, ≤ 20 s one phase from ready, 20% jitter)", run: thisWaiter },
  { name: "fixed 30-second polling (Together's sample)", run: fixedThirtySeconds },
];

export async function measureWaiter(runs: number, seed = 20): Promise<WaiterResults> {
  // Manual clock: only the strategies' sleeps move time (the fake's on-poll clock and its poll hint would skip it).
  const fake = await startFakeApi({ phaseDurationMs: readyAfterMs / provisioningPhases, clock: { mode: "manual" } });
  const client = createClient({ apiVersion: "v2", apiKey: fake.apiKey, baseUrl: fake.urls.v2 });
  const random = seededRandom(seed);
  const samples = waiterStrategies.map(() => ({ requests: [] as number[], lag: [] as number[] }));
  try {
    for (let run = 0; run < runs; run++) {
      const startDelayMs = Math.round(random() * 30_000);
      for (const [index, strategy] of waiterStrategies.entries()) {
        fake.reset();
        const created = await client.clusters.create({
          cluster_name: "bench", region: "us-central-8", gpu_type: "H100_SXM", num_gpus: 8,
          cuda_version: "12.6", nvidia_driver_version: "560", billing_type: "ON_DEMAND",
        });
        const readyAt = fake.clock.now() + readyAfterMs;
        fake.clock.advance(startDelayMs);
        let requests = 0;
        const deps: Required<WaitDeps> = {
          // The public get takes CallOptions; the waiter's response observer is its own business (client.ts wires it).
          get: (id, { onResponse: _observer, ...options }) => (requests++, client.clusters.get(id, options)),
          now: () => fake.clock.now(),
          sleep: async (ms) => fake.clock.advance(ms),
          random,
        };
        await strategy.run(created.cluster_id, deps);
        const lag = (fake.clock.now() - readyAt) / 1000;
        if (lag < 0) throw new Error(`${strategy.name}: saw Ready ${-lag} s before the fake reports it`);
        samples[index]!.requests.push(requests);
        samples[index]!.lag.push(lag);
      }
    }
  } finally {
    await fake.close();
  }
  return {
    readyAfterMinutes: readyAfterMs / 60_000,
    runs,
    rows: waiterStrategies.map((strategy, i) => ({ name: strategy.name, requests: summarize(samples[i]!.requests), lagSeconds: summarize(samples[i]!.lag) })),
  };
}
