/** How long each section runs, for a full run and for `--quick` (a smoke run; its numbers are not for comparison). */
import type { InterleaveOptions } from "./calls/interleave.js";
import type { MappingOptions } from "./mapping.js";

/** Per-section sizes. */
export interface BenchSettings {
  readonly loopback: InterleaveOptions;
  readonly stub: InterleaveOptions;
  readonly mapping: MappingOptions;
  readonly codegenRuns: number;
  readonly typecheckRuns: number;
  readonly profileCalls: number;
  readonly primitives: { readonly rounds: number; readonly perRound: number };
}

export const fullSettings: BenchSettings = {
  loopback: { warmupCalls: 1_000, rounds: 8_000, callsPerBlock: 1 },
  stub: { warmupCalls: 5_000, rounds: 40_000, callsPerBlock: 1 },
  mapping: { rounds: 20, itemsPerRound: 20_000 },
  codegenRuns: 4,
  typecheckRuns: 5,
  profileCalls: 100_000,
  primitives: { rounds: 10, perRound: 2_000 },
};

export const quickSettings: BenchSettings = {
  loopback: { warmupCalls: 100, rounds: 200, callsPerBlock: 1 },
  stub: { warmupCalls: 500, rounds: 1_000, callsPerBlock: 1 },
  mapping: { rounds: 4, itemsPerRound: 2_000 },
  codegenRuns: 1,
  typecheckRuns: 1,
  profileCalls: 10_000,
  primitives: { rounds: 3, perRound: 300 },
};
