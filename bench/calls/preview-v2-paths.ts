/**
 * Stand-in for generated/v2 `paths` until the generator lands: only the one
 * operation the benchmark calls, in openapi-typescript's output shape. Types
 * only; openapi-fetch behaves the same at run time whatever `paths` it gets.
 */
export interface paths {
  "/compute/clusters/{cluster_id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { cluster_id: string }; cookie?: never };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { "application/json": { cluster_id: string; [field: string]: unknown } };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
