import type { LoadedSpec } from "../load.js";
import { commentLine, jsonLiteral } from "./escape.js";

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
      const doc = `/** The ${version} spec (${commentLine(specs[version].file)}) as data; \`x-codeSamples\` removed, \`$ref\`s left as-is. */`;
      return `${doc}\nexport const ${version}Document = ${printWithoutDroppedKeys(specs[version].document)};\n`;
    })
    .join("\n");
}

/**
 * The document as an indented JSON literal (escape.ts jsonLiteral) without DROPPED_KEYS. A replacer function makes JSON.stringify call back into
 * JavaScript for every key (about 5x slower on a multi-MB spec), so the plain print goes first and the replacer runs
 * only when a dropped key shows up in its output. A false alarm (the key's text inside a string value) only costs the
 * slow path: the output is the same.
 */
function printWithoutDroppedKeys(document: unknown): string {
  const plain = jsonLiteral(document);
  for (const key of DROPPED_KEYS) if (plain.includes(JSON.stringify(key))) return jsonLiteral(document, dropKeys);
  return plain;
}

/** JSON.stringify replacer: drops DROPPED_KEYS at any depth while printing, instead of copying the document first. */
function dropKeys(this: unknown, key: string, value: unknown): unknown {
  return !Array.isArray(this) && DROPPED_KEYS.has(key) ? undefined : value;
}
