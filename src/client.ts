/**
 * createClient(): builds the transport, picks the adapter once by `apiVersion`, validates input before any request,
 * and returns the unified facade. No HTTP and no mapping happen here.
 */
import type { AdapterFactory, VersionAdapter } from "./adapters/adapter.js";
import { createV1Adapter } from "./adapters/v1.js";
import { createV2Adapter } from "./adapters/v2.js";
import { createCluster, type CreateOptions } from "./create.js";
import { createDeprecationReporter, warnV1Client, withDeprecationReporting, type DeprecationHandler } from "./deprecation.js";
import { ValidationError, type ValidationIssue } from "./errors.js";
import { defaultRetryPolicy, type RetryPolicy } from "./retry.js";
import { createTransport, isLoopbackHost, type CallOptions, type FetchLike } from "./transport.js";
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
} from "./types.js";
import { validateClusterCreate, validateClusterList, validateClusterUpdate } from "./validation/cluster.js";
import { checkId } from "./validation/ids.js";
import { validateVolumeCreate, validateVolumeUpdate } from "./validation/volume.js";
import { waitForReady, type WaitForReadyOptions } from "./wait.js";

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** Server API version. Every method behaves the same on both; see docs/client.md "Version differences". */
  readonly apiVersion: ApiVersion;
  /** API key. @default process.env.TOGETHER_API_KEY */
  readonly apiKey?: string;
  /**
   * Server root. Plain `http:` is accepted only for loopback hosts, so the key never crosses a network in clear.
   * @default "https://manager.cloud.together.ai" (v1), "https://api.together.ai/v1" (v2)
   */
  readonly baseUrl?: string;
  /** The fetch to use. @default globalThis.fetch */
  readonly fetch?: FetchLike;
  /** Per-attempt timeout in ms. An attempt is never cut short before it, and at most 0.1% (≤ 50 ms) after it. @default 60_000 */
  readonly timeoutMs?: number;
  /** Overall budget per call in ms, across retries and their waits. @default none */
  readonly deadlineMs?: number;
  /** Retries of GET/PUT/DELETE on 408, 429, 502, 503, 504 and connection errors. Create is never retried. @default 2 */
  readonly maxRetries?: number;
  /** Backoff tuning (initial delay, cap, largest `Retry-After` honoured). @default 500 ms doubling to 8 s, hints up to 60 s */
  readonly retry?: Partial<Omit<RetryPolicy, "maxRetries">>;
  /**
   * Receives, once per route, what the server's `Deprecation` / `Sunset` headers say. `false` silences that and the
   * one-time warning that API v1 is deprecated. @default a DeprecationWarning (Node's --no-deprecation silences it)
   */
  readonly onDeprecation?: DeprecationHandler | false;
}

/** Cluster operations. */
export interface ClustersApi {
  list(query?: ClusterListQuery, options?: CallOptions): Promise<Cluster[]>;
  get(clusterId: string, options?: CallOptions): Promise<Cluster>;
  /** Never sends the create twice on its own; see {@link CreateOptions.recover}. */
  create(input: ClusterCreateInput, options?: CreateOptions): Promise<Cluster>;
  update(clusterId: string, patch: ClusterUpdateInput, options?: CallOptions): Promise<Cluster>;
  delete(clusterId: string, options?: CallOptions): Promise<DeletedCluster>;
  /** Polls until the cluster is ready. Rejects with ClusterFailedError, ClusterDeletedError or WaitTimeoutError. */
  waitForReady(clusterId: string, options?: WaitForReadyOptions): Promise<Cluster>;
}

/** Region operations. */
export interface RegionsApi {
  /** Regions with the driver pairs they support. */
  list(options?: CallOptions): Promise<Region[]>;
}

/** Shared-volume operations. */
export interface VolumesApi {
  list(options?: CallOptions): Promise<Volume[]>;
  get(volumeId: string, options?: CallOptions): Promise<Volume>;
  create(input: VolumeCreateInput, options?: CallOptions): Promise<Volume>;
  /** v2 only: rejects with UnsupportedByVersionError on v1. */
  update(volumeId: string, patch: VolumeUpdateInput, options?: CallOptions): Promise<Volume>;
  delete(volumeId: string, options?: CallOptions): Promise<DeletedVolume>;
}

/** The unified client. The same calls work against a v1 and a v2 backend. */
export interface Client {
  readonly apiVersion: ApiVersion;
  readonly baseUrl: string;
  readonly clusters: ClustersApi;
  readonly regions: RegionsApi;
  readonly volumes: VolumesApi;
}

const adapters = { v1: createV1Adapter, v2: createV2Adapter } as const satisfies Record<ApiVersion, AdapterFactory>;

/** Default server root per version. */
export const defaultBaseUrls = {
  v1: "https://manager.cloud.together.ai",
  v2: "https://api.together.ai/v1",
} as const satisfies Record<ApiVersion, string>;

const userAgent = "together-clusters";

/** Creates a client for one API version. Throws ValidationError for unusable options (bad version, URL or missing key). */
export function createClient(options: ClientOptions): Client {
  const apiVersion = options.apiVersion;
  if (!Object.hasOwn(adapters, apiVersion)) {
    throw new ValidationError([{ path: "apiVersion", message: `must be "v1" or "v2", got ${JSON.stringify(apiVersion)}` }]);
  }
  const apiKey = options.apiKey ?? globalThis.process?.env?.["TOGETHER_API_KEY"];
  if (apiKey === undefined || apiKey === "") {
    throw new ValidationError([{ path: "apiKey", message: "is missing: pass apiKey or set TOGETHER_API_KEY" }]);
  }
  const baseUrl = checkBaseUrl(options.baseUrl ?? defaultBaseUrls[apiVersion]);
  checkLimits(options);
  // Deprecation signals (src/deprecation.ts): a fetch wrapper until the transport takes openapi-fetch middleware.
  const baseFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  if (options.onDeprecation !== false) warnV1Client(apiVersion);
  const transport = createTransport({
    baseUrl,
    apiKey,
    fetch: options.onDeprecation === false ? baseFetch : withDeprecationReporting(baseFetch, createDeprecationReporter(options.onDeprecation)),
    timeoutMs: options.timeoutMs ?? 60_000,
    deadlineMs: options.deadlineMs,
    retry: { ...defaultRetryPolicy, ...options.retry, maxRetries: options.maxRetries ?? defaultRetryPolicy.maxRetries },
    userAgent,
    random: Math.random,
    now: Date.now,
  });
  return facade(adapters[apiVersion](transport), baseUrl);
}

function checkLimits(options: ClientOptions): void {
  const issues: ValidationIssue[] = [];
  const positive = (path: string, value: number | undefined) => {
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && value > 0)) issues.push({ path, message: `must be a positive number of ms, got ${String(value)}` });
  };
  positive("timeoutMs", options.timeoutMs);
  positive("deadlineMs", options.deadlineMs);
  positive("retry.initialDelayMs", options.retry?.initialDelayMs);
  positive("retry.maxDelayMs", options.retry?.maxDelayMs);
  positive("retry.maxRetryAfterMs", options.retry?.maxRetryAfterMs);
  if (options.maxRetries !== undefined && !(Number.isInteger(options.maxRetries) && options.maxRetries >= 0)) {
    issues.push({ path: "maxRetries", message: `must be a non-negative integer, got ${String(options.maxRetries)}` });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

function checkBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ValidationError([{ path: "baseUrl", message: `is not a URL: ${JSON.stringify(raw)}` }]);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ValidationError([{ path: "baseUrl", message: `must be http(s), got ${url.protocol}` }]);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new ValidationError([{ path: "baseUrl", message: `plain http is allowed only for loopback hosts (the API key would travel in clear to ${url.hostname})` }]);
  }
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new ValidationError([{ path: "baseUrl", message: "must not contain credentials, a query or a fragment" }]);
  }
  return url.href.replace(/\/+$/, "");
}

function facade(adapter: VersionAdapter, baseUrl: string): Client {
  // Every method is async so that bad input always surfaces as a rejected promise, never a synchronous throw.
  const getCluster = async (clusterId: string, options?: CallOptions) => adapter.getCluster(checkId(clusterId, "clusterId"), options);
  return {
    apiVersion: adapter.version,
    baseUrl,
    clusters: {
      list: async (query, options) => adapter.listClusters(validateClusterList(query), options),
      get: getCluster,
      create: async (input, options) => createCluster(adapter, validateClusterCreate(input, adapter.version), options), // version-aware checks (migrate)
      update: async (clusterId, patch, options) => adapter.updateCluster(checkId(clusterId, "clusterId"), validateClusterUpdate(patch), options),
      delete: async (clusterId, options) => adapter.deleteCluster(checkId(clusterId, "clusterId"), options),
      waitForReady: async (clusterId, options) => waitForReady(checkId(clusterId, "clusterId"), getCluster, options),
    },
    regions: {
      list: async (options) => adapter.listRegions(options),
    },
    volumes: {
      list: async (options) => adapter.listVolumes(options),
      get: async (volumeId, options) => adapter.getVolume(checkId(volumeId, "volumeId"), options),
      create: async (input, options) => adapter.createVolume(validateVolumeCreate(input), options),
      update: async (volumeId, patch, options) => adapter.updateVolume(checkId(volumeId, "volumeId"), validateVolumeUpdate(patch), options),
      delete: async (volumeId, options) => adapter.deleteVolume(checkId(volumeId, "volumeId"), options),
    },
  };
}
