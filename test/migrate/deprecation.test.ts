/**
 * Deprecation signals: the header parser (RFC 9745 `@epoch`, RFC 8594 HTTP-date, Link rels), once-per-route
 * reporting through onDeprecation against a real loopback server, the wording after sunset, and the one process-wide
 * v1 DeprecationWarning.
 */
import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, parseDeprecationHeaders, type DeprecationNotice } from "../../src/index.js";

describe("parseDeprecationHeaders", () => {
  it("reads RFC 9745 @epoch, RFC 8594 HTTP-date and both Link rels", () => {
    const parsed = parseDeprecationHeaders(
      new Headers({
        deprecation: "@1767225600",
        sunset: "Wed, 01 Jul 2026 00:00:00 GMT",
        link: '<https://docs.together.ai/v1-deprecation>; rel="deprecation"; type="text/html", <https://docs.together.ai/v1-sunset>; rel="sunset"',
      }),
    );
    expect(parsed?.deprecatedAt?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(parsed?.sunsetAt?.toISOString()).toBe("2026-07-01T00:00:00.000Z");
    expect(parsed?.links).toEqual({ deprecation: "https://docs.together.ai/v1-deprecation", sunset: "https://docs.together.ai/v1-sunset" });
  });

  it("is undefined without the headers and ignores malformed values", () => {
    expect(parseDeprecationHeaders(new Headers({ link: '<x>; rel="deprecation"' }))).toBeUndefined();
    expect(parseDeprecationHeaders(new Headers({ deprecation: "yes", sunset: "soon" }))).toEqual({ links: {} });
  });
});

describe("onDeprecation against a loopback server", () => {
  let server: Server;
  let url: string;
  let sunset = "Wed, 01 Jul 2099 00:00:00 GMT";
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      res.setHeader("deprecation", "@1767225600");
      res.setHeader("sunset", sunset);
      res.setHeader("link", '<https://example.test/v1>; rel="deprecation"');
      const id = req.url?.split("/").at(-1) ?? "";
      res.end(JSON.stringify({ cluster_id: id, cluster_name: "c", status: "READY" }));
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it("reports each route once, with dates and link", async () => {
    const notices: DeprecationNotice[] = [];
    const client = createClient({ apiVersion: "v1", apiKey: "k", baseUrl: url, onDeprecation: (n) => notices.push(n) });
    await client.clusters.get("a");
    await client.clusters.get("b");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ route: "GET /api/v1/gpu_cluster/{cluster_id}", pastSunset: false, links: { deprecation: "https://example.test/v1" } });
    expect(notices[0]!.message).toContain("stops working after Wed, 01 Jul 2099");
  });

  it("says so after the sunset date", async () => {
    sunset = "Thu, 01 Jan 2015 00:00:00 GMT";
    const notices: DeprecationNotice[] = [];
    const client = createClient({ apiVersion: "v1", apiKey: "k", baseUrl: url, onDeprecation: (n) => notices.push(n) });
    await client.clusters.get("a");
    expect(notices[0]?.pastSunset).toBe(true);
    expect(notices[0]?.message).toContain("has passed");
  });
});

describe("the v1 DeprecationWarning (real processes)", () => {
  const run = promisify(execFile);
  const script = `import { createClient } from ${JSON.stringify(new URL("../../src/index.ts", import.meta.url).pathname)};
createClient({ apiVersion: "v1", apiKey: "k" }); createClient({ apiVersion: "v1", apiKey: "k" }); createClient({ apiVersion: "v2", apiKey: "k" });
createClient({ apiVersion: "v1", apiKey: "k", onDeprecation: process.argv.includes("off") ? false : undefined });`;
  const node = (...flags: string[]) => run(process.execPath, [...flags, "--import", "tsx", "--input-type=module", "-e", script], { timeout: 30_000 });

  it("is emitted once per process, with a code", async () => {
    const { stderr } = await node();
    expect(stderr.match(/\[TOGETHER_CLUSTERS_V1\] DeprecationWarning/g)).toHaveLength(1);
  }, 30_000);

  it("is silenced by --no-deprecation", async () => {
    const { stderr } = await node("--no-deprecation");
    expect(stderr).not.toContain("TOGETHER_CLUSTERS_V1");
  }, 30_000);
});
