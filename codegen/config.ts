import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (codegen/ lives directly under it). Display paths in banners are relative to it. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * One unified operation: which operationId implements it in each version. Pairing is by what an operation does,
 * decided here by a person, never by matching paths (v1 `/api/v1/gpu_cluster` and v2 `/compute/clusters` share
 * nothing textual). A side left out means the version has no such operation.
 */
export interface OperationPairing {
  /** Unified name used in generated/operations.ts; `<resource><Action>`. */
  readonly name: string;
  readonly v1?: string;
  readonly v2?: string;
}

/**
 * The product's operations. An operationId present in a spec but absent here still appears in the index:
 * paired with the other version's operation of the same operationId if there is one, one-sided otherwise,
 * named by naming.camelCase(operationId). The merge report flags both cases so this table can be updated.
 */
export const operationPairings: readonly OperationPairing[] = [
  { name: "clusterList", v1: "GPUClusterService_List", v2: "GPUClusterService_List" },
  { name: "clusterGet", v1: "GPUClusterService_Get", v2: "GPUClusterService_Get" },
  { name: "clusterCreate", v1: "GPUClusterService_Create", v2: "GPUClusterService_Create" },
  // v1 takes cluster_id in the PUT body at /api/v1/gpu_cluster, v2 in the path: same operation, different shape.
  { name: "clusterUpdate", v1: "GPUClusterService_Update", v2: "GPUClusterService_Update" },
  { name: "clusterDelete", v1: "GPUClusterService_Delete", v2: "GPUClusterService_Delete" },
  { name: "regionList", v1: "RegionService_List", v2: "RegionService_List" },
  { name: "volumeList", v1: "SharedVolumeService_List", v2: "SharedVolumeService_List" },
  { name: "volumeGet", v1: "SharedVolumeService_Get", v2: "SharedVolumeService_Get" },
  { name: "volumeCreate", v1: "SharedVolumeService_Create", v2: "SharedVolumeService_Create" },
  // v1 has no shared-volume update (see /work/shared/reference/v1-tcloud/README.md).
  { name: "volumeUpdate", v2: "SharedVolumeService_Update" },
  { name: "volumeDelete", v1: "SharedVolumeService_Delete", v2: "SharedVolumeService_Delete" },
];

/** Everything one generator run needs. */
export interface CodegenConfig {
  /** Absolute path of the v1 spec. */
  readonly v1: string;
  /** Absolute path of the v2 spec. */
  readonly v2: string;
  /** Absolute path of the output folder. */
  readonly out: string;
  readonly pairings: readonly OperationPairing[];
}

/** `npm run generate` without arguments: specs/ in, generated/ out, the product pairing table. */
export const defaultConfig: CodegenConfig = {
  v1: resolve(repoRoot, "specs/v1.yaml"),
  v2: resolve(repoRoot, "specs/v2.yaml"),
  out: resolve(repoRoot, "generated"),
  pairings: operationPairings,
};
