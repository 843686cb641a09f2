import { connect } from "node:net";
import { afterAll, afterEach, beforeAll } from "vitest";
import { startFakeApi, type FakeApi, type FakeApiOptions } from "../../src/testing/index.js";

/** A parsed answer of the fake. */
export interface Reply<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** Raw HTTP against the fake, with its bearer token unless `auth` is given ("" sends none). */
export async function call<T = any>(
  url: string,
  method: string,
  options: { body?: unknown; rawBody?: string; auth?: string; apiKey?: string } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  const auth = options.auth ?? (options.apiKey !== undefined ? `Bearer ${options.apiKey}` : undefined);
  if (auth) headers.authorization = auth;
  const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

/** Binds `call` to one fake: `v1(method, path)` and `v2(method, path)` with the fake's token. */
export function clientsFor(fake: FakeApi) {
  const bound =
    (base: string) =>
    <T = any>(method: string, path: string, body?: unknown) =>
      call<T>(`${base}${path}`, method, { apiKey: fake.apiKey, ...(body !== undefined ? { body } : {}) });
  return { v1: bound(fake.urls.v1), v2: bound(fake.urls.v2) };
}

/** A valid v2 create body; override fields per test. */
export function v2CreateBody(overrides: Record<string, unknown> = {}) {
  return {
    cluster_name: "train-1",
    region: "us-central-8",
    gpu_type: "H100_SXM",
    num_gpus: 16,
    billing_type: "ON_DEMAND",
    cuda_version: "12.6",
    nvidia_driver_version: "560",
    ...overrides,
  };
}

/** A valid v1 create body; override fields per test. */
export function v1CreateBody(overrides: Record<string, unknown> = {}) {
  return {
    cluster_name: "train-1",
    region: "us-central-8",
    gpu_type: "H100_SXM",
    num_gpus: 16,
    billing_type: "RESERVED",
    driver_version: "CUDA_12_6_560",
    duration_days: 3,
    ...overrides,
  };
}

/** Starts a fake for one test file; the caller closes it in afterAll. */
export function startTestFake(options: FakeApiOptions = {}): Promise<FakeApi> {
  return startFakeApi(options);
}

/** What came back on a raw TCP exchange: the status line's code (`undefined` if the connection closed silently). */
export interface RawReply {
  readonly status: number | undefined;
  readonly text: string;
}

/**
 * Sends `bytes` as-is over a fresh TCP connection to the fake's origin and collects everything until the server closes
 * (requests should carry `Connection: close`). Bypasses fetch, which refuses to send most malformed requests.
 */
export function rawHttp(origin: string, bytes: string | Buffer): Promise<RawReply> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    const done = () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(text)?.[1];
      resolve({ status: status === undefined ? undefined : Number(status), text });
    };
    socket.on("close", done);
    socket.on("error", () => {}); // a reset still ends in "close", which resolves with whatever arrived
  });
}

/** A raw HTTP/1.1 request with the fake's token, `Connection: close`, and a body if given. */
export function rawRequest(method: string, target: string, options: { body?: string; headers?: Record<string, string>; apiKey?: string } = {}): string {
  const headers: Record<string, string> = {
    host: "127.0.0.1",
    connection: "close",
    authorization: `Bearer ${options.apiKey ?? "test-key"}`,
    ...(options.body !== undefined ? { "content-length": String(Buffer.byteLength(options.body)) } : {}),
    ...options.headers,
  };
  const head = [`${method} ${target} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join("\r\n");
  return `${head}\r\n\r\n${options.body ?? ""}`;
}

/** The JSON body of a raw reply. */
export function rawJson(reply: RawReply): any {
  return JSON.parse(reply.text.slice(reply.text.indexOf("\r\n\r\n") + 4));
}

/** One fake for a whole test file: started before, reset after each test, closed after all. Read `.fake` / `.api` inside tests. */
export function useSharedFake(options: FakeApiOptions = {}): { readonly fake: FakeApi; readonly api: ReturnType<typeof clientsFor> } {
  const shared = {} as { fake: FakeApi; api: ReturnType<typeof clientsFor> };
  beforeAll(async () => {
    shared.fake = await startFakeApi(options);
    shared.api = clientsFor(shared.fake);
  });
  afterEach(() => shared.fake.reset());
  afterAll(() => shared.fake.close());
  return shared;
}
