import type { LoadedSpec } from "../load.js";
import { isRecord } from "../pointer.js";

/** Keys dropped from the document snapshots: documentation-only payload that the fake server never needs. */
const DROPPED_KEYS = new Set(["x-codeSamples"]);

/**
 * Each spec as a plain object literal (`v1Document`, `v2Document`), `$ref`s untouched, so the fake API can validate
 * requests at run time without bundling a YAML parser.
 *
 * This file is data, not code, so it is printed with JSON.stringify rather than through ts-morph: pushing megabytes of
 * JSON through ts-morph's writer character by character was the slowest step of the run on large specs.
 */
export function renderDocuments(specs: { readonly v1: LoadedSpec; readonly v2: LoadedSpec }): string {
  return (["v1", "v2"] as const)
    .map((version) => {
      const doc = `/** The ${version} spec (${specs[version].file}) as data; \`x-codeSamples\` removed, \`$ref\`s left as-is. */`;
      return `${doc}\nexport const ${version}Document = ${JSON.stringify(strip(specs[version].document), null, 2)};\n`;
    })
    .join("\n");
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !DROPPED_KEYS.has(key)).map(([key, child]) => [key, strip(child)]));
}
