/**
 * Every operation in the generated operation index is reachable through the unified client on each version that has
 * it (checked against the index's own method and path), and refused without a request on a version that lacks it.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { operations } from "../../generated/operations.js";
import { createClient, UnsupportedByVersionError, type ApiVersion, type Client } from "../../src/index.js";
import { createInput } from "./fixtures.js";
import { createV1Backend, createV2Backend } from "./helpers/backends.js";
import { startLoopback, type Loopback } from "./helpers/loopback.js";

type OperationName = keyof typeof operations;

// Typed by annotation, not `satisfies`: a new generated operation is then one error, here, not one more per use.
const calls: Readonly<Record<OperationName, (client: Client) => Promise<unknown>>> = {
  clusterList: (c) => c.clusters.list(),
  clusterGet: (c) => c.clusters.get("cl-1"),
  clusterCreate: (c) => c.clusters.create(createInput),
  clusterUpdate: (c) => c.clusters.update("cl-1", { num_gpus: 16 }),
  clusterDelete: (c) => c.clusters.delete("cl-1"),
  regionList: (c) => c.regions.list(),
  volumeList: (c) => c.volumes.list(),
  volumeGet: (c) => c.volumes.get("vol-2"),
  volumeCreate: (c) => c.volumes.create({ volume_name: "v", size_tib: 1, region: "r" }),
  volumeUpdate: (c) => c.volumes.update("vol-2", { size_tib: 2 }),
  volumeDelete: (c) => c.volumes.delete("vol-2"),
};

function pathPattern(template: string, prefix: string): RegExp {
  const escaped = (prefix + template).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{[^}]+\\\}/g, "[^/]+");
  return new RegExp(`^${escaped}$`);
}

describe.each(["v1", "v2"] as const)("operation coverage on %s", (version: ApiVersion) => {
  let server: Loopback;
  let client: Client;
  const prefix = version === "v2" ? "/v1" : "";
  beforeAll(async () => {
    const backend = version === "v1" ? createV1Backend() : createV2Backend();
    server = await startLoopback((req) => backend.handler({ ...req, path: req.path.slice(prefix.length) }));
    client = createClient({ apiVersion: version, apiKey: "k", baseUrl: server.url + prefix });
  });
  afterAll(() => server.close());

  test.each(Object.keys(operations) as OperationName[])("%s", async (name) => {
    const ref = (operations[name] as { v1?: { method: string; path: string }; v2?: { method: string; path: string } })[version];
    // Fresh state per operation: one cluster (cl-1) and one volume (vol-2) exist.
    await client.clusters.create(createInput).catch(() => undefined);
    await client.volumes.create({ volume_name: "v", size_tib: 1, region: "r" }).catch(() => undefined);
    const before = server.requests.length;
    const outcome = await calls[name](client).then(
      () => "ok",
      (e: unknown) => e,
    );
    const first = server.requests[before];
    if (ref === undefined) {
      expect(outcome).toBeInstanceOf(UnsupportedByVersionError);
      expect(server.requests.length).toBe(before);
      return;
    }
    expect(first?.method).toBe(ref.method.toUpperCase());
    expect(first?.path).toMatch(pathPattern(ref.path, prefix));
  });
});
