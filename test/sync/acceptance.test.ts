/**
 * The committed specs are sync's output: running sync on the same upstream and the committed overlays gives the
 * committed bytes (so a rerun leaves the repository unchanged), and a broken overlay writes nothing.
 * Sync writes in place, so each run works on a temp copy of specs/.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runSyncCli } from "../../codegen/sync/cli.js";
import { repoRoot, upstreamV1Pages, upstreamV2 } from "./helpers.js";

let specs: string;
beforeEach(() => {
  specs = join(mkdtempSync(join(tmpdir(), "sync-accept-")), "specs");
  cpSync(join(repoRoot, "specs"), specs, { recursive: true });
});
afterEach(() => rmSync(join(specs, ".."), { recursive: true, force: true }));

/** In-process, as scripts/sync.ts runs it. */
async function runSync(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await runSyncCli(["--specs", specs, "--no-generate", ...args], {
    cwd: repoRoot,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { status, stdout, stderr };
}

/** As a process, through scripts/sync.ts. */
function spawnSync_(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "scripts/sync.ts"), "--specs", specs, "--no-generate", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run sync on the committed inputs", () => {
  it("v2: reproduces specs/v2.yaml byte for byte from Together's whole document plus the overlays", () => {
    const { status, stdout, stderr } = spawnSync_("--from", upstreamV2());
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain("11 operations extracted");
    expect(stdout).toContain("specs/v2.yaml is already up to date");
    expect(readFileSync(join(specs, "v2.yaml"), "utf8")).toBe(readFileSync(join(repoRoot, "specs/v2.yaml"), "utf8"));
  }, 60_000);

  it("v1: reproduces specs/v1.yaml byte for byte from the nine tcloud pages plus the overlay", async () => {
    const { status, stdout } = await runSync("--v1", "--from", upstreamV1Pages());
    expect(status).toBe(0);
    expect(stdout).toContain("10 operations extracted");
    expect(readFileSync(join(specs, "v1.yaml"), "utf8")).toBe(readFileSync(join(repoRoot, "specs/v1.yaml"), "utf8"));
  }, 60_000);

  it("an overlay action that no longer matches fails the run with its file:line and target, and writes nothing", async () => {
    const overlay = join(specs, "overlays/v2-update-seed.yaml");
    writeFileSync(overlay, readFileSync(overlay, "utf8").replace("$.paths['/compute/clusters/{cluster_id}'].put", "$.paths['/compute/clusters/{cluster_id}'].patch"));
    const before = readFileSync(join(specs, "v2.yaml"), "utf8");
    const { status, stderr } = await runSync("--from", upstreamV2());
    expect(status).toBe(2);
    expect(stderr).toMatch(/v2-update-seed\.yaml:\d+: action 1 \(target \$\.paths\['\/compute\/clusters\/\{cluster_id\}'\]\.patch\): matches nothing/);
    expect(readFileSync(join(specs, "v2.yaml"), "utf8")).toBe(before);
  }, 60_000);

  it("v1: once Together publishes the reconstructed list page, the reconstruction fails; without it, its leftover schema is named with its line", async () => {
    const pages = join(specs, "..", "pages");
    cpSync(upstreamV1Pages(), pages, { recursive: true });
    const volumes = readFileSync(join(pages, "get-api-v1-shared_volumes.yaml"), "utf8");
    const [head] = volumes.split("components:\n");
    const published = head!
      .replace("/api/v1/shared_volumes:", "/api/v1/gpu_clusters:")
      .replace("SharedVolumeService_List", "GPUClusterService_List")
      .replace("#/components/schemas/SharedVolumes", "#/components/schemas/GPUClusterList");
    const schema = "components:\n  schemas:\n    GPUClusterList:\n      type: object\n      properties:\n        clusters:\n          type: array\n          items: {$ref: '#/components/schemas/GPUClusterInfo'}\n";
    const info = readFileSync(join(pages, "get-api-v1-gpu_cluster-cluster_id.yaml"), "utf8").split("components:\n  schemas:\n")[1]!;
    writeFileSync(join(pages, "get-api-v1-gpu_clusters.yaml"), `${published}${schema}${info}`);
    const before = readFileSync(join(specs, "v1.yaml"), "utf8");
    const reconstructed = await runSync("--v1", "--from", pages);
    expect(reconstructed.status).toBe(2);
    expect(reconstructed.stderr).toMatch(
      /v1-tcloud-pages\.yaml:13: action 2 \(target \$\.paths\): is marked x-only-if-absent, but the cluster part of the 10 merged pages now has \$\['paths'\]\['\/api\/v1\/gpu_clusters'\] \(line \d+\): upstream publishes what this action reconstructs/,
    );
    // The maintainer deletes that action: the schema the reconstruction borrowed is left over, and is named where it is added.
    const overlay = join(specs, "overlays/v1-tcloud-pages.yaml");
    const text = readFileSync(overlay, "utf8");
    writeFileSync(overlay, text.slice(0, text.indexOf("  - target: $.paths")) + text.slice(text.indexOf("  - target: $.components.schemas")));
    const leftover = await runSync("--v1", "--from", pages);
    expect(leftover.status).toBe(2);
    expect(leftover.stderr).toMatch(
      /specs\/overlays\/v1-tcloud-pages\.yaml:\d+: components\/schemas\/GPUClusters, added by the action at line \d+ \(target \$\.components\.schemas\), is referenced by nothing once the overlays are applied: whatever used it is gone, so delete it from that action/,
    );
    expect(readFileSync(join(specs, "v1.yaml"), "utf8")).toBe(before);
  }, 60_000);

  it("a new upstream sha256 gets today's date in the provenance; the same upstream keeps the old one", async () => {
    const changed = join(specs, "..", "openapi.yaml");
    writeFileSync(changed, `${readFileSync(upstreamV2(), "utf8")}\n# a later upstream\n`);
    const { status } = await runSync("--from", changed);
    expect(status).toBe(0);
    const text = readFileSync(join(specs, "v2.yaml"), "utf8");
    expect(text).toContain(`# synced: ${new Date().toISOString().slice(0, 10)}`);
    expect(text).not.toContain("# upstream commit:");
  }, 60_000);
});
