/**
 * together-clusters: one typed client over Together AI's GPU-cluster API, v1 and v2.
 *
 * @example
 * const client = createClient({ apiVersion: "v2", apiKey: process.env.TOGETHER_API_KEY });
 * const clusters = await client.clusters.list();
 */
export { createClient, defaultBaseUrls, defaultMaxResponseBytes } from "./client.js";
export type { ApiPromise, Client, ClientFor, ClientOptions, ClustersApi, RawClients, RegionsApi, VolumesApi, WithResponse } from "./client.js";
export type { Logger, LogLevel } from "./logger.js";
export { packageVersion, userAgent } from "./version.js";
export type { CreateOptions } from "./create.js";
export type { WaitForReadyOptions, WaitObservation, WaitOptions, WaitState } from "./wait.js";
export { readyGpus, updateApplied, waitDefaults } from "./wait.js";
export type { CallOptions, FetchLike } from "./transport.js";
export type { RetryPolicy } from "./retry.js";
export {
  AbortedError,
  AmbiguousCreateError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ClusterDeletedError,
  ClusterFailedError,
  ClustersError,
  ConflictError,
  ConnectionError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
  ReadBackError,
  RequestNotSentError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
  UnsupportedByVersionError,
  ValidationError,
  WaitForReadyError,
  WaitTimeoutError,
} from "./errors.js";
export type { RequestContext, ResponseInfo, ValidationIssue } from "./errors.js";
export { clusterLifecycleValues, isUnrecognized, rawValue, v1OnlyClusterStatusValues } from "./types.js";
export type {
  ApiVersion,
  BillingType,
  Cluster,
  ClusterCreateInput,
  ClusterLifecycle,
  ClusterListQuery,
  ClusterStatus,
  ClusterType,
  ClusterUpdateInput,
  ClusterVolume,
  ControlPlaneNode,
  DeletedCluster,
  DeletedVolume,
  DriverVersion,
  GpuType,
  GpuWorkerNode,
  Known,
  Region,
  Unrecognized,
  V1OnlyClusterStatus,
  Volume,
  VolumeCreateInput,
  VolumeStatus,
  VolumeUpdateInput,
  WireView,
} from "./types.js";
export { billingTypeValues, clusterStatusValues, clusterTypeValues, display, gpuTypeValues, isKnown, isKnownValue, valueFor } from "./vocabulary.js";
export { fromV1DriverToken } from "./migrate/runtime.js";
export { parseDeprecationHeaders } from "./deprecation.js";
export type { DeprecationHandler, DeprecationNotice } from "./deprecation.js";
export { compareBackends } from "./compare.js";
export type { BackendComparison, BackendDifference } from "./compare.js";
