import type { DiffContext, Location } from "./context.js";
import { compareDocs, parameterDocKeys } from "./docs.js";
import type { OperationAt } from "./operations.js";
import { isObject, resolve, SpecDiffError } from "./refs.js";
import { matchRenames } from "./renames.js";
import { compareSchema, shapeOf } from "./schemas.js";
import { viewSchema } from "./schema-view.js";
import type { JsonObject } from "./types.js";

interface ParameterAt {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly node: JsonObject;
  readonly pointer: string;
}

/** Path-item parameters apply to every operation unless the operation redefines the same `in` + `name`. */
function effectiveParameters(doc: JsonObject, op: OperationAt, side: string): ParameterAt[] {
  const byKey = new Map<string, ParameterAt>();
  const lists: [unknown, string][] = [
    [op.pathItem.parameters, op.pointer.slice(0, op.pointer.lastIndexOf("/"))],
    [op.operation.parameters, op.pointer],
  ];
  for (const [list, base] of lists) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new SpecDiffError(`${side} spec: ${base}/parameters must be an array`);
    list.forEach((raw, i) => {
      const pointer = `${base}/parameters/${i}`;
      const { node } = resolve(doc, raw, pointer, side);
      if (typeof node.name !== "string" || typeof node.in !== "string") {
        throw new SpecDiffError(`${side} spec: parameter at ${pointer} needs string "name" and "in"`);
      }
      byKey.set(`${node.in}:${node.name}`, { name: node.name, in: node.in, required: node.required === true, node, pointer });
    });
  }
  return [...byKey.values()];
}

function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? "");
}

export function compareParameters(ctx: DiffContext, oldOp: OperationAt, newOp: OperationAt, here: Location): void {
  const before = effectiveParameters(ctx.oldDoc, oldOp, "old");
  const after = effectiveParameters(ctx.newDoc, newOp, "new");
  const pairs: [ParameterAt, ParameterAt][] = [];

  // Path parameters pair by position in the template: the URL is the same whatever the placeholder is called.
  const oldPathNames = pathParameterNames(oldOp.path);
  const newPathNames = pathParameterNames(newOp.path);
  oldPathNames.forEach((oldName, i) => {
    const newName = newPathNames[i];
    const o = before.find((p) => p.in === "path" && p.name === oldName);
    const n = after.find((p) => p.in === "path" && p.name === newName);
    if (newName === undefined || o === undefined || n === undefined) return;
    if (oldName !== newName) {
      ctx.add(
        "parameter-renamed",
        here.field(`path ${oldName}`),
        true,
        `Path parameter "${oldName}" was renamed to "${newName}"; the URL is unchanged, but callers pass path parameters by name.`,
      );
    }
    pairs.push([o, n]);
  });

  const others = (list: ParameterAt[]) => list.filter((p) => p.in !== "path");
  const afterByKey = new Map(others(after).map((p) => [`${p.in}:${p.name}`, p]));
  const beforeKeys = new Set(others(before).map((p) => `${p.in}:${p.name}`));
  const removed = others(before).filter((p) => !afterByKey.has(`${p.in}:${p.name}`));
  const added = others(after).filter((p) => !beforeKeys.has(`${p.in}:${p.name}`));
  for (const p of others(before)) {
    const n = afterByKey.get(`${p.in}:${p.name}`);
    if (n !== undefined) pairs.push([p, n]);
  }

  const renamed = renameParameters(ctx, removed, added, here);
  for (const p of removed) {
    if (renamed.from.has(p)) continue;
    ctx.add("parameter-removed", here.field(`${p.in} ${p.name}`), true, `${p.in} parameter "${p.name}" was removed; callers that pass it get a compile error.`);
  }
  for (const p of added) {
    if (renamed.to.has(p)) continue;
    const note = p.required ? "breaking: existing calls do not pass it" : "optional, so existing calls still work";
    ctx.add("parameter-added", here.field(`${p.in} ${p.name}`), p.required, `New ${p.required ? "required" : "optional"} ${p.in} parameter "${p.name}"; ${note}.`);
  }
  for (const [o, n] of pairs) compareParameterPair(ctx, o, n, here.field(`${n.in} ${n.name}`));
}

function renameParameters(ctx: DiffContext, removed: ParameterAt[], added: ParameterAt[], here: Location) {
  const toCandidate = (doc: JsonObject, side: string) => (p: ParameterAt, position: number) => {
    const schema = viewSchema(doc, p.node.schema ?? {}, `${p.pointer}/schema`, side);
    return {
      name: p.name,
      // Parameters only pair within the same location (query with query, header with header).
      shape: `${p.in}|${shapeOf(doc, p.node.schema ?? {}, `${p.pointer}/schema`, side, 1)}`,
      ...(typeof p.node.description === "string" ? { description: p.node.description } : {}),
      position,
      required: p.required,
      hasEnum: (schema.enumValues?.length ?? 0) > 0,
    };
  };
  const matches = matchRenames(removed.map(toCandidate(ctx.oldDoc, "old")), added.map(toCandidate(ctx.newDoc, "new")));
  const from = new Set<ParameterAt>();
  const to = new Set<ParameterAt>();
  for (const match of matches) {
    const o = removed.find((p) => p.name === match.from);
    const n = added.find((p) => p.name === match.to);
    if (o === undefined || n === undefined) continue;
    from.add(o);
    to.add(n);
    ctx.add(
      "parameter-renamed",
      here.field(`${o.in} ${o.name}`),
      true,
      `${o.in} parameter "${o.name}" was renamed to "${n.name}" (evidence: ${match.evidence.join(", ")}); ` +
        `breaking because the server no longer reads the old name and callers must change their code.`,
    );
  }
  return { from, to };
}

function compareParameterPair(ctx: DiffContext, o: ParameterAt, n: ParameterAt, here: Location): void {
  compareDocs(ctx, o.node, n.node, parameterDocKeys, here);
  if (o.required !== n.required) {
    ctx.add(
      n.required ? "parameter-required" : "parameter-optional",
      here,
      n.required,
      n.required
        ? `${n.in} parameter "${n.name}" became required; calls that omit it are now invalid.`
        : `${n.in} parameter "${n.name}" became optional; existing calls still work.`,
    );
  }
  const oldSchema = isObject(o.node.schema) ? o.node.schema : {};
  const newSchema = isObject(n.node.schema) ? n.node.schema : {};
  compareSchema(ctx, { raw: oldSchema, pointer: `${o.pointer}/schema` }, { raw: newSchema, pointer: `${n.pointer}/schema` }, "request", here);
}
