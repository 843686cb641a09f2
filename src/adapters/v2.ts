/** The v2 adapter: `/compute/...` on https://api.together.ai/v1. Ids travel in paths, except volume update's. */
import type { paths } from "../../generated/v2/schema.js";
import {
  clusterCreateToV2,
  clusterDeletedFromV2,
  clusterFromV2,
  clusterListFromV2,
  clusterUpdateToV2,
  regionListFromV2,
  volumeCreateToV2,
  volumeDeletedFromV2,
  volumeFromV2,
  volumeListFromV2,
  volumeUpdateToV2,
  type V2ClusterCreateWire,
} from "../mappings/v2.js";
import type { DeprecationReport } from "../deprecation.js";
import type { Transport } from "../transport.js";
import type { VersionAdapter } from "./adapter.js";
import { call, createVersionClients, type RawClient } from "./decode.js";

/** `client.raw` on v2: openapi-fetch over v2's generated `paths`. */
export type V2RawClient = RawClient<paths>;

/** Creates the v2 adapter. */
export function createV2Adapter(transport: Transport, headers: Readonly<Record<string, string>>, report: DeprecationReport | undefined): VersionAdapter<V2RawClient> {
  const { raw, unified: http } = createVersionClients<paths>(transport, headers, report);
  return {
    version: "v2",
    raw,
    async listClusters(query, options) {
      const { json, info } = await call(transport, options, (init) => http.GET("/compute/clusters", { ...init, params: { query: { project_id: query.project_id } } }));
      return clusterListFromV2(info, json);
    },
    async getCluster(clusterId, options) {
      const { json, info } = await call(transport, options, (init) => http.GET("/compute/clusters/{cluster_id}", { ...init, params: { path: { cluster_id: clusterId } } }));
      return clusterFromV2(info, json, "");
    },
    async createCluster(input, options) {
      // Fields with a spec default are typed as required by openapi-typescript; the server defaults them, so they are omitted.
      const body = clusterCreateToV2(input) as V2ClusterCreateWire;
      const { json, info } = await call(transport, options, (init) => http.POST("/compute/clusters", { ...init, body }));
      return clusterFromV2(info, json, "");
    },
    async updateCluster(clusterId, patch, options) {
      const body = clusterUpdateToV2(patch);
      const { json, info } = await call(transport, options, (init) => http.PUT("/compute/clusters/{cluster_id}", { ...init, params: { path: { cluster_id: clusterId } }, body }));
      return clusterFromV2(info, json, "");
    },
    async deleteCluster(clusterId, options) {
      const { json, info } = await call(transport, options, (init) => http.DELETE("/compute/clusters/{cluster_id}", { ...init, params: { path: { cluster_id: clusterId } } }));
      return clusterDeletedFromV2(info, json);
    },
    async listRegions(options) {
      const { json, info } = await call(transport, options, (init) => http.GET("/compute/regions", init));
      return regionListFromV2(info, json);
    },
    async listVolumes(options) {
      const { json, info } = await call(transport, options, (init) => http.GET("/compute/clusters/storage/volumes", init));
      return volumeListFromV2(info, json);
    },
    async getVolume(volumeId, options) {
      const { json, info } = await call(transport, options, (init) => http.GET("/compute/clusters/storage/volumes/{volume_id}", { ...init, params: { path: { volume_id: volumeId } } }));
      return volumeFromV2(info, json, "");
    },
    async createVolume(input, options) {
      const body = volumeCreateToV2(input);
      const { json, info } = await call(transport, options, (init) => http.POST("/compute/clusters/storage/volumes", { ...init, body }));
      return volumeFromV2(info, json, "");
    },
    async updateVolume(volumeId, patch, options) {
      // v2 volume update carries the id in the body, unlike every other v2 call.
      const body = volumeUpdateToV2(volumeId, patch);
      const { json, info } = await call(transport, options, (init) => http.PUT("/compute/clusters/storage/volumes", { ...init, body }));
      return volumeFromV2(info, json, "");
    },
    async deleteVolume(volumeId, options) {
      const { json, info } = await call(transport, options, (init) => http.DELETE("/compute/clusters/storage/volumes/{volume_id}", { ...init, params: { path: { volume_id: volumeId } } }));
      return volumeDeletedFromV2(info, json, volumeId);
    },
  };
}
