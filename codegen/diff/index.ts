import { DiffContext, Location } from "./context.js";
import { canonical, compareDocs, infoDocKeys } from "./docs.js";
import { compareExtensions } from "./extensions.js";
import { compareOperations } from "./operations.js";
import { isObject, SpecDiffError } from "./refs.js";
import { overallBump } from "./semver.js";
import type { DiffResult, JsonObject } from "./types.js";

export { bumpOf, maxBump, nextVersion, overallBump } from "./semver.js";
export { SpecDiffError } from "./refs.js";
export { bumpLevels, changeKinds } from "./types.js";
export type { Bump, Change, ChangeKind, DiffResult } from "./types.js";

/**
 * Compares two versions of one OpenAPI document (3.0.x or 3.1.x, already parsed) and classifies every difference.
 * `$ref`s are resolved before comparing, so moving or renaming a schema is not a change of shape.
 */
export function diffSpecs(oldDoc: unknown, newDoc: unknown): DiffResult {
  const ctx = new DiffContext(asOpenApi(oldDoc, "old"), asOpenApi(newDoc, "new"));
  const oldInfo = isObject(ctx.oldDoc.info) ? ctx.oldDoc.info : {};
  const newInfo = isObject(ctx.newDoc.info) ? ctx.newDoc.info : {};
  compareDocs(ctx, oldInfo, newInfo, infoDocKeys, new Location("info"));
  compareServers(ctx);
  compareOperations(ctx);
  compareExtensions(ctx);
  return { bump: overallBump(ctx.changes), changes: ctx.changes };
}

function asOpenApi(doc: unknown, side: string): JsonObject {
  if (!isObject(doc)) throw new SpecDiffError(`${side} spec: expected an OpenAPI document object`);
  const version = doc.openapi;
  if (typeof version !== "string" || !/^3\.[01]\./.test(version)) {
    throw new SpecDiffError(`${side} spec: "openapi" must be 3.0.x or 3.1.x, found ${JSON.stringify(version)}`);
  }
  return doc;
}

/** The base URL is where the client sends requests; a change is not a shape change but worth saying. */
function compareServers(ctx: DiffContext): void {
  const urls = (doc: JsonObject) =>
    Array.isArray(doc.servers) ? doc.servers.map((s) => (isObject(s) ? s.url : undefined)).filter((u) => typeof u === "string") : [];
  const before = urls(ctx.oldDoc);
  const after = urls(ctx.newDoc);
  if (canonical(before) === canonical(after)) return;
  ctx.add(
    "servers-changed",
    new Location("servers"),
    false,
    `Server URLs changed from [${before.join(", ")}] to [${after.join(", ")}]; the old host is expected to keep serving, ` +
      `but check the client's default base URL.`,
  );
}
