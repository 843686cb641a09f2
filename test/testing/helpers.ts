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
