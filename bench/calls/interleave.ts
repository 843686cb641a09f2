/**
 * Interleaved block timing: every round runs one block of sequential calls
 * per contender, starting the rotation one place later each round, so that
 * slow drift (CPU frequency, neighbours on the machine, GC growth) hits every
 * contender alike instead of whichever happened to run last.
 */

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
  for (let round = 0; round < options.rounds; round++) {
    for (let offset = 0; offset < contenders.length; offset++) {
      const contender = contenders[(round + offset) % contenders.length]!;
      perRound.get(contender.name)!.push(await timeBlock(contender.call, options.callsPerBlock));
    }
  }
  return perRound;
}
