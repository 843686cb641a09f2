import openapiTS, { astToString } from "openapi-typescript";
import { CodegenError } from "../errors.js";
import type { ApiModel } from "../ir.js";
import type { LoadedSpec } from "../load.js";
import { tsBanner, type GeneratedFile } from "./header.js";

/**
 * Per-version wire types (`paths`, `components`, `operations`) for openapi-fetch, produced by openapi-typescript's
 * Node API with its default options. It gets a copy of the already parsed document, so each YAML file is parsed once.
 */
export async function emitWireTypes(spec: LoadedSpec, models: readonly ApiModel[]): Promise<GeneratedFile> {
  let nodes;
  try {
    nodes = await openapiTS(structuredClone(spec.document) as Parameters<typeof openapiTS>[0] & object, { silent: true });
  } catch (error) {
    // Our loader accepted the spec, so whatever openapi-typescript (Redocly) rejects is still a spec problem: exit 2.
    const message = (error as Error).message.split("\n")[0] ?? String(error);
    throw new CodegenError(spec.locate("#"), `openapi-typescript could not process this spec: ${message}`);
  }
  return { path: `${spec.version}/schema.ts`, content: tsBanner(models) + astToString(nodes) };
}
