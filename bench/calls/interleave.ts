/**
 * Interleaved block timing: every round runs one block of sequential calls
 * per contender, in a fresh order each round, so that slow drift (CPU
 * frequency, neighbours on the machine, GC growth) hits every contender alike
 * instead of whichever happened to run last. The order is shuffled, not just
 * rotated: in a rotation each contender always follows the same neighbour,
 * and the garbage a heavy contender leaves behind would always be collected
 * on that neighbour's time. The shuffle is seeded, so a run is repeatable.
 */
import { seededRandom, shuffle } from "../lib/random.js";

/** A named async operation to time. */
export interface TimedCall {
  readonly name: string;
  readonly call: () => Promise<unknown>;
}

/** How long to run: warm-up calls per contender, then rounds × blocks of calls. */
export interface InterleaveOptions {
  readonly warmupCalls: number;
  readonly rounds: number;
  readonly callsPerBlock: number;
  /** Seed of the per-round shuffle (default 1). */
  readonly seed?: number;
}

/** Microseconds per call of each contender's block, one entry per round, keyed by name. */
export type PerRoundMicros = ReadonlyMap<string, readonly number[]>;

async function timeBlock(call: () => Promise<unknown>, calls: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    await call();
  }
  const elapsedNs = Number(process.hrtime.bigint() - started);
  return elapsedNs / 1_000 / calls;
}

/** Runs the warm-up, then the interleaved rounds; results stay in round order so they can be paired. */
export async function runInterleaved(contenders: readonly TimedCall[], options: InterleaveOptions): Promise<PerRoundMicros> {
  const names = new Set(contenders.map((c) => c.name));
  if (names.size !== contenders.length) {
    throw new Error(`runInterleaved: contender names must be unique, got ${contenders.map((c) => c.name).join(", ")}`);
  }
  for (const contender of contenders) {
    await timeBlock(contender.call, options.warmupCalls);
  }
  const perRound = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  const random = seededRandom(options.seed ?? 1);
  const order = [...contenders];
  for (let round = 0; round < options.rounds; round++) {
    for (const contender of shuffle(order, random)) {
      perRound.get(contender.name)!.push(await timeBlock(contender.call, options.callsPerBlock));
    }
  }
  return perRound;
}
