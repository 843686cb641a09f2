import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { diffSpecs } from "./index.js";
import { loadSpecFile } from "./load.js";
import { normalizePath } from "./operations.js";
import { renderChangelogEntry } from "./report.js";
import { maxBump } from "./semver.js";
import type { Bump, DiffResult } from "./types.js";
import { parseJsonLiteral } from "../emit/escape.js";

export const apiVersions = ["v1", "v2"] as const;
export type SpecVersion = (typeof apiVersions)[number];

/** What one regeneration changed, per API version, and the bump it implies for the package. */
export interface RegenerationSummary {
  readonly bump: Bump;
  /** `undefined` result = there was no earlier version to compare with (first run). */
  readonly versions: Readonly<Record<SpecVersion, DiffResult | undefined>>;
  /** Operations (`METHOD /path`) added and removed, per version compared. */
  readonly operations?: Readonly<Partial<Record<SpecVersion, { readonly added: readonly string[]; readonly removed: readonly string[] }>>>;
}

/**
 * Keys the generated documents snapshot drops (codegen/emit/documents.ts); removed from both sides so that a
 * snapshot-vs-spec comparison does not report them as changed.
 */
const snapshotDroppedKeys = new Set(["x-codeSamples"]);

/** Compares the previous generation's documents with the new spec documents, version by version. */
export function summarizeRegeneration(
  previous: Readonly<Partial<Record<SpecVersion, unknown>>>,
  next: Readonly<Record<SpecVersion, unknown>>,
): RegenerationSummary {
  const versions = {} as Record<SpecVersion, DiffResult | undefined>;
  const operations: Partial<Record<SpecVersion, { added: string[]; removed: string[] }>> = {};
  let bump: Bump = "none";
  for (const version of apiVersions) {
    const before = previous[version];
    const result = before === undefined ? undefined : diffSpecs(stripKeys(before), stripKeys(next[version]));
    versions[version] = result;
    if (result === undefined) continue;
    bump = maxBump(bump, result.bump);
    const [was, is] = [operationKeys(before), operationKeys(next[version])];
    operations[version] = { added: [...is].filter(([key]) => !was.has(key)).map(([, label]) => label), removed: [...was].filter(([key]) => !is.has(key)).map(([, label]) => label) };
  }
  return { bump, versions, operations };
}

const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * `METHOD /path` of every operation (a new path may bring several), keyed by the path with its parameters unnamed: a
 * renamed path parameter (`{volume_id}` → `{id}`) is the same URL, so the same operation (the diff reports the rename).
 */
function operationKeys(document: unknown): Map<string, string> {
  const paths = (document as { paths?: unknown } | undefined)?.paths;
  const keys = new Map<string, string>();
  if (typeof paths !== "object" || paths === null) return keys;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of httpMethods) {
      if (typeof item === "object" && item !== null && method in item) keys.set(`${method.toUpperCase()} ${normalizePath(path)}`, `${method.toUpperCase()} ${path}`);
    }
  }
  return keys;
}

/** Enough to see what broke without burying the rest of the generator's output. */
const maxListedBreaking = 10;

/** Terminal lines printed by `npm run generate`: per version, counts of added/removed/breaking and the bump. */
export function renderRegenerationSummary(summary: RegenerationSummary, since = "the last generation"): string {
  if (apiVersions.every((version) => summary.versions[version] === undefined)) {
    return "First generation: there is no earlier output to compare with, so no version bump is implied.\n";
  }
  const lines = [`Changes since ${since}:`];
  for (const version of apiVersions) {
    const result = summary.versions[version];
    if (result === undefined) {
      lines.push(`  ${version}: first generation (no earlier version to compare with)`);
      continue;
    }
    const breaking = result.changes.filter((c) => c.breaking);
    const ops = summary.operations?.[version] ?? { added: [], removed: [] };
    const opList = (list: readonly string[]) => (list.length === 0 ? "" : ` (${list.slice(0, 5).join(", ")}${list.length > 5 ? ", …" : ""})`);
    lines.push(
      `  ${version}: ${
        result.bump === "none"
          ? "no changes"
          : `operations: ${ops.added.length} added${opList(ops.added)}, ${ops.removed.length} removed${opList(ops.removed)}; ` +
            `${result.changes.length} change${result.changes.length === 1 ? "" : "s"}, ${breaking.length} breaking → ${result.bump}`
      }`,
    );
    for (const change of breaking.slice(0, maxListedBreaking)) lines.push(`    breaking [${change.kind}] ${change.location}: ${change.message}`);
    if (breaking.length > maxListedBreaking) lines.push(`    ... and ${breaking.length - maxListedBreaking} more breaking changes`);
  }
  lines.push(`Implied version bump: ${summary.bump}${summary.bump === "none" ? "" : " (details: npm run diff -- <old.yaml> <new.yaml>)"}`);
  return `${lines.join("\n")}\n`;
}

/** Identity of a spec a release was generated from (the shape of generated/spec-info.ts entries). */
export interface SpecSource {
  readonly file: string;
  readonly version: string;
  readonly sha256: string;
}

/**
 * The "Generated from" line every CHANGELOG.md entry carries; test/diff/regeneration.test.ts checks the top entry
 * against generated/spec-info.ts, so regenerating from a changed spec forces a new entry.
 */
export function generatedFromLine(sources: Readonly<Record<SpecVersion, SpecSource>>): string {
  const parts = apiVersions.map((v) => `${v} \`${sources[v].file}\` (info.version ${sources[v].version}, sha256:${sources[v].sha256.slice(0, 12)})`);
  return `Generated from ${parts.join(", ")}.`;
}

/** A CHANGELOG.md entry for a regeneration, one section per API version that changed. */
export function regenerationChangelog(version: string, summary: RegenerationSummary, sources: Readonly<Record<SpecVersion, SpecSource>>, date?: string): string {
  const sections = apiVersions.flatMap((v) => {
    const result = summary.versions[v];
    return result === undefined || result.bump === "none" ? [] : [{ title: `${v} spec`, result }];
  });
  const [heading, ...rest] = renderChangelogEntry(version, sections, date).split("\n");
  return [heading, "", generatedFromLine(sources), ...rest].join("\n");
}

/**
 * The documents of the previous generation (generated/documents.ts), read before it is overwritten.
 * Missing or unreadable → `{}` (first generation): the summary then says there is nothing to compare with.
 */
export async function readPreviousDocuments(generatedDir: string): Promise<Partial<Record<SpecVersion, unknown>>> {
  const file = join(generatedDir, "documents.ts");
  if (!existsSync(file)) return {};
  const parsed = parseDocumentsSnapshot(readFileSync(file, "utf8"));
  if (parsed) return parsed;
  try {
    // Not in the layout renderDocuments prints: let the module loader read it (TypeScript needs tsx registered).
    // A query string defeats the module cache, so a second run in one process sees the file as it is now.
    const module = (await import(`${pathToFileURL(file).href}?t=${Date.now()}`)) as Record<string, unknown>;
    return { v1: module.v1Document, v2: module.v2Document };
  } catch {
    return {};
  }
}

/**
 * The two documents of a documents.ts as codegen/emit/documents.ts prints it (`export const vNDocument = <JSON>;`),
 * read with JSON.parse: no module loader (the bundled generator runs without tsx) and no TypeScript transform of a
 * multi-MB file. Undefined when the text is not in that layout. JSON.stringify never puts a raw line break inside a
 * string, so the first `;` + line break after the `=` ends the literal.
 */
export function parseDocumentsSnapshot(text: string): Partial<Record<SpecVersion, unknown>> | undefined {
  const documents: Partial<Record<SpecVersion, unknown>> = {};
  for (const version of apiVersions) {
    const marker = `\nexport const ${version}Document = `;
    const start = text.indexOf(marker);
    if (start < 0) return undefined;
    const end = text.indexOf(";\n", start + marker.length);
    if (end < 0) return undefined;
    try {
      documents[version] = parseJsonLiteral(text.slice(start + marker.length, end));
    } catch {
      return undefined;
    }
  }
  return documents;
}

/**
 * Everything `npm run generate` needs in one call, to be made BEFORE generated/ is rewritten:
 * previous snapshot vs the spec files about to be generated from. `next`: those specs' documents when the caller
 * has already loaded them (the generator has); the files are read only when there is a previous snapshot and no
 * `next`, so a large spec is not parsed a second time.
 */
export async function regenerationReport(
  config: { readonly out: string; readonly v1: string; readonly v2: string },
  next?: Readonly<Record<SpecVersion, unknown>>,
): Promise<string> {
  const previous = await readPreviousDocuments(config.out);
  const hasPrevious = apiVersions.some((version) => previous[version] !== undefined);
  const documents = next ?? (hasPrevious ? { v1: loadSpecFile(config.v1), v2: loadSpecFile(config.v2) } : { v1: undefined, v2: undefined });
  return renderRegenerationSummary(summarizeRegeneration(previous, documents));
}

function stripKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !snapshotDroppedKeys.has(key)).map(([key, v]) => [key, stripKeys(v)]));
}
