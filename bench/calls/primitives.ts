/**
 * What the building blocks of one call cost on this machine, so the overhead
 * figures can be read as a budget: each row is one operation that some
 * contender performs per call (raw fetch over the stub pays only the first).
 */
import { clusterBodyBytes } from "../fixtures/cluster-bodies.js";
import { type Summary, summarize } from "../lib/stats.js";

/** Microseconds per operation, over rounds. */
export interface PrimitiveRow {
  readonly name: string;
  readonly micros: Summary;
}

const url = "http://127.0.0.1:9/compute/clusters/c-1";
const headers = { authorization: "Bearer key", accept: "application/json" };
const bodyText = clusterBodyBytes.v2.toString("utf8");
const bodyBytes = new Uint8Array(clusterBodyBytes.v2);

/** Each primitive returns a promise or a value; both are awaited alike. */
const primitives: readonly { name: string; run: () => unknown }[] = [
  { name: "new Response(2 KB bytes) + .json() (the stub + raw fetch's own work)", run: () => new Response(bodyBytes).json() },
  { name: "JSON.parse of the 2 KB body", run: () => JSON.parse(bodyText) },
  { name: "new Request(url, { headers }) (what openapi-fetch builds per call)", run: () => new Request(url, { headers }) },
  { name: "new Headers(record)", run: () => new Headers(headers) },
  // AbortSignal.timeout is left out: each one keeps a 60 s timer alive, which would tax every later row.
  { name: "new AbortController() + read .signal", run: () => new AbortController().signal },
  {
    name: "setTimeout + clearTimeout",
    run: () => clearTimeout(setTimeout(() => undefined, 60_000)),
  },
  { name: "new URL(url)", run: () => new URL(url) },
];

/** Interleaved rounds of `perRound` operations each; async results are awaited one by one. */
export async function measurePrimitives(rounds: number, perRound: number): Promise<PrimitiveRow[]> {
  const micros = new Map<string, number[]>(primitives.map((p) => [p.name, []]));
  for (let round = -1; round < rounds; round++) {
    for (const primitive of primitives) {
      const started = process.hrtime.bigint();
      for (let i = 0; i < perRound; i++) {
        await primitive.run();
      }
      // Round -1 is the warm-up.
      if (round >= 0) {
        micros.get(primitive.name)!.push(Number(process.hrtime.bigint() - started) / 1e3 / perRound);
      }
    }
  }
  return primitives.map((p) => ({ name: p.name, micros: summarize(micros.get(p.name)!) }));
}
