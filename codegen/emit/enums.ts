import type { JSDocStructure, OptionalKind, StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "./ts-morph.js";
import type { EnumDef, UnifiedModel } from "../ir.js";
import { enumTypeName, enumValuesName } from "../naming.js";
import { jsDocText } from "./header.js";

/**
 * Every enum of both specs as `export const v1XValues = [...] as const` plus `export type V1X`, named from its
 * location (naming.ts). This file is the only place enum value lists exist in the repository.
 */
export function enumStatements(model: UnifiedModel): StatementStructures[] {
  const all = [...model.v1.enums, ...model.v2.enums];
  // Group by version + value list once; comparing every pair is quadratic and large specs have thousands of enums.
  const byValues = new Map<string, EnumDef[]>();
  for (const def of all) {
    const key = valuesKey(def);
    byValues.set(key, [...(byValues.get(key) ?? []), def]);
  }
  return all.flatMap((def): StatementStructures[] => {
    const valuesName = enumValuesName(def.version, def.name);
    const twins = (byValues.get(valuesKey(def)) ?? []).filter((other) => other !== def).map((other) => enumValuesName(other.version, other.name));
    const docs = [enumDoc(def, twins)];
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

function valuesKey(def: EnumDef): string {
  return JSON.stringify([def.version, def.values]);
}

function enumDoc(def: EnumDef, twins: readonly string[]): OptionalKind<JSDocStructure> {
  const lines = [
    def.description ? jsDocText(def.description) : `\`${def.source.pointer.split("/").at(-1) ?? def.name}\` values of the ${def.version} API.`,
    ...(twins.length > 0 ? ["", `Same values as ${twinList(twins)} (kept separate: names follow locations, not values).`] : []),
  ];
  return {
    description: lines.join("\n"),
    tags: [
      { tagName: "see", text: `${def.source.file}:${def.source.line}:${def.source.col} ${def.source.pointer}` },
      ...(def.deprecated ? [{ tagName: "deprecated" }] : []),
    ],
  };
}

/** Names a few twins only: listing all of them makes the file grow quadratically on specs that repeat one enum a lot. */
const MAX_TWINS_NAMED = 3;

function twinList(twins: readonly string[]): string {
  if (twins.length <= MAX_TWINS_NAMED) return twins.join(", ");
  return `${twins.slice(0, MAX_TWINS_NAMED).join(", ")} and ${twins.length - MAX_TWINS_NAMED} more`;
}
