/** The v2 adapter: `/compute/...` on https://api.together.ai/v1. Ids travel in paths, except volume update's. */
import createFetchClient, { createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
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
import { decodeJson } from "./decode.js";
import { fetchClientOptions } from "./http-options.js";

/** Creates the v2 adapter. */
export function createV2Adapter(transport: Transport): VersionAdapter {
  const http = createFetchClient<paths>(fetchClientOptions(transport, { defaultPathSerializer, createQuerySerializer }));
  return {
    version: "v2",
    async listClusters(query, options) {
      const result = await http.GET("/compute/clusters", {
        params: { query: query.project_id === undefined ? {} : { project_id: query.project_id } },
        parseAs: "text",
        fetch: transport.fetchFor(options),
      });
      const { json, info } = decodeJson(transport, result);
      return readArray(info, asObject(info, json, ""), "clusters", "", true, (item, path) => clusterFromV2(info, item, path));
    },
    async getCluster(clusterId, options) {
      const result = await http.GET("/compute/clusters/{cluster_id}", {
        params: { path: { cluster_id: clusterId } },
        parseAs: "text",
        fetch: transport.fetchFor(options),
      });
      const { json, info } = decodeJson(transport, result);
      return clusterFromV2(info, json, "");
    },
    async createCluster(input, options) {
      const result = await http.POST("/compute/clusters", {
        // Fields with a spec default are typed as required by openapi-typescript; the server defaults them, so they are omitted.
        body: clusterCreateToV2(input) as V2ClusterCreateWire,
        parseAs: "text",
        fetch: transport.fetchFor(options),
      });
      const { json, info } = decodeJson(transport, result);
      return clusterFromV2(info, json, "");
    },
    async updateCluster(clusterId, patch, options) {
      const result = await http.PUT("/compute/clusters/{cluster_id}", {
        params: { path: { cluster_id: clusterId } },
        body: clusterUpdateToV2(patch),
        parseAs: "text",
        fetch: transport.fetchFor(options),
      });
      const { json, info } = decodeJson(transport, result);
      return clusterFromV2(info, json, "");
    },
    async deleteCluster(clusterId, options) {
      const result = await http.DELETE("/compute/clusters/{cluster_id}", {
        params: { path: { cluster_id: clusterId } },
        parseAs: "text",
        fetch: transport.fetchFor(options),
      });
      const { json, info } = decodeJson(transport, result);
      return { cluster_id: reqNonEmptyString(info, asObject(info, json, ""), "cluster_id", "") };
    },
    async listRegions(options) {
      const result = await http.GET("/compute/regions", { parseAs: "text", fetch: transport.fetchFor(options) });
      const { json, info } = decodeJson(transport, result);
      return readArray(info, asObject(info, json, ""), "regions", "", true, (item, path) => regionFromV2(info, item, path));
    },
    async listVolumes(options) {
      const result = await http.GET("/compute/clusters/storage/volumes", { parseAs: "text", fetch: transport.fetchFor(options) });
      const { json, info } = decodeJson(transport, result);
      return readArray(info, asObject(info, json, ""), "volumes", "", true, (item, path) => volumeFromV2(info, item, path));
    },
    async getVolume(volumeId, options) {
      const result = await http.GET("/compute/clusters/storage/volumes/{volume_id}", {
        params: { path: { volume_id: volumeId } },
        parseAs: "text",
        fetch: transport.fetchFor(options),
      });
      const { json, info } = decodeJson(transport, result);
      return volumeFromV2(info, json, "");
    },
    async createVolume(input, options) {
      const result = await http.POST("/compute/clusters/storage/volumes", {
        body: volumeCreateToV2(input),
        parseAs: "text",
        fetch: transport.fetchFor(options),
      });
      const { json, info } = decodeJson(transport, result);
      return volumeFromV2(info, json, "");
    },
    async updateVolume(volumeId, patch, options) {
      // v2 volume update carries the id in the body, unlike every other v2 call.
      const result = await http.PUT("/compute/clusters/storage/volumes", {
        body: { volume_id: volumeId, size_tib: patch.size_tib },
        parseAs: "text",
        fetch: transport.fetchFor(options),
      });
      const { json, info } = decodeJson(transport, result);
      return volumeFromV2(info, json, "");
    },
    async deleteVolume(volumeId, options) {
      const result = await http.DELETE("/compute/clusters/storage/volumes/{volume_id}", {
        params: { path: { volume_id: volumeId } },
        parseAs: "text",
        fetch: transport.fetchFor(options),
      });
      const { json, info } = decodeJson(transport, result);
      return { volume_id: volumeId, success: reqBoolean(info, asObject(info, json, ""), "success", "") };
    },
  };
}
