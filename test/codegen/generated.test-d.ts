import { describe, expectTypeOf, test } from "vitest";
import type {
  V1GPUClusterCreateResponseStatus,
  V1GPUClusterInfoDriverVersion,
  V2ClusterPhaseTransitionPhase,
  V2GPUClusterCreateRequestBillingType,
  V2GPUClusterInfoStatus,
  V2GPUClustersSharedVolumeStatus,
} from "../../generated/enums.js";
import type { V1GPUClusterInfo, V2GPUClusterInfo } from "../../generated/models.js";
import type { operations, OperationIndexEntry, UnifiedOperation } from "../../generated/operations.js";
import type { components as V1 } from "../../generated/v1/schema.js";
import type { components as V2 } from "../../generated/v2/schema.js";

// Two emitters describe the same enums: openapi-typescript (wire types) and ours (value arrays). They must agree.
describe("enums.ts types equal openapi-typescript's wire types", () => {
  test("v1", () => {
    expectTypeOf<V1GPUClusterInfoDriverVersion>().toEqualTypeOf<NonNullable<V1["schemas"]["GPUClusterInfo"]["driver_version"]>>();
    expectTypeOf<V1GPUClusterCreateResponseStatus>().toEqualTypeOf<NonNullable<V1["schemas"]["GPUClusterCreateResponse"]["status"]>>();
  });
  test("v2", () => {
    expectTypeOf<V2GPUClusterInfoStatus>().toEqualTypeOf<V2["schemas"]["GPUClusterInfo"]["status"]>();
    expectTypeOf<V2GPUClusterCreateRequestBillingType>().toEqualTypeOf<V2["schemas"]["GPUClusterCreateRequest"]["billing_type"]>();
    expectTypeOf<V2GPUClustersSharedVolumeStatus>().toEqualTypeOf<V2["schemas"]["GPUClustersSharedVolume"]["status"]>();
    expectTypeOf<V2ClusterPhaseTransitionPhase>().toEqualTypeOf<V2["schemas"]["ClusterPhaseTransition"]["phase"]>();
  });
});

describe("models.ts aliases point at the right version", () => {
  test("GPUClusterInfo differs between versions, so it is emitted per version", () => {
    expectTypeOf<V1GPUClusterInfo>().toEqualTypeOf<V1["schemas"]["GPUClusterInfo"]>();
    expectTypeOf<V2GPUClusterInfo>().toEqualTypeOf<V2["schemas"]["GPUClusterInfo"]>();
  });
});

describe("operations.ts", () => {
  test("UnifiedOperation is exactly the product's operations", () => {
    expectTypeOf<UnifiedOperation>().toEqualTypeOf<
      | "clusterCreate"
      | "clusterDelete"
      | "clusterGet"
      | "clusterList"
      | "clusterUpdate"
      | "regionList"
      | "volumeCreate"
      | "volumeDelete"
      | "volumeGet"
      | "volumeList"
      | "volumeUpdate"
    >();
  });
  test("entries keep literal paths, and a missing side is a missing key", () => {
    expectTypeOf<(typeof operations)["clusterList"]["v1"]["path"]>().toEqualTypeOf<"/api/v1/gpu_clusters">();
    expectTypeOf<(typeof operations)["clusterUpdate"]["v2"]["method"]>().toEqualTypeOf<"put">();
    expectTypeOf<(typeof operations)["volumeUpdate"]>().not.toHaveProperty("v1");
    expectTypeOf<(typeof operations)[UnifiedOperation]>().toExtend<OperationIndexEntry>();
  });
});
