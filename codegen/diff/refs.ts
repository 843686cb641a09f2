import type { JsonObject } from "./types.js";

/** Thrown when a spec cannot be walked; the message names the spec side and the JSON pointer. */
export class SpecDiffError extends Error {
  override name = "SpecDiffError";
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A node reached through zero or more `$ref`s, plus the name of the last component it came from. */
export interface Resolved {
  readonly node: JsonObject;
  /** `GPUClusterInfo` for `#/components/schemas/GPUClusterInfo`; undefined for inline nodes. */
  readonly refName?: string;
  /** JSON pointer of the resolved node, for error messages and memo keys. */
  readonly pointer: string;
}

/**
 * Follows local `$ref`s (`#/...`) until a non-ref node, so moving or renaming a schema never looks like a
 * change of shape. OpenAPI 3.1 allows siblings next to `$ref` (e.g. a description); they override the target.
 */
export function resolve(doc: JsonObject, node: unknown, pointer: string, side: string): Resolved {
  let current: unknown = node;
  let currentPointer = pointer;
  let refName: string | undefined;
  let siblings: JsonObject = {};
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref)) throw new SpecDiffError(`${side} spec: $ref cycle through "${ref}" at ${pointer}`);
    seen.add(ref);
    const { $ref: _ignored, ...rest } = current;
    siblings = { ...rest, ...siblings };
    refName = ref.slice(ref.lastIndexOf("/") + 1).replaceAll("~1", "/").replaceAll("~0", "~");
    currentPointer = ref;
    current = lookupPointer(doc, ref, `${side} spec at ${pointer}`);
  }
  if (!isObject(current)) {
    throw new SpecDiffError(`${side} spec: expected an object at ${currentPointer}, found ${describe(current)}`);
  }
  const merged = Object.keys(siblings).length > 0 ? { ...current, ...siblings } : current;
  return refName === undefined ? { node: merged, pointer: currentPointer } : { node: merged, refName, pointer: currentPointer };
}

function lookupPointer(doc: JsonObject, ref: string, where: string): unknown {
  if (!ref.startsWith("#/")) {
    throw new SpecDiffError(`${where}: only local $refs ("#/...") are supported, found "${ref}"; bundle the spec first`);
  }
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isObject(node) || !(key in node)) throw new SpecDiffError(`${where}: $ref "${ref}" does not resolve (no "${key}")`);
    node = node[key];
  }
  return node;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "undefined" ? "nothing" : `a ${typeof value}`;
}

/** Escapes one JSON-pointer segment (`/compute/clusters` → `~1compute~1clusters`). */
export function pointerSegment(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}
