/**
 * Codegen, whole processes: this project's pipeline (package.json's
 * `generate` script, `node codegen/generate.mjs`) beside openapi-typescript's
 * CLI alone, on the project's specs and on a synthetic multi-MB spec.
 * Commands run interleaved by round so drift hits all alike.
 */
import { readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { summarize } from "../lib/stats.js";
import { type ProcessCommand, type ProcessTiming, shellCommand, timeProcess } from "../lib/process-timing.js";
import type { CodegenResult, SpecInput } from "../results.js";
import { measureParseCost } from "./parse-cost.js";
import { writeSyntheticSpec } from "./synthetic-spec.js";

/** Resources in the synthetic spec; 400 gives about 4.3 MB of YAML. */
export const SYNTHETIC_RESOURCES = 400;

/**
 * What `npm run generate` runs, as argv for spawnSync (without npm's own
 * start-up, which the "through npm" row adds back): read from package.json so
 * the benchmark follows the script.
 */
function generateCommand(repoRoot: string): [string, ...string[]] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { scripts?: Record<string, unknown> };
  const script = manifest.scripts?.["generate"];
  if (typeof script !== "string" || !/^node\s/.test(script)) {
    throw new Error(`package.json scripts.generate is ${JSON.stringify(script)}; the codegen benchmark expects a "node …" command`);
  }
  return [process.execPath, ...script.trim().split(/\s+/).slice(1)];
}

/**
 * A generator command's argv from its TypeScript entry on: `codegen/generate.mjs` (the plain-JS launcher behind
 * `npm run generate`) and `codegen/main.ts` run the same CLI, and profiles load the TypeScript entry under tsx.
 * Other commands (never profiled): from their third element on, as before.
 */
function profileScriptArgs(argv: readonly string[]): string[] {
  const launcher = argv.indexOf("codegen/generate.mjs");
  if (launcher >= 0) return ["codegen/main.ts", ...argv.slice(launcher + 1)];
  return argv.slice(Math.max(argv.indexOf("codegen/main.ts"), 2));
}

/** npm's own CLI, next to the node running this (how `npm run` is invoked here). */
function npmCommand(): string {
  return process.platform === "win32" ? "npm.cmd" : "npm";
}

interface Plan {
  readonly commands: ProcessCommand[];
  readonly comparisons: CodegenResult["comparisons"];
  readonly specs: SpecInput[];
  readonly largeSpec: string;
}

function plan(repoRoot: string, workDir: string, quick: boolean): Plan {
  const rel = (path: string) => relative(repoRoot, path);
  const ots = join(repoRoot, "node_modules/openapi-typescript/bin/cli.js");
  const large = { v2: join(workDir, "synthetic-v2.yaml") };
  const resources = quick ? 60 : SYNTHETIC_RESOURCES;
  writeSyntheticSpec(large.v2, resources, "3.1.0");
  const project = { v1: join(repoRoot, "specs/v1.yaml"), v2: join(repoRoot, "specs/v2.yaml") };
  const specs: SpecInput[] = [
    { name: "project v1", file: rel(project.v1), bytes: statSync(project.v1).size },
    { name: "project v2", file: rel(project.v2), bytes: statSync(project.v2).size },
    { name: `synthetic v2 (${resources} resources, OpenAPI 3.1.0)`, file: rel(large.v2), bytes: statSync(large.v2).size },
  ];
  const generate = generateCommand(repoRoot);
  const ours = (label: string, out: string, extra: string[]): ProcessCommand => ({
    label,
    argv: [...generate, ...extra, "--out", rel(join(workDir, out))],
    cwd: repoRoot,
    // A fresh folder every run, so every run emits and writes every file.
    prepare: () => rmSync(join(workDir, out), { recursive: true, force: true }),
  });
  const theirs = (label: string, spec: string, out: string): ProcessCommand => ({
    label,
    argv: [process.execPath, ots, rel(spec), "-o", rel(join(workDir, out))],
    cwd: repoRoot,
  });
  const commands: ProcessCommand[] = [
    ours("ours: v1 + v2 project specs → write", "out-project", []),
    {
      // The cached bundle of codegen/ (codegen/bundle.mjs) is rebuilt on the first run after any codegen/ change;
      // every other row runs with it in place, as every regeneration after a spec change does.
      ...ours("ours: first run after a codegen/ change (bundle rebuilt) → write", "out-cold", []),
      prepare: () => {
        rmSync(join(repoRoot, ".tmp/codegen-bundle"), { recursive: true, force: true });
        rmSync(join(workDir, "out-cold"), { recursive: true, force: true });
      },
    },
    {
      label: "ours through npm: npm run generate -- --out … → write",
      argv: [npmCommand(), "run", "--silent", "generate", "--", "--out", rel(join(workDir, "out-npm"))],
      cwd: repoRoot,
      prepare: () => rmSync(join(workDir, "out-npm"), { recursive: true, force: true }),
    },
    {
      label: "ours: --check against generated/",
      argv: [...generate, "--check"],
      cwd: repoRoot,
      // 1 = drift found, still a complete run; others may be mid-change in generated/.
      okExitCodes: [0, 1],
    },
    // --help: the fixed start-up cost under each figure. openapi-typescript's CLI imports everything first; ours
    // lazy-loads the pipeline, so its row is node, the bundled CLI shell and two worker threads started and ended.
    { label: "ours: start-up only (--help)", argv: [...generate, "--help"], cwd: repoRoot },
    { label: "openapi-typescript: start-up only (--help)", argv: [process.execPath, ots, "--help"], cwd: repoRoot },
    theirs("openapi-typescript: project v2", project.v2, "ots-v2.ts"),
    theirs("openapi-typescript: project v1", project.v1, "ots-v1.ts"),
    ours("ours: project v1 + synthetic v2 → write", "out-large", ["--v2", rel(large.v2)]),
    theirs("openapi-typescript: synthetic v2", large.v2, "ots-large-v2.ts"),
  ];
  const comparisons = [
    { ours: "ours: v1 + v2 project specs → write", theirs: "openapi-typescript: project v2", target: "whole pipeline ≤ openapi-typescript on one spec" },
    { ours: "ours: --check against generated/", theirs: "openapi-typescript: project v2", target: "(--check, informative)" },
    {
      ours: "ours: first run after a codegen/ change (bundle rebuilt) → write",
      theirs: "openapi-typescript: project v2",
      target: "(first run after a codegen/ change, informative)",
    },
    { ours: "ours: start-up only (--help)", theirs: "openapi-typescript: start-up only (--help)", target: "(start-up floor, informative)" },
    { ours: "ours: project v1 + synthetic v2 → write", theirs: "openapi-typescript: synthetic v2", target: "large spec ≤ openapi-typescript on it" },
  ];
  return { commands, comparisons, specs, largeSpec: large.v2 };
}

/** Times every command `runs` times (one untimed warm-up each, for the disk cache and tsx's transform cache). */
export function measureCodegen(repoRoot: string, workDir: string, runs: number, quick: boolean): CodegenResult {
  const { commands, comparisons, specs, largeSpec } = plan(repoRoot, workDir, quick);
  const samples = new Map<string, number[]>(commands.map((c) => [c.label, []]));
  const last = new Map<string, ProcessTiming>();
  for (let round = 0; round < runs; round++) {
    for (const command of commands) {
      const timing = timeProcess(command, 1, round === 0 ? 1 : 0);
      samples.get(command.label)!.push(timing.millis.median);
      last.set(command.label, timing);
    }
  }
  const rows = commands.map((command) => ({
    ...last.get(command.label)!,
    command: shellCommand([command.argv[0] === process.execPath ? "node" : command.argv[0], ...command.argv.slice(1).map((arg) => arg.replace(`${repoRoot}/`, ""))]),
    // From the script on, for re-running it under a profiler (bench/run.ts swaps in single-thread-entry.ts).
    scriptArgs: profileScriptArgs(command.argv),
    millis: summarize(samples.get(command.label)!),
  }));
  const parseRuns = Math.min(runs, 3);
  const parse = { file: relative(repoRoot, largeSpec), runs: parseRuns, rows: measureParseCost(largeSpec, repoRoot, parseRuns) };
  return { runs, specs, rows, comparisons, parse };
}
