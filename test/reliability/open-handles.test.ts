/**
 * No open handles: a child process runs the concurrent workload (plus calls aborted mid-wait and mid-request),
 * prints a cluster, closes the fake and must exit on its own with status 0. The spawn timeout is a hang detector only.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

test("a process that ran the workload through the client exits by itself after closing the fake", () => {
  // --no-deprecation: the workload uses v1 clients on purpose; their DeprecationWarning is not a leak.
  const child = spawnSync(process.execPath, ["--no-deprecation", "--import", "tsx", fileURLToPath(new URL("./fixtures/workload-child.ts", import.meta.url))], {
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(child.signal, child.stderr).toBeNull();
  expect(child.stderr).toBe("");
  expect(child.status).toBe(0);
  const lines = child.stdout.trim().split("\n");
  const summary = JSON.parse(lines.at(-1)!);
  expect(summary).toEqual({
    duplicates: 0,
    lostUpdates: 0,
    problems: [],
    clusters: 18,
    faultsFired: summary.faultsInjected,
    faultsInjected: expect.any(Number),
    aborted: ["AbortedError", "AbortedError"],
    kubeConfigLength: expect.any(Number),
  });
  expect(summary.kubeConfigLength).toBeGreaterThan(0);
  expect(summary.faultsInjected).toBeGreaterThan(0);
  // console.log of the cluster went to real stdout without its kubeconfig.
  const printedCluster = lines.slice(0, -1).join("\n");
  expect(printedCluster).toContain("cluster_id");
  expect(printedCluster).not.toContain("kubeconfig");
  expect(printedCluster).not.toContain("kube_config");
});
