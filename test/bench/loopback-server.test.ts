import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterBodyBytes, clusterPaths } from "../../bench/fixtures/cluster-bodies.js";
import { type LoopbackServer, startLoopbackServer } from "../../bench/http/start-server.js";

describe("bench loopback server", () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer();
  });
  afterAll(() => server.stop());

  it("serves the prebuilt bytes of each version's cluster on 127.0.0.1 with keep-alive", async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const version of ["v1", "v2"] as const) {
      const response = await fetch(server.origin + clusterPaths[version]);
      expect(response.status).toBe(200);
      expect(response.headers.get("connection")).toBe("keep-alive");
      expect(Buffer.from(await response.arrayBuffer()).equals(clusterBodyBytes[version])).toBe(true);
    }
  });

  it("answers 404 to any other path, so a contender with a wrong URL cannot pass its check", async () => {
    const response = await fetch(`${server.origin}/compute/clusters/someone-else`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { message: "not found" } });
  });
});
