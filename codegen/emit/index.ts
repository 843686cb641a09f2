import type { StatementStructures, WriterFunction } from "ts-morph";
import type { ApiModel, UnifiedModel } from "../ir.js";
import type { LoadedSpec } from "../load.js";
import { renderDocuments } from "./documents.js";
import { enumStatements } from "./enums.js";
import { markdownBanner, tsBanner, type GeneratedFile } from "./header.js";
import { modelStatements } from "./models.js";
import { wireTypesFile } from "./openapi-types.js";
import { operationStatements } from "./operations.js";
import { renderReport } from "./report.js";
import { specInfoStatements } from "./spec-info.js";
import { printStructure, StructureKind } from "./ts-morph.js";

/**
 * Every generated file, in memory. Each TypeScript file is built from one batch of ts-morph structures and printed
 * once by ts-morph's structure printer. No Project: a source file in a Project is the same printed text parsed back
 * into a TypeScript AST, which nothing here reads (on large specs that parse was most of the emit time).
 */
export async function emitAll(
  model: UnifiedModel,
  specs: { readonly v1: LoadedSpec; readonly v2: LoadedSpec },
  wireTypes: { readonly v1: Promise<string>; readonly v2: Promise<string> },
): Promise<GeneratedFile[]> {
  const models: readonly ApiModel[] = [model.v1, model.v2];
  const render = (path: string, statements: (StatementStructures | WriterFunction)[]): GeneratedFile => {
    const text = printStructure({ kind: StructureKind.SourceFile, statements }, PRINT_OPTIONS);
    return { path, content: tsBanner(models) + text };
  };
  const ours: GeneratedFile[] = [
    { path: "README.md", content: markdownBanner(models) + readme() },
    { path: "documents.ts", content: tsBanner(models) + renderDocuments(specs) },
    render("enums.ts", enumStatements(model)),
    { path: "merge-report.md", content: markdownBanner(models) + renderReport(model) },
    render("models.ts", modelStatements(model)),
    render("operations.ts", operationStatements(model)),
    render("spec-info.ts", specInfoStatements(model)),
  ];
  // Awaited last: openapi-typescript may be running in a worker while ts-morph prints the files above.
  const [v1Types, v2Types] = await Promise.all([wireTypes.v1, wireTypes.v2]);
  const files = [...ours, wireTypesFile(specs.v1, v1Types, models), wireTypesFile(specs.v2, v2Types, models)];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Two-space indent, double quotes, LF: what a ts-morph Project with those manipulation settings prints. */
const PRINT_OPTIONS = { indentNumberOfSpaces: 2, useTabs: false, newLine: "\n", useSingleQuote: false } as const;

function readme(): string {
  return `# generated/ — DO NOT EDIT

Every file here is written by \`codegen/main.ts\` from \`specs/v1.yaml\` and \`specs/v2.yaml\`.
Change the specs or \`codegen/\`, then run \`npm run generate\`. \`npm run generate -- --check\` (part of \`npm test\`)
fails when a file here is stale, missing, or no longer produced by the generator.

| file | what |
| --- | --- |
| \`v1/schema.ts\`, \`v2/schema.ts\` | openapi-typescript output (\`paths\`, \`components\`, \`operations\`) for openapi-fetch |
| \`enums.ts\` | every enum of both specs: \`v1<Location>Values\` arrays + \`V1<Location>\` types (the only enum lists in the repo) |
| \`operations.ts\` | \`operations\`: unified operation → v1/v2 method, path, operationId; \`UnifiedOperation\` |
| \`models.ts\` | one type alias per schema: shared name when identical in both specs, \`V1X\`/\`V2X\` otherwise |
| \`documents.ts\` | \`v1Document\`, \`v2Document\`: the specs as data (for the fake API's request validation) |
| \`spec-info.ts\` | \`specInfo\`: title, info.version, sha256 and path of each spec |
| \`merge-report.md\` | what differs between v1 and v2, per operation, schema and enum |
`;
}
