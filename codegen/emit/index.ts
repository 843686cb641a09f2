import type { ApiModel, UnifiedModel } from "../ir.js";
import type { LoadedSpec } from "../load.js";
import { renderDocuments } from "./documents.js";
import { renderEnumStatements } from "./enums.js";
import { markdownBanner, tsBanner, type GeneratedFile } from "./header.js";
import { wireTypesFile } from "./openapi-types.js";
import { renderReport } from "./report.js";
import { renderStable, resolveStableNames, stableReportSection } from "./stable.js";

/**
 * Every generated file, in memory. This module prints the data and prose files as strings (documents.ts is JSON,
 * enums.ts a table of value lists in ts-morph's layout, merge-report.md is markdown); the other TypeScript
 * declarations come from ts-morph (ts-files.ts) and openapi-typescript,
 * both already started by the caller, possibly in worker threads, and awaited last so they run while this prints.
 */
export async function emitAll(
  model: UnifiedModel,
  specs: { readonly v1: LoadedSpec; readonly v2: LoadedSpec },
  pending: { readonly tsFiles: Promise<GeneratedFile[]>; readonly wireTypes: { readonly v1: Promise<string>; readonly v2: Promise<string> } },
): Promise<GeneratedFile[]> {
  const models: readonly ApiModel[] = [model.v1, model.v2];
  const stable = resolveStableNames(model, specs);
  const ours: GeneratedFile[] = [
    { path: "README.md", content: markdownBanner(models) + readme() },
    { path: "documents.ts", content: tsBanner(models) + renderDocuments(specs) },
    { path: "enums.ts", content: tsBanner(models) + renderEnumStatements(model) },
    { path: "merge-report.md", content: markdownBanner(models) + renderReport(model) + "\n" + stableReportSection(stable) },
    { path: "stable.ts", content: tsBanner(models) + renderStable(stable) },
  ];
  const [tsFiles, v1Types, v2Types] = await Promise.all([pending.tsFiles, pending.wireTypes.v1, pending.wireTypes.v2]);
  const files = [...ours, ...tsFiles, wireTypesFile(specs.v1, v1Types, models), wireTypesFile(specs.v2, v2Types, models)];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

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
| \`merge-report.md\` | what differs between v1 and v2, per operation, schema and enum; stable names that moved |
| \`stable.ts\` | the names handwritten code imports, keyed by meaning (\`codegen/stable-names.ts\`) |
`;
}
