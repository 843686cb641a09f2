import { StructureKind, VariableDeclarationKind, type JSDocStructure, type OptionalKind, type StatementStructures } from "ts-morph";
import type { EnumDef, UnifiedModel } from "../ir.js";
import { enumTypeName, enumValuesName } from "../naming.js";
import { jsDocText } from "./header.js";

/**
 * Every enum of both specs as `export const v1XValues = [...] as const` plus `export type V1X`, named from its
 * location (naming.ts). This file is the only place enum value lists exist in the repository.
 */
export function enumStatements(model: UnifiedModel): StatementStructures[] {
  const all = [...model.v1.enums, ...model.v2.enums];
  return all.flatMap((def): StatementStructures[] => {
    const valuesName = enumValuesName(def.version, def.name);
    const docs = [enumDoc(def, all)];
    return [
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs,
        declarations: [{ name: valuesName, initializer: `[${def.values.map((v) => JSON.stringify(v)).join(", ")}] as const` }],
      },
      {
        kind: StructureKind.TypeAlias,
        isExported: true,
        docs,
        name: enumTypeName(def.version, def.name),
        type: `(typeof ${valuesName})[number]`,
      },
    ];
  });
}

function enumDoc(def: EnumDef, all: readonly EnumDef[]): OptionalKind<JSDocStructure> {
  const twins = all
    .filter((other) => other !== def && other.version === def.version && sameValues(other.values, def.values))
    .map((other) => enumValuesName(other.version, other.name));
  const lines = [
    def.description ? jsDocText(def.description) : `\`${def.source.pointer.split("/").at(-1) ?? def.name}\` values of the ${def.version} API.`,
    ...(twins.length > 0 ? ["", `Same values as ${twins.join(", ")} (kept separate: names follow locations, not values).`] : []),
  ];
  return {
    description: lines.join("\n"),
    tags: [
      { tagName: "see", text: `${def.source.file}:${def.source.line}:${def.source.col} ${def.source.pointer}` },
      ...(def.deprecated ? [{ tagName: "deprecated" }] : []),
    ],
  };
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
