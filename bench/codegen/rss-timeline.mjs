// Where and when a generator run holds its memory: `node bench/codegen/rss-timeline.mjs codegen/generate.mjs --v2 … --out …`.
//
// Runs the script in a child `node --trace-gc`, samples the child's resident set (/proc/<pid>/status, Linux only)
// every 50 ms, and prints the RSS over time, the process's high-water mark, and every full collection of each V8
// isolate (the main thread and each worker thread has its own heap): its time, heap used before → after and the
// committed heap. Committed heap is what a thread holds in RSS; a thread whose committed heap stays far above what it
// uses after a collection is holding memory the others could use. Isolates are named by V8's address, in order of
// appearance; the one that parses the YAML (the largest heap in the first seconds) is the main thread.
// Times are seconds since the child started (GC times: since its isolate started, a few ms later for workers).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const argv = process.argv.slice(2);
if (argv.length === 0 || process.platform !== "linux") {
  throw new Error("usage (Linux): node bench/codegen/rss-timeline.mjs <script> [args…]");
}
const started = Date.now();
const child = spawn(process.execPath, ["--trace-gc", ...argv], { stdio: ["ignore", "pipe", "pipe"] });

/** `[pid:0xADDR]   1234 ms: Mark-Compact 1754.3 (1810.0) -> 722.3 (1081.9) MB, …` */
const FULL_GC = /^\[\d+:(0x[0-9a-f]+)\]\s+(\d+) ms: (Mark-Compact|Mark-sweep)[^\d]*([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB, ([\d.]+) \//;
const isolates = new Map();
const other = [];
let pending = "";
const onText = (text) => {
  pending += text;
  const lines = pending.split("\n");
  pending = lines.pop() ?? "";
  for (const line of lines) {
    const gc = FULL_GC.exec(line);
    if (gc) {
      const [, isolate, at, kind, usedBefore, committedBefore, usedAfter, committedAfter, pauseMs] = gc;
      if (!isolates.has(isolate)) isolates.set(isolate, []);
      isolates.get(isolate).push({ at: Number(at) / 1000, kind, usedBefore, committedBefore, usedAfter, committedAfter, pauseMs });
    } else if (!/ms: (Scavenge|Minor)/.test(line) && line.trim() !== "") other.push(line);
  }
};
child.stdout.setEncoding("utf8").on("data", onText);
child.stderr.setEncoding("utf8").on("data", onText);

const samples = [];
let highWater = 0;
const sample = () => {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    highWater = Math.max(highWater, Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024);
    samples.push({ at: (Date.now() - started) / 1000, rss });
  } catch {
    // The child has exited between two samples.
  }
};
const timer = setInterval(sample, 50);

child.on("exit", (code) => {
  clearInterval(timer);
  const gb = (bytes) => (bytes / 1e9).toFixed(2);
  const peak = samples.reduce((best, s) => (s.rss > best.rss ? s : best), { at: 0, rss: 0 });
  console.log(`exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s; high-water RSS ${gb(highWater)} GB; largest sample ${gb(peak.rss)} GB at ${peak.at.toFixed(1)} s`);
  console.log("\nRSS (GB) every 2 s:");
  const every = samples.filter((s, i) => i === 0 || Math.floor(s.at / 2) !== Math.floor(samples[i - 1].at / 2));
  console.log(every.map((s) => `${s.at.toFixed(0)}s ${gb(s.rss)}`).join(" · "));
  let index = 0;
  for (const [isolate, collections] of isolates) {
    console.log(`\nisolate ${++index} (${isolate}): full collections, MB used before → after (committed before → after), pause`);
    for (const c of collections) {
      console.log(`  ${c.at.toFixed(1).padStart(6)} s  ${c.kind}  ${c.usedBefore} → ${c.usedAfter}  (${c.committedBefore} → ${c.committedAfter})  ${c.pauseMs} ms`);
    }
  }
  if (code !== 0) console.log(`\nthe script's output:\n${other.slice(-20).join("\n")}`);
  process.exitCode = code ?? 1;
});
