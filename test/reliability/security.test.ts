/**
 * Security properties over real loopback HTTP: the API key stays out of everything printed and off other origins,
 * `kube_config` is readable but never printed, and ids cannot steer a request to another path.
 */
import { format, inspect } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createClient, NotFoundError, ValidationError, type ApiVersion, type Client } from "../../src/index.js";
import type { FakeApi } from "../../src/testing/index.js";
import { clientFor, createInputFor, routes, settle, slowLatencyMs, startAlignedFake, warmUp } from "./helpers.js";
import { startHostileServer, type HostileServer } from "./hostile-server.js";

const versions = ["v1", "v2"] as const satisfies readonly ApiVersion[];
const secretKey = "sk-reliability-SECRET-fedcba9876543210";

let fake: FakeApi;
let origin: HostileServer;
let elsewhere: HostileServer;
beforeAll(async () => {
  [fake, origin, elsewhere] = await Promise.all([startAlignedFake({ apiKey: secretKey }), startHostileServer(), startHostileServer()]);
  await warmUp(fake);
});
afterAll(async () => {
  await Promise.all([fake.close(), origin.close(), elsewhere.close()]);
});

/** Everything a developer might print of a value: inspect, console formatting, String, JSON and stacks (with causes). */
function printed(value: unknown): string {
  const parts = [inspect(value, { depth: null }), format("%o", value), format(value), String(value)];
  for (let error = value; error instanceof Error; error = error.cause) parts.push(error.stack ?? "", String(error));
  try {
    parts.push(JSON.stringify(value) ?? "");
  } catch {
    // circular: inspect above already covers it
  }
  return parts.join("\n");
}

describe.each(versions)("the API key on %s", (version) => {
  test("appears in no error, log line or inspect output across every fault kind, even when the server echoes it", async () => {
    const logged: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(format(...args))),
    );
    try {
      const client = clientFor(fake, version);
      const faults = [
        { reset: "before" as const },
        { status: 503, times: 3 },
        { status: 401 },
        { body: "non-json" as const },
        { body: "truncated" as const },
        { latencyMs: slowLatencyMs, times: 3 },
      ];
      const outcomes = [];
      for (const fault of faults) {
        fake.reset();
        fake.faults.inject({ route: routes[version].list, ...fault });
        outcomes.push(await settle(client.clusters.list()));
        fake.faults.inject({ route: routes[version].create, ...fault });
        outcomes.push(await settle(client.clusters.create(createInputFor(`key-${version}`))));
      }
      // A server that quotes the key back (some proxies echo the Authorization header in error pages).
      origin.plan({ status: 502, body: `{"message":"upstream refused Authorization: Bearer ${secretKey}"}`, headers: { "x-request-id": "r-echo" } });
      const echoing = createClient({ apiVersion: version, apiKey: secretKey, baseUrl: origin.url, maxRetries: 0 });
      outcomes.push(await settle(echoing.clusters.get("c-1")));
      origin.plan({ status: 200, body: `<html>${secretKey}</html>` });
      outcomes.push(await settle(echoing.clusters.get("c-1")));

      const failures = outcomes.filter((o) => !o.ok);
      expect(failures.length).toBeGreaterThanOrEqual(outcomes.length / 2);
      for (const outcome of outcomes) expect(printed(outcome.ok ? outcome.value : outcome.error)).not.toContain(secretKey);
      expect(logged.join("\n")).not.toContain(secretKey);
      expect(printed(client)).not.toContain(secretKey);
      expect(inspect(client, { depth: null, showHidden: true })).not.toContain(secretKey);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  test("is not forwarded when a redirect leads to another origin, and is kept on a same-origin redirect", async () => {
    const client = createClient({ apiVersion: version, apiKey: secretKey, baseUrl: origin.url, maxRetries: 0 });
    const clusterJson = JSON.stringify(version === "v1" ? (await import("../client/fixtures.js")).v1ClusterWire : (await import("../client/fixtures.js")).v2ClusterWire);
    origin.seen.length = 0;
    elsewhere.seen.length = 0;
    origin.plan((request) => (request.url.includes("moved") ? { status: 200, body: clusterJson } : { status: 307, body: "", location: `${origin.url}${request.url.replace("c-1", "moved")}` }));
    await client.clusters.get("c-1");
    expect(origin.seen.map((r) => r.headers.authorization)).toEqual([`Bearer ${secretKey}`, `Bearer ${secretKey}`]);

    origin.plan({ status: 307, body: "", location: `${elsewhere.url}/steal` });
    elsewhere.plan({ status: 200, body: clusterJson });
    for (const hostAlias of [elsewhere.url, elsewhere.url.replace("127.0.0.1", "localhost")]) {
      origin.plan({ status: 307, body: "", location: `${hostAlias}/steal` });
      await settle(client.clusters.get("c-1"));
    }
    expect(elsewhere.seen.length).toBeGreaterThanOrEqual(1);

    // Same server, other spelling of the host: a different origin, so no key either.
    origin.seen.length = 0;
    const alias = origin.url.replace("127.0.0.1", "localhost");
    origin.plan((request) => (request.url.includes("alias") ? { status: 200, body: clusterJson } : { status: 307, body: "", location: `${alias}/alias` }));
    await settle(client.clusters.get("c-1"));
    expect(origin.seen.map((r) => r.headers.authorization)).toEqual([`Bearer ${secretKey}`, undefined]);
    for (const request of elsewhere.seen) expect(request.headers.authorization).toBeUndefined();
    expect(JSON.stringify(elsewhere.seen.map((r) => r.headers))).not.toContain(secretKey);
  });
});

describe.each(versions)("redirect targets on %s (property)", (version) => {
  test("the key goes to a redirect target exactly when it has the configured origin", async () => {
    const { v1ClusterWire, v2ClusterWire } = await import("../client/fixtures.js");
    const clusterJson = JSON.stringify(version === "v1" ? v1ClusterWire : v2ClusterWire);
    const baseUrl = version === "v1" ? origin.url : `${origin.url}/v1`;
    const { port } = new URL(origin.url);
    const sent: { url: string; authorization: string | null }[] = [];
    // Requests to the real origin go over the wire; any other target gets a canned answer, so no name is looked up.
    const fetch = async (input: string, init: RequestInit) => {
      sent.push({ url: input, authorization: new Headers(init.headers).get("authorization") });
      return input.startsWith(`${origin.url}/`) ? globalThis.fetch(input, init) : new Response(clusterJson, { status: 200 });
    };
    const client = createClient({ apiVersion: version, apiKey: secretKey, baseUrl, maxRetries: 0, fetch });
    const segment = fc.stringMatching(/^[a-z0-9]{0,6}$/);
    const target = fc.tuple(
      fc.constantFrom(
        "/",
        "../",
        "?q=",
        `${origin.url}/`,
        `http://localhost:${port}/`,
        `http://[::1]:${port}/`,
        `https://127.0.0.1:${port}/`,
        `http://127.0.0.1:${port}@evil.example/`,
        `http://127.0.0.1.evil.example:${port}/`,
        "//evil.example/",
        "http://evil.example/",
        "https://api.together.ai/",
      ),
      segment,
    );
    await fc.assert(
      fc.asyncProperty(target, async ([prefix, rest]) => {
        sent.length = 0;
        let calls = 0;
        origin.plan(() => (++calls === 1 ? { status: 307, body: "", location: prefix + rest } : { status: 200, body: clusterJson }));
        await settle(client.clusters.get("c-1"));
        expect(sent.length).toBeGreaterThanOrEqual(2);
        expect(sent[0]!.authorization).toBe(`Bearer ${secretKey}`);
        for (const request of sent.slice(1)) {
          const sameOrigin = new URL(request.url).origin === new URL(baseUrl).origin;
          expect(request.authorization !== null, `${prefix + rest} -> ${request.url}`).toBe(sameOrigin);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("plain http", () => {
  test("is refused for every non-loopback host before anything is sent, and accepted for loopback", () => {
    const sent: string[] = [];
    const fetch = async (input: string) => {
      sent.push(input);
      return new Response("{}");
    };
    for (const baseUrl of ["http://api.together.ai/v1", "http://10.0.0.1", "http://0.0.0.0:8080", "http://127.0.0.1.evil.example", "http://localhost.evil.example"]) {
      expect(() => createClient({ apiVersion: "v2", apiKey: secretKey, baseUrl, fetch }), baseUrl).toThrow(ValidationError);
    }
    for (const baseUrl of ["http://127.0.0.1:9", "http://localhost:9", "http://[::1]:9", "https://api.together.ai/v1"]) {
      expect(() => createClient({ apiVersion: "v2", apiKey: secretKey, baseUrl, fetch }), baseUrl).not.toThrow();
    }
    expect(sent).toEqual([]);
  });
});

describe.each(versions)("kube_config on %s", (version) => {
  test("is readable on a ready cluster but absent from console.log, inspect, JSON and spreads", async () => {
    fake.reset();
    const client = clientFor(fake, version);
    const made = await client.clusters.create(createInputFor(`kube-${version}`));
    fake.state.tick(10);
    const ready = await client.clusters.get(made.cluster_id);
    const listed = (await client.clusters.list()).find((c) => c.cluster_id === made.cluster_id);
    expect(ready.lifecycle).toBe("ready");
    const kubeConfig = ready.kube_config;
    expect(kubeConfig).toEqual(expect.stringContaining(made.cluster_id));
    expect(listed?.kube_config).toBe(kubeConfig);
    for (const cluster of [ready, listed]) {
      expect(printed(cluster)).not.toContain(kubeConfig!);
      expect(printed({ ...cluster })).not.toContain(kubeConfig!);
      expect(printed([cluster])).not.toContain(kubeConfig!);
    }
  });
});

describe.each(versions)("path ids on %s", (version) => {
  const idCalls = (client: Client, id: string): Promise<unknown>[] => [
    client.clusters.get(id),
    client.clusters.update(id, { num_gpus: 16 }),
    client.clusters.delete(id),
    client.clusters.waitForReady(id, { timeoutMs: 1 }),
    client.volumes.get(id),
    client.volumes.delete(id),
  ];

  test("any printable id is percent-encoded into exactly one path segment and reaches the server unchanged", async () => {
    const baseUrl = version === "v1" ? origin.url : `${origin.url}/v1`;
    const client = createClient({ apiVersion: version, apiKey: secretKey, baseUrl, maxRetries: 0 });
    origin.plan({ status: 404, body: '{"message":"no such cluster"}' });
    const prefix = version === "v1" ? "/api/v1/gpu_cluster/" : "/v1/compute/clusters/";
    const id = fc.string({ minLength: 1, maxLength: 30, unit: fc.constantFrom(...Array.from("aZ09-_.~/?#%&=+;:@!$'()*, \\[]{}<>|^`\"ü€🙂")) });
    await fc.assert(
      fc.asyncProperty(id.filter((s) => s.trim() !== "" && s !== "." && s !== ".."), async (clusterId) => {
        origin.seen.length = 0;
        const error = await client.clusters.get(clusterId).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NotFoundError);
        expect(origin.seen).toHaveLength(1);
        const target = origin.seen[0]!.url;
        expect(target.startsWith(prefix), target).toBe(true);
        const segment = target.slice(prefix.length);
        expect(segment).not.toMatch(/[/?#]/);
        expect(decodeURIComponent(segment)).toBe(clusterId);
      }),
      { numRuns: 150 },
    );
  });

  test.each([
    ["empty", ""],
    ["blank", "  "],
    ["dot", "."],
    ["dot-dot", ".."],
    ["newline", "a\nb"],
    ["NUL", "a\u0000b"],
    ["DEL", "a\u007fb"],
    ["lone surrogate", "a\uD800b"],
  ])("a %s id is refused as a rejected ValidationError and nothing is sent", async (_, id) => {
    fake.reset();
    const client = clientFor(fake, version);
    const calls = idCalls(client, id);
    for (const call of calls) expect(call).toBeInstanceOf(Promise);
    const outcomes = await Promise.all(calls.map(settle));
    for (const outcome of outcomes) expect(outcome.ok ? outcome.value : outcome.error, JSON.stringify(id)).toBeInstanceOf(ValidationError);
    expect(fake.requests).toHaveLength(0);
  });

  test("a non-string id is refused as a rejected ValidationError, never a synchronous throw", async () => {
    const client = clientFor(fake, version);
    for (const id of [undefined, null, 42, {}, ["a"]]) {
      let calls: Promise<unknown>[] = [];
      expect(() => (calls = idCalls(client, id as unknown as string))).not.toThrow();
      const outcomes = await Promise.all(calls.map(settle));
      for (const outcome of outcomes) expect(outcome.ok ? outcome.value : outcome.error).toBeInstanceOf(ValidationError);
    }
  });
});
