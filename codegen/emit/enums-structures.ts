import type { StatementStructures } from "ts-morph";
import type { UnifiedModel } from "../ir.js";
import { enumTypeName, enumValuesName } from "../naming.js";
import { enumDoc, twinNames, twinsIndex, valuesLiteral } from "./enums.js";
import { StructureKind, VariableDeclarationKind } from "./ts-morph.js";

/**
 * enums.ts as ts-morph structures: the definition of its layout. The generator prints the same text directly
 * (enums.ts renderEnumStatements, much faster on large specs); test/codegen/enums-text.test.ts holds the two equal.
 */
export function enumStatements(model: UnifiedModel): StatementStructures[] {
  const all = [...model.v1.enums, ...model.v2.enums];
  const byValues = twinsIndex(all);
  return all.flatMap((def): StatementStructures[] => {
    const valuesName = enumValuesName(def.version, def.name);
    const doc = enumDoc(def, twinNames(def, byValues));
    const docs = [{ description: doc.description, tags: [...doc.tags] }];
    return [
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs,
        declarations: [{ name: valuesName, initializer: `${valuesLiteral(def)} as const` }],
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

