import type { StatementStructures, WriterFunction } from "ts-morph";
import { StructureKind } from "./ts-morph.js";
import type { ApiModel, UnifiedModel } from "../ir.js";
import { stringLiteral } from "./escape.js";
import { exportedConst, writeLines } from "./literal.js";

/** generated/spec-info.ts: title, info.version, sha256 and repo-relative path of each spec. */
export function specInfoStatements(model: UnifiedModel): (StatementStructures | WriterFunction)[] {
  const entry = (m: ApiModel) =>
    `{ title: ${stringLiteral(m.title)}, version: ${stringLiteral(m.infoVersion)}, sha256: ${stringLiteral(m.sha256)}, file: ${stringLiteral(m.file)} }`;
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
    // Typed by the interface, not `as const`: its values change with every spec change, and as literal types each
    // change would be a change of the package's public types (a breaking one, to the release's surface diff).
    exportedConst(
      "specInfo",
      ["The specs this package was generated from."],
      (writer) => writeLines(writer, `{\n  v1: ${entry(model.v1)},\n  v2: ${entry(model.v2)},\n}`),
      'Readonly<Record<"v1" | "v2", SpecInfo>>',
    ),
  ];
}
