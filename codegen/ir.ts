/**
 * The intermediate model: the contract between the pipeline stages (load → normalize → merge → emit).
 * Types only. Every stage after `normalize` reads these shapes and nothing else from the specs, except the
 * emitters that hand the raw document to openapi-typescript and to the document snapshot.
 */

export type ApiVersion = "v1" | "v2";

/** The HTTP methods an OpenAPI path item can hold, lowercase as in the spec. */
export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** Where a model element came from, so reports and JSDoc can point back at the spec. */
export interface SourceRef {
  readonly version: ApiVersion;
  /** Spec path relative to the repo root, forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** JSON pointer in URI-fragment form, e.g. `#/components/schemas/Region/properties/name`. */
  readonly pointer: string;
}

/** JSON Schema primitive types (3.1 allows `null` as a type of its own). */
export type PrimitiveType = "string" | "integer" | "number" | "boolean" | "null";

/**
 * A schema after normalization. Spec quirks are gone: `nullable` and 3.1 `type: [x, "null"]` both become
 * `nullable`, `format: enum` is dropped, an `enum` without `type` is a string enum.
 * Descriptions are not part of the shape: two schemas that differ only in prose are structurally identical.
 */
export type SchemaShape =
  | { readonly kind: "ref"; readonly target: string; readonly nullable: boolean }
  | {
      readonly kind: "primitive";
      readonly type: PrimitiveType;
      readonly format?: string;
      /** String enum values in spec order; absent for a plain primitive. */
      readonly enumValues?: readonly string[];
      readonly nullable: boolean;
    }
  | {
      readonly kind: "object";
      readonly properties: readonly PropertyDef[];
      /** `false` when the spec does not allow or does not mention extra keys in a way we model. */
      readonly additionalProperties: SchemaShape | boolean;
      readonly nullable: boolean;
    }
  | { readonly kind: "array"; readonly items: SchemaShape; readonly nullable: boolean }
  | { readonly kind: "union" | "intersection"; readonly members: readonly SchemaShape[]; readonly nullable: boolean }
  | { readonly kind: "unknown"; readonly nullable: boolean };

/** One property of an object schema; `required` comes from the parent's `required` list. */
export interface PropertyDef {
  readonly name: string;
  readonly required: boolean;
  readonly schema: SchemaShape;
  readonly description?: string;
  readonly deprecated: boolean;
}

/** A named schema under `#/components/schemas`. */
export interface SchemaDef {
  readonly name: string;
  readonly shape: SchemaShape;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly source: SourceRef;
}

/** A string enum found anywhere in a spec; `name` is unqualified (no version prefix), see naming.ts. */
export interface EnumDef {
  readonly name: string;
  readonly version: ApiVersion;
  readonly values: readonly string[];
  readonly description?: string;
  readonly deprecated: boolean;
  readonly source: SourceRef;
}

/** Parameter Object `in`. */
export type ParameterLocation = "path" | "query" | "header" | "cookie";

/** A parameter after `$ref` resolution and path/operation-level merging. */
export interface ParameterDef {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly schema: SchemaShape;
  readonly description?: string;
  readonly deprecated: boolean;
}

/** One declared response of an operation. */
export interface ResponseDef {
  /** HTTP status code or `default`, as written in the spec. */
  readonly status: string;
  readonly description?: string;
  /** The JSON (or first) media type's schema; absent for bodiless responses. */
  readonly schema?: SchemaShape;
}

/** One operation of one spec. */
export interface OperationDef {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly path: `/${string}`;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly tags: readonly string[];
  readonly parameters: readonly ParameterDef[];
  readonly requestBody?: { readonly required: boolean; readonly schema?: SchemaShape };
  readonly responses: readonly ResponseDef[];
  readonly source: SourceRef;
}

/** One spec, normalized. All lists are sorted by code point (operations by operationId, schemas and enums by name). */
export interface ApiModel {
  readonly version: ApiVersion;
  readonly file: string;
  readonly sha256: string;
  readonly title: string;
  /** `info.version` of the spec. */
  readonly infoVersion: string;
  /** The `openapi` field, e.g. `3.0.3`. */
  readonly openapi: string;
  readonly operations: readonly OperationDef[];
  readonly schemas: readonly SchemaDef[];
  readonly enums: readonly EnumDef[];
  /** Located notes on what the generator accepted but a person should look at (printed and in merge-report.md). */
  readonly warnings?: readonly string[];
}

/** A difference between the v1 and v2 side of a paired operation or schema, as shown in the merge report. */
export type Difference =
  | {
      readonly kind: "only-in";
      readonly version: ApiVersion;
      readonly what: "field" | "parameter" | "response" | "request body";
      /** Dotted path inside the compared element, e.g. `volumes[].status`, or `query project_id`. */
      readonly path: string;
    }
  | { readonly kind: "enum-values"; readonly version: ApiVersion; readonly path: string; readonly values: readonly string[] }
  | { readonly kind: "required"; readonly path: string; readonly v1: boolean; readonly v2: boolean }
  | { readonly kind: "type"; readonly path: string; readonly v1: string; readonly v2: string };

/** How an operation pair came about; one-sided operations are `unpaired`. */
export type PairingReason = "config" | "same-operation-id" | "unpaired";

/** A unified operation: the v1 and/or v2 operation that do the same thing, and how they differ. */
export interface PairedOperation {
  /** Unified name, e.g. `clusterList`; see naming.ts for the rule used when the config does not name it. */
  readonly name: string;
  readonly pairedBy: PairingReason;
  readonly v1?: OperationDef;
  readonly v2?: OperationDef;
  readonly differences: readonly Difference[];
}

/** Same-named schemas of both specs (or of one), and how they differ. */
export interface PairedSchema {
  /** The schema name as written in the spec(s). */
  readonly name: string;
  readonly v1?: SchemaDef;
  readonly v2?: SchemaDef;
  /** Both sides exist and are structurally equal after `$ref` resolution (descriptions ignored). */
  readonly identical: boolean;
  /** The type names generated/models.ts gives this schema: one shared name when identical, else one per side. */
  readonly emittedNames: { readonly shared?: string; readonly v1?: string; readonly v2?: string };
  readonly differences: readonly Difference[];
}

/** Both specs side by side; the input of every emitter. */
export interface UnifiedModel {
  readonly v1: ApiModel;
  readonly v2: ApiModel;
  /** Sorted by unified name. */
  readonly operations: readonly PairedOperation[];
  /** Sorted by schema name. */
  readonly schemas: readonly PairedSchema[];
  /** Both specs' warnings and the pairing table's, in that order (printed and in merge-report.md). */
  readonly warnings?: readonly string[];
}
