import { Location, type DiffContext } from "./context.js";
import { canonical } from "./docs.js";
import type { JsonObject } from "./types.js";

/** Extensions already reported as documentation (operationDocKeys). */
const documentedElsewhere = new Set(["x-codeSamples", "x-code-samples"]);

/**
 * Vendor extensions (`x-*`) anywhere in the document: they change no wire shape, but tools read them (Stainless,
 * Speakeasy, our own `x-reconstructed`), so a change is reported (patch) rather than dropped.
 */
export function compareExtensions(ctx: DiffContext): void {
  const before = collect(ctx.oldDoc);
  const after = collect(ctx.newDoc);
  for (const pointer of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const o = before.get(pointer);
    const n = after.get(pointer);
    if (o !== undefined && n !== undefined && canonical(o) === canonical(n)) continue;
    // An extension on a schema or operation that is itself new or gone comes with that (already reported) change.
    if (!parentExists(ctx.oldDoc, pointer) || !parentExists(ctx.newDoc, pointer)) continue;
    const what = o === undefined ? `was added (${short(n)})` : n === undefined ? `was removed (was ${short(o)})` : `changed from ${short(o)} to ${short(n)}`;
    ctx.add("extension-changed", new Location(pointer), false, `Vendor extension ${what}; no effect on the wire or on generated types.`);
  }
}

function collect(doc: JsonObject): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const walk = (value: unknown, pointer: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${pointer}/${index}`));
    else if (typeof value === "object" && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        const at = `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
        if (key.startsWith("x-") && !documentedElsewhere.has(key)) found.set(`#${at}`, child);
        else walk(child, at);
      }
    }
  };
  walk(doc, "");
  return found;
}

function parentExists(doc: JsonObject, pointer: string): boolean {
  const tokens = pointer.slice(2).split("/").slice(0, -1).map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
  let node: unknown = doc;
  for (const token of tokens) {
    if (typeof node !== "object" || node === null || !(token in node)) return false;
    node = (node as Record<string, unknown>)[token];
  }
  return typeof node === "object" && node !== null;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
