import type { V2ClusterCreateBody, V2ClusterUpdateBody, V2VolumeCreateBody, V2VolumeUpdateBody } from "../../generated/stable.js";
import { badRequest } from "./errors.js";
import { pathParam, polledCluster, queryParam, type HandlerContext, type HandlerTable } from "./handlers.js";
import { v2Cluster, v2Regions, v2Volume } from "./views-v2.js";


// Bodies were validated against the v2 spec before a handler runs, so these casts only name what is known.
const bodyOf = <T>(context: HandlerContext) => context.body as T;

/** The v2 routes (`/compute/...`), keyed by operationId. */
export const v2Handlers: HandlerTable = {
  GPUClusterService_List: (context) => ({
    clusters: context.state.listClusters(queryParam(context, "project_id")).map((c) => v2Cluster(context.state, c)),
  }),

  GPUClusterService_Create: (context) => {
    const body = bodyOf<V2ClusterCreateBody>(context);
    const cluster = context.state.createCluster({
      name: body.cluster_name,
      region: body.region,
      gpuType: body.gpu_type,
      numGpus: body.num_gpus,
      billingType: body.billing_type,
      driver: { cudaVersion: body.cuda_version, nvidiaDriverVersion: body.nvidia_driver_version },
      ...(body.cluster_type !== undefined ? { clusterType: body.cluster_type } : {}),
      ...(body.duration_days !== undefined ? { durationDays: body.duration_days } : {}),
      ...(body.volume_id !== undefined ? { volumeId: body.volume_id } : {}),
      ...(body.shared_volume !== undefined
        ? { sharedVolume: { name: body.shared_volume.volume_name, sizeTib: body.shared_volume.size_tib, region: body.shared_volume.region } }
        : {}),
      ...(body.slurm_shm_size_gib !== undefined ? { slurmShmSizeGib: body.slurm_shm_size_gib } : {}),
      ...(body.capacity_pool_id !== undefined ? { capacityPoolId: body.capacity_pool_id } : {}),
      ...(body.reservation_start_time !== undefined ? { reservationStartTime: body.reservation_start_time } : {}),
      ...(body.reservation_end_time !== undefined ? { reservationEndTime: body.reservation_end_time } : {}),
      ...(body.install_traefik !== undefined ? { installTraefik: body.install_traefik } : {}),
      createdVia: "v2",
    });
    return v2Cluster(context.state, cluster);
  },

  GPUClusterService_Get: (context) => v2Cluster(context.state, polledCluster(context, pathParam(context, "cluster_id"))),

  GPUClusterService_Update: (context) => {
    const body = bodyOf<V2ClusterUpdateBody>(context);
    const cluster = context.state.updateCluster(pathParam(context, "cluster_id"), {
      ...(body.num_gpus !== undefined ? { numGpus: body.num_gpus } : {}),
      ...(body.cluster_type !== undefined ? { clusterType: body.cluster_type } : {}),
      ...(body.reservation_end_time !== undefined ? { reservationEndTime: body.reservation_end_time } : {}),
    });
    return v2Cluster(context.state, cluster);
  },

  GPUClusterService_Delete: (context) => ({ cluster_id: context.state.deleteCluster(pathParam(context, "cluster_id")).id }),

  RegionService_List: (context) => v2Regions(context.state),

  SharedVolumeService_List: (context) => ({ volumes: context.state.listVolumes().map((v) => v2Volume(context.state, v)) }),

  SharedVolumeService_Create: (context) => {
    const body = bodyOf<V2VolumeCreateBody>(context);
    return v2Volume(context.state, context.state.createVolume({ name: body.volume_name, sizeTib: body.size_tib, region: body.region }));
  },

  SharedVolumeService_Update: (context) => {
    // The v2 spec puts the volume id in the body of PUT /compute/clusters/storage/volumes and requires nothing.
    const body = bodyOf<V2VolumeUpdateBody>(context);
    if (body.volume_id === undefined) {
      throw badRequest("volume_id is required to say which volume to update", { location: "body", pointer: "/volume_id", message: "is required" });
    }
    const volume = context.state.getVolume(body.volume_id);
    return v2Volume(context.state, body.size_tib === undefined ? volume : context.state.resizeVolume(volume.id, body.size_tib));
  },

  SharedVolumeService_Get: (context) => v2Volume(context.state, context.state.getVolume(pathParam(context, "volume_id"))),

  SharedVolumeService_Delete: (context) => {
    context.state.deleteVolume(pathParam(context, "volume_id"));
    return { success: true };
  },
};
