import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSpecText } from "./load.js";
import { isObject } from "./refs.js";
import { apiVersions, summarizeRegeneration, type RegenerationSummary, type SpecSource, type SpecVersion } from "./regeneration.js";

/** Where the vendored specs live, relative to the repo root (the same paths generated/spec-info.ts records). */
export const specFiles = { v1: "specs/v1.yaml", v2: "specs/v2.yaml" } as const satisfies Record<SpecVersion, string>;

/**
 * The vendored specs as committed at `ref` (a tag of the last release, or HEAD), via `git show`.
 * A spec that did not exist at `ref` is left out: the summary then says there is nothing to compare with.
 */
export function specsAtRef(repoRoot: string, ref: string): Partial<Record<SpecVersion, unknown>> {
  const out: Partial<Record<SpecVersion, unknown>> = {};
  for (const version of apiVersions) {
    let text: string;
    try {
      text = execFileSync("git", ["show", `${ref}:${specFiles[version]}`], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch {
      continue;
    }
    out[version] = parseSpecText(text, `${ref}:${specFiles[version]}`);
  }
  return out;
}

/** The working tree's specs: documents plus their identity (sha256 of the file bytes, as in generated/spec-info.ts). */
export function currentSpecs(repoRoot: string): { documents: Record<SpecVersion, unknown>; sources: Record<SpecVersion, SpecSource> } {
  const documents = {} as Record<SpecVersion, unknown>;
  const sources = {} as Record<SpecVersion, SpecSource>;
  for (const version of apiVersions) {
    const file = specFiles[version];
    const bytes = readFileSync(join(repoRoot, file));
    const document = parseSpecText(bytes.toString("utf8"), file);
    const info = isObject(document.info) ? document.info : {};
    documents[version] = document;
    sources[version] = { file, version: String(info.version ?? ""), sha256: createHash("sha256").update(bytes).digest("hex") };
  }
  return { documents, sources };
}

/** What changed in specs/ since `ref`, per API version. */
export function summarizeSince(repoRoot: string, ref: string): { summary: RegenerationSummary; sources: Record<SpecVersion, SpecSource> } {
  const { documents, sources } = currentSpecs(repoRoot);
  return { summary: summarizeRegeneration(specsAtRef(repoRoot, ref), documents), sources };
}
