/**
 * `npm run bench [-- --quick] [--only=calls,mapping,bundle,codegen,codegen-scale,typecheck,waiter] [--out=FILE] [--from-json=FILE]`
 *
 * Runs every section in one process (per-call contenders interleaved), then
 * writes BENCHMARKS.md (a `--quick` run writes .tmp/bench/BENCHMARKS.quick.md
 * instead, so smoke numbers never replace real ones) and the raw results as
 * JSON next to it in .tmp/bench/. `--from-json` re-renders a saved run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { measureBundles, peerBundleEntries } from "./bundle.js";
import { allContenders } from "./calls/all-contenders.js";
import { CLIENT_V1, CLIENT_V2 } from "./calls/contender.js";
import { measurePrimitives } from "./calls/primitives.js";
import { STUB_ORIGIN, stubFetch } from "./calls/stub-fetch.js";
import { runCallSuite } from "./calls/suite.js";
import { measureCodegen } from "./codegen/run-codegen.js";
import { measureCodegenScale } from "./codegen/scale.js";
import { startLoopbackServer } from "./http/start-server.js";
import { type BuiltClient, buildClient, importBuiltClient } from "./lib/built-client.js";
import { describeMachine } from "./lib/machine.js";
import { repoRoot } from "./lib/repo.js";
import { mappingCases } from "./mapping-cases.js";
import { measureMapping } from "./mapping.js";
import { captureHotLoopProfile, captureProfile } from "./profile/capture.js";
import { renderReport } from "./report.js";
import type { BenchResults } from "./results.js";
import { type BenchSettings, fullSettings, quickSettings } from "./settings.js";
import { CLIENT_BUNDLE } from "./targets.js";
import { consumerCases } from "./typecheck-cases.js";
import { sdkConsumerCase } from "./typecheck-vs-sdk.js";
import { measureTypecheck } from "./typecheck.js";
import { measureWaiter } from "./waiter.js";

const workDir = join(repoRoot, ".tmp/bench");
/** Where the client is compiled as published, for the per-call and mapping sections. */
const builtDir = join(workDir, "built");
const sectionNames = ["calls", "mapping", "bundle", "codegen", "codegen-scale", "typecheck", "waiter"] as const;
type SectionName = (typeof sectionNames)[number];

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

const usage = `usage: npm run bench -- [--quick] [--only=${sectionNames.join(",")}] [--out=FILE] [--from-json=results.json]\n`;

/** A command line the bench cannot run: said with the usage, exit 2, before anything is measured or written. */
class UsageError extends Error {}

function parseCli(argv: readonly string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        quick: { type: "boolean", default: false },
        only: { type: "string" },
        out: { type: "string" },
        "from-json": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const only = values.only?.split(",").map((name) => name.trim()) ?? [...sectionNames];
  for (const name of only) {
    if (!(sectionNames as readonly string[]).includes(name)) {
      throw new UsageError(`--only: unknown section ${JSON.stringify(name)}; known: ${sectionNames.join(", ")}`);
    }
  }
  const defaultOut = values.quick ? join(workDir, "BENCHMARKS.quick.md") : join(repoRoot, "BENCHMARKS.md");
  return { help: values.help, quick: values.quick, only: new Set(only as SectionName[]), out: resolve(values.out ?? defaultOut), fromJson: values["from-json"] };
}

async function runCalls(results: BenchResults, settings: BenchSettings, client: BuiltClient): Promise<void> {
  log("per call over loopback HTTP…");
  const contenders = allContenders(client);
  const server = await startLoopbackServer();
  try {
    results.perCall = await runCallSuite(contenders, server.origin, globalThis.fetch, settings.loopback);
  } finally {
    await server.stop();
  }
  log("library overhead on the in-process stub…");
  results.overhead = await runCallSuite(contenders, STUB_ORIGIN, stubFetch, settings.stub);
  log("building-block costs…");
  results.primitives = await measurePrimitives(settings.primitives.rounds, settings.primitives.perRound);
  for (const name of [CLIENT_V2, CLIENT_V1]) {
    const row = results.overhead.rows.find((r) => r.name === name);
    if (row && row.overheadMicros.median > 5) {
      log(`profiling ${name} (overhead ${row.overheadMicros.median.toFixed(1)} µs > 5 µs)…`);
      const profile = captureHotLoopProfile(name, settings.profileCalls, repoRoot, join(workDir, "profiles", name.replace(/\W+/g, "-")), client.outDir);
      results.profiles.push({ title: `${name}: ${settings.profileCalls} warm calls on the in-process stub (loop only)`, ...profile });
    }
  }
}

function profileCodegen(results: BenchResults): void {
  const codegen = results.codegen!;
  for (const comparison of codegen.comparisons) {
    if (comparison.target.startsWith("(")) {
      continue;
    }
    const ours = codegen.rows.find((r) => r.label === comparison.ours)!;
    const theirs = codegen.rows.find((r) => r.label === comparison.theirs)!;
    if (ours.millis.median <= theirs.millis.median) {
      continue;
    }
    // Same arguments as the timed run, in one process (tsx as a loader) and one thread, so that one profile holds it all.
    const scriptArgs = ours.scriptArgs.map((arg) => (arg === "codegen/main.ts" ? "bench/codegen/single-thread-entry.ts" : arg));
    log(`profiling ${comparison.ours}…`);
    const profile = captureProfile(["--import", "tsx", ...scriptArgs], repoRoot, join(workDir, "profiles", comparison.ours.replace(/\W+/g, "-")));
    results.profiles.push({ title: `codegen: ${comparison.ours} (all stages on one thread)`, ...profile });
  }
}

async function measure(quick: boolean, only: ReadonlySet<SectionName>, command: string): Promise<BenchResults> {
  const settings = quick ? quickSettings : fullSettings;
  const results: BenchResults = {
    command,
    quick,
    startedAt: new Date().toISOString(),
    finishedAt: "",
    machine: describeMachine(repoRoot),
    loadAverageAtEnd: [],
    profiles: [],
    skipped: sectionNames.filter((name) => !only.has(name)).map((section) => ({ section, reason: "left out with --only" })),
  };
  if (only.has("calls") || only.has("mapping") || only.has("typecheck")) {
    log(`building the client as published (tsc -p tsconfig.build.json) into ${relative(repoRoot, builtDir)}…`);
    buildClient(repoRoot, builtDir);
  }
  if (only.has("calls") || only.has("mapping")) {
    const client = await importBuiltClient(builtDir);
    if (only.has("calls")) {
      await runCalls(results, settings, client);
    }
    if (only.has("mapping")) {
      log("mapping throughput…");
      results.mapping = measureMapping(mappingCases(client), settings.mapping);
    }
  }
  if (only.has("bundle")) {
    log("bundle sizes…");
    const clientEntry = {
      name: CLIENT_BUNDLE,
      source: `export * from ${JSON.stringify(join(repoRoot, "src/index.ts"))};`,
      displaySource: `export * from "together-clusters"; // src/index.ts, every public export`,
    };
    const createClientOnly = {
      name: "this client, createClient import only",
      source: `export { createClient } from ${JSON.stringify(join(repoRoot, "src/index.ts"))};`,
      displaySource: `export { createClient } from "together-clusters";`,
    };
    results.bundles = await measureBundles([clientEntry, createClientOnly, ...peerBundleEntries], repoRoot, join(workDir, "bundle"));
  }
  if (only.has("codegen")) {
    log("codegen (whole processes)…");
    results.codegen = measureCodegen(repoRoot, join(workDir, "codegen"), settings.codegenRuns, quick);
    profileCodegen(results);
  }
  if (only.has("codegen-scale")) {
    log("codegen scaling (5, 10, 50 MB specs; sync on the upstream document)…");
    results.codegenScale = measureCodegenScale(repoRoot, join(workDir, "codegen-scale"), quick, log);
  }
  if (only.has("typecheck")) {
    log("consumer type-check…");
    // The same build as the per-call section: its .d.ts files are what an installed consumer type-checks against.
    results.typecheck = measureTypecheck([...consumerCases, sdkConsumerCase], repoRoot, join(workDir, "typecheck"), settings.typecheckRuns, { declarations: builtDir });
  }
  if (only.has("waiter")) {
    log("waiter (simulated clock)…");
    results.waiter = await measureWaiter(quick ? 3 : 20);
  }
  results.finishedAt = new Date().toISOString();
  results.loadAverageAtEnd = loadavg().map((value) => Math.round(value * 100) / 100);
  return results;
}

async function main(): Promise<void> {
  let cli: ReturnType<typeof parseCli>;
  try {
    cli = parseCli(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (cli.help) {
    process.stdout.write(usage);
    return;
  }
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  const results = cli.fromJson
    ? (JSON.parse(readFileSync(resolve(cli.fromJson), "utf8")) as BenchResults)
    : await measure(cli.quick, cli.only, command);
  mkdirSync(workDir, { recursive: true });
  if (!cli.fromJson) {
    const json = join(workDir, cli.quick ? "results.quick.json" : "results.json");
    writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
    log(`raw results: ${json}`);
  }
  const analysisFile = join(repoRoot, "bench/analysis.md");
  writeFileSync(cli.out, renderReport(results, existsSync(analysisFile) ? readFileSync(analysisFile, "utf8") : undefined));
  log(`wrote ${cli.out}`);
}

await main();
