/**
 * The v1 adapter: `/api/v1/...` on https://manager.cloud.together.ai. v1 answers create and update with only
 * `{cluster_id, status}` and volume create with `{volume_id}`, so those calls read the full object back with a GET
 * (a safe, retryable call) to return the same unified shape as v2. v1 has no volume update.
 */
import type { paths } from "../../generated/v1/schema.js";
import { AbortedError, ReadBackError, UnsupportedByVersionError } from "../errors.js";
import {
  clusterCreateToV1,
  clusterDeletedFromV1,
  clusterFromV1,
  clusterListFromV1,
  clusterUpdateToV1,
  createdClusterIdFromV1,
  createdVolumeIdFromV1,
  regionListFromV1,
  updatedClusterIdFromV1,
  volumeCreateToV1,
  volumeDeletedFromV1,
  volumeFromV1,
  volumeListFromV1,
} from "../mappings/v1.js";
import type { DeprecationReport } from "../deprecation.js";
import type { Transport } from "../transport.js";
import type { VersionAdapter } from "./adapter.js";
import { call, createVersionClients, type RawClient } from "./decode.js";

/** `client.raw` on v1: openapi-fetch over v1's generated `paths`. */
export type V1RawClient = RawClient<paths>;

/** The GET after a successful v1 write; its failure must not read as a failed write. */
async function readBack<T>(kind: "cluster" | "volume", id: string, get: () => Promise<T>): Promise<T> {
  try {
    return await get();
  } catch (error) {
    if (error instanceof AbortedError) throw error;
    throw new ReadBackError(kind, id, error);
  }
}

/** Creates the v1 adapter. */
export function createV1Adapter(transport: Transport, headers: Readonly<Record<string, string>>, report: DeprecationReport | undefined): VersionAdapter<V1RawClient> {
  const { raw, unified: http } = createVersionClients<paths>(transport, headers, report);
  const adapter: VersionAdapter<V1RawClient> = {
    version: "v1",
    raw,
    async listClusters(query, options) {
      if (query.project_id !== undefined) throw new UnsupportedByVersionError("v1", "clusters.list project_id filter", "v1 has no projects");
      const { json, info } = await call(transport, options, (init) => http.GET("/api/v1/gpu_clusters", init));
      return clusterListFromV1(info, json);
    },
    async getCluster(clusterId, options) {
      const { json, info } = await call(transport, options, (init) => http.GET("/api/v1/gpu_cluster/{cluster_id}", { ...init, params: { path: { cluster_id: clusterId } } }));
      return clusterFromV1(info, json, "");
    },
    async createCluster(input, options) {
      const body = clusterCreateToV1(input);
      const { json, info } = await call(transport, options, (init) => http.POST("/api/v1/gpu_cluster", { ...init, body }));
      const clusterId = createdClusterIdFromV1(info, json);
      return readBack("cluster", clusterId, () => adapter.getCluster(clusterId, options));
    },
    async updateCluster(clusterId, patch, options) {
      const body = clusterUpdateToV1(clusterId, patch);
      const { json, info } = await call(transport, options, (init) => http.PUT("/api/v1/gpu_cluster", { ...init, body }));
      const id = updatedClusterIdFromV1(info, json) ?? clusterId;
      return readBack("cluster", id, () => adapter.getCluster(id, options));
    },
    async deleteCluster(clusterId, options) {
      const { json, info } = await call(transport, options, (init) => http.DELETE("/api/v1/gpu_cluster/{cluster_id}", { ...init, params: { path: { cluster_id: clusterId } } }));
      return clusterDeletedFromV1(info, json, clusterId);
    },
    async listRegions(options) {
      const { json, info } = await call(transport, options, (init) => http.GET("/api/v1/regions", init));
      return regionListFromV1(info, json);
    },
    async listVolumes(options) {
      const { json, info } = await call(transport, options, (init) => http.GET("/api/v1/shared_volumes", init));
      return volumeListFromV1(info, json);
    },
    async getVolume(volumeId, options) {
      const { json, info } = await call(transport, options, (init) => http.GET("/api/v1/shared_volume/{volume_id}", { ...init, params: { path: { volume_id: volumeId } } }));
      return volumeFromV1(info, json, "");
    },
    async createVolume(input, options) {
      const body = volumeCreateToV1(input);
      const { json, info } = await call(transport, options, (init) => http.POST("/api/v1/shared_volume", { ...init, body }));
      const volumeId = createdVolumeIdFromV1(info, json);
      return readBack("volume", volumeId, () => adapter.getVolume(volumeId, options));
    },
    async updateVolume() {
      throw new UnsupportedByVersionError("v1", "volumes.update", "v1 has no shared-volume update operation");
    },
    async deleteVolume(volumeId, options) {
      const { json, info } = await call(transport, options, (init) => http.DELETE("/api/v1/shared_volume/{volume_id}", { ...init, params: { path: { volume_id: volumeId } } }));
      return volumeDeletedFromV1(info, json, volumeId);
    },
  };
  return adapter;
}
