/** What the numbers were measured on, for the header of BENCHMARKS.md. */
import { execFileSync } from "node:child_process";
import { cpus, loadavg, release, totalmem, type } from "node:os";

/** Machine, runtime and repository state at the start of a run. */
export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly loadAverage: readonly number[];
  readonly gitCommit: string;
  readonly gitDirty: boolean;
}

function git(repoRoot: string, args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

/** Reads the machine description; git fields are empty outside a checkout. */
export function describeMachine(repoRoot: string): MachineInfo {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? "unknown",
    cores: processors.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
    gitCommit: git(repoRoot, ["rev-parse", "--short", "HEAD"]) || "unknown",
    gitDirty: git(repoRoot, ["status", "--porcelain", "--", "src", "generated", "codegen", "bench"]) !== "",
  };
}
