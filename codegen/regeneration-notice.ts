/**
 * What `npm run generate` says about the spec change it is about to write: per API version, what was added, removed
 * and broken since the last generation, and the version bump that implies (codegen/diff/regeneration.ts).
 *
 * The previous generation's spec snapshot is generated/documents.ts, so this must run BEFORE the output is rewritten.
 * The differ is loaded only when that snapshot changes (an unchanged regeneration costs one file read), and compares
 * the documents the pipeline already parsed.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { GeneratedFile } from "./emit/header.js";

/** The snapshot file whose change means "the specs changed". */
const snapshotPath = "documents.ts";

export async function regenerationNotice(
  files: readonly GeneratedFile[],
  config: { readonly out: string; readonly v1: string; readonly v2: string },
  documents: { readonly v1: Record<string, unknown>; readonly v2: Record<string, unknown> },
): Promise<string | undefined> {
  const next = files.find((file) => file.path === snapshotPath);
  if (next === undefined) return undefined;
  const current = await readFile(join(config.out, snapshotPath), "utf8").catch(() => undefined);
  if (current === next.content) return undefined;
  const { regenerationReport } = await import("./diff/regeneration.js");
  // The documents the pipeline just loaded: the differ compares them as they are (it never mutates its inputs).
  return regenerationReport(config, documents);
}
