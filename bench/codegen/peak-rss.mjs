// Runs a Node script in this process and, when the process exits, writes its peak resident set size and CPU time as
// JSON to the file named by PEAK_RSS_OUT: `node bench/codegen/peak-rss.mjs codegen/generate.mjs --v2 … --out …`.
//
// In-process rather than as a child, because Node reports resource usage for its own process only, and that figure
// covers every thread of it: the generator's worker threads (openapi-typescript, ts-morph) share the process, so
// their memory is in this peak. Child processes of the script are not (the scale rows start none).
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [script, ...args] = process.argv.slice(2);
const out = process.env.PEAK_RSS_OUT;
if (!script || !out) throw new Error("usage: PEAK_RSS_OUT=<file.json> node bench/codegen/peak-rss.mjs <script> [args…]");
process.argv = [process.argv[0], resolve(script), ...args];
process.on("exit", () => {
  const usage = process.resourceUsage();
  // maxRSS is in kilobytes, CPU times in microseconds (summed over all threads).
  writeFileSync(out, JSON.stringify({ peakRssBytes: usage.maxRSS * 1024, cpuMillis: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});
await import(pathToFileURL(resolve(script)).href);
