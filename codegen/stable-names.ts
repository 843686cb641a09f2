/**
 * The naming table for every generated name handwritten code imports: keyed by meaning, not by spelling in a spec.
 *
 * generated/stable.ts exports one name per entry (`V2Cluster`, `v2ClusterStatusValues` + `V2ClusterStatus`),
 * resolved at generation time from `pointer`. When a spec renames a schema or moves a path, the pointer stops finding
 * its schema; the entry is then found through `via` (an operation's answer or request body, which a rename does not
 * change), the exported name stays the same, and the merge report and `npm run generate` say which entry needs its
 * pointer updated. Only when both miss does the name disappear (and the compiler points at its importers).
 *
 * Review changes to this table like code: an entry's meaning is its name; its pointer is where that meaning lives today.
 */

/** One step from a schema into it: a property name, or `items` of an array. */
export type SchemaStep = string;

/** Where an entry can be found when its pointer no longer resolves. */
export interface Via {
  readonly operationId: string;
  /** The 2xx JSON answer, or the JSON request body. */
  readonly in: "response" | "request";
  /** Steps from that body's schema to the entry (`[]`: the body itself). */
  readonly steps: readonly SchemaStep[];
}

/** A schema type (`kind: "type"`) or an enum (`kind: "enum"`, which exports the values array too). */
export interface StableName {
  readonly version: "v1" | "v2";
  /** Name stem: `Cluster` → `V2Cluster`; for enums also `v2ClusterStatusValues`. */
  readonly name: string;
  readonly kind: "type" | "enum";
  /** JSON pointer into the spec: `#/components/schemas/<S>` followed by `/properties/<p>` and `/items` steps. */
  readonly pointer: string;
  readonly via: Via;
}

const answer = (operationId: string, ...steps: SchemaStep[]): Via => ({ operationId, in: "response", steps });
const body = (operationId: string, ...steps: SchemaStep[]): Via => ({ operationId, in: "request", steps });
const schema = (name: string, ...steps: SchemaStep[]) => `#/components/schemas/${[name, ...steps.map((s) => (s === "items" ? "items" : `properties/${s}`))].join("/")}`;

export const stableNames: readonly StableName[] = [
  // v2 answers
  { version: "v2", name: "Cluster", kind: "type", pointer: schema("GPUClusterInfo"), via: answer("GPUClusterService_Get") },
  { version: "v2", name: "ClusterList", kind: "type", pointer: schema("GPUClusters"), via: answer("GPUClusterService_List") },
  { version: "v2", name: "ClusterVolume", kind: "type", pointer: schema("GPUClusterVolume"), via: answer("GPUClusterService_Get", "volumes", "items") },
  { version: "v2", name: "ControlPlaneNode", kind: "type", pointer: schema("GPUClusterControlPlaneNode"), via: answer("GPUClusterService_Get", "control_plane_nodes", "items") },
  { version: "v2", name: "WorkerNode", kind: "type", pointer: schema("GPUClusterGPUWorkerNode"), via: answer("GPUClusterService_Get", "gpu_worker_nodes", "items") },
  { version: "v2", name: "ClusterDeleteAnswer", kind: "type", pointer: "", via: answer("GPUClusterService_Delete") },
  { version: "v2", name: "RegionList", kind: "type", pointer: schema("RegionListResponse"), via: answer("RegionService_List") },
  { version: "v2", name: "Region", kind: "type", pointer: schema("RegionListResponse", "regions", "items"), via: answer("RegionService_List", "regions", "items") },
  { version: "v2", name: "DriverPair", kind: "type", pointer: schema("ClusterDriverVersionInfo"), via: answer("RegionService_List", "regions", "items", "driver_versions", "items") },
  { version: "v2", name: "Volume", kind: "type", pointer: schema("GPUClustersSharedVolume"), via: answer("SharedVolumeService_Get") },
  { version: "v2", name: "VolumeList", kind: "type", pointer: schema("GPUClustersSharedVolumes"), via: answer("SharedVolumeService_List") },
  { version: "v2", name: "VolumeDeleteAnswer", kind: "type", pointer: schema("GPUClustersSharedVolumeDeleteResponse"), via: answer("SharedVolumeService_Delete") },
  // v2 request bodies
  { version: "v2", name: "ClusterCreateBody", kind: "type", pointer: schema("GPUClusterCreateRequest"), via: body("GPUClusterService_Create") },
  { version: "v2", name: "ClusterUpdateBody", kind: "type", pointer: schema("GPUClusterUpdateRequest"), via: body("GPUClusterService_Update") },
  { version: "v2", name: "VolumeCreateBody", kind: "type", pointer: schema("GPUClustersSharedVolumeCreateRequest"), via: body("SharedVolumeService_Create") },
  { version: "v2", name: "VolumeUpdateBody", kind: "type", pointer: schema("GPUClustersSharedVolumeUpdateRequest"), via: body("SharedVolumeService_Update") },
  // v2 enums
  { version: "v2", name: "ClusterStatus", kind: "enum", pointer: schema("GPUClusterInfo", "status"), via: answer("GPUClusterService_Get", "status") },
  { version: "v2", name: "ClusterType", kind: "enum", pointer: schema("GPUClusterInfo", "cluster_type"), via: answer("GPUClusterService_Get", "cluster_type") },
  { version: "v2", name: "GpuType", kind: "enum", pointer: schema("GPUClusterInfo", "gpu_type"), via: answer("GPUClusterService_Get", "gpu_type") },
  { version: "v2", name: "BillingType", kind: "enum", pointer: schema("GPUClusterInfo", "billing_type"), via: answer("GPUClusterService_Get", "billing_type") },
  { version: "v2", name: "CreateClusterType", kind: "enum", pointer: schema("GPUClusterCreateRequest", "cluster_type"), via: body("GPUClusterService_Create", "cluster_type") },
  { version: "v2", name: "CreateGpuType", kind: "enum", pointer: schema("GPUClusterCreateRequest", "gpu_type"), via: body("GPUClusterService_Create", "gpu_type") },
  { version: "v2", name: "CreateBillingType", kind: "enum", pointer: schema("GPUClusterCreateRequest", "billing_type"), via: body("GPUClusterService_Create", "billing_type") },
  { version: "v2", name: "UpdateClusterType", kind: "enum", pointer: schema("GPUClusterUpdateRequest", "cluster_type"), via: body("GPUClusterService_Update", "cluster_type") },
  { version: "v2", name: "VolumeStatus", kind: "enum", pointer: schema("GPUClustersSharedVolume", "status"), via: answer("SharedVolumeService_Get", "status") },
  // v1 answers
  { version: "v1", name: "Cluster", kind: "type", pointer: schema("GPUClusterInfo"), via: answer("GPUClusterService_Get") },
  { version: "v1", name: "ClusterList", kind: "type", pointer: schema("GPUClusters"), via: answer("GPUClusterService_List") },
  { version: "v1", name: "ClusterVolume", kind: "type", pointer: schema("GPUClusterVolume"), via: answer("GPUClusterService_Get", "volumes", "items") },
  { version: "v1", name: "ControlPlaneNode", kind: "type", pointer: schema("GPUClusterControlPlaneNode"), via: answer("GPUClusterService_Get", "control_plane_nodes", "items") },
  { version: "v1", name: "WorkerNode", kind: "type", pointer: schema("GPUClusterGPUWorkerNode"), via: answer("GPUClusterService_Get", "gpu_worker_nodes", "items") },
  { version: "v1", name: "ClusterCreateAnswer", kind: "type", pointer: schema("GPUClusterCreateResponse"), via: answer("GPUClusterService_Create") },
  { version: "v1", name: "ClusterUpdateAnswer", kind: "type", pointer: schema("GPUClusterUpdateResponse"), via: answer("GPUClusterService_Update") },
  { version: "v1", name: "ClusterDeleteAnswer", kind: "type", pointer: schema("GPUCLusterDeleteResponse"), via: answer("GPUClusterService_Delete") },
  { version: "v1", name: "RegionList", kind: "type", pointer: schema("RegionListResponse"), via: answer("RegionService_List") },
  { version: "v1", name: "Region", kind: "type", pointer: schema("Region"), via: answer("RegionService_List", "regions", "items") },
  { version: "v1", name: "Volume", kind: "type", pointer: schema("SharedVolumeInfo"), via: answer("SharedVolumeService_Get") },
  { version: "v1", name: "VolumeList", kind: "type", pointer: schema("SharedVolumes"), via: answer("SharedVolumeService_List") },
  { version: "v1", name: "VolumeCreateAnswer", kind: "type", pointer: schema("SharedVolumeCreateResponse"), via: answer("SharedVolumeService_Create") },
  { version: "v1", name: "VolumeDeleteAnswer", kind: "type", pointer: schema("SharedVolumeDeleteResponse"), via: answer("SharedVolumeService_Delete") },
  // v1 request bodies
  { version: "v1", name: "ClusterCreateBody", kind: "type", pointer: schema("GPUClusterCreateRequest"), via: body("GPUClusterService_Create") },
  { version: "v1", name: "ClusterUpdateBody", kind: "type", pointer: schema("GPUClusterUpdateRequest"), via: body("GPUClusterService_Update") },
  { version: "v1", name: "VolumeCreateBody", kind: "type", pointer: schema("SharedVolumeCreateRequest"), via: body("SharedVolumeService_Create") },
  // v1 enums
  { version: "v1", name: "ClusterType", kind: "enum", pointer: schema("GPUClusterInfo", "cluster_type"), via: answer("GPUClusterService_Get", "cluster_type") },
  { version: "v1", name: "GpuType", kind: "enum", pointer: schema("GPUClusterInfo", "gpu_type"), via: answer("GPUClusterService_Get", "gpu_type") },
  { version: "v1", name: "CreateClusterType", kind: "enum", pointer: schema("GPUClusterCreateRequest", "cluster_type"), via: body("GPUClusterService_Create", "cluster_type") },
  { version: "v1", name: "CreateGpuType", kind: "enum", pointer: schema("GPUClusterCreateRequest", "gpu_type"), via: body("GPUClusterService_Create", "gpu_type") },
  { version: "v1", name: "CreateBillingType", kind: "enum", pointer: schema("GPUClusterCreateRequest", "billing_type"), via: body("GPUClusterService_Create", "billing_type") },
  { version: "v1", name: "CreateDriver", kind: "enum", pointer: schema("GPUClusterCreateRequest", "driver_version"), via: body("GPUClusterService_Create", "driver_version") },
  { version: "v1", name: "UpdateClusterType", kind: "enum", pointer: schema("GPUClusterUpdateRequest", "cluster_type"), via: body("GPUClusterService_Update", "cluster_type") },
  { version: "v1", name: "CreateAnswerStatus", kind: "enum", pointer: schema("GPUClusterCreateResponse", "status"), via: answer("GPUClusterService_Create", "status") },
  { version: "v1", name: "UpdateAnswerStatus", kind: "enum", pointer: schema("GPUClusterUpdateResponse", "status"), via: answer("GPUClusterService_Update", "status") },
];
