import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { SpecDiffError } from "./refs.js";

/**
 * Reads one OpenAPI file (YAML or JSON) for the differ.
 * Adapter until codegen/load.ts can be reused: the differ only needs the parsed document, not source positions.
 */
export function loadSpecFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new SpecDiffError(`cannot read spec file ${path}: ${(error as Error).message}`);
  }
  try {
    return parse(text, { maxAliasCount: -1 });
  } catch (error) {
    throw new SpecDiffError(`${path} is not valid YAML/JSON: ${(error as Error).message}`);
  }
}
