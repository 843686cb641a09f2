/**
 * The wire client checks calls against the generated `paths` at compile time, as openapi-fetch would: only paths the
 * spec has for that method, required path parameters and bodies, and the spec's field types.
 */
import { describe, expectTypeOf, test } from "vitest";
import type { paths as V1Paths } from "../../generated/v1/schema.js";
import type { paths as V2Paths } from "../../generated/v2/schema.js";
import type { Decoded } from "../../src/adapters/decode.js";
import type { PathsWith, WireClient } from "../../src/adapters/wire-client.js";

declare const v2: WireClient<V2Paths>;
declare const v1: WireClient<V1Paths>;

describe("wire client types", () => {
  test("each verb accepts exactly the paths the spec defines for it", () => {
    expectTypeOf<PathsWith<V2Paths, "delete">>().toEqualTypeOf<"/compute/clusters/{cluster_id}" | "/compute/clusters/storage/volumes/{volume_id}">();
    expectTypeOf<PathsWith<V1Paths, "put">>().toEqualTypeOf<"/api/v1/gpu_cluster">();
    // @ts-expect-error: v2 has no DELETE on the collection
    void v2.delete("/compute/clusters");
    // @ts-expect-error: a v1 path is not a v2 path
    void v2.get("/api/v1/gpu_clusters");
  });

  test("path parameters are required where the template has them, and typed", () => {
    expectTypeOf(v2.get("/compute/clusters/{cluster_id}", { path: { cluster_id: "c" } })).toEqualTypeOf<Promise<Decoded>>();
    // @ts-expect-error: cluster_id is missing
    void v2.get("/compute/clusters/{cluster_id}", { path: {} });
    // @ts-expect-error: the request (with its path parameters) is required
    void v2.get("/compute/clusters/{cluster_id}");
    // @ts-expect-error: wrong parameter name
    void v1.get("/api/v1/gpu_cluster/{cluster_id}", { path: { id: "c" } });
  });

  test("queries and bodies follow the spec", () => {
    void v2.get("/compute/clusters", { query: { project_id: "p" } });
    void v2.get("/compute/clusters");
    // @ts-expect-error: project_id is a string
    void v2.get("/compute/clusters", { query: { project_id: 1 } });
    // @ts-expect-error: PUT of a v2 volume needs a body
    void v2.put("/compute/clusters/storage/volumes", {});
    // @ts-expect-error: size_tib is a number
    void v2.put("/compute/clusters/storage/volumes", { body: { volume_id: "v", size_tib: "2" } });
  });
});
