/** Types for openapi-typescript-render.cjs (plain CommonJS so the worker thread loads it without tsx). */

/** One way of turning a parsed OpenAPI document into openapi-typescript's printed output. */
export interface OpenApiTypescriptRenderer {
  /** "direct": openapi-typescript's transform + printer without Redocly; "public": its openapiTS() API. */
  readonly mode: "direct" | "public";
  /** May mutate `document`: pass a copy. */
  render(document: Record<string, unknown>): Promise<string>;
}

/** The openapi-typescript release the direct path replicates. */
export declare const DIRECT_PATH_VERSION: string;
/**
 * The direct path, or undefined when the installed openapi-typescript is not `forVersion` (default
 * DIRECT_PATH_VERSION) or its internals moved.
 */
export declare function directRenderer(forVersion?: string): OpenApiTypescriptRenderer | undefined;
/** openapiTS() with `{ silent: true }`. */
export declare function publicRenderer(): OpenApiTypescriptRenderer;
/** directRenderer() when available, else publicRenderer(); loaded once per thread. */
export declare function loadRenderer(): OpenApiTypescriptRenderer;
