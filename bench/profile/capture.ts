/** Runs a node command under `--cpu-prof` and summarizes the profile it leaves behind. */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { shellCommand } from "../lib/process-timing.js";
import { profileMarkdown, summarizeProfileFile } from "./summarize.js";

/** The exact command run and its summary as Markdown. */
export interface CapturedProfile {
  readonly command: string;
  readonly markdown: string;
}

/**
 * `node --cpu-prof --cpu-prof-dir=<dir> <nodeArgs…>` in `cwd`; when the process
 * leaves several profiles (a child process), the largest one is summarized.
 */
export function captureProfile(nodeArgs: readonly string[], cwd: string, dir: string, top = 12): CapturedProfile {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const argv = [process.execPath, "--cpu-prof", `--cpu-prof-dir=${dir}`, ...nodeArgs];
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`profile run failed (exit ${result.status}): ${shellCommand(argv)}\n${result.stderr.slice(-2000)}`);
  }
  const profiles = readdirSync(dir)
    .filter((file) => file.endsWith(".cpuprofile"))
    .map((file) => join(dir, file))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  const largest = profiles[0];
  if (!largest) {
    throw new Error(`profile run left no .cpuprofile in ${dir}: ${shellCommand(argv)}`);
  }
  const shown = ["node", ...argv.slice(1)].map((arg) => arg.replace(`${cwd}/`, ""));
  return { command: shellCommand(shown), markdown: profileMarkdown(summarizeProfileFile(largest, top)) };
}

/**
 * Runs bench/profile/hot-loop.ts for one contender (it profiles only its
 * timed loop and writes the file itself) and summarizes the result.
 */
export function captureHotLoopProfile(contender: string, calls: number, cwd: string, dir: string, top = 12): CapturedProfile {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "hot-loop.cpuprofile");
  const argv = [process.execPath, "--import", "tsx", "bench/profile/hot-loop.ts", contender, String(calls), file];
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`profile run failed (exit ${result.status}): ${shellCommand(argv)}\n${result.stderr.slice(-2000)}`);
  }
  const shown = ["npx", "tsx", ...argv.slice(3)].map((arg) => arg.replace(`${cwd}/`, ""));
  return { command: shellCommand(shown), markdown: profileMarkdown(summarizeProfileFile(file, top)) };
}
