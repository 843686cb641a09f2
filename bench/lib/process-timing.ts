/** Wall-clock timing of whole processes (hyperfine is not installed here). */
import { spawnSync } from "node:child_process";
import { summarize, type Summary } from "./stats.js";

/** A command to run: argv[0] is the executable; shown verbatim in BENCHMARKS.md. */
export interface ProcessCommand {
  readonly label: string;
  readonly argv: readonly [string, ...string[]];
  readonly cwd: string;
  /** Exit codes that count as success (a `--check` that finds drift exits 1 on purpose). */
  readonly okExitCodes?: readonly number[];
  /** Untimed step before every run (e.g. removing an output folder so each run writes everything). */
  readonly prepare?: () => void;
}

/** Milliseconds per run, and what the last run printed (for parsing diagnostics). */
export interface ProcessTiming {
  readonly label: string;
  readonly command: string;
  readonly millis: Summary;
  readonly lastStdout: string;
  readonly lastExitCode: number;
}

/** Renders argv as a shell command a reader can paste. */
export function shellCommand(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(" ");
}

/** Runs the command `runs` (≥ 1) times after `warmups` untimed runs; fails loudly on an unexpected exit. */
export function timeProcess(command: ProcessCommand, runs: number, warmups = 1): ProcessTiming {
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`${command.label}: runs must be a positive integer, got ${runs}`);
  }
  const [executable, ...args] = command.argv;
  const ok = command.okExitCodes ?? [0];
  const samples: number[] = [];
  let lastStdout = "";
  let lastExitCode = 0;
  for (let i = 0; i < warmups + runs; i++) {
    command.prepare?.();
    const started = process.hrtime.bigint();
    const result = spawnSync(executable, args, { cwd: command.cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.error) {
      throw new Error(`${command.label}: could not run ${shellCommand(command.argv)}: ${result.error.message}`);
    }
    lastExitCode = result.status ?? -1;
    if (!ok.includes(lastExitCode)) {
      const output = `${result.stdout}\n${result.stderr}`.trim().slice(-2000);
      throw new Error(`${command.label}: ${shellCommand(command.argv)} exited ${lastExitCode} (cwd ${command.cwd}):\n${output}`);
    }
    lastStdout = result.stdout;
    if (i >= warmups) {
      samples.push(elapsed);
    }
  }
  return { label: command.label, command: shellCommand(command.argv), millis: summarize(samples), lastStdout, lastExitCode };
}
