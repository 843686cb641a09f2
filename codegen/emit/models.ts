import type { ImportDeclarationStructure, StatementStructures, TypeAliasDeclarationStructure } from "ts-morph";
import { StructureKind } from "./ts-morph.js";
import type { PairedSchema, SchemaDef, UnifiedModel } from "../ir.js";
import { commentLine, commentText, stringLiteral } from "./escape.js";

/**
 * generated/models.ts: one type alias per schema of the merged model, pointing into the per-version wire types.
 * A schema identical in both versions (structurally, after `$ref` resolution) is emitted once under its own name;
 * one that differs, or exists in one version only, is emitted per version as `V1<Name>` / `V2<Name>`.
 */
export function modelStatements(model: UnifiedModel): StatementStructures[] {
  const aliases = model.schemas.flatMap(schemaAliases);
  const used = (version: "v1" | "v2") => aliases.some((a) => String(a.type).startsWith(`${version.toUpperCase()}Components`));
  const imports: ImportDeclarationStructure[] = (["v1", "v2"] as const)
    .filter(used)
    .map((version) => ({
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: `./${version}/schema.js`,
      namedImports: [{ name: "components", alias: `${version.toUpperCase()}Components` }],
    }));
  return [...imports, ...aliases];
}

function schemaAliases(schema: PairedSchema): TypeAliasDeclarationStructure[] {
  if (schema.emittedNames.shared && schema.v1) return [alias(schema.emittedNames.shared, "v1", schema.v1, sharedNote(schema))];
  return (["v1", "v2"] as const).flatMap((version): TypeAliasDeclarationStructure[] => {
    const def = schema[version];
    const name = schema.emittedNames[version];
    return def && name ? [alias(name, version, def, splitNote(schema, version))] : [];
  });
}

function alias(name: string, version: "v1" | "v2", def: SchemaDef, note: string): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    isExported: true,
    name,
    type: `${version.toUpperCase()}Components["schemas"][${stringLiteral(def.name)}]`,
    docs: [
      {
        description: commentText([def.description, note].filter((line) => line !== undefined && line !== "").join("\n\n")),
        tags: [{ tagName: "see", text: commentLine(`${def.source.file}:${def.source.line}:${def.source.col} ${def.source.pointer}`) }, ...(def.deprecated ? [{ tagName: "deprecated" }] : [])],
      },
    ],
  };
}

function sharedNote(schema: PairedSchema): string {
  return `Identical in v1 and v2 (structurally, after $ref resolution): emitted once, as v1's \`${schema.name}\`.`;
}

function splitNote(schema: PairedSchema, version: "v1" | "v2"): string {
  const other = version === "v1" ? "v2" : "v1";
  return schema[other] ? `Differs from ${other}'s \`${schema.name}\`; see generated/merge-report.md.` : `Only in ${version}.`;
}
