import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient, type DeprecationNotice } from "../../src/index.js";
import { startFakeApi, type FakeApi, type FakeDeprecationOptions } from "../../src/testing/index.js";
import { call, v2CreateBody } from "./helpers.js";

const deprecatedAt = new Date("2026-01-01T00:00:00Z");
const sunsetAt = "2099-07-01T00:00:00Z";
const options: FakeDeprecationOptions = {
  v1: { deprecatedAt, sunsetAt, deprecationLink: "https://docs.example/v1-deprecation", sunsetLink: "https://docs.example/v1-sunset" },
  routes: { "PUT /compute/clusters/{cluster_id}": { sunsetAt: Date.UTC(2015, 0, 1) } },
};

let fake: FakeApi;
let plain: FakeApi;
beforeAll(async () => {
  [fake, plain] = await Promise.all([startFakeApi({ deprecation: options }), startFakeApi()]);
});
afterAll(() => Promise.all([fake.close(), plain.close()]));

const signals = (headers: Headers) => ({ deprecation: headers.get("deprecation"), sunset: headers.get("sunset"), link: headers.get("link") });

describe("startFakeApi({ deprecation }) sends Deprecation, Sunset and Link headers", () => {
  test("by default no route sends any", async () => {
    const reply = await call(`${plain.urls.v1}/api/v1/gpu_clusters`, "GET", { apiKey: plain.apiKey });
    expect(signals(reply.headers)).toEqual({ deprecation: null, sunset: null, link: null });
  });

  test("a version-wide signal is on every answer of that version, errors and faults included, in RFC 9745 / 8594 form", async () => {
    const expected = {
      deprecation: "@1767225600",
      sunset: "Wed, 01 Jul 2099 00:00:00 GMT",
      link: '<https://docs.example/v1-deprecation>; rel="deprecation"; type="text/html", <https://docs.example/v1-sunset>; rel="sunset"; type="text/html"',
    };
    expect(signals((await call(`${fake.urls.v1}/api/v1/gpu_clusters`, "GET", { apiKey: fake.apiKey })).headers)).toEqual(expected);
    expect(signals((await call(`${fake.urls.v1}/api/v1/gpu_cluster/nope`, "GET", { apiKey: fake.apiKey })).headers)).toEqual(expected);
    fake.faults.inject({ route: "GET /api/v1/regions", status: 503 });
    const faulted = await call(`${fake.urls.v1}/api/v1/regions`, "GET", { apiKey: fake.apiKey });
    expect(faulted.status).toBe(503);
    expect(signals(faulted.headers)).toEqual(expected);
  });

  test("a route-level signal applies to that route only", async () => {
    const created = await call(`${fake.urls.v2}/compute/clusters`, "POST", { apiKey: fake.apiKey, body: v2CreateBody() });
    expect(signals(created.headers)).toEqual({ deprecation: null, sunset: null, link: null });
    const updated = await call(`${fake.urls.v2}/compute/clusters/${created.body.cluster_id}`, "PUT", { apiKey: fake.apiKey, body: { num_gpus: 24 } });
    expect(signals(updated.headers)).toEqual({ deprecation: null, sunset: "Thu, 01 Jan 2015 00:00:00 GMT", link: null });
  });

  test("the unified client's onDeprecation reads them: once per route, with dates and links, past sunset said so", async () => {
    const notices: DeprecationNotice[] = [];
    const v1 = createClient({ apiVersion: "v1", apiKey: fake.apiKey, baseUrl: fake.urls.v1, onDeprecation: (n) => notices.push(n) });
    await v1.clusters.list();
    await v1.clusters.list();
    const v2 = createClient({ apiVersion: "v2", apiKey: fake.apiKey, baseUrl: fake.urls.v2, onDeprecation: (n) => notices.push(n) });
    const cluster = await v2.clusters.create(v2CreateBody() as Parameters<typeof v2.clusters.create>[0]);
    await v2.clusters.update(cluster.cluster_id, { num_gpus: 24 });
    expect(notices.map((n) => [n.route, n.deprecatedAt?.toISOString(), n.sunsetAt?.toISOString(), n.pastSunset, n.links])).toEqual([
      ["GET /api/v1/gpu_clusters", "2026-01-01T00:00:00.000Z", "2099-07-01T00:00:00.000Z", false, { deprecation: "https://docs.example/v1-deprecation", sunset: "https://docs.example/v1-sunset" }],
      ["PUT /compute/clusters/{cluster_id}", undefined, "2015-01-01T00:00:00.000Z", true, {}],
    ]);
  });

  test.each<[string, FakeDeprecationOptions, RegExp]>([
    ["an unknown route", { routes: { "PUT /compute/cluster": { sunsetAt } } }, /deprecation\.routes\["PUT \/compute\/cluster"\] is not a route the fake serves/],
    ["a signal without dates", { v2: { deprecationLink: "https://docs.example/x" } }, /deprecation\.v2 needs deprecatedAt, sunsetAt or both/],
    ["an unreadable date", { v1: { sunsetAt: "next spring" } }, /deprecation\.v1\.sunsetAt must be a Date/],
    ["a date past year 9999", { v1: { deprecatedAt: 8.64e15 } }, /deprecation\.v1\.deprecatedAt must be a Date/],
    ["a link that would inject a header", { v1: { sunsetAt, sunsetLink: "https://docs.example/x>\r\nset-cookie: a=b" } }, /deprecation\.v1\.sunsetLink must be an absolute http\(s\) URL/],
    ["a relative link", { v1: { sunsetAt, deprecationLink: "/docs" } }, /deprecationLink must be an absolute http\(s\) URL/],
  ])("%s is refused at start with a message naming the field", async (_, deprecation, message) => {
    await expect(startFakeApi({ deprecation })).rejects.toThrow(message);
  });
});
