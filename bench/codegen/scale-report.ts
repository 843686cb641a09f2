/** The codegen scaling section of BENCHMARKS.md and its targets (issue 13), from bench/codegen/scale.ts's results. */
import { range, table } from "../lib/format.js";
import type { BenchResults } from "../results.js";
import type { TargetVerdict } from "../targets.js";

/** Issue 13's limits. */
const GROWTH_LIMIT = 2.2;
const LARGEST_MILLIS_LIMIT = 120_000;
/** "Under 3 GB": decimal gigabytes, as the issue writes them (3 GiB would allow 3.22e9 bytes). */
const LARGEST_RSS_LIMIT = 3e9;

const gigabytes = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;
const seconds = (millis: number) => `${(millis / 1000).toFixed(1)} s`;

function verdict(met: boolean, by: string): string {
  return met ? "met" : `**missed** (${by})`;
}

/** The three scaling targets; "not measured" lines when the section did not run. */
export function codegenScaleTargets(results: BenchResults, notMeasured: string): TargetVerdict[] {
  const scale = results.codegenScale;
  const labels = {
    growth: `codegen scale: time(10 MB spec) ≤ ${GROWTH_LIMIT} × time(5 MB spec)`,
    largest: "codegen scale: a 50 MB spec in under 2 minutes (median) and under 3 GB = 3.0e9 bytes peak RSS (all threads, largest run)",
    sync: "codegen scale: sync + generate on the whole upstream document ≤ openapi-typescript's CLI on it",
  };
  if (!scale) return Object.values(labels).map((target) => ({ target, measured: notMeasured, verdict: "–" }));
  const [small, medium, large] = scale.rows;
  const load = `1-min load average ${scale.loadAverage[0]} → ${scale.loadAverage[1]} on ${results.machine.cores} cores`;
  const verdicts: TargetVerdict[] = [];
  if (small && medium) {
    const ratio = medium.millis.median / small.millis.median;
    const cpuRatio = medium.cpuMillis.median / small.cpuMillis.median;
    verdicts.push({
      target: labels.growth,
      measured: `${seconds(medium.millis.median)} vs ${seconds(small.millis.median)} (${ratio.toFixed(2)}×; CPU time ${cpuRatio.toFixed(2)}×)`,
      verdict: verdict(ratio <= GROWTH_LIMIT, `${ratio.toFixed(2)}× > ${GROWTH_LIMIT}×`),
      context: load,
    });
  }
  if (large) {
    const millis = large.millis.median;
    const peak = large.peakRssBytes.max;
    verdicts.push({
      target: labels.largest,
      measured: `${seconds(millis)}, ${gigabytes(peak)} in the largest of ${large.peakRssBytes.count} run(s) (${large.name}, ${(large.bytes / 1e6).toFixed(1)} MB)`,
      verdict:
        millis < LARGEST_MILLIS_LIMIT && peak < LARGEST_RSS_LIMIT
          ? "met"
          : verdict(false, [millis >= LARGEST_MILLIS_LIMIT ? "time" : "", peak >= LARGEST_RSS_LIMIT ? "memory" : ""].filter(Boolean).join(" and ")),
      context: `CPU time ${seconds(large.cpuMillis.median)} over all threads; ${load}`,
    });
  }
  if (scale.sync) {
    const { ours, theirs } = scale.sync;
    const ratio = ours.millis.median / theirs.millis.median;
    verdicts.push({
      target: labels.sync,
      measured: `${ours.millis.median.toFixed(0)} ms vs ${theirs.millis.median.toFixed(0)} ms (${ratio.toFixed(2)}×)`,
      verdict: verdict(ratio <= 1, `${ratio.toFixed(2)}×`),
      context: load,
    });
  } else {
    verdicts.push({ target: labels.sync, measured: `not measured: ${scale.syncSkipped ?? "skipped"}`, verdict: "–" });
  }
  return verdicts;
}

/** Section body: one row per synthetic size, then the sync comparison. */
export function codegenScaleSection(results: BenchResults): string[] {
  const scale = results.codegenScale;
  if (!scale) return [];
  const runs = [...new Set(scale.rows.map((row) => row.millis.count))].join(" or ");
  const body = [
    `The generator (package.json's \`generate\` command) on project v1 + a synthetic v2 of each size (\`tsx bench/codegen/synthetic-spec.ts <out.yaml> <resources> 3.1.0\`), ${runs} runs per size, sizes interleaved by round, each into an empty \`--out\` folder. The command runs inside bench/codegen/peak-rss.mjs, which reports the process's peak RSS and CPU time at exit: both cover all of its threads (the openapi-typescript and ts-morph workers). 1-minute load average ${scale.loadAverage[0]} before, ${scale.loadAverage[1]} after, on ${results.machine.cores} cores: CPU time is the steadier figure on a busy machine.`,
    "",
    table(
      ["spec", "size", "wall ms, median (min–max)", "CPU ms, median (min–max)", "peak RSS, largest run (smallest–largest)", "exact command"],
      scale.rows.map((row) => [
        row.name,
        `${(row.bytes / 1e6).toFixed(2)} MB`,
        range(row.millis, 0),
        range(row.cpuMillis, 0),
        `${gigabytes(row.peakRssBytes.max)} (${gigabytes(row.peakRssBytes.min)}–${gigabytes(row.peakRssBytes.max)})`,
        `\`${row.command}\``,
      ]),
      ["l", "r", "r", "r", "r", "l"],
    ),
  ];
  if (scale.sync) {
    const { sync } = scale;
    body.push(
      "",
      `Sync on Together's whole published document (${sync.file}, ${(sync.bytes / 1e3).toFixed(0)} KB): package.json's \`sync\` command (extract, overlays, validation, write, then the generator) into a copy of specs/ and an empty \`--out\` folder, against openapi-typescript's CLI on the same document; ${sync.ours.millis.count} run(s) each after one untimed warm-up, interleaved.`,
      "",
      table(
        ["command", "ms, median (min–max)", "exact command"],
        [
          ["ours: sync + generate", range(sync.ours.millis, 0), `\`${sync.ours.command}\``],
          ["openapi-typescript CLI", range(sync.theirs.millis, 0), `\`${sync.theirs.command}\``],
        ],
        ["l", "r", "l"],
      ),
    );
  } else if (scale.syncSkipped) {
    body.push("", `Sync comparison not measured: ${scale.syncSkipped}.`);
  }
  return body;
}
