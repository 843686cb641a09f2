/**
 * `together-clusters/testing`: a fake Together GPU-cluster API (v1 and v2) for tests and demos.
 * See docs/testing.md.
 */
export { startFakeApi, type FakeApi, type FakeApiOptions } from "./fake-api.js";
export { FakeClock, DEFAULT_START_TIME, type ClockMode } from "./clock.js";
export { FakeState, type FakeStateOptions, type CreateClusterInput, type CreateVolumeInput, type UpdateClusterInput } from "./state.js";
export { FaultInjector, MAX_FAULT_LATENCY_MS, MAX_FAULT_TIMES, type FaultSpec, type FiredFault } from "./faults.js";
export { FAKE_LIMITS } from "./limits.js";
export type { CorsOrigins } from "./cors.js";
export type { DeprecationSignal, FakeDeprecationOptions, FakeInstant } from "./deprecation.js";
export { DEFAULT_REGIONS, GPUS_PER_NODE, type DriverPair, type FakeRegion } from "./catalog.js";
export { FakeApiError, type FakeErrorBody, type FakeErrorDetail, type FakeErrorType } from "./errors.js";
export type { ClusterRecord, VolumeRecord, NodeRecord } from "./records.js";
export type { RequestLogEntry } from "./server.js";
