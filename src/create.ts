/**
 * Cluster creation without duplicates. A create is sent at most once on its own: after an ambiguous failure the
 * caller gets AmbiguousCreateError, or, with `recover: true`, the client looks for the cluster it just asked for.
 * It creates again only when the cluster is certainly absent: the server answered (so it is done with the request)
 * and two listings, a short settle apart, do not show the cluster. After a timeout or a broken connection the server
 * may still be working on the first request, so "not listed yet" proves nothing and the error stands.
 */
import type { VersionAdapter } from "./adapters/adapter.js";
import { AmbiguousCreateError, ConnectionError, InvalidResponseError, RequestNotSentError, ServerError, TimeoutError } from "./errors.js";
import { callOptionNames, optionNames } from "./options.js";
import { pause, type CallOptions } from "./transport.js";
import type { Cluster, ClusterCreateInput } from "./types.js";

/** Options of `clusters.create`. */
export interface CreateOptions extends CallOptions {
  /**
   * After an ambiguous failure, look for the cluster (same name, absent from a listing taken just before the call)
   * and return it; create again only when it is certainly absent. Costs one list call up front.
   * @default false
   */
  readonly recover?: boolean | undefined;
  /** How long recovery waits before its second look. @default 2_000 */
  readonly recoverSettleMs?: number | undefined;
}

/** What create accepts as options: every call's, and recovery's. */
export const createOptionNames = new Set([...callOptionNames, ...optionNames<Omit<CreateOptions, keyof CallOptions>>({ recover: true, recoverSettleMs: true })]);

/** True when a create failed in a way that leaves open whether the server made the cluster. */
export function isAmbiguousCreateFailure(error: unknown): boolean {
  // The transport says when a request certainly never left (refused before sending, connection never opened).
  if (error instanceof ConnectionError) return !(error instanceof RequestNotSentError);
  return error instanceof TimeoutError || error instanceof ServerError || error instanceof InvalidResponseError;
}

/** Creates a cluster; see {@link CreateOptions} for what happens after an ambiguous failure. */
export async function createCluster(adapter: VersionAdapter, input: ClusterCreateInput, options: CreateOptions = {}): Promise<Cluster> {
  const startedAt = new Date();
  const before = options.recover ? idsNamed(await adapter.listClusters({}, options), input.cluster_name) : undefined;
  try {
    return await adapter.createCluster(input, options);
  } catch (error) {
    if (!isAmbiguousCreateFailure(error)) throw error;
    if (before === undefined) throw new AmbiguousCreateError(input.cluster_name, startedAt, error);
    const found = await findNew(adapter, input.cluster_name, before, options);
    if (found !== undefined) return found;
    await pause(options.recoverSettleMs ?? 2_000, options.signal, undefined, Date.now, undefined);
    const foundLater = await findNew(adapter, input.cluster_name, before, options);
    if (foundLater !== undefined) return foundLater;
    if (!serverFinishedWith(error)) throw new AmbiguousCreateError(input.cluster_name, startedAt, error);
    try {
      return await adapter.createCluster(input, options);
    } catch (second) {
      if (isAmbiguousCreateFailure(second)) throw new AmbiguousCreateError(input.cluster_name, startedAt, second);
      throw second;
    }
  }
}

/**
 * True when the failure is an answer from the server itself, so the request is no longer in flight anywhere.
 * 502 and 504 come from a gateway whose upstream may still be processing the create.
 */
function serverFinishedWith(error: unknown): boolean {
  return error instanceof ServerError && error.status !== 502 && error.status !== 504;
}

function idsNamed(clusters: readonly Cluster[], name: string): ReadonlySet<string> {
  return new Set(clusters.filter((c) => c.cluster_name === name).map((c) => c.cluster_id));
}

async function findNew(adapter: VersionAdapter, name: string, before: ReadonlySet<string>, options: CallOptions): Promise<Cluster | undefined> {
  const clusters = await adapter.listClusters({}, options);
  // "Created after the call began" is judged by absence from the listing taken before the call, not by comparing the
  // server's created_at with the client's clock: clocks disagree, the listing does not.
  return clusters.find((c) => c.cluster_name === name && !before.has(c.cluster_id));
}
