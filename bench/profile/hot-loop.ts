/**
 * Runs one per-call contender over the in-process stub in a tight loop, for
 * `node --cpu-prof` to sample. Used by run.ts when the overhead target is
 * missed, and by hand:
 *   node --cpu-prof --cpu-prof-dir=.tmp/bench/profiles --import tsx bench/profile/hot-loop.ts "<contender>" 50000
 */
import { allContenders } from "../calls/all-contenders.js";
import { STUB_ORIGIN, stubFetch } from "../calls/stub-fetch.js";

const [name, callsText = "50000"] = process.argv.slice(2);
const contender = allContenders.find((c) => c.name === name);
if (!contender) {
  throw new Error(`unknown contender ${JSON.stringify(name)}; known: ${allContenders.map((c) => JSON.stringify(c.name)).join(", ")}`);
}
const calls = Number(callsText);
if (!Number.isInteger(calls) || calls < 1) {
  throw new Error(`calls must be a positive integer, got ${JSON.stringify(callsText)}`);
}
const call = contender.create(STUB_ORIGIN, stubFetch);
contender.check(await call());
for (let i = 0; i < calls; i++) {
  await call();
}
