/**
 * Profiles one per-call contender over the in-process stub: warms it up,
 * then samples only the timed loop with the inspector's CPU profiler (so
 * module loading and JIT warm-up stay out of the picture), and writes the
 * .cpuprofile to the given path. Used by run.ts when the overhead target is
 * missed, and by hand:
 *   npx tsx bench/profile/hot-loop.ts "this client, v2 adapter" 100000 .tmp/bench/client.cpuprofile [built-dir]
 * The client is the build in built-dir (default .tmp/bench/built, compiled first when absent), as the benchmark runs it.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { allContenders } from "../calls/all-contenders.js";
import { STUB_ORIGIN, stubFetch } from "../calls/stub-fetch.js";
import { buildClient, importBuiltClient } from "../lib/built-client.js";
import { repoRoot } from "../lib/repo.js";

const [name, callsText = "50000", output = "hot-loop.cpuprofile", builtArg] = process.argv.slice(2);
const builtDir = resolve(builtArg ?? join(repoRoot, ".tmp/bench/built"));
if (!existsSync(join(builtDir, "src/index.js"))) buildClient(repoRoot, builtDir);
const contenders = allContenders(await importBuiltClient(builtDir));
const contender = contenders.find((c) => c.name === name);
if (!contender) {
  throw new Error(`unknown contender ${JSON.stringify(name)}; known: ${contenders.map((c) => JSON.stringify(c.name)).join(", ")}`);
}
const calls = Number(callsText);
if (!Number.isInteger(calls) || calls < 1) {
  throw new Error(`calls must be a positive integer, got ${JSON.stringify(callsText)}`);
}
const call = contender.create(STUB_ORIGIN, stubFetch);
contender.check(await call());
for (let i = 0; i < Math.min(calls, 5_000); i++) {
  await call();
}

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.start");
for (let i = 0; i < calls; i++) {
  await call();
}
const { profile } = await session.post("Profiler.stop");
session.disconnect();
writeFileSync(output, JSON.stringify(profile));
