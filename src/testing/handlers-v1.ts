import type { V1ClusterCreateBody, V1ClusterUpdateBody, V1CreateBillingType, V1VolumeCreateBody, V2BillingType } from "../../generated/stable.js";
import { parseV1DriverName } from "./catalog.js";
import { badRequest } from "./errors.js";
import { pathParam, polledCluster, type HandlerContext, type HandlerTable } from "./handlers.js";
import { v1Cluster, v1ClusterAck, v1Regions, v1Volume } from "./views-v1.js";


const bodyOf = <T>(context: HandlerContext) => context.body as T;

/**
 * v1 billing types in v2 terms. v1's proto sentinel UNSPECIFIED means "not given"; the fake then bills on demand,
 * the only billing type that needs no further fields.
 */
const billingTypeOfV1: Readonly<Record<V1CreateBillingType, V2BillingType>> = {
  UNSPECIFIED: "ON_DEMAND",
  RESERVED: "RESERVED",
  ON_DEMAND: "ON_DEMAND",
};

/** The v1 routes (`/api/v1/...`), keyed by operationId. */
export const v1Handlers: HandlerTable = {
  GPUClusterService_Create: (context) => {
    const body = bodyOf<V1ClusterCreateBody>(context);
    const driver = parseV1DriverName(body.driver_version);
    if (!driver) {
      throw badRequest(`driver_version ${body.driver_version} does not name a CUDA/driver pair; pick one from GET /api/v1/regions`, {
        location: "body",
        pointer: "/driver_version",
        message: "not a concrete driver version",
      });
    }
    if (body.gpu_type === "UNKNOWN_GPU_TYPE") {
      throw badRequest("gpu_type UNKNOWN_GPU_TYPE is a placeholder, not a GPU type", { location: "body", pointer: "/gpu_type", message: "placeholder value" });
    }
    const sharedVolume = body.shared_volume;
    if (sharedVolume && (sharedVolume.volume_name === undefined || sharedVolume.size_tib === undefined || sharedVolume.region === undefined)) {
      throw badRequest("shared_volume needs volume_name, size_tib and region", { location: "body", pointer: "/shared_volume", message: "incomplete" });
    }
    const cluster = context.state.createCluster({
      name: body.cluster_name,
      region: body.region,
      gpuType: body.gpu_type,
      numGpus: body.num_gpus,
      billingType: billingTypeOfV1[body.billing_type],
      driver,
      durationDays: body.duration_days,
      ...(body.cluster_type !== undefined && body.cluster_type !== "UNKNOWN_TYPE" ? { clusterType: body.cluster_type } : {}),
      ...(body.volume_id !== undefined ? { volumeId: body.volume_id } : {}),
      ...(sharedVolume?.volume_name !== undefined && sharedVolume.size_tib !== undefined && sharedVolume.region !== undefined
        ? { sharedVolume: { name: sharedVolume.volume_name, sizeTib: sharedVolume.size_tib, region: sharedVolume.region } }
        : {}),
      createdVia: "v1",
    });
    return v1ClusterAck(context.state, cluster);
  },

  GPUClusterService_Update: (context) => {
    // v1 names the cluster in the body: PUT /api/v1/gpu_cluster has no path parameter.
    const body = bodyOf<V1ClusterUpdateBody>(context);
    if (body.cluster_id === undefined || body.cluster_id === "") {
      throw badRequest("cluster_id is required to say which cluster to update", { location: "body", pointer: "/cluster_id", message: "is required" });
    }
    const cluster = context.state.updateCluster(body.cluster_id, {
      ...(body.num_gpus !== undefined ? { numGpus: body.num_gpus } : {}),
      ...(body.cluster_type !== undefined && body.cluster_type !== "UNKNOWN_TYPE" ? { clusterType: body.cluster_type } : {}),
    });
    return v1ClusterAck(context.state, cluster);
  },

  GPUClusterService_Get: (context) => v1Cluster(context.state, polledCluster(context, pathParam(context, "cluster_id"))),

  GPUClusterService_Delete: (context) => ({ cluster_id: context.state.deleteCluster(pathParam(context, "cluster_id")).id }),

  GPUClusterService_List: (context) => ({ clusters: context.state.listClusters().map((c) => v1Cluster(context.state, c)) }),

  RegionService_List: (context) => v1Regions(context.state),

  SharedVolumeService_Create: (context) => {
    const body = bodyOf<V1VolumeCreateBody>(context);
    // The v1 spec marks nothing required here; a volume without these cannot exist, so say which is missing.
    for (const field of ["volume_name", "size_tib", "region"] as const) {
      if (body[field] === undefined) throw badRequest(`${field} is required to create a volume`, { location: "body", pointer: `/${field}`, message: "is required" });
    }
    const volume = context.state.createVolume({ name: body.volume_name ?? "", sizeTib: body.size_tib ?? 0, region: body.region ?? "" });
    return { volume_id: volume.id };
  },

  SharedVolumeService_Get: (context) => v1Volume(context.state.getVolume(pathParam(context, "volume_id"))),

  SharedVolumeService_Delete: (context) => {
    context.state.deleteVolume(pathParam(context, "volume_id"));
    return { success: true };
  },

  SharedVolumeService_List: (context) => ({ volumes: context.state.listVolumes().map(v1Volume) }),
};
