import type { ApiVersion, Difference, EnumDef, OperationDef, PairedOperation, PairedSchema, UnifiedModel } from "../ir.js";
import { byCodePoint, schemaRenameReason } from "../naming.js";
import { markdownCode, oneLine } from "./escape.js";

/**
 * generated/merge-report.md: what a reviewer of a spec-change PR needs to see. Per paired operation and schema it
 * lists what exists in one version only (fields, parameters, enum values), required-flag and type differences.
 */
export function renderReport(model: UnifiedModel): string {
  return [
    "# v1 ↔ v2 merge report",
    "",
    specTable(model),
    summary(model),
    ...warningsSection(model),
    operationsSection(model),
    schemasSection(model),
    enumsSection(model),
  ].join("\n");
}

function specTable(model: UnifiedModel): string {
  // No hashes: they live in spec-info.ts alone, so the report changes only when what it says changes.
  const rows = [model.v1, model.v2].map((m) => `| ${m.version} | ${cellCode(m.file)} | ${cell(m.title || "(untitled)")} | ${cell(m.infoVersion)} | ${m.openapi} |`);
  return ["| version | file | title | info.version | openapi |", "| --- | --- | --- | --- | --- |", ...rows, ""].join("\n");
}

function summary(model: UnifiedModel): string {
  const ops = model.operations;
  const schemas = model.schemas;
  const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;
  return [
    "## Summary",
    "",
    `- Operations: ${ops.length} unified; ${count(ops, (o) => !!o.v1 && !!o.v2)} in both versions, ${count(ops, (o) => !o.v2)} only in v1, ${count(ops, (o) => !o.v1)} only in v2.`,
    `- Schemas: ${schemas.length}; ${count(schemas, (s) => s.identical)} identical (emitted once), ${count(schemas, (s) => !!s.v1 && !!s.v2 && !s.identical)} differ (emitted per version), ${count(schemas, (s) => !s.v2)} only in v1, ${count(schemas, (s) => !s.v1)} only in v2.`,
    `- Enums: ${model.v1.enums.length} in v1, ${model.v2.enums.length} in v2.`,
    "",
  ].join("\n");
}

/** What the generator accepted but a person should look at (also printed by `npm run generate`). */
function warningsSection(model: UnifiedModel): string[] {
  const warnings = model.warnings ?? [];
  if (warnings.length === 0) return [];
  return [["## Warnings", "", ...warnings.map((warning) => `- ${oneLine(warning)}`), ""].join("\n")];
}

function operationsSection(model: UnifiedModel): string {
  const header = ["## Operations", "", "| unified | v1 | v2 | pairing |", "| --- | --- | --- | --- |"];
  const rows = model.operations.map((op) => `| ${cellCode(op.name)} | ${opCell(op.v1)} | ${opCell(op.v2)} | ${pairingText(op)} |`);
  const details = model.operations.map(operationDetails);
  return [...header, ...rows, "", ...details].join("\n");
}

function opCell(def: OperationDef | undefined): string {
  if (!def) return "—";
  return `${cellCode(`${def.method.toUpperCase()} ${def.path}`)} (${cellCode(def.operationId)})${def.deprecated ? " **deprecated**" : ""}`;
}

function pairingText(op: PairedOperation): string {
  switch (op.pairedBy) {
    case "config":
      return "codegen/config.ts";
    case "same-operation-id":
      return "same operationId (not in codegen/config.ts)";
    case "unpaired":
      return op.v1 ? "**one-sided: only in v1**" : "**one-sided: only in v2**";
  }
}

function operationDetails(op: PairedOperation): string {
  const lines = [`### ${code(op.name)}`, ""];
  if (!op.v1 || !op.v2) {
    const present: ApiVersion = op.v1 ? "v1" : "v2";
    lines.push(`One-sided: exists only in ${present}; the ${present === "v1" ? "v2" : "v1"} API has no such operation.`, "");
    return lines.join("\n");
  }
  if (op.pairedBy === "same-operation-id") lines.push("Paired because both specs use the same operationId; name it in `codegen/config.ts`.", "");
  lines.push(...differenceList(op.differences, "No differences in parameters, request body or responses beyond the schemas they reference."), "");
  return lines.join("\n");
}

function schemasSection(model: UnifiedModel): string {
  const header = ["## Schemas", "", "| schema | status | generated/models.ts |", "| --- | --- | --- |"];
  const rows = model.schemas.map((s) => `| ${cellCode(s.name)} | ${schemaStatus(s)} | ${Object.values(s.emittedNames).map(cellCode).join(", ")} |`);
  const details = model.schemas.filter((s) => s.v1 && s.v2 && !s.identical).map(schemaDetails);
  return [...header, ...rows, "", ...renamedSchemas(model), ...details].join("\n");
}

/** Schemas whose spec name cannot be a TypeScript type name as it is (naming.ts schemaNamePart). */
function renamedSchemas(model: UnifiedModel): string[] {
  const renamed = model.schemas.flatMap((s) => {
    const reason = schemaRenameReason(s.name);
    return reason === undefined ? [] : [`- ${code(s.name)} is ${reason}: emitted as ${Object.values(s.emittedNames).map(code).join(", ")}`];
  });
  return renamed.length === 0 ? [] : ["### Renamed for TypeScript", "", ...renamed, ""];
}

function schemaStatus(schema: PairedSchema): string {
  if (!schema.v2) return "only in v1";
  if (!schema.v1) return "only in v2";
  return schema.identical ? "identical" : "differs";
}

function schemaDetails(schema: PairedSchema): string {
  return [
    `### ${code(schema.name)}`,
    "",
    ...differenceList(schema.differences, "Own fields match; it differs only through the schemas it references (see their sections)."),
    "",
  ].join("\n");
}

function differenceList(differences: readonly Difference[], emptyText: string): string[] {
  if (differences.length === 0) return [emptyText];
  return differences.map(differenceLine);
}

/** One bullet per difference; wording is stable so tests and reviewers can grep it. */
export function differenceLine(d: Difference): string {
  switch (d.kind) {
    case "only-in":
      return `- ${d.what} only in ${d.version}: ${code(d.path)}`;
    case "enum-values":
      return `- enum values only in ${d.version}: ${code(d.path)}: ${d.values.map(code).join(", ")}`;
    case "required":
      return `- required differs: ${code(d.path)}: v1 ${d.v1 ? "required" : "optional"}, v2 ${d.v2 ? "required" : "optional"}`;
    case "type":
      return `- type differs: ${code(d.path)}: v1 ${code(d.v1)}, v2 ${code(d.v2)}`;
  }
}

function enumsSection(model: UnifiedModel): string {
  const names = [...new Set([...model.v1.enums, ...model.v2.enums].map((e) => e.name))].sort(byCodePoint);
  // Indexed by name (first wins, as a scan would): thousands of enums on a large spec.
  const byName = (list: readonly EnumDef[]) => list.reduce((index, e) => (index.has(e.name) ? index : index.set(e.name, e)), new Map<string, EnumDef>());
  const v1 = byName(model.v1.enums);
  const v2 = byName(model.v2.enums);
  const rows = names.map((name) => {
    const a = v1.get(name);
    const b = v2.get(name);
    const onlyV1 = a && b ? a.values.filter((v) => !b.values.includes(v)) : [];
    const onlyV2 = a && b ? b.values.filter((v) => !a.values.includes(v)) : [];
    return `| ${cellCode(name)} | ${a ? a.values.length : "—"} | ${b ? b.values.length : "—"} | ${values(onlyV1, a && !b)} | ${values(onlyV2, b && !a)} |`;
  });
  if (rows.length === 0) return ["## Enums", "", "Neither spec declares an enum.", ""].join("\n");
  return [
    "## Enums",
    "",
    "Enums are matched by location name (see codegen/naming.ts); value lists live in generated/enums.ts.",
    "",
    "| enum location | v1 values | v2 values | only in v1 | only in v2 |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

function values(list: readonly string[], wholeEnumOneSided: boolean | undefined): string {
  if (wholeEnumOneSided) return "(whole enum)";
  return list.length === 0 ? "" : list.map(cellCode).join(", ");
}

function cell(text: string): string {
  return oneLine(text).replaceAll("|", "\\|");
}

function code(text: string): string {
  return markdownCode(text);
}

function cellCode(text: string): string {
  return markdownCode(text, true);
}
