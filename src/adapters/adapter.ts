/**
 * The seam between the unified client and one API version. Inputs arrive validated and normalized; each adapter
 * only calls, checks and maps. Adapters never import each other.
 */
import type { Transport } from "../transport.js";
import type { ObservedCallOptions as CallOptions } from "./decode.js";
import type {
  ApiVersion,
  Cluster,
  ClusterCreateInput,
  ClusterListQuery,
  ClusterUpdateInput,
  DeletedCluster,
  DeletedVolume,
  Region,
  Volume,
  VolumeCreateInput,
  VolumeUpdateInput,
} from "../types.js";

/** Unified operations, implemented once per API version. */
export interface VersionAdapter<Raw = unknown> {
  readonly version: ApiVersion;
  /** The openapi-fetch client every call of this adapter goes through (`client.raw`). */
  readonly raw: Raw;
  listClusters(query: ClusterListQuery, options?: CallOptions): Promise<Cluster[]>;
  getCluster(clusterId: string, options?: CallOptions): Promise<Cluster>;
  /** Sends exactly one create request; a full cluster comes back even where the wire answer is partial. */
  createCluster(input: ClusterCreateInput, options?: CallOptions): Promise<Cluster>;
  updateCluster(clusterId: string, patch: ClusterUpdateInput, options?: CallOptions): Promise<Cluster>;
  deleteCluster(clusterId: string, options?: CallOptions): Promise<DeletedCluster>;
  listRegions(options?: CallOptions): Promise<Region[]>;
  listVolumes(options?: CallOptions): Promise<Volume[]>;
  getVolume(volumeId: string, options?: CallOptions): Promise<Volume>;
  createVolume(input: VolumeCreateInput, options?: CallOptions): Promise<Volume>;
  updateVolume(volumeId: string, patch: VolumeUpdateInput, options?: CallOptions): Promise<Volume>;
  deleteVolume(volumeId: string, options?: CallOptions): Promise<DeletedVolume>;
}

/** Builds an adapter over a transport; `headers` are the client's default request headers. */
export type AdapterFactory = (transport: Transport, headers: Readonly<Record<string, string>>) => VersionAdapter;
