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
/** The same meaning at the same place in both specs: one entry per version. */
const both = (name: string, kind: StableName["kind"], pointer: string, via: Via): StableName[] => [
  { version: "v2", name, kind, pointer, via },
  { version: "v1", name, kind, pointer, via },
];
const schema = (name: string, ...steps: SchemaStep[]) => `#/components/schemas/${[name, ...steps.map((s) => (s === "items" ? "items" : `properties/${s}`))].join("/")}`;

export const stableNames: readonly StableName[] = [
  // Same schema names in both specs today (each version still resolves, and can move, on its own).
  ...both("Cluster", "type", schema("GPUClusterInfo"), answer("GPUClusterService_Get")),
  ...both("ClusterList", "type", schema("GPUClusters"), answer("GPUClusterService_List")),
  ...both("ClusterVolume", "type", schema("GPUClusterVolume"), answer("GPUClusterService_Get", "volumes", "items")),
  ...both("ControlPlaneNode", "type", schema("GPUClusterControlPlaneNode"), answer("GPUClusterService_Get", "control_plane_nodes", "items")),
  ...both("WorkerNode", "type", schema("GPUClusterGPUWorkerNode"), answer("GPUClusterService_Get", "gpu_worker_nodes", "items")),
  ...both("RegionList", "type", schema("RegionListResponse"), answer("RegionService_List")),
  ...both("ClusterCreateBody", "type", schema("GPUClusterCreateRequest"), body("GPUClusterService_Create")),
  ...both("ClusterUpdateBody", "type", schema("GPUClusterUpdateRequest"), body("GPUClusterService_Update")),
  ...both("ClusterType", "enum", schema("GPUClusterInfo", "cluster_type"), answer("GPUClusterService_Get", "cluster_type")),
  ...both("GpuType", "enum", schema("GPUClusterInfo", "gpu_type"), answer("GPUClusterService_Get", "gpu_type")),
  ...both("CreateClusterType", "enum", schema("GPUClusterCreateRequest", "cluster_type"), body("GPUClusterService_Create", "cluster_type")),
  ...both("CreateGpuType", "enum", schema("GPUClusterCreateRequest", "gpu_type"), body("GPUClusterService_Create", "gpu_type")),
  ...both("CreateBillingType", "enum", schema("GPUClusterCreateRequest", "billing_type"), body("GPUClusterService_Create", "billing_type")),
  ...both("UpdateClusterType", "enum", schema("GPUClusterUpdateRequest", "cluster_type"), body("GPUClusterService_Update", "cluster_type")),
  // v2 answers
  { version: "v2", name: "ClusterDeleteAnswer", kind: "type", pointer: "", via: answer("GPUClusterService_Delete") },
  { version: "v2", name: "Region", kind: "type", pointer: schema("RegionListResponse", "regions", "items"), via: answer("RegionService_List", "regions", "items") },
  { version: "v2", name: "DriverPair", kind: "type", pointer: schema("ClusterDriverVersionInfo"), via: answer("RegionService_List", "regions", "items", "driver_versions", "items") },
  { version: "v2", name: "Volume", kind: "type", pointer: schema("GPUClustersSharedVolume"), via: answer("SharedVolumeService_Get") },
  { version: "v2", name: "VolumeList", kind: "type", pointer: schema("GPUClustersSharedVolumes"), via: answer("SharedVolumeService_List") },
  { version: "v2", name: "VolumeDeleteAnswer", kind: "type", pointer: schema("GPUClustersSharedVolumeDeleteResponse"), via: answer("SharedVolumeService_Delete") },
  // v2 request bodies
  { version: "v2", name: "VolumeCreateBody", kind: "type", pointer: schema("GPUClustersSharedVolumeCreateRequest"), via: body("SharedVolumeService_Create") },
  { version: "v2", name: "VolumeUpdateBody", kind: "type", pointer: schema("GPUClustersSharedVolumeUpdateRequest"), via: body("SharedVolumeService_Update") },
  // v2 enums
  { version: "v2", name: "ClusterStatus", kind: "enum", pointer: schema("GPUClusterInfo", "status"), via: answer("GPUClusterService_Get", "status") },
  { version: "v2", name: "BillingType", kind: "enum", pointer: schema("GPUClusterInfo", "billing_type"), via: answer("GPUClusterService_Get", "billing_type") },
  { version: "v2", name: "VolumeStatus", kind: "enum", pointer: schema("GPUClustersSharedVolume", "status"), via: answer("SharedVolumeService_Get", "status") },
  // v2 answers, for the fake API (src/testing), which writes them
  { version: "v2", name: "ClusterPhase", kind: "enum", pointer: schema("ClusterPhaseTransition", "phase"), via: answer("GPUClusterService_Get", "phase_transitions", "items", "phase") },
  { version: "v2", name: "NodePhaseTransition", kind: "type", pointer: schema("NodePhaseTransition"), via: answer("GPUClusterService_Get", "control_plane_nodes", "items", "phase_transitions", "items") },
  // v1 answers
  { version: "v1", name: "ClusterCreateAnswer", kind: "type", pointer: schema("GPUClusterCreateResponse"), via: answer("GPUClusterService_Create") },
  { version: "v1", name: "ClusterUpdateAnswer", kind: "type", pointer: schema("GPUClusterUpdateResponse"), via: answer("GPUClusterService_Update") },
  { version: "v1", name: "ClusterDeleteAnswer", kind: "type", pointer: schema("GPUCLusterDeleteResponse"), via: answer("GPUClusterService_Delete") },
  { version: "v1", name: "Region", kind: "type", pointer: schema("Region"), via: answer("RegionService_List", "regions", "items") },
  { version: "v1", name: "Volume", kind: "type", pointer: schema("SharedVolumeInfo"), via: answer("SharedVolumeService_Get") },
  { version: "v1", name: "VolumeList", kind: "type", pointer: schema("SharedVolumes"), via: answer("SharedVolumeService_List") },
  { version: "v1", name: "VolumeCreateAnswer", kind: "type", pointer: schema("SharedVolumeCreateResponse"), via: answer("SharedVolumeService_Create") },
  { version: "v1", name: "VolumeDeleteAnswer", kind: "type", pointer: schema("SharedVolumeDeleteResponse"), via: answer("SharedVolumeService_Delete") },
  // v1 request bodies
  { version: "v1", name: "VolumeCreateBody", kind: "type", pointer: schema("SharedVolumeCreateRequest"), via: body("SharedVolumeService_Create") },
  // v1 enums
  { version: "v1", name: "CreateDriver", kind: "enum", pointer: schema("GPUClusterCreateRequest", "driver_version"), via: body("GPUClusterService_Create", "driver_version") },
  { version: "v1", name: "CreateAnswerStatus", kind: "enum", pointer: schema("GPUClusterCreateResponse", "status"), via: answer("GPUClusterService_Create", "status") },
  { version: "v1", name: "UpdateAnswerStatus", kind: "enum", pointer: schema("GPUClusterUpdateResponse", "status"), via: answer("GPUClusterService_Update", "status") },
  { version: "v1", name: "ClusterDriver", kind: "enum", pointer: schema("GPUClusterInfo", "driver_version"), via: answer("GPUClusterService_Get", "driver_version") },
];
