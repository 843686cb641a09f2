/**
 * The v1 adapter: `/api/v1/...` on https://manager.cloud.together.ai. v1 answers create and update with only
 * `{cluster_id, status}` and volume create with `{volume_id}`, so those calls read the full object back with a GET
 * (a safe, retryable call) to return the same unified shape as v2. v1 has no volume update.
 */
import type { paths } from "../../generated/v1/schema.js";
import { AbortedError, ReadBackError, UnsupportedByVersionError } from "../errors.js";
import { clusterCreateToV1, clusterFromV1, clusterUpdateToV1, regionFromV1, volumeCreateToV1, volumeFromV1 } from "../mappings/v1.js";
import type { Transport } from "../transport.js";
import { asObject, optBoolean, optString, readArray, reqNonEmptyString } from "../wire.js";
import type { VersionAdapter } from "./adapter.js";
import { createWireClient } from "./wire-client.js";

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
export function createV1Adapter(transport: Transport): VersionAdapter {
  const http = createWireClient<paths>(transport);
  const adapter: VersionAdapter = {
    version: "v1",
    async listClusters(query, options) {
      if (query.project_id !== undefined) throw new UnsupportedByVersionError("v1", "clusters.list project_id filter", "v1 has no projects");
      const { json, info } = await http.get("/api/v1/gpu_clusters", undefined, options);
      return readArray(info, asObject(info, json, ""), "clusters", "", false, (item, path) => clusterFromV1(info, item, path));
    },
    async getCluster(clusterId, options) {
      const { json, info } = await http.get("/api/v1/gpu_cluster/{cluster_id}", { path: { cluster_id: clusterId } }, options);
      return clusterFromV1(info, json, "");
    },
    async createCluster(input, options) {
      const body = clusterCreateToV1(input);
      const { json, info } = await http.post("/api/v1/gpu_cluster", { body }, options);
      const clusterId = reqNonEmptyString(info, asObject(info, json, ""), "cluster_id", "");
      return readBack("cluster", clusterId, () => adapter.getCluster(clusterId, options));
    },
    async updateCluster(clusterId, patch, options) {
      const body = clusterUpdateToV1(clusterId, patch);
      const { json, info } = await http.put("/api/v1/gpu_cluster", { body }, options);
      const answeredId = optString(info, asObject(info, json, ""), "cluster_id", "");
      const id = answeredId === undefined || answeredId === "" ? clusterId : answeredId;
      return readBack("cluster", id, () => adapter.getCluster(id, options));
    },
    async deleteCluster(clusterId, options) {
      const { json, info } = await http.delete("/api/v1/gpu_cluster/{cluster_id}", { path: { cluster_id: clusterId } }, options);
      // proto3 JSON may omit the echo; the id asked for is the id deleted.
      return { cluster_id: optString(info, asObject(info, json, ""), "cluster_id", "") || clusterId };
    },
    async listRegions(options) {
      const { json, info } = await http.get("/api/v1/regions", undefined, options);
      return readArray(info, asObject(info, json, ""), "regions", "", false, (item, path) => regionFromV1(info, item, path));
    },
    async listVolumes(options) {
      const { json, info } = await http.get("/api/v1/shared_volumes", undefined, options);
      return readArray(info, asObject(info, json, ""), "volumes", "", false, (item, path) => volumeFromV1(info, item, path));
    },
    async getVolume(volumeId, options) {
      const { json, info } = await http.get("/api/v1/shared_volume/{volume_id}", { path: { volume_id: volumeId } }, options);
      return volumeFromV1(info, json, "");
    },
    async createVolume(input, options) {
      const { json, info } = await http.post("/api/v1/shared_volume", { body: volumeCreateToV1(input) }, options);
      const volumeId = reqNonEmptyString(info, asObject(info, json, ""), "volume_id", "");
      return readBack("volume", volumeId, () => adapter.getVolume(volumeId, options));
    },
    async updateVolume() {
      throw new UnsupportedByVersionError("v1", "volumes.update", "v1 has no shared-volume update operation");
    },
    async deleteVolume(volumeId, options) {
      const { json, info } = await http.delete("/api/v1/shared_volume/{volume_id}", { path: { volume_id: volumeId } }, options);
      // proto3 JSON omits `false`, so an empty object means success: false.
      return { volume_id: volumeId, success: optBoolean(info, asObject(info, json, ""), "success", "") ?? false };
    },
  };
  return adapter;
}
