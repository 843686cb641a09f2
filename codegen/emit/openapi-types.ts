import openapiTS, { astToString } from "openapi-typescript";
import type { ApiModel } from "../ir.js";
import type { LoadedSpec } from "../load.js";
import { tsBanner, type GeneratedFile } from "./header.js";

/**
 * Per-version wire types (`paths`, `components`, `operations`) for openapi-fetch, produced by openapi-typescript's
 * Node API with its default options. It gets a copy of the already parsed document, so each YAML file is parsed once.
 */
export async function emitWireTypes(spec: LoadedSpec, models: readonly ApiModel[]): Promise<GeneratedFile> {
  const nodes = await openapiTS(structuredClone(spec.document) as Parameters<typeof openapiTS>[0] & object, { silent: true });
  return { path: `${spec.version}/schema.ts`, content: tsBanner(models) + astToString(nodes) };
}
