/** The v2 adapter: `/compute/...` on https://api.together.ai/v1. Ids travel in paths, except volume update's. */
import type { paths } from "../../generated/v2/schema.js";
import {
  clusterCreateToV2,
  clusterFromV2,
  clusterUpdateToV2,
  regionFromV2,
  volumeCreateToV2,
  volumeFromV2,
  type V2ClusterCreateWire,
} from "../mappings/v2.js";
import type { Transport } from "../transport.js";
import { asObject, readArray, reqBoolean, reqNonEmptyString } from "../wire.js";
import type { VersionAdapter } from "./adapter.js";
import { createWireClient } from "./wire-client.js";

/** Creates the v2 adapter. */
export function createV2Adapter(transport: Transport): VersionAdapter {
  const http = createWireClient<paths>(transport);
  return {
    version: "v2",
    async listClusters(query, options) {
      const { json, info } = await http.get("/compute/clusters", { query: { project_id: query.project_id } }, options);
      return readArray(info, asObject(info, json, ""), "clusters", "", true, (item, path) => clusterFromV2(info, item, path));
    },
    async getCluster(clusterId, options) {
      const { json, info } = await http.get("/compute/clusters/{cluster_id}", { path: { cluster_id: clusterId } }, options);
      return clusterFromV2(info, json, "");
    },
    async createCluster(input, options) {
      const { json, info } = await http.post("/compute/clusters", {
        // Fields with a spec default are typed as required by openapi-typescript; the server defaults them, so they are omitted.
        body: clusterCreateToV2(input) as V2ClusterCreateWire,
      }, options);
      return clusterFromV2(info, json, "");
    },
    async updateCluster(clusterId, patch, options) {
      const { json, info } = await http.put("/compute/clusters/{cluster_id}", {
        path: { cluster_id: clusterId },
        body: clusterUpdateToV2(patch),
      }, options);
      return clusterFromV2(info, json, "");
    },
    async deleteCluster(clusterId, options) {
      const { json, info } = await http.delete("/compute/clusters/{cluster_id}", { path: { cluster_id: clusterId } }, options);
      return { cluster_id: reqNonEmptyString(info, asObject(info, json, ""), "cluster_id", "") };
    },
    async listRegions(options) {
      const { json, info } = await http.get("/compute/regions", undefined, options);
      return readArray(info, asObject(info, json, ""), "regions", "", true, (item, path) => regionFromV2(info, item, path));
    },
    async listVolumes(options) {
      const { json, info } = await http.get("/compute/clusters/storage/volumes", undefined, options);
      return readArray(info, asObject(info, json, ""), "volumes", "", true, (item, path) => volumeFromV2(info, item, path));
    },
    async getVolume(volumeId, options) {
      const { json, info } = await http.get("/compute/clusters/storage/volumes/{volume_id}", { path: { volume_id: volumeId } }, options);
      return volumeFromV2(info, json, "");
    },
    async createVolume(input, options) {
      const { json, info } = await http.post("/compute/clusters/storage/volumes", { body: volumeCreateToV2(input) }, options);
      return volumeFromV2(info, json, "");
    },
    async updateVolume(volumeId, patch, options) {
      // v2 volume update carries the id in the body, unlike every other v2 call.
      const { json, info } = await http.put("/compute/clusters/storage/volumes", { body: { volume_id: volumeId, size_tib: patch.size_tib } }, options);
      return volumeFromV2(info, json, "");
    },
    async deleteVolume(volumeId, options) {
      const { json, info } = await http.delete("/compute/clusters/storage/volumes/{volume_id}", { path: { volume_id: volumeId } }, options);
      return { volume_id: volumeId, success: reqBoolean(info, asObject(info, json, ""), "success", "") };
    },
  };
}
