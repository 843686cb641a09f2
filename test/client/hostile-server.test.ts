/**
 * The client against servers that misbehave on purpose (issue 11) and the hooks consumers rely on (issue 15): body
 * size cap while streaming, the key scrubbed in every encoding a server could echo, refusals before sending that are
 * never "ambiguous", numeric options validated, maintenance pages during waits, non-http redirects, browser timers.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { format, inspect } from "node:util";
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  AuthenticationError,
  ConnectionError,
  createClient,
  InvalidResponseError,
  NotFoundError,
  RequestNotSentError,
  ResponseTooLargeError,
  TimeoutError,
  ValidationError,
  type ClientOptions,
} from "../../src/index.js";
import { createInput, v2ClusterWire } from "./fixtures.js";
import { startLoopback, type Handler, type Loopback } from "./helpers/loopback.js";

const KEY = "sk-hostile-Secret+Key/0123=";
const fast = { retry: { initialDelayMs: 1, maxDelayMs: 2 } } satisfies Partial<ClientOptions>;
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function serve(handler: Handler): Promise<Loopback> {
  const server = await startLoopback(handler);
  open.push(server);
  return server;
}

function v2(url: string, extra: Partial<ClientOptions> = {}) {
  return createClient({ apiVersion: "v2", apiKey: KEY, baseUrl: url, ...fast, ...extra });
}

/** Everything a developer might print of an error, causes included. */
function printed(error: unknown): string {
  const parts = [inspect(error, { depth: null, showHidden: true }), format("%o", error), String(error)];
  for (let e = error; e instanceof Error; e = e.cause) parts.push(e.stack ?? "", e.message);
  parts.push(JSON.stringify(error) ?? "");
  return parts.join("\n");
}

/** A server that streams an endless body and reports how much it managed to write. */
async function endlessServer(): Promise<{ url: string; written: () => number }> {
  let written = 0;
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) written += chunk.length;
      if (!res.destroyed) res.once("drain", pump);
    };
    res.on("close", () => undefined);
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  open.push({ close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, written: () => written };
}

describe("response size cap", () => {
  test("an endless body stops at maxResponseBytes with ResponseTooLargeError, having read little beyond it", async () => {
    const server = await endlessServer();
    const error = await v2(server.url, { maxResponseBytes: 1024 * 1024 }).clusters.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).maxResponseBytes).toBe(1024 * 1024);
    expect((error as Error).message).toMatch(/^GET \/compute\/clusters \(1 attempt\): .*exceeds maxResponseBytes \(1048576 bytes\)/);
    expect(server.written()).toBeLessThan(32 * 1024 * 1024);
  });
  test("a declared Content-Length above the cap is refused before reading; a create that meets it is ambiguous", async () => {
    const server = await serve(() => ({ json: { padding: "x".repeat(5000) } }));
    const client = v2(server.url, { maxResponseBytes: 1000 });
    await expect(client.regions.list()).rejects.toBeInstanceOf(ResponseTooLargeError);
    const error = await client.clusters.create(createInput).catch((e: unknown) => e);
    expect((error as Error).name).toBe("AmbiguousCreateError");
  });
  test("maxResponseBytes must be a positive integer", () => {
    expect(() => v2("https://x", { maxResponseBytes: 0 })).toThrow(/maxResponseBytes: must be a positive integer/);
    expect(() => v2("https://x", { maxResponseBytes: 1.5 })).toThrow(/maxResponseBytes/);
  });
});

describe("the API key in every encoding a server could echo", () => {
  const escaped = [...KEY].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
  test.each([
    ["raw, in the request id header", { status: 401, json: { message: "bad" }, headers: { "x-request-id": `rid-${KEY}` } }],
    ["\\u-escaped inside JSON", { status: 401, text: `{"message":"invalid key ${escaped}","echo":{"${escaped}":"${escaped}"}}`, headers: { "content-type": "application/json" } }],
    ["URL-encoded", { status: 400, text: `bad token=${encodeURIComponent(KEY)}` }],
    ["form-encoded", { status: 400, json: { message: `q=${new URLSearchParams({ k: KEY }).toString().slice(2)}` } }],
    ["raw in a 2xx answer that is not JSON", { status: 200, text: `<html>${KEY}</html>`, headers: { "x-request-id": KEY } }],
  ])("%s: appears in no error field", async (_name, reply) => {
    const server = await serve(() => reply);
    const error = await v2(server.url).clusters.get("c-1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const text = printed(error);
    for (const form of [KEY, encodeURIComponent(KEY), escaped]) expect(text).not.toContain(form);
    expect(text).toContain("[redacted]");
  });
  test("withResponse's headers are scrubbed too", async () => {
    const server = await serve(() => ({ json: v2ClusterWire, headers: { "x-request-id": KEY } }));
    const { requestId, response } = await v2(server.url).clusters.get("c-1").withResponse();
    expect(requestId).toBe("[redacted]");
    expect(response.headers.get("x-request-id")).toBe("[redacted]");
  });
  test.each([["a newline", "sk-abc\ndef"], ["a non-Latin-1 character", "sk-ключ"], ["surrounding spaces", " sk-abc "]])(
    "a key with %s is refused by createClient without quoting it",
    (_name, key) => {
      const error = (() => {
        try {
          createClient({ apiVersion: "v2", apiKey: key, baseUrl: "https://api.example.com" });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(/^apiKey: cannot be sent as an HTTP header value/);
      expect(printed(error)).not.toContain(key.trim().slice(0, 6));
    },
  );
});

describe("a request that was never sent is never ambiguous", () => {
  test("a port fetch blocks: create fails with RequestNotSentError, not AmbiguousCreateError", async () => {
    const error = await createClient({ apiVersion: "v2", apiKey: KEY, baseUrl: "http://127.0.0.1:6000" }).clusters.create(createInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestNotSentError);
    expect((error as RequestNotSentError).retryable).toBe(false);
    expect((error as Error).message).toMatch(/^POST \/compute\/clusters \(1 attempt\): Request refused before sending: bad port/);
  });
  test("a per-call header value fetch would refuse is a ValidationError naming it, before anything is sent", async () => {
    const server = await serve(() => ({ json: v2ClusterWire }));
    const error = await v2(server.url).clusters.create(createInput, { headers: { "x-note": "a\nb" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/options\.headers\.x-note: must be a string that can travel in an HTTP header/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("numeric options", () => {
  test.each([
    ["timeoutMs", { timeoutMs: Number.NaN }],
    ["timeoutMs", { timeoutMs: 2 ** 31 }],
    ["deadlineMs", { deadlineMs: 0 }],
    ["retry.maxDelayMs", { retry: { maxDelayMs: Number.POSITIVE_INFINITY } }],
    ["maxRetries", { maxRetries: -1 }],
  ])("client option %s", (path, extra) => {
    expect(() => v2("https://api.example.com", extra as Partial<ClientOptions>)).toThrow(new RegExp(`^${path.replace(".", "\\.")}: must be`));
  });
  test.each([
    ["options.timeoutMs", { timeoutMs: Number.NaN }],
    ["options.deadlineMs", { deadlineMs: 2 ** 31 }],
    ["options.maxRetries", { maxRetries: 0.5 }],
  ])("call option %s", async (path, options) => {
    const server = await serve(() => ({ json: v2ClusterWire }));
    await expect(v2(server.url).clusters.get("c-1", options)).rejects.toThrow(new RegExp(`^${path.replace(".", "\\.")}: must be`));
    expect(server.requests).toHaveLength(0);
  });
  test.each([
    ["options.timeoutMs", { timeoutMs: Number.NaN }],
    ["options.pollIntervalMs", { pollIntervalMs: 0 }],
    ["options.maxPollIntervalMs", { maxPollIntervalMs: 2 ** 31 }],
  ])("waitForReady option %s", async (path, options) => {
    const server = await serve(() => ({ json: v2ClusterWire }));
    await expect(v2(server.url).clusters.waitForReady("c-1", options)).rejects.toThrow(new RegExp(`^${path.replace(".", "\\.")}: must be`));
    expect(server.requests).toHaveLength(0);
  });
});

describe("waitForReady and unusable answers", () => {
  const provisioning = { ...v2ClusterWire, status: "WaitingForControlPlaneNodes" };
  test("one 200 HTML maintenance page is ridden out like a 503", async () => {
    const replies = [{ json: provisioning }, { text: "<html>maintenance</html>" }, { json: v2ClusterWire }];
    const server = await serve(() => replies.shift() ?? { json: v2ClusterWire });
    const ready = await v2(server.url).clusters.waitForReady("c-1", { pollIntervalMs: 1 });
    expect(ready.status).toBe("Ready");
    expect(server.requests).toHaveLength(3);
  });
  test("a run of them ends the wait with InvalidResponseError (bounded)", async () => {
    const server = await serve(() => ({ text: "<html>maintenance</html>" }));
    await expect(v2(server.url).clusters.waitForReady("c-1", { pollIntervalMs: 1 })).rejects.toBeInstanceOf(InvalidResponseError);
    expect(server.requests).toHaveLength(4);
  });
});

describe("redirects", () => {
  test.each(["data:application/json,{}", "file:///etc/passwd", "javascript:alert(1)"])("a Location of %s is refused", async (location) => {
    const server = await serve(() => ({ status: 302, headers: { location } }));
    const error = await v2(server.url).regions.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/redirect to a [a-z]+: URL refused: only http\(s\) redirects are followed/);
  });
});

describe("errors carry their request", () => {
  test("ApiError: method, path, status, request id and attempts", async () => {
    const server = await serve(() => ({ status: 404, json: { message: "no such cluster" }, headers: { "x-request-id": "rid-7" } }));
    const error = await v2(server.url).clusters.get("c-9").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe("GET /compute/clusters/c-9 (1 attempt): 404 no such cluster (request id rid-7)");
  });
  test("TimeoutError and ConnectionError say how many attempts were made", async () => {
    const slow = await serve(() => ({ json: {}, delayMs: 2_000 }));
    await expect(v2(slow.url, { timeoutMs: 30, maxRetries: 2 }).regions.list()).rejects.toThrow(/^GET \/compute\/regions \(3 attempts\): Request attempt timed out after 30 ms$/);
    const broken = await serve(() => ({ destroy: true }));
    const error = await v2(broken.url, { maxRetries: 1 }).regions.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^GET \/compute\/regions \(2 attempts\): Connection failed/);
  });
  test("a 401 keeps its class and request id", async () => {
    const server = await serve(() => ({ status: 401, json: { message: "no" }, headers: { "x-request-id": "rid-1" } }));
    await expect(v2(server.url).volumes.list()).rejects.toMatchObject({ constructor: AuthenticationError, requestId: "rid-1", request: { method: "GET", path: "/compute/clusters/storage/volumes", attempts: 1 } });
  });
});

describe("hooks", () => {
  test("withResponse gives data, the response and its request id", async () => {
    const server = await serve(() => ({ json: v2ClusterWire, headers: { "x-request-id": "rid-ok" } }));
    const { data, response, requestId } = await v2(server.url).clusters.get("c-1").withResponse();
    expect([data.cluster_id, response.status, requestId]).toEqual(["c-1", 200, "rid-ok"]);
  });
  test("logger: one debug line per attempt, never the key or a kube_config", async () => {
    const server = await serve(() => ({ json: v2ClusterWire }));
    const lines: string[] = [];
    const logger = { debug: (m: string) => lines.push(m), info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    await v2(server.url, { logger, logLevel: "debug" }).clusters.get("c-1");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[together-clusters\] GET http:\/\/127\.0\.0\.1:\d+\/compute\/clusters\/c-1 → 200 \(\d+ ms, attempt 1\)$/);
    expect(lines.join("\n")).not.toContain(KEY);
    expect(lines.join("\n")).not.toContain("SECRET-KUBE");
  });
  test("TOGETHER_LOG=debug turns console logging on without code changes", async () => {
    const server = await serve(() => ({ json: { regions: [] } }));
    vi.stubEnv("TOGETHER_LOG", "debug");
    const spy = vi.spyOn(console, "debug").mockImplementation(() => undefined);
    try {
      await v2(server.url).regions.list();
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
      vi.unstubAllEnvs();
    }
  });
  test("a browser's setTimeout (which returns a number) works: no unref() on numbers", async () => {
    // A browser's fetch, not undici: undici's own timers would meet the stubbed setTimeout too (and unref its number).
    const browserFetch = async () => new Response(JSON.stringify({ regions: [] }), { headers: { "content-type": "application/json" } });
    const realSet = globalThis.setTimeout;
    const realClear = globalThis.clearTimeout;
    const timers = new Map<number, ReturnType<typeof setTimeout>>();
    let next = 1;
    vi.stubGlobal("setTimeout", (fn: () => void, ms?: number) => {
      const id = next++;
      timers.set(id, realSet(fn, ms));
      return id;
    });
    vi.stubGlobal("clearTimeout", (id: number) => realClear(timers.get(id)));
    await expect(v2("https://api.example.test/v1", { timeoutMs: 30_001, fetch: browserFetch }).regions.list()).resolves.toEqual([]);
  });
  test("a per-call timeout error is a TimeoutError", async () => {
    const server = await serve(() => ({ json: {}, delayMs: 1_000 }));
    await expect(v2(server.url, { maxRetries: 0 }).regions.list({ timeoutMs: 20 })).rejects.toBeInstanceOf(TimeoutError);
  });
});
