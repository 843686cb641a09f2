/**
 * A typed caller over one version's generated `paths` (openapi-typescript's output, the types openapi-fetch reads).
 * The path, its parameters and the JSON body are checked against the spec at compile time, as openapi-fetch would
 * check them; at run time it only fills the URL, serializes the body and hands both to the transport.
 *
 * Why not openapi-fetch itself at run time: the transport already owns everything around the request (key, timeouts,
 * retries, redirects, reading the body) and the adapters decode and map the answer themselves, so openapi-fetch's
 * runtime would only build a Request that the transport takes apart again. Dropping it removed a layer from every
 * call and 2.6 kB (min+gzip) from the bundle; see BENCHMARKS.md.
 */
import type { CallOptions, Transport } from "../transport.js";
import { decodeJson, type Decoded } from "./decode.js";
import { fillPath, serializeQuery } from "./serializers.js";

type Method = "get" | "post" | "put" | "delete";

/** The operation object at `paths[P][M]`, or never where the spec has none (openapi-typescript writes `put?: never`). */
type OperationAt<Paths, P extends keyof Paths, M extends Method> = M extends keyof Paths[P] ? NonNullable<Paths[P][M]> : never;

/** Paths that have an operation for method `M`. */
export type PathsWith<Paths, M extends Method> = {
  [P in keyof Paths]-?: [OperationAt<Paths, P, M>] extends [never] ? never : OperationAt<Paths, P, M> extends { responses: unknown } ? P : never;
}[keyof Paths];

type PathPart<Op> = Op extends { parameters: { path: infer T } } ? { readonly path: T } : { readonly path?: undefined };
type QueryPart<Op> = Op extends { parameters: { query?: infer Q } } ? ([Q] extends [never | undefined] ? { readonly query?: undefined } : { readonly query?: Q }) : { readonly query?: undefined };
type BodyPart<Op> = Op extends { requestBody: { content: { "application/json": infer B } } }
  ? { readonly body: B }
  : Op extends { requestBody?: { content: { "application/json": infer B } } }
    ? { readonly body?: B }
    : { readonly body?: undefined };

/** What a call of operation `Op` takes: its path parameters, query and JSON body, each as the spec types them. */
export type WireRequestOf<Op> = PathPart<Op> & QueryPart<Op> & BodyPart<Op>;

/** `request` may be left out when nothing in it is required. */
type Args<Op> = {} extends WireRequestOf<Op> ? [request?: WireRequestOf<Op>, options?: CallOptions] : [request: WireRequestOf<Op>, options?: CallOptions];

/** One method per HTTP verb; each resolves to the parsed JSON of a 2xx answer or rejects with a typed error. */
export interface WireClient<Paths> {
  get<P extends PathsWith<Paths, "get">>(path: P, ...args: Args<OperationAt<Paths, P, "get">>): Promise<Decoded>;
  post<P extends PathsWith<Paths, "post">>(path: P, ...args: Args<OperationAt<Paths, P, "post">>): Promise<Decoded>;
  put<P extends PathsWith<Paths, "put">>(path: P, ...args: Args<OperationAt<Paths, P, "put">>): Promise<Decoded>;
  delete<P extends PathsWith<Paths, "delete">>(path: P, ...args: Args<OperationAt<Paths, P, "delete">>): Promise<Decoded>;
}

interface UntypedRequest {
  readonly path?: Readonly<Record<string, unknown>> | undefined;
  readonly query?: Readonly<Record<string, unknown>> | undefined;
  readonly body?: unknown;
}

/** A wire client over `transport` for the API whose generated `paths` type is `Paths`. */
export function createWireClient<Paths>(transport: Transport): WireClient<Paths> {
  const call =
    (method: "GET" | "POST" | "PUT" | "DELETE") =>
    async (template: string, request?: UntypedRequest, options?: CallOptions): Promise<Decoded> => {
      const url = transport.baseUrl + fillPath(template, request?.path) + serializeQuery(request?.query);
      const body = request?.body === undefined ? undefined : JSON.stringify(request.body);
      return decodeJson(transport, await transport.send({ method, url, body }, options));
    };
  // The typed surface is the interface above; the implementation is one untyped function per verb.
  return { get: call("GET"), post: call("POST"), put: call("PUT"), delete: call("DELETE") } as unknown as WireClient<Paths>;
}
