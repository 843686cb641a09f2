import { createRequire } from "node:module";
import { CodegenError } from "../errors.js";
import type { ApiModel } from "../ir.js";
import type { LoadedSpec } from "../load.js";
import { tsBanner, type GeneratedFile } from "./header.js";

/** Turns one parsed OpenAPI document into openapi-typescript's printed output (without our banner). */
export type WireTypesRenderer = (document: Record<string, unknown>) => Promise<string>;

/**
 * openapi-typescript with its default options, in this thread (openapi-typescript-render.cjs: its transform without
 * Redocly, or its public API after an upgrade). It gets a copy of the already parsed document (it mutates its input),
 * so each YAML file is parsed once. Loaded on first use: the CLI runs it in a worker instead (wire-types-worker.ts)
 * and then never loads it here.
 */
export const renderWireTypesInProcess: WireTypesRenderer = async (document) => {
  const { loadRenderer } = createRequire(import.meta.url)("./openapi-typescript-render.cjs") as typeof import("./openapi-typescript-render.cjs");
  return loadRenderer().render(structuredClone(document));
};

/**
 * Per-version wire types (`paths`, `components`, `operations`) for openapi-fetch, from a conversion already under way
 * (`pending`). The caller awaits it only after its own validation, so a located CodegenError from loading or
 * normalization still wins over an openapi-typescript failure, which is reported here at the spec's root.
 */
export function locateWireTypesFailure(spec: LoadedSpec, pending: Promise<string>): Promise<string> {
  const located = pending.catch((error: unknown) => {
    // Our loader accepted the spec, so whatever openapi-typescript rejects is still a spec problem: exit 2.
    const message = (error as Error).message.split("\n")[0] ?? String(error);
    // openapi-typescript names the node it rejects as `#/pointer: reason`: locate that node when it does.
    const pointed = /^(#\/\S*?):\s+(.*)$/.exec(message);
    const location = pointed?.[1] === undefined ? spec.locate("#") : spec.locate(pointed[1]);
    throw new CodegenError(location, `openapi-typescript could not process this spec: ${pointed?.[2] ?? message}`);
  });
  // Not awaited until later (maybe never, when another error ends the run first): keep it from being "unhandled".
  located.catch(() => undefined);
  return located;
}

/** The generated file for one version's wire types. */
export function wireTypesFile(spec: LoadedSpec, text: string, models: readonly ApiModel[]): GeneratedFile {
  return { path: `${spec.version}/schema.ts`, content: tsBanner(models) + text };
}
