import type { StatementStructures, WriterFunction } from "ts-morph";
import type { ApiModel, UnifiedModel } from "../ir.js";
import { tsBanner, type GeneratedFile } from "./header.js";
import { modelStatements } from "./models.js";
import { operationStatements } from "./operations.js";
import { specInfoStatements } from "./spec-info.js";
import { printStructure, StructureKind } from "./ts-morph.js";

/** Prints the ts-morph files for a model, in this thread or in a worker thread (ts-files.worker.mjs). */
export type TsFilesRenderer = (model: UnifiedModel) => Promise<GeneratedFile[]>;

/**
 * The files built from ts-morph structures: models.ts, operations.ts, spec-info.ts. Each is one batch of
 * structures printed once by ts-morph's structure printer. No Project: a source file in a Project is the same printed
 * text parsed back into a TypeScript AST, which nothing here reads (on large specs that parse was most of the emit time).
 */
export function renderTsFiles(model: UnifiedModel): GeneratedFile[] {
  const models: readonly ApiModel[] = [model.v1, model.v2];
  const render = (path: string, statements: (StatementStructures | WriterFunction)[]): GeneratedFile => ({ path, content: tsBanner(models) + printStatements(statements) });
  return [
    render("models.ts", modelStatements(model)),
    render("operations.ts", operationStatements(model)),
    render("spec-info.ts", specInfoStatements(model)),
  ];
}

/** One source file's statements printed by ts-morph's structure printer with PRINT_OPTIONS. */
export function printStatements(statements: (StatementStructures | WriterFunction)[]): string {
  return printStructure({ kind: StructureKind.SourceFile, statements }, PRINT_OPTIONS);
}

/** Two-space indent, double quotes, LF: what a ts-morph Project with those manipulation settings prints. */
const PRINT_OPTIONS = { indentNumberOfSpaces: 2, useTabs: false, newLine: "\n", useSingleQuote: false } as const;
