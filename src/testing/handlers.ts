import type { ClusterRecord } from "./records.js";
import type { FakeState } from "./state.js";

/**
 * Response header with the fake's poll hint: how many milliseconds a client polling a cluster that is still changing
 * may wait before polling again (the Azure-style `retry-after-ms`, sent on 200s of `GET` one cluster).
 */
export const POLL_HINT_HEADER = "retry-after-ms";

/** What a handler receives: a request that already passed auth and spec validation. */
export interface HandlerContext {
  readonly state: FakeState;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | string[]>>;
  /** The parsed JSON body; its shape is guaranteed by the spec validator. */
  readonly body: unknown;
  /** Adds a header to the 200 answer. */
  readonly setHeader: (name: string, value: string) => void;
}

/** A handler answers 200 with a JSON body, or throws a `FakeApiError`. */
export type Handler = (context: HandlerContext) => unknown;

/** Handlers of one API version, keyed by the spec's operationId. */
export type HandlerTable = Readonly<Record<string, Handler>>;

/** Reads a path parameter the spec declares as required (so the router always provides it). */
export function pathParam(context: HandlerContext, name: string): string {
  const value = context.params[name];
  if (value === undefined) throw new Error(`route is missing path parameter ${name}; the spec and the handler disagree`);
  return decodeURIComponent(value);
}

/** Reads a single-valued query parameter. */
export function queryParam(context: HandlerContext, name: string): string | undefined {
  const value = context.query[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Serves a GET of one cluster as a poll: lets the clock move (`on-poll` mode) and hints when to poll next. */
export function polledCluster(context: HandlerContext, id: string): ClusterRecord {
  const cluster = context.state.pollCluster(id);
  const hint = context.state.pollHintMs(cluster);
  if (hint !== undefined) context.setHeader(POLL_HINT_HEADER, String(hint));
  return cluster;
}
