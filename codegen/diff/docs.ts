import type { DiffContext, Location } from "./context.js";
import type { JsonObject } from "./types.js";

/** Operation-level keys that only document (code samples included: Together ships stale ones, fixing them is docs). */
export const operationDocKeys = ["summary", "description", "externalDocs", "deprecated", "tags", "x-codeSamples", "x-code-samples"] as const;
/** Parameter, response and media-type keys that only document. */
export const parameterDocKeys = ["description", "example", "examples", "deprecated"] as const;
export const responseDocKeys = ["description"] as const;
export const mediaTypeDocKeys = ["example", "examples"] as const;
/** `info.version` is here on purpose: a bumped spec version with no other change is a docs-only release. */
export const infoDocKeys = ["title", "description", "version", "termsOfService", "contact", "license", "summary"] as const;

/** Records one `docs-changed` per location, naming the documentation keys that differ. */
export function compareDocs(ctx: DiffContext, before: JsonObject, after: JsonObject, keys: readonly string[], here: Location): void {
  const changed = keys.filter((key) => canonical(before[key]) !== canonical(after[key]));
  if (changed.length === 0) return;
  ctx.add("docs-changed", here, false, `Documentation changed (${changed.join(", ")}); no effect on the wire or on generated names.`);
}

/** Key-order-independent JSON, so re-serialized specs do not look changed. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
