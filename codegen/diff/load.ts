import { readFileSync } from "node:fs";
import { isCodegenError } from "../errors.js";
import { parseSpec } from "../load.js";
import { SpecDiffError } from "./refs.js";

/**
 * Reads one spec file for the differ through the generator's own loader (codegen/load.ts), so YAML errors and
 * dangling `$ref`s are reported as `file:line:col pointer: detail` exactly as `npm run generate` reports them.
 */
export function loadSpecFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new SpecDiffError(`cannot read spec file ${path}: ${(error as Error).message}`);
  }
  return parseSpecText(text, path);
}

/** Parses spec text (e.g. from `git show`); `label` names it in error messages. */
export function parseSpecText(text: string, label: string): Record<string, unknown> {
  try {
    // The API version only labels the loader's messages; the differ treats both files alike.
    return parseSpec(text, label, /\/api\/v1\//.test(text) ? "v1" : "v2").document;
  } catch (error) {
    if (isCodegenError(error)) throw new SpecDiffError(error.message);
    throw error;
  }
}
