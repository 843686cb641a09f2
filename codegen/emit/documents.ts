import { StructureKind, type StatementStructures, type WriterFunction } from "ts-morph";
import type { ApiModel, UnifiedModel } from "../ir.js";
import type { LoadedSpec } from "../load.js";
import { isRecord } from "../pointer.js";
import { exportedConst, writeLines } from "./literal.js";

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

/** generated/spec-info.ts: title, info.version, sha256 and repo-relative path of each spec. */
export function specInfoStatements(model: UnifiedModel): (StatementStructures | WriterFunction)[] {
  const entry = (m: ApiModel) =>
    `{ title: ${JSON.stringify(m.title)}, version: ${JSON.stringify(m.infoVersion)}, sha256: ${JSON.stringify(m.sha256)}, file: ${JSON.stringify(m.file)} }`;
  return [
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: "SpecInfo",
      docs: ["Identity of one vendored spec."],
      properties: [
        { name: "title", isReadonly: true, type: "string", docs: ["`info.title`."] },
        { name: "version", isReadonly: true, type: "string", docs: ["`info.version`."] },
        { name: "sha256", isReadonly: true, type: "string", docs: ["SHA-256 of the spec file's bytes (hex)."] },
        { name: "file", isReadonly: true, type: "string", docs: ["Path relative to the repository root."] },
      ],
    },
    exportedConst("specInfo", ["The specs this package was generated from."], (writer) =>
      writeLines(writer, `{\n  v1: ${entry(model.v1)},\n  v2: ${entry(model.v2)},\n} as const satisfies Record<"v1" | "v2", SpecInfo>`),
    ),
  ];
}
