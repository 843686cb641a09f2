/**
 * `npm run demo`: starts the fake Together API on loopback, runs one script through the unified client against the
 * v1 backend and then the v2 backend, and prints the unified results side by side. No account, no network.
 *
 * Exit code 0 when both versions give the same unified results, 1 when they differ, 2 when the script fails or is
 * given an argument (it takes none; `--help` prints its usage).
 */
import { createClient, NotFoundError, type ApiVersion, type Client, type Cluster } from "../src/index.js";
import { startFakeApi, type FakeApi } from "../src/testing/index.js";

/** One line of the comparison: what a step produced, per version. */
interface Row {
  readonly step: string;
  readonly v1: string;
  readonly v2: string;
  /** Informational rows (printed under the table) show how the versions differ in detail; not part of the verdict. */
  readonly compared: boolean;
}

/** The unified results of one run, keyed by step. */
type Results = Record<string, { value: string; compared: boolean }>;

const PHASE_MS = 60_000;

async function runScript(client: Client): Promise<Results> {
  const results: Results = {};
  const record = (step: string, value: string, compared = true) => {
    results[step] = { value, compared };
  };
  const nodes = (cluster: Cluster) => `${cluster.num_gpus} GPUs on ${cluster.gpu_worker_nodes.length} nodes`;

  const created = await client.clusters.create({
    cluster_name: "demo",
    region: "us-central-8",
    gpu_type: "H100_SXM",
    num_gpus: 16,
    cuda_version: "12.6",
    nvidia_driver_version: "560",
    billing_type: "RESERVED",
    duration_days: 1,
  });
  record("created", `${created.cluster_name}: ${created.gpu_type} x${created.num_gpus}, ${String(created.status)}`);
  record("driver", `CUDA ${created.cuda_version ?? "?"} / NVIDIA ${created.nvidia_driver_version ?? "?"}`);

  const statuses: string[] = [String(created.status)];
  const lifecycles: string[] = [created.lifecycle];
  const ready = await client.clusters.waitForReady(created.cluster_id, {
    pollIntervalMs: 1,
    maxPollIntervalMs: 1,
    timeoutMs: 30_000,
    onStatus: (cluster) => {
      if (statuses.at(-1) !== String(cluster.status)) statuses.push(String(cluster.status));
      if (lifecycles.at(-1) !== cluster.lifecycle) lifecycles.push(cluster.lifecycle);
    },
  });
  record("lifecycle seen", lifecycles.join(" → "));
  record("statuses seen", statuses.join(" → "), false);
  record("ready", `${String(ready.status)}, ${nodes(ready)}`);

  const scaled = await client.clusters.update(created.cluster_id, { num_gpus: 32 });
  record("scaled", nodes(await client.clusters.get(scaled.cluster_id)));

  const deleted = await client.clusters.delete(created.cluster_id);
  const deleting = await client.clusters.get(deleted.cluster_id);
  record("deleting", `${String(deleting.status)} (${deleting.lifecycle})`);
  let gone = "still there";
  for (let poll = 0; poll < 10 && gone === "still there"; poll++) {
    try {
      await client.clusters.get(deleted.cluster_id);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      gone = `gone (${error.name})`;
    }
  }
  record("deleted", gone);
  return results;
}

function clientFor(fake: FakeApi, apiVersion: ApiVersion): Client {
  // v1 on purpose, side by side with v2: no deprecation warning in the demo output.
  return createClient({ apiVersion, apiKey: fake.apiKey, baseUrl: fake.urls[apiVersion], onDeprecation: false });
}

function table(rows: readonly Row[]): string {
  const width = (pick: (row: Row) => string, title: string) => Math.max(title.length, ...rows.map((row) => pick(row).length));
  const widths = [width((r) => r.step, "step"), width((r) => r.v1, "v1"), width((r) => r.v2, "v2")] as const;
  const line = (cells: readonly string[], mark: string) => `${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" │ ")} │ ${mark}`;
  return [
    line(["step", "v1", "v2"], ""),
    widths.map((w) => "─".repeat(w)).join("─┼─") + "─┼──",
    ...rows.map((row) => line([row.step, row.v1, row.v2], row.v1 === row.v2 ? "same" : "DIFFERENT")),
  ].join("\n");
}

async function main(): Promise<number> {
  // Each request moves fake time by half a provisioning phase, so the client's polling walks the whole lifecycle
  // deterministically and in milliseconds of real time.
  const fake = await startFakeApi({ phaseDurationMs: PHASE_MS, clock: { mode: "per-request", advanceMs: PHASE_MS / 2 } });
  try {
    // One version after the other: both share the fake's clock, and running them in turn keeps every run identical.
    const v1 = await runScript(clientFor(fake, "v1"));
    const v2 = await runScript(clientFor(fake, "v2"));
    const rows: Row[] = Object.keys(v2).map((step) => ({
      step,
      v1: v1[step]?.value ?? "(missing)",
      v2: v2[step]?.value ?? "(missing)",
      compared: v2[step]?.compared ?? true,
    }));
    const compared = rows.filter((row) => row.compared);
    const differing = compared.filter((row) => row.v1 !== row.v2);
    process.stdout.write(`together-clusters demo: one script, the unified client, the fake Together API at ${fake.urls.v1}\n\n`);
    process.stdout.write(`${table(compared)}\n\n`);
    for (const row of rows.filter((r) => !r.compared)) {
      process.stdout.write(`${row.step} (informational: v1 folds the data-plane phases into one WAITING_DATA_PLANE status):\n`);
      process.stdout.write(`  v1: ${row.v1}\n  v2: ${row.v2}\n\n`);
    }
    if (differing.length === 0) {
      process.stdout.write(`MATCH: v1 and v2 gave the same unified results (${compared.length}/${compared.length} steps).\n`);
      return 0;
    }
    process.stdout.write(`MISMATCH: v1 and v2 differ in ${differing.map((row) => row.step).join(", ")}.\n`);
    return 1;
  } finally {
    await fake.close();
  }
}

const usage = "usage: npm run demo (no arguments: it runs the same script on v1 and on v2 against the fake API)\n";
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
  process.stdout.write(usage);
} else if (args.length > 0) {
  // Nothing to configure: an argument is a mistake (a flag meant for another script), not something to ignore.
  process.stderr.write(`demo: unexpected argument ${JSON.stringify(args[0])}\n${usage}`);
  process.exitCode = 2;
} else {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
