import { diffContext, diffShapes, shapesEqual, type DiffContext } from "./compare.js";
import type { OperationPairing } from "./config.js";
import { CodegenError } from "./errors.js";
import type { ApiModel, ApiVersion, Difference, OperationDef, PairedOperation, PairedSchema, PairingReason, SchemaDef, UnifiedModel } from "./ir.js";
import { byCodePoint, camelCase, sharedModelName, versionedModelName } from "./naming.js";

/**
 * (v1 model, v2 model, pairing table) → UnifiedModel. Pure and deterministic: operations are paired by the
 * explicit table (then by identical operationId), schemas by name; nothing is dropped, renamed with a counter or
 * silently overwritten, and every difference between the two sides is recorded as data for the report.
 */
export function merge(v1: ApiModel, v2: ApiModel, pairings: readonly OperationPairing[]): UnifiedModel {
  validatePairings(pairings);
  const ctx = diffContext(v1, v2);
  const warnings = [...(v1.warnings ?? []), ...(v2.warnings ?? []), ...pairingWarnings(v1, v2, pairings)];
  return { v1, v2, operations: mergeOperations(ctx, pairings), schemas: mergeSchemas(ctx), ...(warnings.length === 0 ? {} : { warnings }) };
}

/**
 * The pairing table is the product's list of operations: an entry that matches nothing means a spec lost an
 * operation or renamed its operationId, and a spec that matches no entry at all is not the cluster API.
 */
function pairingWarnings(v1: ApiModel, v2: ApiModel, pairings: readonly OperationPairing[]): string[] {
  const warnings: string[] = [];
  for (const model of [v1, v2]) {
    const ids = new Set(model.operations.map((op) => op.operationId));
    const configured = pairings.flatMap((pairing) => pairing[model.version] ?? []);
    if (!configured.some((id) => ids.has(id))) {
      warnings.push(
        `${model.file}: none of its ${model.operations.length} operation(s) is a cluster operation of codegen/config.ts (operationPairings): ` +
          "is it the right spec? (For Together's whole API description, run `npm run sync` to extract the cluster part.)",
      );
      continue;
    }
    const unmatched = pairings.filter((pairing) => pairing[model.version] !== undefined && !ids.has(pairing[model.version] ?? ""));
    if (unmatched.length > 0) {
      warnings.push(
        `codegen/config.ts: ${unmatched.length} pairing entr${unmatched.length === 1 ? "y names a" : "ies name"} ${model.version} operationId${unmatched.length === 1 ? "" : "s"} that ${model.file} does not have ` +
          `(${unmatched.map((pairing) => `${pairing.name}: ${pairing[model.version]}`).join(", ")}): removed or renamed upstream? Update the table.`,
      );
    }
  }
  return warnings;
}

function validatePairings(pairings: readonly OperationPairing[]): void {
  const names = new Set<string>();
  const ids = { v1: new Set<string>(), v2: new Set<string>() };
  for (const pairing of pairings) {
    if (names.has(pairing.name)) throw new Error(`codegen/config.ts: unified operation name ${pairing.name} is listed twice`);
    names.add(pairing.name);
    for (const version of ["v1", "v2"] as const) {
      const id = pairing[version];
      if (id === undefined) continue;
      if (ids[version].has(id)) throw new Error(`codegen/config.ts: ${version} operationId ${id} is paired twice`);
      ids[version].add(id);
    }
  }
}

function mergeOperations(ctx: DiffContext, pairings: readonly OperationPairing[]): PairedOperation[] {
  const remaining = { v1: new Map(ctx.v1.operations.map((op) => [op.operationId, op])), v2: new Map(ctx.v2.operations.map((op) => [op.operationId, op])) };
  const result: PairedOperation[] = [];
  const take = (version: ApiVersion, id: string | undefined): OperationDef | undefined => {
    if (id === undefined) return undefined;
    const op = remaining[version].get(id);
    remaining[version].delete(id);
    return op;
  };
  for (const pairing of pairings) {
    const v1 = take("v1", pairing.v1);
    const v2 = take("v2", pairing.v2);
    // A configured operation that neither spec has (e.g. in a tiny fixture) is simply not part of this API.
    if (v1 || v2) result.push(pairOperations(ctx, pairing.name, v1 && v2 ? "config" : "unpaired", v1, v2));
  }
  for (const [id, v1] of remaining.v1) {
    const v2 = take("v2", id);
    result.push(pairOperations(ctx, camelCase(id), v2 ? "same-operation-id" : "unpaired", v1, v2));
  }
  for (const v2 of remaining.v2.values()) result.push(pairOperations(ctx, camelCase(v2.operationId), "unpaired", undefined, v2));

  const byName = new Map<string, PairedOperation>();
  for (const op of result) {
    const clash = byName.get(op.name);
    if (clash) {
      const source = (op.v2 ?? op.v1)?.source;
      const detail = `operation would get the unified name ${op.name}, already used by ${describeOp(clash)}; name it in codegen/config.ts`;
      throw source ? new CodegenError({ file: source.file, line: source.line, col: source.col, pointer: source.pointer }, detail) : new Error(detail);
    }
    byName.set(op.name, op);
  }
  return result.sort((a, b) => byCodePoint(a.name, b.name));
}

function describeOp(op: PairedOperation): string {
  return [op.v1 ? `v1 ${op.v1.operationId}` : undefined, op.v2 ? `v2 ${op.v2.operationId}` : undefined].filter(Boolean).join(" + ");
}

function pairOperations(ctx: DiffContext, name: string, pairedBy: PairingReason, v1?: OperationDef, v2?: OperationDef): PairedOperation {
  return { name, pairedBy, ...(v1 ? { v1 } : {}), ...(v2 ? { v2 } : {}), differences: v1 && v2 ? operationDifferences(ctx, v1, v2) : [] };
}

/** Parameters, request body and responses; method and path differences are shown in the report's header table. */
export function operationDifferences(ctx: DiffContext, v1: OperationDef, v2: OperationDef): Difference[] {
  const out: Difference[] = [];
  const keys = [...new Set([...v1.parameters, ...v2.parameters].map((p) => `${p.in} ${p.name}`))].sort(byCodePoint);
  for (const key of keys) {
    const left = v1.parameters.find((p) => `${p.in} ${p.name}` === key);
    const right = v2.parameters.find((p) => `${p.in} ${p.name}` === key);
    const path = `${key.replace(" ", " parameter ")}`;
    if (!left || !right) {
      out.push({ kind: "only-in", version: left ? "v1" : "v2", what: "parameter", path });
      continue;
    }
    if (left.required !== right.required) out.push({ kind: "required", path, v1: left.required, v2: right.required });
    out.push(...diffShapes(ctx, left.schema, right.schema, path));
  }

  const bodyA = v1.requestBody;
  const bodyB = v2.requestBody;
  if (bodyA && bodyB) {
    if (bodyA.required !== bodyB.required) out.push({ kind: "required", path: "request body", v1: bodyA.required, v2: bodyB.required });
    if (bodyA.schema && bodyB.schema) out.push(...diffShapes(ctx, bodyA.schema, bodyB.schema, "request body"));
  } else if (bodyA || bodyB) {
    out.push({ kind: "only-in", version: bodyA ? "v1" : "v2", what: "request body", path: "request body" });
  }

  const statuses = [...new Set([...v1.responses, ...v2.responses].map((r) => r.status))].sort(byCodePoint);
  for (const status of statuses) {
    const left = v1.responses.find((r) => r.status === status);
    const right = v2.responses.find((r) => r.status === status);
    const path = `response ${status}`;
    if (!left || !right) out.push({ kind: "only-in", version: left ? "v1" : "v2", what: "response", path });
    else if (left.schema && right.schema) out.push(...diffShapes(ctx, left.schema, right.schema, path));
    else if (left.schema || right.schema) out.push({ kind: "only-in", version: left.schema ? "v1" : "v2", what: "response", path: `${path} body` });
  }
  return out;
}

function mergeSchemas(ctx: DiffContext): PairedSchema[] {
  const names = [...new Set([...ctx.v1.schemas, ...ctx.v2.schemas].map((s) => s.name))].sort(byCodePoint);
  const v1ByName = new Map(ctx.v1.schemas.map((s) => [s.name, s]));
  const v2ByName = new Map(ctx.v2.schemas.map((s) => [s.name, s]));
  const schemas = names.map((name): PairedSchema => {
    const v1 = v1ByName.get(name);
    const v2 = v2ByName.get(name);
    const identical = v1 !== undefined && v2 !== undefined && shapesEqual(ctx, v1.shape, v2.shape);
    const emittedNames = identical
      ? { shared: sharedModelName(name) }
      : { ...(v1 ? { v1: versionedModelName("v1", name) } : {}), ...(v2 ? { v2: versionedModelName("v2", name) } : {}) };
    const differences = v1 && v2 && !identical ? diffShapes(ctx, v1.shape, v2.shape, "") : [];
    return { name, ...(v1 ? { v1 } : {}), ...(v2 ? { v2 } : {}), identical, emittedNames, differences };
  });
  assertUniqueModelNames(schemas);
  return schemas;
}

/** `V1Foo` (from a v1-only `Foo`) and a shared schema literally named `V1Foo` would collide: refuse, don't rename. */
function assertUniqueModelNames(schemas: readonly PairedSchema[]): void {
  const owners = new Map<string, string>();
  for (const schema of schemas) {
    for (const [side, emitted] of Object.entries(schema.emittedNames)) {
      const owner = owners.get(emitted);
      if (owner !== undefined) {
        const def: SchemaDef | undefined = schema.v2 ?? schema.v1;
        const detail = `schema would be emitted as ${emitted} (${side}), which ${owner} already uses`;
        if (def) throw new CodegenError({ file: def.source.file, line: def.source.line, col: def.source.col, pointer: def.source.pointer }, detail);
        throw new Error(detail);
      }
      owners.set(emitted, `schema ${schema.name} (${side})`);
    }
  }
}
