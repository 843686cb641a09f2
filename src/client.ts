/**
 * createClient(): builds the transport, picks the adapter once by `apiVersion`, validates input before any request,
 * and returns the unified facade. No HTTP and no mapping happen here.
 */
import type { VersionAdapter } from "./adapters/adapter.js";
import type { ObservedCallOptions } from "./adapters/decode.js";
import { createV1Adapter, type V1RawClient } from "./adapters/v1.js";
import { createV2Adapter, type V2RawClient } from "./adapters/v2.js";
import { createCluster, createOptionNames, type CreateOptions } from "./create.js";
import { ConnectionError, InvalidResponseError, ValidationError, type ValidationIssue } from "./errors.js";
import { createLog, isLogLevel, type Logger, type LogLevel } from "./logger.js";
import { checkApiKey, checkBytes, checkCallOptions, checkCount, checkHeaders, checkMs, checkOptionNames, optionNames, throwIssues } from "./options.js";
import { createRedactor, type Redactor } from "./redact.js";
import { createDeprecationReporter, warnV1Client, type DeprecationHandler } from "./deprecation.js";
import { defaultRetryPolicy, type RetryPolicy } from "./retry.js";
import { createTransport, isLoopbackHost, responseInfo, type CallOptions, type FetchLike } from "./transport.js";
import { userAgent } from "./version.js";
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
import { waitFor, waitForDeleted, waitForReady, waitForUpdate, waitOptionIssues, waitOptionNames, type WaitDeps, type WaitForReadyOptions, type WaitOptions } from "./wait.js";

/** Options of {@link createClient}. */
export interface ClientOptions<V extends ApiVersion = ApiVersion> {
  /** Server API version. Every method behaves the same on both; see docs/client.md "Version differences". */
  readonly apiVersion: V;
  /** API key. @default process.env.TOGETHER_API_KEY */
  readonly apiKey?: string | undefined;
  /**
   * Server root. Plain `http:` is accepted only for loopback hosts, so the key never crosses a network in clear.
   * @default process.env.TOGETHER_BASE_URL (v2; the variable the together-ai SDK reads) or
   * process.env.TOGETHER_V1_BASE_URL (v1), else "https://api.together.ai/v1" (v2), "https://manager.cloud.together.ai" (v1)
   */
  readonly baseUrl?: string | undefined;
  /** The fetch to use. @default globalThis.fetch */
  readonly fetch?: FetchLike | undefined;
  /** Per-attempt timeout in ms. An attempt is never cut short before it, and at most 0.1% (≤ 50 ms) after it. @default 60_000 */
  readonly timeoutMs?: number | undefined;
  /** Overall budget per call in ms, across retries and their waits. @default none */
  readonly deadlineMs?: number | undefined;
  /** Retries of GET/PUT/DELETE on 408, 429, 500, 502, 503, 504 and connection errors. Create is never retried. @default 2 */
  readonly maxRetries?: number | undefined;
  /** Backoff tuning (initial delay, cap, largest `Retry-After` honoured). @default 500 ms doubling to 8 s, hints up to 60 s */
  readonly retry?: Partial<Omit<RetryPolicy, "maxRetries">> | undefined;
  /** Largest response body read, enforced while it streams (ResponseTooLargeError beyond). @default 33_554_432 (32 MiB) */
  readonly maxResponseBytes?: number | undefined;
  /** Headers sent with every request (each call's `headers` add to them). `authorization` comes from `apiKey` only. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Where log lines go (one per attempt at "debug"; retries at "warn"). Never the key, a header or a body. @default console when a level is set */
  readonly logger?: Logger | undefined;
  /** Log level. @default process.env.TOGETHER_LOG, else "off" without a logger and "warn" with one */
  readonly logLevel?: LogLevel | undefined;
  /**
   * Receives, once per route, what the server's `Deprecation` / `Sunset` headers say. `false` silences that and the
   * one-time warning that API v1 is deprecated. @default a DeprecationWarning (Node's --no-deprecation silences it)
   */
  readonly onDeprecation?: DeprecationHandler | false | undefined;
}

/** A unified call's result together with the HTTP answer it came from (the last one, for calls that make several). */
export interface WithResponse<T> {
  readonly data: T;
  readonly response: Response;
  /** The answer's `x-request-id` (or `request-id`), for support tickets. */
  readonly requestId: string | undefined;
}

/** What every unified method returns: a promise of the result that can also give the HTTP answer. */
export interface ApiPromise<T> extends Promise<T> {
  /** The result with the response and request id it came from. */
  withResponse(): Promise<WithResponse<T>>;
}

/** Cluster operations. */
export interface ClustersApi {
  list(query?: ClusterListQuery, options?: CallOptions): ApiPromise<Cluster[]>;
  get(clusterId: string, options?: CallOptions): ApiPromise<Cluster>;
  /** Never sends the create twice on its own; see {@link CreateOptions.recover}. */
  create(input: ClusterCreateInput, options?: CreateOptions): ApiPromise<Cluster>;
  update(clusterId: string, patch: ClusterUpdateInput, options?: CallOptions): ApiPromise<Cluster>;
  delete(clusterId: string, options?: CallOptions): ApiPromise<DeletedCluster>;
  /** Polls until the cluster is ready. Rejects with ClusterFailedError, ClusterDeletedError or WaitTimeoutError. */
  waitForReady(clusterId: string, options?: WaitForReadyOptions): ApiPromise<Cluster>;
  /** Polls until an update has taken effect (not the stale `Ready` the server reports right after it). */
  waitForUpdate(clusterId: string, patch: ClusterUpdateInput, options?: WaitOptions): ApiPromise<Cluster>;
  /** Polls until `predicate(cluster)` holds. */
  waitFor(clusterId: string, predicate: (cluster: Cluster) => boolean, options?: WaitOptions): ApiPromise<Cluster>;
  /** Polls until the cluster is gone (404). Only the deadline ends it unless `failOn` says otherwise. */
  waitForDeleted(clusterId: string, options?: WaitOptions): ApiPromise<void>;
}

/** Region operations. */
export interface RegionsApi {
  /** Regions with the driver pairs they support. */
  list(options?: CallOptions): ApiPromise<Region[]>;
}

/** Shared-volume operations. */
export interface VolumesApi {
  list(options?: CallOptions): ApiPromise<Volume[]>;
  get(volumeId: string, options?: CallOptions): ApiPromise<Volume>;
  create(input: VolumeCreateInput, options?: CallOptions): ApiPromise<Volume>;
  /** v2 only: rejects with UnsupportedByVersionError on v1. */
  update(volumeId: string, patch: VolumeUpdateInput, options?: CallOptions): ApiPromise<Volume>;
  delete(volumeId: string, options?: CallOptions): ApiPromise<DeletedVolume>;
}

/** `client.raw` of each version: openapi-fetch typed by that version's generated `paths`. */
export interface RawClients {
  readonly v1: V1RawClient;
  readonly v2: V2RawClient;
}

/** The unified client. The same calls work against a v1 and a v2 backend. */
export interface Client<V extends ApiVersion = ApiVersion> {
  readonly apiVersion: V;
  readonly baseUrl: string;
  readonly clusters: ClustersApi;
  readonly regions: RegionsApi;
  readonly volumes: VolumesApi;
  /**
   * The openapi-fetch client every unified call goes through, typed by the chosen version's spec: for operations and
   * fields the unified methods do not cover. It shares the key, timeouts, retries, size cap and error types;
   * middleware added with `raw.use(…)` sees the unified methods' requests too.
   */
  readonly raw: RawClients[V];
}

const adapters: { readonly [K in ApiVersion]: (...args: Parameters<typeof createV2Adapter>) => VersionAdapter<RawClients[K]> } = { v1: createV1Adapter, v2: createV2Adapter };

/** Default cap on a response body: far above any cluster answer, far below what would hurt a process. */
export const defaultMaxResponseBytes = 32 * 1024 * 1024;

/** Default server root per version. */
export const defaultBaseUrls = {
  v1: "https://manager.cloud.together.ai",
  v2: "https://api.together.ai/v1",
} as const satisfies Record<ApiVersion, string>;

/**
 * Environment variable that sets `baseUrl` when the option is not given: v2's is the one the together-ai SDK reads,
 * so one setting points both at a proxy or at the fake API (migrated code runs against it unchanged).
 */
export const baseUrlVariables = {
  v1: "TOGETHER_V1_BASE_URL",
  v2: "TOGETHER_BASE_URL",
} as const satisfies Record<ApiVersion, string>;

/**
 * The client createClient returns for `V`: `Client<"v2">` for a literal version, and for a version only known at run
 * time (`"v1" | "v2"`) the union `Client<"v1"> | Client<"v2">`, which `client.apiVersion === "v2"` narrows, `raw`
 * included (one `Client<"v1" | "v2">` would leave `raw` a union of two clients nothing can call).
 */
export type ClientFor<V extends ApiVersion> = V extends ApiVersion ? Client<V> : never;

/** Creates a client for one API version. Throws ValidationError for unusable options (bad version, URL, key or limit). */
export function createClient<V extends ApiVersion>(options: ClientOptions<V>): ClientFor<V> {
  const apiVersion = options.apiVersion;
  if (!Object.hasOwn(adapters, apiVersion)) {
    throw new ValidationError([{ path: "apiVersion", message: `must be "v1" or "v2", got ${JSON.stringify(apiVersion)}` }]);
  }
  const apiKey = options.apiKey ?? globalThis.process?.env?.["TOGETHER_API_KEY"];
  if (apiKey === undefined || apiKey === "") {
    throw new ValidationError([{ path: "apiKey", message: "is missing: pass apiKey or set TOGETHER_API_KEY" }]);
  }
  checkApiKey(apiKey);
  const variable = baseUrlVariables[apiVersion];
  const fromEnvironment = options.baseUrl === undefined ? globalThis.process?.env?.[variable] || undefined : undefined;
  const baseUrlPath = fromEnvironment === undefined ? "baseUrl" : `baseUrl (from ${variable})`;
  const baseUrl = checkServer(apiVersion, checkBaseUrl(options.baseUrl ?? fromEnvironment ?? defaultBaseUrls[apiVersion], baseUrlPath), baseUrlPath);
  checkLimits(options);
  const redactor = createRedactor(apiKey);
  if (options.onDeprecation !== false) warnV1Client(apiVersion);
  const transport = createTransport({
    baseUrl,
    apiKey,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 60_000,
    deadlineMs: options.deadlineMs,
    retry: { ...defaultRetryPolicy, ...options.retry, maxRetries: options.maxRetries ?? defaultRetryPolicy.maxRetries },
    maxResponseBytes: options.maxResponseBytes ?? defaultMaxResponseBytes,
    random: Math.random,
    now: Date.now,
    redactor,
    log: createLog(options.logger, options.logLevel, redactor.text),
  });
  const headers = { "user-agent": userAgent, accept: "application/json", ...options.headers };
  // Deprecation / Sunset headers, once per route (src/deprecation.ts), from raw and unified calls alike.
  const report = options.onDeprecation === false ? undefined : createDeprecationReporter(options.onDeprecation);
  const adapter = adapters[apiVersion](transport, headers, report) as VersionAdapter<RawClients[V]>;
  return facade(adapter, baseUrl, redactor) as ClientFor<V>;
}

const clientOptionNames = optionNames<ClientOptions>({
  apiVersion: true,
  apiKey: true,
  baseUrl: true,
  fetch: true,
  timeoutMs: true,
  deadlineMs: true,
  maxRetries: true,
  retry: true,
  maxResponseBytes: true,
  headers: true,
  logger: true,
  logLevel: true,
  onDeprecation: true,
});
const retryOptionNames = optionNames<NonNullable<ClientOptions["retry"]>>({ initialDelayMs: true, maxDelayMs: true, maxRetryAfterMs: true });

function checkLimits(options: ClientOptions): void {
  const issues: ValidationIssue[] = [];
  checkOptionNames(issues, "", options, clientOptionNames);
  if (options.retry !== undefined && options.retry !== null && typeof options.retry === "object") checkOptionNames(issues, "retry.", options.retry, retryOptionNames);
  checkMs(issues, "timeoutMs", options.timeoutMs);
  checkMs(issues, "deadlineMs", options.deadlineMs);
  checkMs(issues, "retry.initialDelayMs", options.retry?.initialDelayMs);
  checkMs(issues, "retry.maxDelayMs", options.retry?.maxDelayMs);
  checkMs(issues, "retry.maxRetryAfterMs", options.retry?.maxRetryAfterMs);
  checkCount(issues, "maxRetries", options.maxRetries);
  checkBytes(issues, "maxResponseBytes", options.maxResponseBytes);
  checkHeaders(issues, "headers", options.headers);
  if (options.logLevel !== undefined && !isLogLevel(options.logLevel)) issues.push({ path: "logLevel", message: `must be one of debug, info, warn, error, off, got ${JSON.stringify(options.logLevel)}` });
  if (options.fetch !== undefined && typeof options.fetch !== "function") issues.push({ path: "fetch", message: "must be a function" });
  throwIssues(issues);
}

/**
 * A base URL on the other version's Together host is refused: v1 code often keeps its server in TOGETHER_BASE_URL,
 * which a v2 client reads, and every call would then fail with 404s far from the cause.
 */
function checkServer(apiVersion: ApiVersion, baseUrl: string, path: string): string {
  const other: ApiVersion = apiVersion === "v1" ? "v2" : "v1";
  const otherHost = new URL(defaultBaseUrls[other]).host;
  if (new URL(baseUrl).host === otherHost) {
    throw new ValidationError([{ path, message: `is the ${other} server (${otherHost}); a ${apiVersion} client needs the ${apiVersion} root, e.g. ${defaultBaseUrls[apiVersion]}` }]);
  }
  return baseUrl;
}

/** The base URL, checked; `path` names where it came from (the option, or the environment variable). */
function checkBaseUrl(raw: string, path: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ValidationError([{ path, message: `is not a URL: ${JSON.stringify(raw)}` }]);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ValidationError([{ path, message: `must be http(s), got ${url.protocol}` }]);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new ValidationError([{ path, message: `plain http is allowed only for loopback hosts (the API key would travel in clear to ${url.hostname})` }]);
  }
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new ValidationError([{ path, message: "must not contain credentials, a query or a fragment" }]);
  }
  return url.href.replace(/\/+$/, "");
}

/** How many unusable (non-JSON) answers in a row `waitForReady` rides out as transient before it gives up. */
const maxTransientUnusableAnswers = 3;

/** Wraps one unified call: checks its options, scrubs its errors, records its responses for `withResponse`. */
function apiCall<T>(redactor: Redactor, options: CallOptions | undefined, run: (options: ObservedCallOptions) => Promise<T>, allowed?: ReadonlySet<string>): ApiPromise<T> {
  let last: Response | undefined;
  const onResponse = (response: Response) => void (last = response);
  let started: Promise<T>;
  // A throw before the first request (bad input) becomes the promise's rejection, never a synchronous throw.
  try {
    if (options !== undefined) throwIssues(checkCallOptions(options, [], allowed));
    started = run(options === undefined ? { onResponse } : { ...options, onResponse });
  } catch (error) {
    started = Promise.reject(error);
  }
  const promise = started.catch((error: unknown) => {
    throw redactor.error(error);
  });
  const withResponse = async (): Promise<WithResponse<T>> => {
    const data = await promise;
    const response = last!;
    return { data, response, requestId: responseInfo(response).requestId };
  };
  return Object.assign(promise, { withResponse });
}

/**
 * The `get` waitForReady polls with: a maintenance page (a 200 that is not JSON) is as transient as a 503, so a few in
 * a row are reported as connection trouble (which the wait rides out); a field-level problem or a long run is final.
 */
function tolerantGet(get: (id: string, options: CallOptions) => Promise<Cluster>): (id: string, options: CallOptions) => Promise<Cluster> {
  let unusableInARow = 0;
  return async (id, options) => {
    try {
      const cluster = await get(id, options);
      unusableInARow = 0;
      return cluster;
    } catch (error) {
      if (!(error instanceof InvalidResponseError) || error.path !== undefined || ++unusableInARow > maxTransientUnusableAnswers) throw error;
      throw new ConnectionError(`unusable answer while waiting (${unusableInARow} in a row): ${error.message}`, { cause: error });
    }
  };
}

function facade(adapter: VersionAdapter, baseUrl: string, redactor: Redactor): Client {
  // Bad input throws here; apiCall (and tolerantGet's await) turn that into a rejected promise, never a synchronous throw.
  const getCluster = (clusterId: string, options?: CallOptions) => adapter.getCluster(checkId(clusterId, "clusterId"), options);
  const call = <T>(options: CallOptions | undefined, run: (options: ObservedCallOptions) => Promise<T>, allowed?: ReadonlySet<string>) => apiCall(redactor, options, run, allowed);
  // A waiter's polls report their responses both to the waiter (poll hints) and to withResponse (the last one).
  const waiting = <T>(options: WaitOptions | undefined, run: (deps: WaitDeps) => Promise<T>) =>
    call(undefined, async (o) => {
      throwIssues([...checkWaitOptions(options), ...waitOptionIssues(options)]);
      const observe = (each: ObservedCallOptions): ObservedCallOptions => ({ ...each, onResponse: (r) => (each.onResponse?.(r), o.onResponse?.(r)) });
      return run({ get: tolerantGet((id, each) => getCluster(id, observe(each))) });
    });
  return {
    apiVersion: adapter.version,
    baseUrl,
    raw: adapter.raw as Client["raw"],
    clusters: {
      list: (query, options) => call(options, async (o) => adapter.listClusters(validateClusterList(query), o)),
      get: (clusterId, options) => call(options, (o) => getCluster(clusterId, o)),
      create: (input, options) => call(options, async (o) => createCluster(adapter, validateClusterCreate(input, adapter.version), o), createOptionNames),
      update: (clusterId, patch, options) => call(options, async (o) => adapter.updateCluster(checkId(clusterId, "clusterId"), validateClusterUpdate(patch), o)),
      delete: (clusterId, options) => call(options, async (o) => adapter.deleteCluster(checkId(clusterId, "clusterId"), o)),
      waitForReady: (clusterId, options) => waiting(options, (deps) => waitForReady(checkId(clusterId, "clusterId"), deps, options)),
      waitForUpdate: (clusterId, patch, options) =>
        waiting(options, (deps) => waitForUpdate(checkId(clusterId, "clusterId"), validateClusterUpdate(patch), deps, options)),
      waitFor: (clusterId, predicate, options) => waiting(options, (deps) => waitFor(checkId(clusterId, "clusterId"), predicate, deps, options)),
      waitForDeleted: (clusterId, options) => waiting(options, (deps) => waitForDeleted(checkId(clusterId, "clusterId"), deps, options)),
    },
    regions: {
      list: (options) => call(options, (o) => adapter.listRegions(o)),
    },
    volumes: {
      list: (options) => call(options, (o) => adapter.listVolumes(o)),
      get: (volumeId, options) => call(options, async (o) => adapter.getVolume(checkId(volumeId, "volumeId"), o)),
      create: (input, options) => call(options, async (o) => adapter.createVolume(validateVolumeCreate(input), o)),
      update: (volumeId, patch, options) => call(options, async (o) => adapter.updateVolume(checkId(volumeId, "volumeId"), validateVolumeUpdate(patch), o)),
      delete: (volumeId, options) => call(options, async (o) => adapter.deleteVolume(checkId(volumeId, "volumeId"), o)),
    },
  };
}

/** waitForReady's own numbers; its `signal` and `onStatus` are checked for type only. */
function checkWaitOptions(options: WaitForReadyOptions | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (options === undefined) return issues;
  if (options !== null && typeof options === "object") checkOptionNames(issues, "options.", options, waitOptionNames);
  checkMs(issues, "options.timeoutMs", options.timeoutMs);
  checkMs(issues, "options.pollIntervalMs", options.pollIntervalMs);
  checkMs(issues, "options.maxPollIntervalMs", options.maxPollIntervalMs);
  if (options.onStatus !== undefined && typeof options.onStatus !== "function") issues.push({ path: "options.onStatus", message: "must be a function" });
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) issues.push({ path: "options.signal", message: "must be an AbortSignal" });
  return issues;
}
