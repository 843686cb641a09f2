import { afterEach, expect, test } from "vitest";
import { createClient } from "../../src/index.js";
import { createV1Backend, createV2Backend } from "./helpers/backends.js";
import { startLoopback, type Loopback } from "./helpers/loopback.js";
import { runSameScript } from "./helpers/script.js";

const servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

test("the same script prints the same unified results against a v1 and a v2 backend", async () => {
  const v1 = await startLoopback(createV1Backend().handler);
  const v2 = await startLoopback(createV2Backend().handler);
  servers.push(v1, v2);
  const fromV1 = await runSameScript(createClient({ apiVersion: "v1", apiKey: "k1", baseUrl: v1.url }));
  const fromV2 = await runSameScript(createClient({ apiVersion: "v2", apiKey: "k2", baseUrl: v2.url }));
  expect(fromV1).toEqual(fromV2);
  // And the shared result is the expected one, not merely equal.
  expect(fromV2[1]).toEqual({
    step: "create",
    cluster: {
      cluster_id: "cl-1",
      cluster_name: "demo",
      cluster_type: "KUBERNETES",
      region: "us-central-8",
      gpu_type: "H100_SXM",
      num_gpus: 8,
      cuda_version: "12.6",
      nvidia_driver_version: "560",
      status: "WaitingForControlPlaneNodes",
      lifecycle: "provisioning",
      workers: ["gw-1:8"],
      has_kube_config: true,
    },
  });
  expect(fromV2[3]).toMatchObject({ step: "update", cluster: { num_gpus: 16 } });
  expect(fromV2[5]).toEqual({ step: "delete", result: { cluster_id: "cl-1" } });
  expect(fromV2[6]).toEqual({
    step: "regions",
    regions: [
      {
        name: "us-central-8",
        driver_versions: [
          { cuda_version: "12.6", nvidia_driver_version: "560" },
          { cuda_version: "12.8", nvidia_driver_version: "570" },
        ],
      },
    ],
  });
  expect(fromV2[8]).toEqual({ step: "volume-delete", result: { volume_id: "vol-2", success: true } });
});
