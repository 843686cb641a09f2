/** Runs a node command under `--cpu-prof` and summarizes the profile it leaves behind. */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { shellCommand } from "../lib/process-timing.js";
import { profileMarkdown, summarizeProfileFile } from "./summarize.js";

/** The exact command run and its summary as Markdown. */
export interface CapturedProfile {
  readonly command: string;
  readonly markdown: string;
}

/**
 * `node --cpu-prof --cpu-prof-dir=<dir> <nodeArgs…>` in `cwd`. Node writes one
 * profile per thread (workers included); they are summarized together.
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
    .map((file) => join(dir, file));
  if (profiles.length === 0) {
    throw new Error(`profile run left no .cpuprofile in ${dir}: ${shellCommand(argv)}`);
  }
  const shown = ["node", ...argv.slice(1)].map((arg) => arg.replace(`${cwd}/`, ""));
  const threads = profiles.length > 1 ? `${profiles.length} threads (main, plus tsx's module-loader thread), summed.\n\n` : "";
  return { command: shellCommand(shown), markdown: threads + profileMarkdown(summarizeProfileFile(profiles, top)) };
}

/**
 * Runs bench/profile/hot-loop.ts for one contender (it profiles only its
 * timed loop and writes the file itself) and summarizes the result.
 */
export function captureHotLoopProfile(contender: string, calls: number, cwd: string, dir: string, builtDir: string, top = 12): CapturedProfile {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "hot-loop.cpuprofile");
  const argv = [process.execPath, "--import", "tsx", "bench/profile/hot-loop.ts", contender, String(calls), file, builtDir];
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`profile run failed (exit ${result.status}): ${shellCommand(argv)}\n${result.stderr.slice(-2000)}`);
  }
  const shown = ["npx", "tsx", ...argv.slice(3)].map((arg) => arg.replace(`${cwd}/`, ""));
  return { command: shellCommand(shown), markdown: profileMarkdown(summarizeProfileFile(file, top)) };
}
