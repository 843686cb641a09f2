import type { CodeBlockWriter, StatementStructures, WriterFunction } from "ts-morph";
import { StructureKind } from "./ts-morph.js";
import type { OperationDef, PairedOperation, UnifiedModel } from "../ir.js";
import { commentLine, commentLines, propertyKey, stringLiteral } from "./escape.js";
import { exportedConst } from "./literal.js";

/**
 * The operation index: for each unified operation, where it lives in v1 and in v2. A version without the operation
 * has no key for it, so `"v1" in operations.volumeUpdate` is false at run time and `operations.volumeUpdate.v1` is a
 * type error at compile time.
 */
export function operationStatements(model: UnifiedModel): (StatementStructures | WriterFunction)[] {
  return [
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: "OperationRef",
      docs: ["Where one unified operation lives in one API version."],
      properties: [
        { name: "method", isReadonly: true, type: `"get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace"` },
        { name: "path", isReadonly: true, type: "string", docs: ["Path template as written in the spec, relative to the server URL."] },
        { name: "operationId", isReadonly: true, type: "string" },
      ],
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: "OperationIndexEntry",
      docs: ["A unified operation; a missing side means that API version has no such operation."],
      properties: [
        { name: "v1", isReadonly: true, hasQuestionToken: true, type: "OperationRef" },
        { name: "v2", isReadonly: true, hasQuestionToken: true, type: "OperationRef" },
      ],
    },
    exportedConst("operations", ["Every operation of both specs, paired by what it does (codegen/config.ts), keyed by unified name."], (writer) =>
      writeIndex(writer, model.operations),
    ),
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: "UnifiedOperation",
      docs: ["Name of a unified operation."],
      type: "keyof typeof operations",
    },
  ];
}

function writeIndex(writer: CodeBlockWriter, operations: readonly PairedOperation[]): void {
  writer.write("{").newLine();
  writer.indent(() => {
    for (const op of operations) {
      writeDoc(writer, op);
      writer.write(`${propertyKey(op.name)}: {`).newLine();
      writer.indent(() => {
        for (const version of ["v1", "v2"] as const) {
          const def = op[version];
          if (def) writer.writeLine(`${version}: ${refLiteral(def)},`);
        }
      });
      writer.writeLine("},");
    }
  });
  writer.write("} as const satisfies Record<string, OperationIndexEntry>");
}

function refLiteral(def: OperationDef): string {
  return `{ method: ${stringLiteral(def.method)}, path: ${stringLiteral(def.path)}, operationId: ${stringLiteral(def.operationId)} }`;
}

function writeDoc(writer: CodeBlockWriter, op: PairedOperation): void {
  const lines: string[] = [];
  const summary = op.v2?.summary ?? op.v1?.summary;
  if (summary) lines.push(...commentLines(summary));
  if (!op.v1) lines.push("Only in v2.");
  if (!op.v2) lines.push("Only in v1.");
  const deprecatedSides = (["v1", "v2"] as const).filter((v) => op[v]?.deprecated);
  const presentSides = (["v1", "v2"] as const).filter((v) => op[v]);
  if (deprecatedSides.length > 0 && deprecatedSides.length < presentSides.length) lines.push(`Deprecated in ${deprecatedSides.join(", ")}.`);
  for (const version of presentSides) {
    const source = op[version]?.source;
    if (source) lines.push(`@see ${version}: ${commentLine(`${source.file}:${source.line}:${source.col} ${source.pointer}`)}`);
  }
  if (deprecatedSides.length > 0 && deprecatedSides.length === presentSides.length) lines.push("@deprecated Deprecated in every version that has it.");
  writer.writeLine("/**");
  for (const line of lines) writer.writeLine(line === "" ? " *" : ` * ${line}`);
  writer.writeLine(" */");
}
