/** Everything one bench run measured; run.ts fills it, report.ts renders it. */
import type { BundleRow } from "./bundle.js";
import type { ParseRow } from "./codegen/parse-cost.js";
import type { CodegenScaleResult } from "./codegen/scale.js";
import type { PrimitiveRow } from "./calls/primitives.js";
import type { CallSuiteResult } from "./calls/suite.js";
import type { MachineInfo } from "./lib/machine.js";
import type { ProcessTiming } from "./lib/process-timing.js";
import type { MappingRow } from "./mapping.js";
import type { TypecheckRow } from "./typecheck.js";
import type { WaiterResults } from "./waiter.js";

/** One spec fed to the codegen benchmark. */
export interface SpecInput {
  readonly name: string;
  readonly file: string;
  readonly bytes: number;
}

/** One codegen command's timing; `scriptArgs` are its arguments after the runner (tsx's CLI or openapi-typescript's). */
export interface CodegenTiming extends ProcessTiming {
  readonly scriptArgs: readonly string[];
}

/** Whole-process codegen timings and which pairs of rows are compared against a target. */
export interface CodegenResult {
  readonly runs: number;
  readonly specs: readonly SpecInput[];
  readonly rows: readonly CodegenTiming[];
  readonly comparisons: readonly { readonly ours: string; readonly theirs: string; readonly target: string }[];
  /** In-process parse time of the large spec with each parser. */
  readonly parse: { readonly file: string; readonly runs: number; readonly rows: readonly ParseRow[] };
}

/** A profile summary attached to a missed target. */
export interface ProfileSection {
  readonly title: string;
  readonly command: string;
  readonly markdown: string;
}

/** A section that could not be measured, and why (shown in the report instead of numbers). */
export interface Skipped {
  readonly section: string;
  readonly reason: string;
}

/** The whole run. */
export interface BenchResults {
  readonly command: string;
  readonly quick: boolean;
  readonly startedAt: string;
  finishedAt: string;
  readonly machine: MachineInfo;
  loadAverageAtEnd: readonly number[];
  perCall?: CallSuiteResult;
  overhead?: CallSuiteResult;
  primitives?: readonly PrimitiveRow[];
  mapping?: readonly MappingRow[];
  bundles?: readonly BundleRow[];
  codegen?: CodegenResult;
  codegenScale?: CodegenScaleResult;
  typecheck?: readonly TypecheckRow[];
  waiter?: WaiterResults;
  readonly profiles: ProfileSection[];
  readonly skipped: Skipped[];
}
