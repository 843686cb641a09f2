/**
 * Every identifier rule of the generator, in one place.
 *
 * Enum names (generated/enums.ts) are derived from where the enum sits in the spec, never from its values, so that
 * adding a schema or an enum elsewhere can never rename an existing export:
 *
 * | location                                                     | name part                          |
 * | ------------------------------------------------------------ | ---------------------------------- |
 * | `#/components/schemas/<S>`                                   | `<S>` (verbatim if a valid identifier) |
 * | `…/properties/<p>`                                           | `+ Pascal(p)` (`gpu_type` → `GpuType`) |
 * | `…/items`                                                    | `+ Item`                           |
 * | `…/additionalProperties`                                     | `+ Value`                          |
 * | `…/allOf/<i>`, `…/oneOf/<i>`, `…/anyOf/<i>`                  | `+ AllOf<i>`, `+ OneOf<i>`, `+ AnyOf<i>` |
 * | operation parameter `<p>` of operation `<id>`                | `Pascal(id) + Pascal(p) + Param` (a path-level parameter: the first operation of the path, in method order) |
 * | `#/components/parameters/<P>`                                | `Pascal(P) + Param`                |
 * | inline request body of operation `<id>`                      | `Pascal(id) + RequestBody`         |
 * | inline response `<status>` of operation `<id>`               | `Pascal(id) + Response + <status>` (`default` → `Default`) |
 * | `#/components/requestBodies/<R>`, `#/components/responses/<R>` | `Pascal(R) + RequestBody`, `Pascal(R) + Response` |
 *
 * The exported pair is then `v1<Name>Values` / `V1<Name>` (resp. v2). Two locations that would get the same name
 * are a CodegenError, never a silent rename.
 *
 * Unified operation names come from codegen/config.ts. An operation the config does not mention is named
 * `camel(operationId)` (`availabilityZones` → `availabilityZones`, `Foo_Bar` → `fooBar`).
 */

/** `gpu_type` → `GpuType`, `driverVersion` → `DriverVersion`, `GPUClusterService_List` → `GPUClusterServiceList`. */
export function pascalCase(raw: string): string {
  const words = raw.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
  const joined = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  if (joined === "") return "Unnamed";
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** `GPUClusterService_List` → `gpuClusterServiceList`; a leading acronym is lowercased as a whole. */
export function camelCase(raw: string): string {
  const pascal = pascalCase(raw);
  if (pascal.startsWith("_")) return pascal; // began with a digit: the "_" keeps it an identifier
  const leadingCaps = /^[A-Z]+/.exec(pascal)?.[0] ?? "";
  if (leadingCaps.length <= 1) return pascal.charAt(0).toLowerCase() + pascal.slice(1);
  // "GPUCluster": keep the last capital, it starts the next word.
  const acronymLength = leadingCaps.length === pascal.length ? leadingCaps.length : leadingCaps.length - 1;
  return pascal.slice(0, acronymLength).toLowerCase() + pascal.slice(acronymLength);
}

/**
 * A schema name as a type-name part: verbatim when it is already a valid identifier, Pascal-cased when it is not
 * (`my-schema` → `MySchema`), with `_` appended when it is a reserved word (`class` → `class_`, `string` → `string_`).
 * Deterministic, and a clash it causes is an error (merge.ts), never a second rename; merge-report.md lists each one.
 */
export function schemaNamePart(schemaName: string): string {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(schemaName)) return pascalCase(schemaName);
  return RESERVED_NAMES.has(schemaName) ? `${schemaName}_` : schemaName;
}

/** Why schemaNamePart changes `schemaName`, or undefined when it keeps it. */
export function schemaRenameReason(schemaName: string): string | undefined {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(schemaName)) return "not a TypeScript identifier";
  return RESERVED_NAMES.has(schemaName) ? "a reserved word in TypeScript" : undefined;
}

/** ECMAScript reserved and strict-mode words, plus the names TypeScript refuses for a type alias (tsc, checked). */
const RESERVED_NAMES = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package " +
    "private protected public await as any unknown never string number boolean symbol bigint object undefined"
  ).split(" "),
);

/** Name part for one step into a schema (see the table above). */
export function schemaStepPart(step: { readonly kind: "property"; readonly name: string } | { readonly kind: "items" | "additionalProperties" } | { readonly kind: "allOf" | "oneOf" | "anyOf"; readonly index: number }): string {
  switch (step.kind) {
    case "property":
      return pascalCase(step.name);
    case "items":
      return "Item";
    case "additionalProperties":
      return "Value";
    case "allOf":
      return `AllOf${step.index}`;
    case "oneOf":
      return `OneOf${step.index}`;
    case "anyOf":
      return `AnyOf${step.index}`;
  }
}

/** Enum name part of an inline operation parameter. */
export function parameterNamePart(operationId: string, parameterName: string): string {
  return `${pascalCase(operationId)}${pascalCase(parameterName)}Param`;
}

/** Enum name part of an inline response body. */
export function responseNamePart(operationId: string, status: string): string {
  // Status codes are digits ("200", "4XX"): appended verbatim; pascalCase would prefix "_" to keep identifiers legal.
  const statusPart = /^[0-9]/.test(status) ? status.replace(/[^A-Za-z0-9]/g, "") : pascalCase(status);
  return `${pascalCase(operationId)}Response${statusPart}`;
}

/** Enum name part of an inline request body. */
export function requestBodyNamePart(operationId: string): string {
  return `${pascalCase(operationId)}RequestBody`;
}

const versionPrefix = { v1: "V1", v2: "V2" } as const;

/** `v1GPUClusterInfoDriverVersionValues`. */
export function enumValuesName(version: "v1" | "v2", name: string): string {
  return `${version}${name}Values`;
}

/** `V1GPUClusterInfoDriverVersion`. */
export function enumTypeName(version: "v1" | "v2", name: string): string {
  return `${versionPrefix[version]}${name}`;
}

/** generated/models.ts name of a schema that differs between versions or exists in one only: `V2GPUClusterInfo`. */
export function versionedModelName(version: "v1" | "v2", schemaName: string): string {
  return `${versionPrefix[version]}${schemaNamePart(schemaName)}`;
}

/** generated/models.ts name of a schema that is identical in both versions. */
export function sharedModelName(schemaName: string): string {
  return schemaNamePart(schemaName);
}

/** Code-point order, independent of ICU (never localeCompare). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
