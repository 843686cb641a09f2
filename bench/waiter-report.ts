/** The BENCHMARKS.md section of the waiter row (bench/waiter.ts), and the consumer targets' verdicts. */
import { range, table } from "./lib/format.js";
import type { BenchResults } from "./results.js";
import type { TargetVerdict } from "./targets.js";
import { sdkConsumerCase } from "./typecheck-vs-sdk.js";
import type { WaiterResults } from "./waiter.js";

export function waiterSection(waiter: WaiterResults): string[] {
  const [ours, fixed] = waiter.rows;
  const verdict =
    ours !== undefined && fixed !== undefined
      ? `Target "fewer requests at no worse lag": ${ours.requests.median < fixed.requests.median && ours.lagSeconds.median <= fixed.lagSeconds.median && ours.lagSeconds.max <= fixed.lagSeconds.max ? "met" : "missed"} (requests ${ours.requests.median} vs ${fixed.requests.median}, lag median ${ours.lagSeconds.median.toFixed(1)} s vs ${fixed.lagSeconds.median.toFixed(1)} s, worst ${ours.lagSeconds.max.toFixed(1)} s vs ${fixed.lagSeconds.max.toFixed(1)} s).`
      : "";
  return [
    `A v2 cluster that becomes Ready ${waiter.readyAfterMinutes} minutes after its create (the fake's five provisioning phases, ${waiter.readyAfterMinutes / 5} min each), ${waiter.runs} runs; each wait starts a random 0–30 s after the create (seeded). Every poll is a real GET over loopback to the fake; sleeping advances the fake's clock (bench/waiter.ts), so the row takes seconds, not hours. Lag = time from Ready to the poll that saw it.`,
    "",
    table(
      ["strategy", "requests, median (min–max)", "detection lag s, median (min–max)"],
      waiter.rows.map((row) => [row.name, range(row.requests, 0), range(row.lagSeconds, 1)]),
      ["l", "r", "r"],
    ),
    "",
    verdict,
  ];
}

/** The consumer targets (waiter row; type-check time vs the official SDK) for the targets table. */
export function consumerTargets(results: BenchResults): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  const [ours, fixed] = results.waiter?.rows ?? [];
  const waiterTarget = "waiter: fewer requests than fixed 30 s polling at no worse lag (Ready after 20 min)";
  verdicts.push(
    ours && fixed
      ? {
          target: waiterTarget,
          measured: `${ours.requests.median} vs ${fixed.requests.median} requests; lag ${ours.lagSeconds.median.toFixed(1)} s vs ${fixed.lagSeconds.median.toFixed(1)} s median, ${ours.lagSeconds.max.toFixed(1)} s vs ${fixed.lagSeconds.max.toFixed(1)} s worst`,
          verdict: ours.requests.median < fixed.requests.median && ours.lagSeconds.median <= fixed.lagSeconds.median && ours.lagSeconds.max <= fixed.lagSeconds.max ? "met" : "**missed**",
        }
      : { target: waiterTarget, measured: "not measured in this run", verdict: "–" },
  );
  const client = results.typecheck?.find((row) => row.name.startsWith("this client, published"));
  const sdk = results.typecheck?.find((row) => row.name === sdkConsumerCase.name);
  const typecheckTarget = "consumer type-check time ≤ the official SDK's for the same calls";
  verdicts.push(
    client && sdk
      ? {
          target: typecheckTarget,
          measured: `${client.wallMillis.median.toFixed(0)} ms vs ${sdk.wallMillis.median.toFixed(0)} ms wall (${(client.wallMillis.median / sdk.wallMillis.median).toFixed(2)}×); check ${client.checkMillis.median.toFixed(0)} vs ${sdk.checkMillis.median.toFixed(0)} ms`,
          verdict: client.wallMillis.median <= sdk.wallMillis.median ? "met" : `**missed** (${((client.wallMillis.median / sdk.wallMillis.median - 1) * 100).toFixed(0)}% over)`,
        }
      : { target: typecheckTarget, measured: "not measured in this run", verdict: "–" },
  );
  return verdicts;
}
