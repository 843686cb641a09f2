/**
 * generated/stable.ts: the names handwritten code imports, one per entry of codegen/stable-names.ts, resolved against
 * the specs being generated. An entry whose pointer misses is found through its operation (a schema rename or a moved
 * path changes neither the exported name nor what it means); every miss is listed for the merge report and the CLI.
 *
 * Only names from the table and spec keys quoted with escape.ts stringLiteral reach the output: no spec text lands in a comment.
 */
import { stringLiteral } from "./escape.js";
import type { EnumDef, UnifiedModel } from "../ir.js";
import type { LoadedSpec } from "../load.js";
import { enumTypeName, enumValuesName } from "../naming.js";
import { childPointer, resolvePointer } from "../pointer.js";
import { stableNames, type StableName } from "../stable-names.js";

/** Where an entry was found, or why not. */
export interface StableResolution {
  readonly entry: StableName;
  /** "pointer": found where the table says; "via": found through its operation only; "missing": neither. */
  readonly found: "pointer" | "via" | "missing";
  /** The schema's location in the spec when found. */
  readonly at: string | undefined;
  /** The TypeScript type expression (kind "type") or the generated enum (kind "enum"). */
  readonly type: string | undefined;
  readonly enumDef: EnumDef | undefined;
}

type Specs = { readonly v1: LoadedSpec; readonly v2: LoadedSpec };

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);
const quote = (key: string) => `[${stringLiteral(key)}]`;

/** Resolves every table entry against the specs. */
export function resolveStableNames(model: UnifiedModel, specs: Specs): StableResolution[] {
  // Built once per version, on first use: a scan per entry costs entries × spec size on a large spec.
  const indexes = { v1: lazyIndex(specs.v1.document, model.v1.enums), v2: lazyIndex(specs.v2.document, model.v2.enums) };
  return stableNames.map((entry) => resolve(entry, indexes[entry.version]()));
}

/** A version's document with its enums by source pointer and its operations by operationId (first one wins). */
interface SpecIndex {
  readonly document: Record<string, unknown>;
  readonly enums: ReadonlyMap<string, EnumDef>;
  readonly operations: ReadonlyMap<string, FoundOperation>;
}

interface FoundOperation {
  readonly operation: Record<string, unknown>;
  readonly pointer: string;
}

function lazyIndex(document: Record<string, unknown>, enums: readonly EnumDef[]): () => SpecIndex {
  let index: SpecIndex | undefined;
  return () => {
    if (index) return index;
    const byPointer = new Map<string, EnumDef>();
    for (const def of enums) if (!byPointer.has(def.source.pointer)) byPointer.set(def.source.pointer, def);
    index = { document, enums: byPointer, operations: operationsById(document) };
    return index;
  };
}

function resolve(entry: StableName, { document, enums, operations }: SpecIndex): StableResolution {
  const prefix = entry.version === "v1" ? "V1" : "V2";
  if (entry.pointer !== "" && isObject(resolvePointer(document, entry.pointer))) {
    const enumDef = enums.get(entry.pointer);
    if (entry.kind === "type" || enumDef !== undefined) {
      return { entry, found: "pointer", at: entry.pointer, type: componentsExpression(`${prefix}Components`, entry.pointer), enumDef };
    }
  }
  const via = followVia(entry, document, operations, `${prefix}Operations`);
  if (via !== undefined) {
    const enumDef = enums.get(via.at);
    if (entry.kind === "type" || enumDef !== undefined) return { entry, found: "via", at: via.at, type: via.type, enumDef };
  }
  return { entry, found: "missing", at: undefined, type: undefined, enumDef: undefined };
}

/** `#/components/schemas/S/properties/p/items` → `NonNullable<NonNullable<C["schemas"]["S"]>["p"]>[number]`. */
function componentsExpression(root: string, pointer: string): string | undefined {
  const tokens = pointer.replace(/^#\//, "").split("/").map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
  if (tokens[0] !== "components" || tokens[1] !== "schemas" || tokens[2] === undefined) return undefined;
  let expression = `${root}["schemas"]${quote(tokens[2])}`;
  for (let i = 3; i < tokens.length; i++) {
    if (tokens[i] === "items") expression = `NonNullable<${expression}>[number]`;
    else if (tokens[i] === "properties" && tokens[i + 1] !== undefined) expression = `NonNullable<${expression}>${quote(tokens[++i]!)}`;
    else return undefined;
  }
  return expression;
}

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The entry's schema reached from its operation: where it lives (after $refs) and a type expression via `operations`. */
function followVia(entry: StableName, document: Record<string, unknown>, operations: SpecIndex["operations"], root: string): { at: string; type: string } | undefined {
  const { operationId } = entry.via;
  const found = operations.get(operationId);
  if (found === undefined) return undefined;
  let node: unknown;
  let at: string;
  let type: string;
  if (entry.via.in === "response") {
    const responses = isObject(found.operation["responses"]) ? found.operation["responses"] : {};
    const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
    if (status === undefined) return undefined;
    at = childPointer(found.pointer, "responses", status, "content", "application/json", "schema");
    type = `${root}${quote(operationId)}["responses"][${status}]["content"]["application/json"]`;
  } else {
    at = childPointer(found.pointer, "requestBody", "content", "application/json", "schema");
    type = `NonNullable<${root}${quote(operationId)}["requestBody"]>["content"]["application/json"]`;
  }
  node = resolvePointer(document, at);
  for (const step of entry.via.steps) {
    ({ node, at } = followRefs(document, node, at));
    if (!isObject(node)) return undefined;
    if (step === "items") {
      node = node["items"];
      at = childPointer(at, "items");
      type = `NonNullable<${type}>[number]`;
    } else {
      const properties = node["properties"];
      if (!isObject(properties) || !Object.hasOwn(properties, step)) return undefined;
      node = properties[step];
      at = childPointer(at, "properties", step);
      type = `NonNullable<${type}>${quote(step)}`;
    }
  }
  ({ node, at } = followRefs(document, node, at));
  return isObject(node) ? { at, type } : undefined;
}

function followRefs(document: Record<string, unknown>, node: unknown, at: string): { node: unknown; at: string } {
  for (let hops = 0; hops < 32 && isObject(node) && typeof node["$ref"] === "string"; hops++) {
    at = node["$ref"];
    node = resolvePointer(document, at);
  }
  return { node, at };
}

/** Every operation with a string operationId, in path then `methods` order; the first of a repeated id wins. */
function operationsById(document: Record<string, unknown>): Map<string, FoundOperation> {
  const found = new Map<string, FoundOperation>();
  const paths = document["paths"];
  if (!isObject(paths)) return found;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of methods) {
      const operation = item[method];
      const id = isObject(operation) ? operation["operationId"] : undefined;
      if (typeof id === "string" && !found.has(id)) found.set(id, { operation: operation as Record<string, unknown>, pointer: childPointer("#", "paths", path, method) });
    }
  }
  return found;
}

/** The exported type name of an entry: `V2Cluster`. */
export function stableTypeName(entry: StableName): string {
  return `${entry.version === "v1" ? "V1" : "V2"}${entry.name}`;
}

/** generated/stable.ts (without banner). */
export function renderStable(resolutions: readonly StableResolution[]): string {
  const lines = [
    'import type { components as V1Components, operations as V1Operations } from "./v1/schema.js";',
    'import type { components as V2Components, operations as V2Operations } from "./v2/schema.js";',
    "",
    "// Names keyed by meaning (codegen/stable-names.ts); handwritten code imports these, never the spec-derived names.",
    "",
  ];
  for (const r of resolutions) {
    const name = stableTypeName(r.entry);
    if (r.found === "missing") {
      lines.push(`// ${name}: not found in the ${r.entry.version} spec (see generated/merge-report.md, "Stable names").`);
      if (r.entry.kind === "enum") {
        // An enum stays exported, as one string literal naming what was looked for: a mapping table's
        // `satisfies Record<…>` then fails with a message that names the lost field, where a removed export would only
        // say "has no exported member" at the import line. Its values list is declared, not defined, so nothing that
        // imports it can run (the module fails to link) even if every use type-checks.
        const lost = stringLiteral(`stable name ${name} not found: ${r.entry.version} ${lookedFor(r.entry)}`);
        lines.push(`export type ${name} = ${lost} | (string & {});`, `export declare const ${r.entry.version}${r.entry.name}Values: readonly ${name}[];`);
      }
      // A lost schema type is not exported at all: any stand-in type would make the decoders' field readers accept
      // any key (a mapped type over a string is that string), so its importers fail at the import line, naming it.
      continue;
    }
    if (r.entry.kind === "enum" && r.enumDef !== undefined) {
      const values = `${r.entry.version}${r.entry.name}Values`;
      lines.push(`export { ${enumValuesName(r.enumDef.version, r.enumDef.name)} as ${values}, type ${enumTypeName(r.enumDef.version, r.enumDef.name)} as ${name} } from "./enums.js";`);
    } else if (r.type !== undefined) {
      lines.push(`export type ${name} = ${r.type};`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Where an entry was looked for: its pointer, or (an inline schema) its operation's body. */
function lookedFor(entry: StableName): string {
  return entry.pointer || `${entry.via.operationId} ${entry.via.in === "response" ? "answer" : "request body"}`;
}

/** One line per entry that is missing or whose pointer no longer finds its schema (merge report, `npm run generate`). */
export function stableNameProblems(resolutions: readonly StableResolution[]): string[] {
  return resolutions
    .filter((r) => r.found === "missing" || (r.entry.pointer !== "" && r.found !== "pointer"))
    .map((r) =>
      r.found === "via"
        ? `stable name ${stableTypeName(r.entry)} (${r.entry.version}): ${r.entry.pointer} no longer finds its schema; found through ${r.entry.via.operationId} at ${r.at}; update its pointer in codegen/stable-names.ts`
        : `stable name ${stableTypeName(r.entry)} (${r.entry.version}): ${r.entry.pointer === "" ? `${r.entry.via.operationId} no longer finds it` : `neither ${r.entry.pointer} nor ${r.entry.via.operationId} finds it`}; ${r.entry.kind === "enum" ? `${stableTypeName(r.entry)} is generated as a string naming ${lookedFor(r.entry)}, so each handwritten use fails to compile naming it` : `${stableTypeName(r.entry)} is not generated, so its importers fail to compile`}`,
    );
}

/** The merge report's "Stable names" section. */
export function stableReportSection(resolutions: readonly StableResolution[]): string {
  const problems = stableNameProblems(resolutions);
  const rows = resolutions.map((r) => `| \`${stableTypeName(r.entry)}\` | ${r.entry.kind} | \`${r.entry.pointer || "(inline)"}\` | ${r.found === "pointer" ? "found" : r.found === "via" ? `**moved**: found through \`${r.entry.via.operationId}\`` : "**missing**"} |`);
  return [
    "## Stable names",
    "",
    "Names handwritten code imports (codegen/stable-names.ts, exported by generated/stable.ts).",
    "",
    problems.length === 0 ? "Every entry finds its schema where the table says." : problems.map((p) => `- **${p}**`).join("\n"),
    "",
    "| name | kind | pointer | status |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
