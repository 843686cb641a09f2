import { Location, type DiffContext } from "./context.js";
import { compareDocs, operationDocKeys } from "./docs.js";
import { compareParameters } from "./parameters.js";
import { compareRequestBody, compareResponses } from "./bodies.js";
import { isObject, pointerSegment, SpecDiffError } from "./refs.js";
import type { JsonObject } from "./types.js";

const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** One operation of one side, keyed so that renaming a path parameter (`{id}` → `{cluster_id}`) keeps the key. */
export interface OperationAt {
  readonly method: string;
  readonly path: string;
  /** `GET /compute/clusters/{}`: method plus the path with parameter names blanked. */
  readonly key: string;
  readonly operation: JsonObject;
  readonly pathItem: JsonObject;
  readonly pointer: string;
}

export function collectOperations(doc: JsonObject, side: string): Map<string, OperationAt> {
  const out = new Map<string, OperationAt>();
  const paths = doc.paths ?? {};
  if (!isObject(paths)) throw new SpecDiffError(`${side} spec: "paths" must be an object`);
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) throw new SpecDiffError(`${side} spec: path item at #/paths/${pointerSegment(path)} must be an object`);
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (operation === undefined) continue;
      const pointer = `#/paths/${pointerSegment(path)}/${method}`;
      if (!isObject(operation)) throw new SpecDiffError(`${side} spec: operation at ${pointer} must be an object`);
      const key = `${method.toUpperCase()} ${normalizePath(path)}`;
      out.set(key, { method: method.toUpperCase(), path, key, operation, pathItem, pointer });
    }
  }
  return out;
}

/** `/a/{cluster_id}/b` → `/a/{}/b`, so path-parameter renames do not look like a moved operation. */
export function normalizePath(path: string): string {
  return path.replace(/\{[^}]*\}/g, "{}");
}

export function operationLabel(op: OperationAt): string {
  return `${op.method} ${op.path}`;
}

/** Compares every operation: added, removed, moved (same operationId, new path) and, for pairs, everything inside. */
export function compareOperations(ctx: DiffContext): void {
  const before = collectOperations(ctx.oldDoc, "old");
  const after = collectOperations(ctx.newDoc, "new");
  const unmatchedAfter = new Map([...after].filter(([key]) => !before.has(key)));
  const removed: OperationAt[] = [];

  for (const [key, oldOp] of before) {
    const newOp = after.get(key) ?? takeMoved(oldOp, unmatchedAfter);
    if (newOp === undefined) {
      removed.push(oldOp);
      continue;
    }
    if (newOp.key !== key) {
      ctx.add(
        "operation-moved",
        new Location(operationLabel(oldOp)),
        true,
        `Operation ${String(oldOp.operation.operationId)} moved from ${operationLabel(oldOp)} to ${operationLabel(newOp)}; ` +
          `clients built from the old spec call a URL that no longer exists.`,
      );
    }
    compareOperation(ctx, oldOp, newOp);
  }
  reportPresence(ctx, removed, before, after, "removed");
  reportPresence(ctx, [...unmatchedAfter.values()], after, before, "added");
}

/** A removed operation whose operationId reappears (same method) on another path was moved, not removed. */
function takeMoved(oldOp: OperationAt, candidates: Map<string, OperationAt>): OperationAt | undefined {
  const id = oldOp.operation.operationId;
  if (typeof id !== "string") return undefined;
  for (const [key, candidate] of candidates) {
    if (candidate.operation.operationId === id && candidate.method === oldOp.method) {
      candidates.delete(key);
      return candidate;
    }
  }
  return undefined;
}

/**
 * Groups operations into a single `path-added`/`path-removed` when the whole path is new or gone: it exists on one
 * side only, and every operation on it is being reported (none was moved there or away).
 */
function reportPresence(
  ctx: DiffContext,
  ops: readonly OperationAt[],
  sameSide: Map<string, OperationAt>,
  otherSide: Map<string, OperationAt>,
  what: "added" | "removed",
): void {
  const otherPaths = new Set([...otherSide.values()].map((op) => normalizePath(op.path)));
  const opsOnPath = (path: string) => [...sameSide.values()].filter((op) => op.path === path).length;
  const byPath = new Map<string, OperationAt[]>();
  for (const op of ops) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
  const breaking = what === "removed";
  const consequence = breaking ? "callers of it get 404s and compile errors" : "new capability; existing code is unaffected";
  for (const [path, pathOps] of byPath) {
    const methods = pathOps.map((op) => op.method).join(", ");
    if (!otherPaths.has(normalizePath(path)) && opsOnPath(path) === pathOps.length) {
      ctx.add(`path-${what}`, new Location(path), breaking, `Path ${path} was ${what} (${methods}); ${consequence}.`);
      continue;
    }
    for (const op of pathOps) {
      const id = typeof op.operation.operationId === "string" ? ` (${op.operation.operationId})` : "";
      ctx.add(`operation-${what}`, new Location(operationLabel(op)), breaking, `Operation ${operationLabel(op)}${id} was ${what}; ${consequence}.`);
    }
  }
}

function compareOperation(ctx: DiffContext, oldOp: OperationAt, newOp: OperationAt): void {
  const here = new Location(operationLabel(newOp));
  compareDocs(ctx, oldOp.operation, newOp.operation, operationDocKeys, here);
  compareParameters(ctx, oldOp, newOp, here);
  compareRequestBody(ctx, oldOp, newOp, here);
  compareResponses(ctx, oldOp, newOp, here);
}
