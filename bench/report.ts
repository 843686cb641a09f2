/** Renders a BenchResults as BENCHMARKS.md. */
import { type BundleRow, bundleSettings } from "./bundle.js";
import type { CallSuiteResult } from "./calls/suite.js";
import { codegenScaleSection } from "./codegen/scale-report.js";
import { count, kilobytes, quartileRange, range, table } from "./lib/format.js";
import type { BenchResults } from "./results.js";
import { waiterSection } from "./waiter-report.js";
import { CLIENT_BUNDLE, evaluateTargets } from "./targets.js";

function callTable(suite: CallSuiteResult, withOverhead: boolean): string {
  // One call per round: the extremes are single stalls, so the spread shown is the interquartile range.
  const perCall = suite.options.callsPerBlock === 1;
  const spread = perCall ? "p25–p75" : "min–max";
  const show = perCall ? quartileRange : range;
  const header = ["contender", `µs per call, median (${spread})`, `× openapi-fetch alone, median (${spread})`];
  if (withOverhead) {
    header.push(`µs above openapi-fetch alone, median (${spread})`);
  }
  const rows = suite.rows.map((row) => {
    const cells = [row.name, show(row.perCallMicros, 1), row.name === row.baselineName ? "1 (baseline)" : show(row.ratio, 3)];
    if (withOverhead) {
      cells.push(row.name === row.baselineName ? "0 (baseline)" : show(row.overheadMicros, 1));
    }
    return cells;
  });
  return table(header, rows, ["l", "r", "r", "r"]);
}

function settingsLine(suite: CallSuiteResult): string {
  const { warmupCalls, rounds, callsPerBlock } = suite.options;
  if (callsPerBlock === 1) {
    return `${warmupCalls} warm-up calls per contender, then ${rounds} rounds of one call per contender, in a fresh seeded random order each round, so neighbouring calls of different contenders share the machine's state (blocks of hundreds of calls let one GC pause or scheduler stall land on one contender: ranges of 0.6–2.0× within one run). Each call is timed on its own; ratios and differences are paired per round against openapi-fetch alone of the same API version (raw fetch is a reference row, not a verdict); ranges are interquartile over rounds.`;
  }
  return `${warmupCalls} warm-up calls per contender, then ${rounds} rounds × ${callsPerBlock} sequential calls per contender, in a fresh seeded random order each round; min–max are over rounds; ratios are paired per round against openapi-fetch alone of the same API version.`;
}

function bundleComposition(row: BundleRow | undefined): string[] {
  if (!row) {
    return [];
  }
  return [
    `What the ${kilobytes(row.minified)} of minified \`${row.name}\` is made of (esbuild metafile, bytes before compression), and what each input costs once compressed (the gzip -9 bytes the bundle loses without that input's output; repeated names compress away, unique messages and logic do not):`,
    "",
    table(
      ["input", "minified bytes", "share", "gzip bytes it adds"],
      row.composition
        .slice(0, 15)
        .map((part) => [part.name, count(part.bytes), `${((part.bytes / row.minified) * 100).toFixed(1)}%`, part.gzipBytes === undefined ? "" : count(part.gzipBytes)]),
      ["l", "r", "r", "r"],
    ),
  ];
}

function section(title: string, body: string[]): string {
  return [`## ${title}`, "", ...body, ""].join("\n");
}

/** The whole document; `analysis` (bench/analysis.md, hand-written) follows the targets table. */
export function renderReport(results: BenchResults, analysis?: string): string {
  const { machine } = results;
  const out: string[] = [
    "# Benchmarks",
    "",
    `<!-- Written by \`${results.command}\` (bench/run.ts). Do not edit by hand: rerun it. -->`,
    "",
    results.quick ? "> **Quick run** (`--quick`): too short to compare; run `npm run bench` for real figures.\n" : "",
    `Measured ${results.startedAt} → ${results.finishedAt} with \`${results.command}\`, at commit \`${machine.gitCommit}\`${machine.gitDirty ? " (with uncommitted changes in src/, generated/, codegen/ or bench/)" : ""}.`,
    "",
    table(
      ["machine", ""],
      [
        ["CPU", `${machine.cpu} × ${machine.cores}`],
        ["memory", `${machine.memoryGiB} GiB`],
        ["OS", machine.os],
        ["Node", machine.node],
        ["load average (1, 5, 15 min) at start → end", `${machine.loadAverage.join(", ")} → ${results.loadAverageAtEnd.join(", ")}`],
      ],
    ),
    "",
    "Every figure below comes from that one command; the per-section command lines are what it ran. Medians, with min–max over rounds or runs (interquartile ranges where each round is a single call).",
    "",
  ];

  out.push(
    section("Targets", [
      table(["target", "measured", "verdict", "same run, for scale (references are floors, not products)"], evaluateTargets(results).map((t) => [t.target, t.measured, t.verdict, t.context ?? ""])),
    ]),
  );
  if (analysis) {
    out.push(analysis.trim(), "");
  }

  if (results.perCall) {
    out.push(
      section("1. Per call over loopback HTTP", [
        "The same GET of one cluster (v2 `GET /compute/clusters/{id}`, 1,978-byte body; v1 `GET /api/v1/gpu_cluster/{id}`, 1,923 bytes) from a node:http server in a child process on 127.0.0.1 with keep-alive (bench/http/server.ts). Each contender parses the JSON and returns the body (this client: the unified object). This client runs as published: compiled by tsc from tsconfig.build.json into .tmp/bench/built/ (bench/lib/built-client.ts), not src/ through tsx, whose transpile adds a `__name` call per closure. Every client at its defaults (retries on, default timeout) over the global `fetch`. The last two rows are not products but lean hand-written references (bench/calls/reference-contender.ts): raw fetch with only a per-attempt timeout signal, and the work this client must do (bearer header, per-attempt timeout signal, JSON parse, unified mapping) straight over fetch.",
        "",
        settingsLine(results.perCall),
        "",
        callTable(results.perCall, false),
      ]),
    );
  }
  if (results.overhead) {
    out.push(
      section("2. Library overhead, in-process fetch", [
        "Same contenders with `fetch` replaced by an in-process function that returns a new `Response` over the prebuilt bytes (bench/calls/stub-fetch.ts): no socket, so the difference to openapi-fetch alone is what this client adds to the stack it is built on (key scope, timeouts, retries, size cap, redirects, the unified mapping).",
        "",
        settingsLine(results.overhead),
        "",
        callTable(results.overhead, true),
      ]),
    );
  }
  if (results.primitives) {
    out.push(
      section("2b. What the pieces of a call cost", [
        "Single operations that contenders perform per call, each timed in a loop (interleaved rounds; bench/calls/primitives.ts), as a budget for reading section 2: raw fetch over the stub pays only the first row.",
        "",
        table(["operation", "µs each, median (min–max)"], results.primitives.map((row) => [row.name, range(row.micros, 2)]), ["l", "r"]),
      ]),
    );
  }
  if (results.mapping) {
    out.push(
      section("3. Mapping throughput", [
        "Already-parsed v1 cluster bodies (4 shapes cycled: full, proto3-sparse, 16-worker, unknown status; bench/fixtures/v1-variants.ts) mapped to the unified `Cluster` by the built client (as in section 1) in a tight loop; interleaved rounds.",
        "",
        table(
          ["case", "per second, median (min–max)", "µs per item, median"],
          results.mapping.map((row) => [row.name, `${count(row.perSecond.median)} (${count(row.perSecond.min)}–${count(row.perSecond.max)})`, row.microsPerItem.median.toFixed(2)]),
          ["l", "r", "r"],
        ),
      ]),
    );
  }
  if (results.bundles) {
    out.push(
      section("4. Bundle size", [
        `esbuild ${Object.entries(bundleSettings).map(([k, v]) => `${k}=${String(v)}`).join(", ")}; gzip level 9, brotli quality 11 (node:zlib). Entry modules as written below; outputs kept in .tmp/bench/bundle/.`,
        "",
        table(
          ["entry", "min", "min+gzip", "min+brotli"],
          results.bundles.map((row) => [row.name, kilobytes(row.minified), kilobytes(row.gzip), kilobytes(row.brotli)]),
          ["l", "r", "r", "r"],
        ),
        "",
        ...results.bundles.flatMap((row) => [`<details><summary>${row.name} entry</summary>`, "", "```ts", row.source, "```", "</details>", ""]),
        ...bundleComposition(results.bundles.find((row) => row.name === CLIENT_BUNDLE)),
      ]),
    );
  }
  if (results.codegen) {
    const { codegen } = results;
    const median = new Map(codegen.rows.map((row) => [row.label, row.millis.median]));
    out.push(
      section("5. Codegen, whole process", [
        `Wall time of whole processes (spawnSync + hrtime), ${codegen.runs} runs each after one untimed warm-up, interleaved by round. "ours" rows run the command of package.json's \`generate\` script directly; the "through npm" row adds npm's own start-up. "→ write" runs start from an empty \`--out\` folder, so every file is emitted and written.`,
        "",
        table(["spec", "file", "size"], codegen.specs.map((s) => [s.name, s.file, `${(s.bytes / 1e6).toFixed(2)} MB`]), ["l", "l", "r"]),
        "",
        "The synthetic specs are written by `tsx bench/codegen/synthetic-spec.ts <out.yaml> <resources> <3.0.3|3.1.0>` (deterministic; not committed).",
        "",
        table(
          ["command", "ms, median (min–max)", "exact command"],
          codegen.rows.map((row) => [row.label, range(row.millis, 0), `\`${row.command}\``]),
          ["l", "r", "l"],
        ),
        "",
        table(
          ["comparison", "ours ms", "theirs ms", "ours ÷ theirs"],
          codegen.comparisons.map((c) => {
            const ours = median.get(c.ours)!;
            const theirs = median.get(c.theirs)!;
            return [`${c.ours} vs ${c.theirs} — ${c.target}`, ours.toFixed(0), theirs.toFixed(0), `${(ours / theirs).toFixed(2)}×`];
          }),
          ["l", "r", "r", "r"],
        ),
        "",
        `Parsing alone, in this process: the large spec (${codegen.parse.file}) read by each parser, ${codegen.parse.runs} runs each, interleaved (bench/codegen/parse-cost.ts).`,
        "",
        table(["parser", "ms, median (min–max)"], codegen.parse.rows.map((row) => [row.name, range(row.millis, 0)]), ["l", "r"]),
      ]),
    );
  }
  if (results.codegenScale) {
    out.push(section("5b. Codegen scaling", codegenScaleSection(results)));
  }
  if (results.typecheck) {
    out.push(
      section("6. Type-check time of a consumer", [
        "One small consumer file per case (the same calls), checked alone by `tsc --extendedDiagnostics` with the project's strict options and skipLibCheck; files are written to .tmp/bench/typecheck/ by bench/typecheck-cases.ts. Wall time includes tsc start-up; \"check\" is tsc's own Check time.",
        "",
        table(
          ["consumer", "wall ms, median (min–max)", "check ms, median (min–max)", "files", "types", "instantiations", "exact command"],
          results.typecheck.map((row) => [
            row.name,
            range(row.wallMillis, 0),
            range(row.checkMillis, 0),
            String(row.files),
            count(row.types),
            count(row.instantiations),
            `\`${row.command}\``,
          ]),
          ["l", "r", "r", "r", "r", "r", "l"],
        ),
      ]),
    );
  }
  if (results.waiter) {
    out.push(section("7. Waiter: requests and detection lag", waiterSection(results.waiter)));
  }
  if (results.profiles.length > 0) {
    out.push(
      section(
        "Profiles of missed targets",
        results.profiles.flatMap((p) => [`### ${p.title}`, "", `\`${p.command}\``, "", p.markdown, ""]),
      ),
    );
  }
  out.push(
    section("How to run", [
      "- `npm run bench`: everything above (about 5 minutes on 2 idle cores, plus about 4 for the codegen scaling runs of section 5b); writes this file and the raw numbers to .tmp/bench/results.json.",
      "- `npm run bench -- --quick`: a smoke run of every section in a few minutes; writes .tmp/bench/BENCHMARKS.quick.md, never this file.",
      "- `npm run bench -- --only=calls,mapping,bundle,codegen,codegen-scale,typecheck,waiter`: a subset (pass `--out=FILE` to keep this file).",
      "- `npm run bench -- --from-json=.tmp/bench/results.json`: re-render a saved run (e.g. after editing bench/analysis.md).",
      "- Profiles by hand: `npx tsx bench/profile/hot-loop.ts \"this client, v2 adapter\" 100000 .tmp/bench/client.cpuprofile` (samples only the warm loop) or `node --cpu-prof --cpu-prof-dir=.tmp/bench/profiles --import tsx codegen/main.ts --out .tmp/bench/out` (whole process), then `npx tsx bench/profile/summarize.ts <file.cpuprofile> 25`. Inclusive times of project functions stop at `await` boundaries, so async callers are under-counted.",
      "- Numbers are only comparable within one run: run on an otherwise idle machine and compare ratios, not absolute µs.",
    ]),
  );
  if (results.skipped.length > 0) {
    out.push(section("Not measured in this run", results.skipped.map((s) => `- ${s.section}: ${s.reason}`)));
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}
