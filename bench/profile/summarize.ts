/**
 * Summarizes a V8 .cpuprofile (from `node --cpu-prof`): self time per
 * function and per package/file, so BENCHMARKS.md can say what a missed
 * target's cost is made of.
 *
 * CLI: tsx bench/profile/summarize.ts <file.cpuprofile>… [top=15]
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "../lib/repo.js";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** One line of a summary: a function or a group, its self time and share of the total. */
export interface HotSpot {
  readonly name: string;
  readonly selfMillis: number;
  readonly share: number;
}

/** Self time by function and by where the code lives, and inclusive time of the project's own functions. */
export interface ProfileSummary {
  readonly totalMillis: number;
  readonly functions: readonly HotSpot[];
  readonly locations: readonly HotSpot[];
  /** Time with the function anywhere on the stack (each sample counted once per function), for src/ and codegen/ code. */
  readonly ownInclusive: readonly HotSpot[];
}

const escapedRoot = repoRoot.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// The project's own code, whose inclusive time says which of its calls the self time is spent under.
const ownCode = new RegExp(`${escapedRoot}/(src|codegen)/`);
const inRepo = new RegExp(`${escapedRoot}/([^/]+/(?:[^/]+/)?)`);

function parseProfile(text: string, file: string): CpuProfile {
  const parsed = JSON.parse(text) as Partial<CpuProfile>;
  if (!Array.isArray(parsed.nodes) || !Array.isArray(parsed.samples) || !Array.isArray(parsed.timeDeltas)) {
    throw new Error(`${file}: not a V8 cpuprofile (expected nodes, samples and timeDeltas arrays)`);
  }
  return parsed as CpuProfile;
}

/** Where a frame's code lives, coarse enough to add up: a package, a repo folder, or a V8 pseudo-frame. */
export function locationOf(url: string): string {
  if (url === "") {
    return "(native / V8)";
  }
  // The innermost node_modules wins: a nested copy is charged to the package that owns the code.
  const packages = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  const innermost = packages[packages.length - 1];
  if (innermost) {
    return innermost[1]!;
  }
  if (url.startsWith("node:")) {
    return "node: internals";
  }
  const folder = inRepo.exec(url);
  return folder ? folder[1]! : url;
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\//, "").replace(/^.*\/node_modules\//, "").replace(`${repoRoot}/`, "");
}

function top(selfByKey: Map<string, number>, total: number, count: number): HotSpot[] {
  return [...selfByKey.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => ({ name, selfMillis: micros / 1000, share: micros / total }));
}

function frameLabel(frame: ProfileNode["callFrame"]): string {
  // Line 0 is what transpiled (tsx) modules report for every frame: no line is better than a wrong one.
  const line = frame.lineNumber > 0 ? `:${frame.lineNumber + 1}` : "";
  return `${frame.functionName || "(anonymous)"} ${frame.url ? `${shortUrl(frame.url)}${line}` : ""}`.trim();
}

/**
 * Adds up sample time per frame, leaving out `(idle)` (so shares are of CPU
 * time); `(program)` and `(garbage collector)` stay as their own rows. Several
 * profiles (one per thread of one process) add up.
 */
export function summarizeProfile(profiles: CpuProfile | readonly CpuProfile[], count = 15): ProfileSummary {
  const byFunction = new Map<string, number>();
  const byLocation = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, micros: number) => map.set(key, (map.get(key) ?? 0) + micros);
  let total = 0;
  const list: readonly CpuProfile[] = "nodes" in profiles ? [profiles] : profiles;
  for (const profile of list) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parents = new Map<number, number>();
    for (const node of profile.nodes) {
      for (const child of node.children ?? []) {
        parents.set(child, node.id);
      }
    }
    profile.samples.forEach((nodeId, index) => {
      const micros = profile.timeDeltas[index] ?? 0;
      const frame = nodes.get(nodeId)?.callFrame;
      // Idle samples are a thread waiting, not spending: with a loader or worker thread beside the main one, they
      // would swamp the shares.
      if (!frame || frame.functionName === "(idle)") {
        return;
      }
      total += micros;
      add(byFunction, frameLabel(frame), micros);
      add(byLocation, locationOf(frame.url.replace(/^file:\/\//, "")), micros);
      const onStack = new Set<string>();
      for (let id: number | undefined = nodeId; id !== undefined; id = parents.get(id)) {
        const ancestor = nodes.get(id)?.callFrame;
        if (ancestor && ownCode.test(ancestor.url)) {
          onStack.add(frameLabel(ancestor));
        }
      }
      for (const own of onStack) {
        add(inclusive, own, micros);
      }
    });
  }
  if (total === 0) {
    throw new Error("summarizeProfile: the profile has no samples");
  }
  return {
    totalMillis: total / 1000,
    functions: top(byFunction, total, count),
    locations: top(byLocation, total, count),
    ownInclusive: top(inclusive, total, count),
  };
}

/** Reads and summarizes .cpuprofile files (e.g. one per thread of a process) as one. */
export function summarizeProfileFile(files: string | readonly string[], count = 15): ProfileSummary {
  const list = typeof files === "string" ? [files] : files;
  return summarizeProfile(
    list.map((file) => parseProfile(readFileSync(file, "utf8"), file)),
    count,
  );
}

/** The summary as two Markdown tables. */
export function profileMarkdown(summary: ProfileSummary): string {
  const rows = (spots: readonly HotSpot[]) =>
    spots.map((s) => `| ${s.name.replace(/\|/g, "\\|")} | ${s.selfMillis.toFixed(1)} | ${(s.share * 100).toFixed(1)}% |`).join("\n");
  return [
    `${summary.totalMillis.toFixed(0)} ms of CPU samples (idle time left out).`,
    "",
    "| where (package / folder) | self ms | share |",
    "| --- | ---: | ---: |",
    rows(summary.locations),
    "",
    "| function | self ms | share |",
    "| --- | ---: | ---: |",
    rows(summary.functions),
    ...(summary.ownInclusive.length === 0
      ? []
      : ["", "| project function (src/, codegen/), inclusive | total ms | share |", "| --- | ---: | ---: |", rows(summary.ownInclusive)]),
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const countArg = args.length > 1 && /^\d+$/.test(args[args.length - 1]!) ? args.pop()! : "15";
  if (args.length === 0) {
    throw new Error("usage: tsx bench/profile/summarize.ts <file.cpuprofile>… [top=15]");
  }
  process.stdout.write(`${profileMarkdown(summarizeProfileFile(args.map((file) => resolve(file)), Number(countArg)))}\n`);
}
