/**
 * The spec differ's contract: what a change is, and the version bump it implies.
 * Inputs are already-parsed OpenAPI documents (3.0.x or 3.1.x) as plain JS values.
 */

/** Every change kind the differ reports. The list is the single source; `ChangeKind` is derived from it. */
export const changeKinds = [
  "path-added",
  "path-removed",
  "operation-added",
  "operation-removed",
  "operation-moved",
  "parameter-added",
  "parameter-removed",
  "parameter-renamed",
  "parameter-required",
  "parameter-optional",
  "request-body-added",
  "request-body-removed",
  "request-body-required",
  "request-body-optional",
  "response-added",
  "response-removed",
  "field-added",
  "field-removed",
  "field-renamed",
  "field-required",
  "field-optional",
  "type-changed",
  "format-changed",
  "enum-value-added",
  "enum-value-removed",
  "schema-renamed",
  "schema-moved",
  "schema-replaced",
  "servers-changed",
  "docs-changed",
  "extension-changed",
] as const;

export type ChangeKind = (typeof changeKinds)[number];

/** Semver bump levels, weakest first; a diff's bump is the strongest bump among its changes. */
export const bumpLevels = ["none", "patch", "minor", "major"] as const;
export type Bump = (typeof bumpLevels)[number];

/** One classified difference between two versions of a spec. */
export interface Change {
  readonly kind: ChangeKind;
  /** Where it happened, e.g. `POST /compute/clusters request body: cluster_name` or `GPUClusterInfo.status (response)`. */
  readonly location: string;
  /** True when code or requests written against the old spec can fail against the new one. */
  readonly breaking: boolean;
  /** One sentence for humans: what changed and why it is (not) breaking. */
  readonly message: string;
}

/** Result of comparing two versions of one spec. */
export interface DiffResult {
  readonly bump: Bump;
  readonly changes: readonly Change[];
}

/** Where a schema is used decides which direction of a change breaks callers. */
export type Direction = "request" | "response";

/** Loosely typed OpenAPI node: the differ reads specs from two OpenAPI versions, so it validates as it walks. */
export type JsonObject = { readonly [key: string]: unknown };
