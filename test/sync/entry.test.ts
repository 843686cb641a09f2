/**
 * `npm run sync` is `node codegen/sync.mjs`: the bundled sync CLI, which then generates in the same process on the
 * worker threads it started first. Each run works on a temp copy of specs/ and generates into a temp folder.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runPipeline } from "../../codegen/pipeline.js";
import { defaultConfig } from "../../codegen/config.js";
import { repoRoot, upstreamV2 } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sync-entry-"));
  cpSync(join(repoRoot, "specs"), join(dir, "specs"), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const syncFrom = (upstream: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, "codegen/sync.mjs"), "--from", upstream, "--specs", join(dir, "specs"), ...args], { cwd: repoRoot, encoding: "utf8" });
const sync = (...args: string[]) => syncFrom(upstreamV2(), ...args);

describe("codegen/sync.mjs (npm run sync)", () => {
  it("syncs, then generates in-process into --out exactly what the pipeline generates from the synced specs", async () => {
    const out = join(dir, "out");
    const result = sync("--out", out);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("specs/v2.yaml is already up to date");
    expect(result.stdout).toMatch(/out: wrote 10 files/);
    const { files } = await runPipeline({ ...defaultConfig, v1: join(dir, "specs/v1.yaml"), v2: join(dir, "specs/v2.yaml"), out });
    expect(readdirSync(out, { recursive: true }).filter((name) => String(name).includes(".")).length).toBe(files.length);
    for (const file of files) expect(readFileSync(join(out, file.path), "utf8"), file.path).toBe(file.content);
  }, 60_000);

  it("prints its usage for --help (exit 0, nothing written) and refuses an unknown option (exit 2)", () => {
    const before = readFileSync(join(dir, "specs/v2.yaml"), "utf8");
    const help = sync("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run sync -- --from /);
    const typo = sync("--no-generat");
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("sync: unknown argument --no-generat");
    expect(readFileSync(join(dir, "specs/v2.yaml"), "utf8")).toBe(before);
  }, 60_000);

  it("validates the synced spec with Redocly's recommended ruleset (bundled into the CLI): a violation is located and nothing is written", () => {
    const before = readFileSync(join(dir, "specs/v2.yaml"), "utf8");
    const overlay = join(dir, "specs/overlays/v2-docs-header.yaml");
    writeFileSync(overlay, `${readFileSync(overlay, "utf8")}  - target: $.info\n    description: not an Info field\n    update:\n      colour: blue\n`);
    const failed = sync("--out", join(dir, "out"));
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain("sync: nothing written, 1 problem(s):\n  the synced spec does not validate against Redocly's recommended ruleset");
    expect(failed.stderr).toMatch(
      /specs\/v2\.yaml \(as synced\):\d+, from specs\/overlays\/v2-docs-header\.yaml:\d+ \(added by this overlay\) #\/info\/colour: struct: Property `colour` is not expected here\./,
    );
    expect(readFileSync(join(dir, "specs/v2.yaml"), "utf8")).toBe(before);
    expect(readdirSync(dir)).not.toContain("out");
  }, 60_000);

  it("ends its generator threads and exits when it stops before generating (--no-generate, or a failed sync)", () => {
    expect(sync("--no-generate").status).toBe(0);
    const overlay = join(dir, "specs/overlays/v2-update-seed.yaml");
    writeFileSync(overlay, readFileSync(overlay, "utf8").replace("$.paths['/compute/clusters/{cluster_id}'].put", "$.paths['/compute/clusters/{cluster_id}'].patch"));
    // --out anyway: were the overlay not broken, the generation must still not touch the repository's generated/.
    const failed = sync("--out", join(dir, "out"));
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain("sync: nothing written");
  }, 60_000);

  it("puts the spec back when the synced spec syncs but does not generate, so specs/ never disagrees with generated/", () => {
    const before = readFileSync(join(dir, "specs/v2.yaml"), "utf8");
    // Upstream adds an operation whose id gives the same unified name as an existing one (clusterGet): it extracts,
    // applies and validates, and only the generator's merge refuses it.
    const upstream = join(dir, "upstream.yaml");
    const text = readFileSync(upstreamV2(), "utf8");
    const added = [
      "  /compute/clusters/{cluster_id}/restart:",
      "    post:",
      "      operationId: ClusterGet",
      "      summary: Restart a cluster",
      "      parameters:",
      "        - name: cluster_id",
      "          in: path",
      "          required: true",
      "          schema:",
      "            type: string",
      "      responses:",
      "        '200':",
      "          description: OK",
      "",
    ].join("\n");
    expect(text).toMatch(/^paths:\n/m);
    writeFileSync(upstream, text.replace(/^paths:\n/m, `paths:\n${added}`));
    const out = join(dir, "out");
    const failed = syncFrom(upstream, "--out", out);
    expect(failed.stdout).toContain("sync: wrote");
    expect(failed.stderr).toMatch(/clusterGet/);
    expect(failed.stderr).toContain("sync: the synced spec does not generate (above), so");
    expect(failed.stderr).toContain("specs/v2.yaml is back as it was: nothing written");
    expect(failed.status).toBe(2);
    expect(readFileSync(join(dir, "specs/v2.yaml"), "utf8")).toBe(before);
    expect(readdirSync(dir)).not.toContain("out");
  }, 60_000);
});
