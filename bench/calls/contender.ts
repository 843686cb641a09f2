/** The shape every per-call contender implements (see contenders.ts). */

/** The fetch signature contenders are built over: the global one or an in-process stub. */
export type FetchLike = typeof globalThis.fetch;

/** One way of doing "GET one cluster", built once per benchmark, then called many times. */
export interface Contender {
  /** Row label in BENCHMARKS.md. */
  readonly name: string;
  /** Which wire body the call receives; ratios compare against the baseline of the same version. */
  readonly apiVersion: "v1" | "v2";
  /** True for openapi-fetch alone: the denominator of every ratio of its version. */
  readonly baseline: boolean;
  /** Builds the client over `fetchImpl` against `origin` (scheme, host, port). */
  create(origin: string, fetchImpl: FetchLike): () => Promise<unknown>;
  /** Throws, saying what is wrong, unless `result` is this contender's view of the bench cluster. */
  check(result: unknown): void;
}

/** Throws a labelled error when a contender's result does not carry the expected cluster id. */
export function expectClusterId(contender: string, actual: unknown, expected: string): void {
  if (actual !== expected) {
    throw new Error(`${contender}: result has cluster id ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}

/** Row names of this client's contenders; targets.ts looks them up. */
export const CLIENT_V2 = "this client, v2 adapter";
export const CLIENT_V1 = "this client, v1 adapter";
