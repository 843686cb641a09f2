/**
 * Mapping throughput: already-parsed wire bodies in, unified objects out, in
 * a tight loop. JSON.parse of the same bytes runs beside it for scale (every
 * call pays that anyway).
 */
import { type Summary, summarize } from "./lib/stats.js";

/** A mapping to time over a fixed set of inputs. */
export interface MappingCase {
  readonly name: string;
  readonly inputs: readonly unknown[];
  readonly map: (input: unknown) => unknown;
}

/** Throughput over rounds. */
export interface MappingRow {
  readonly name: string;
  readonly perSecond: Summary;
  readonly microsPerItem: Summary;
}

/** Rounds and items mapped per case per round. */
export interface MappingOptions {
  readonly rounds: number;
  readonly itemsPerRound: number;
}

// Results go here so the optimizer cannot drop the work.
let sink: unknown;

function timeRound(mapping: MappingCase, items: number): number {
  const { inputs, map } = mapping;
  const started = process.hrtime.bigint();
  for (let i = 0; i < items; i++) {
    sink = map(inputs[i % inputs.length]);
  }
  return Number(process.hrtime.bigint() - started) / 1e3 / items;
}

/** Warms each case up, then interleaves one round of each per round. */
export function measureMapping(cases: readonly MappingCase[], options: MappingOptions): MappingRow[] {
  for (const mapping of cases) {
    if (mapping.inputs.length === 0) {
      throw new Error(`mapping "${mapping.name}": no inputs`);
    }
    timeRound(mapping, Math.min(options.itemsPerRound, 5_000));
  }
  const micros = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (let offset = 0; offset < cases.length; offset++) {
      const mapping = cases[(round + offset) % cases.length]!;
      micros.get(mapping.name)!.push(timeRound(mapping, options.itemsPerRound));
    }
  }
  if (sink === undefined) {
    throw new Error("mapping benchmark: no result was produced");
  }
  return cases.map((mapping) => {
    const perItem = micros.get(mapping.name)!;
    return { name: mapping.name, microsPerItem: summarize(perItem), perSecond: summarize(perItem.map((us) => 1e6 / us)) };
  });
}
