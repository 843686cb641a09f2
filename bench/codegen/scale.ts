/**
 * Codegen scaling (issue 13's performance targets), whole processes:
 * - the generator (package.json's `generate` command, project v1 + a synthetic v2) on synthetic specs of about 5, 10
 *   and 50 MB: wall time, CPU time and peak RSS of the process (all threads; bench/codegen/peak-rss.mjs);
 * - `npm run sync` + generate on Together's whole upstream document beside openapi-typescript's CLI on that document.
 * Rounds are interleaved (every size once per round) so drift on a shared machine hits all sizes alike.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { loadavg } from "node:os";
import { spawnSync } from "node:child_process";
import { shellCommand } from "../lib/process-timing.js";
import { summarize, type Summary } from "../lib/stats.js";
import { writeSyntheticSpec } from "./synthetic-spec.js";

/**
 * Synthetic spec sizes (resources → MB of YAML, OpenAPI 3.1.0): 470 ≈ 5.0 MB, 940 ≈ 10.0 MB, 4700 ≈ 50.4 MB. The
 * 50 MB spec runs as often as the others: its memory target is judged on the largest peak, and how the threads'
 * peaks line up varies from run to run (2.2–3.35 GB in single runs before the main heap was compacted).
 */
const fullSizes = [
  { name: "5 MB", resources: 470, runs: 3 },
  { name: "10 MB", resources: 940, runs: 3 },
  { name: "50 MB", resources: 4700, runs: 3 },
] as const;
/** --quick: a tenth of each, one run: checks the section works, its figures mean nothing. */
const quickSizes = fullSizes.map((size) => ({ name: `${size.name} ÷ 10`, resources: size.resources / 10, runs: 1 }));

/** Together's whole published document, kept outside the repo (the sync comparison is skipped without it). */
const UPSTREAM_DOCUMENT = "shared/reference/v2-openapi/upstream/openapi.yaml";

/** $BENCH_UPSTREAM_OPENAPI, else `../shared/…` next to the checkout (or next to its worktrees folder). */
function findUpstream(repoRoot: string): string | undefined {
  const candidates = [process.env.BENCH_UPSTREAM_OPENAPI, join(repoRoot, "..", UPSTREAM_DOCUMENT), join(repoRoot, "../..", UPSTREAM_DOCUMENT)];
  return candidates.find((path): path is string => path !== undefined && path !== "" && existsSync(path));
}

/** One generator run's figures. */
interface RunFigures {
  readonly millis: number;
  readonly cpuMillis: number;
  readonly peakRssBytes: number;
}

/** The generator on one synthetic size. */
export interface ScaleRow {
  readonly name: string;
  readonly file: string;
  readonly bytes: number;
  readonly command: string;
  readonly millis: Summary;
  readonly cpuMillis: Summary;
  /** Peak RSS of each run, in bytes: targets are judged on the largest. */
  readonly peakRssBytes: Summary;
}

/** sync + generate against openapi-typescript's CLI on the upstream document. */
export interface SyncComparison {
  readonly file: string;
  readonly bytes: number;
  readonly ours: { readonly command: string; readonly millis: Summary };
  readonly theirs: { readonly command: string; readonly millis: Summary };
}

export interface CodegenScaleResult {
  readonly rows: readonly ScaleRow[];
  readonly sync?: SyncComparison;
  /** Why the sync comparison is missing, when it is. */
  readonly syncSkipped?: string;
  /** 1-minute load average before and after the section (the machine is shared; timings are only as quiet as it). */
  readonly loadAverage: readonly [number, number];
}

/** A package.json script's command as argv without npm: `node x` runs this node, anything else its node_modules/.bin. */
function scriptCommand(repoRoot: string, name: string): string[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { scripts?: Record<string, unknown> };
  const script = manifest.scripts?.[name];
  if (typeof script !== "string") throw new Error(`package.json has no "${name}" script`);
  const [program = "", ...args] = script.trim().split(/\s+/);
  return [program === "node" ? process.execPath : join(repoRoot, "node_modules/.bin", program), ...args];
}

/** Runs argv to completion; fails loudly on a non-zero exit. Returns the wall time in ms. */
function run(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): number {
  const [executable = "", ...args] = argv;
  const started = process.hrtime.bigint();
  const result = spawnSync(executable, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const millis = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error || result.status !== 0) {
    const output = `${result.stdout ?? ""}\n${result.stderr ?? ""}`.trim().slice(-2000);
    throw new Error(`${shellCommand(argv)} exited ${result.status ?? result.error?.message} (cwd ${cwd}):\n${output}`);
  }
  return millis;
}

function display(repoRoot: string, argv: readonly string[]): string {
  return shellCommand([argv[0] === process.execPath ? "node" : relative(repoRoot, argv[0] ?? ""), ...argv.slice(1)]);
}

/** The generator on each synthetic size, plus the sync comparison; `quick` shrinks every size tenfold. */
export function measureCodegenScale(repoRoot: string, workDir: string, quick: boolean, log: (message: string) => void): CodegenScaleResult {
  const loadBefore = loadavg()[0] ?? 0;
  mkdirSync(workDir, { recursive: true });
  const rel = (path: string) => relative(repoRoot, path);
  const generate = scriptCommand(repoRoot, "generate");
  const sizes = (quick ? quickSizes : fullSizes).map((size) => {
    const file = join(workDir, `synthetic-${size.resources}.yaml`);
    if (!existsSync(file)) writeSyntheticSpec(file, size.resources, "3.1.0");
    const out = join(workDir, `out-${size.resources}`);
    // The figures file is written by the wrapper at exit; the command shown is the generator's own.
    const figures = join(workDir, `figures-${size.resources}.json`);
    const argv = [process.execPath, join(repoRoot, "bench/codegen/peak-rss.mjs"), ...generate.slice(1), "--v2", rel(file), "--out", rel(out)];
    return { ...size, file, out, figures, argv, samples: [] as RunFigures[] };
  });
  // Builds the cached bundle of codegen/ (codegen/bundle.mjs) first, so no timed run pays for it.
  run([...generate, "--help"], repoRoot);
  const rounds = Math.max(...sizes.map((size) => size.runs));
  for (let round = 0; round < rounds; round++) {
    for (const size of sizes.filter((s) => round < s.runs)) {
      log(`codegen scale: ${size.name}, run ${round + 1} of ${size.runs}…`);
      // A fresh folder every run, so every run emits and writes every file.
      rmSync(size.out, { recursive: true, force: true });
      rmSync(size.figures, { force: true });
      const millis = run(size.argv, repoRoot, { ...process.env, PEAK_RSS_OUT: size.figures });
      const { peakRssBytes, cpuMillis } = JSON.parse(readFileSync(size.figures, "utf8")) as Omit<RunFigures, "millis">;
      size.samples.push({ millis, cpuMillis, peakRssBytes });
    }
  }
  const rows: ScaleRow[] = sizes.map((size) => ({
    name: size.name,
    file: rel(size.file),
    bytes: statSync(size.file).size,
    command: display(repoRoot, [process.execPath, ...size.argv.slice(2)]),
    millis: summarize(size.samples.map((s) => s.millis)),
    cpuMillis: summarize(size.samples.map((s) => s.cpuMillis)),
    peakRssBytes: summarize(size.samples.map((s) => s.peakRssBytes)),
  }));
  const upstream = findUpstream(repoRoot);
  if (upstream === undefined) {
    return { rows, syncSkipped: `no ../${UPSTREAM_DOCUMENT} (set BENCH_UPSTREAM_OPENAPI)`, loadAverage: [loadBefore, loadavg()[0] ?? 0] };
  }
  log("codegen scale: sync + generate vs openapi-typescript on the upstream document…");
  const sync = measureSync(repoRoot, workDir, upstream, quick ? 1 : 5);
  return { rows, sync, loadAverage: [loadBefore, loadavg()[0] ?? 0] };
}

/**
 * `npm run sync -- --from <upstream>` (package.json's `sync` command without npm, as the generator rows run
 * `generate`) into a copy of specs/ and a fresh --out folder, so the repository is never touched and every run writes
 * every file; against openapi-typescript's CLI writing its one file. One untimed warm-up each, interleaved rounds.
 */
function measureSync(repoRoot: string, workDir: string, upstream: string, runs: number): SyncComparison {
  const rel = (path: string) => relative(repoRoot, path);
  const specs = join(workDir, "specs");
  const out = join(workDir, "out-sync");
  const ours = [...scriptCommand(repoRoot, "sync"), "--from", rel(upstream), "--specs", rel(specs), "--out", rel(out)];
  const theirs = [process.execPath, "node_modules/openapi-typescript/bin/cli.js", rel(upstream), "-o", rel(join(workDir, "ots-upstream.ts"))];
  const samples = { ours: [] as number[], theirs: [] as number[] };
  for (let round = 0; round <= runs; round++) {
    rmSync(specs, { recursive: true, force: true });
    cpSync(join(repoRoot, "specs"), specs, { recursive: true });
    rmSync(out, { recursive: true, force: true });
    const oursMillis = run(ours, repoRoot);
    const theirsMillis = run(theirs, repoRoot);
    if (round > 0) {
      samples.ours.push(oursMillis);
      samples.theirs.push(theirsMillis);
    }
  }
  return {
    file: rel(upstream),
    bytes: statSync(upstream).size,
    ours: { command: display(repoRoot, ours), millis: summarize(samples.ours) },
    theirs: { command: display(repoRoot, theirs), millis: summarize(samples.theirs) },
  };
}
