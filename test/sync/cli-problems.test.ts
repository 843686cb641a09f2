/**
 * How `npm run sync` reports problems: one located line per problem, the first YAML syntax error only (the rest of a
 * broken file is the parser losing its footing), and at most `errorCap` lines with a count of the others.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { errorCap } from "../../codegen/errors.js";
import { runSyncCli } from "../../codegen/sync/cli.js";
import { repoRoot, upstreamV2 } from "./helpers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sync-problems-"));
  cpSync(join(repoRoot, "specs"), join(dir, "specs"), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function sync(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await runSyncCli([...argv, "--specs", "specs", "--no-generate"], { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

describe("npm run sync: problem reports", () => {
  it("names the first syntax error of a file that is not YAML (a Markdown page given by mistake), and only that", async () => {
    writeFileSync(join(dir, "page.md"), "# Clusters\n\nRun `npm ci && npm run generate`:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    const before = readFileSync(join(dir, "specs/v2.yaml"), "utf8");
    const run = await sync("--from", "page.md");
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([expect.stringMatching(/^sync: nothing written, 1 problem\(s\):$/), expect.stringMatching(/^ {2}page\.md:\d+: malformed YAML: /)]);
    expect(readFileSync(join(dir, "specs/v2.yaml"), "utf8")).toBe(before);
  });

  it(`lists at most ${errorCap} problems and counts the rest`, async () => {
    const actions = Array.from({ length: errorCap + 10 }, (_, i) => `  - target: $.components.schemas.Gone${i}\n    description: deviation ${i}\n    remove: true\n`).join("");
    writeFileSync(join(dir, "specs/overlays/v2-zz-stale.yaml"), `overlay: 1.0.0\ninfo: {title: stale, version: 1.0.0}\nactions:\n${actions}`);
    const run = await sync("--from", upstreamV2());
    expect(run.status).toBe(2);
    const lines = run.stderr.split("\n").filter(Boolean);
    expect(lines[0]).toBe(`sync: nothing written, ${errorCap + 10} problem(s), the first ${errorCap} listed:`);
    expect(lines.slice(1, -1)).toHaveLength(errorCap);
    expect(lines[1]).toMatch(/^ {2}specs\/overlays\/v2-zz-stale\.yaml:4: action 1 \(target \$\.components\.schemas\.Gone0\): matches nothing/);
    expect(lines.at(-1)).toBe(`  … and 10 more (${errorCap + 10} in all)`);
  }, 60_000);

  it(`counts every validation error of the synced spec, listing ${errorCap} under the validator's heading`, async () => {
    // One overlay action adding 60 fields OpenAPI's Info object does not have: 60 errors of Redocly's `struct` rule.
    const fields = Array.from({ length: errorCap + 10 }, (_, i) => `      colour${i}: blue\n`).join("");
    writeFileSync(join(dir, "specs/overlays/v2-zz-invalid.yaml"), `overlay: 1.0.0\ninfo: {title: invalid, version: 1.0.0}\nactions:\n  - target: $.info\n    description: not Info fields\n    update:\n${fields}`);
    const run = await sync("--from", upstreamV2());
    expect(run.status).toBe(2);
    const lines = run.stderr.split("\n").filter(Boolean);
    expect(lines[0]).toBe(`sync: nothing written, ${errorCap + 10} problem(s), the first ${errorCap} listed:`);
    expect(lines[1]).toMatch(/^ {2}the synced spec does not validate against Redocly's recommended ruleset/);
    expect(lines.slice(2, -1)).toHaveLength(errorCap);
    expect(lines[2]).toMatch(
      /^ {2}specs\/v2\.yaml \(as synced\):\d+, from specs\/overlays\/v2-zz-invalid\.yaml:7 \(added by this overlay\) #\/info\/colour0: struct: Property `colour0` is not expected here\.$/,
    );
    expect(lines.at(-1)).toBe(`  … and 10 more (${errorCap + 10} in all)`);
  }, 60_000);

  it("locates what upstream got wrong at its line in the upstream document, and what an overlay added at the overlay's line", async () => {
    const upstream = join(dir, "openapi.yaml");
    const text = readFileSync(upstreamV2(), "utf8");
    const line = text.split("\n").findIndex((l) => l.includes("operationId: GPUClusterService_List")) + 1;
    writeFileSync(upstream, text.replace("operationId: GPUClusterService_List", "operationId: list all clusters"));
    const run = await sync("--from", "openapi.yaml");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`specs/v2\\.yaml \\(as synced\\):\\d+, from openapi\\.yaml:${line} \\(upstream\\) #/paths/~1compute~1clusters/get/operationId: operation-operationId-url-safe: `));
  }, 60_000);

  it("names the line of an external $ref in the upstream document, and says so for absurd nesting", async () => {
    const text = readFileSync(upstreamV2(), "utf8");
    const at = text.indexOf("$ref: '#/components/schemas/GPUClusterInfo'");
    expect(at).toBeGreaterThan(0);
    const line = text.slice(0, at).split("\n").length;
    writeFileSync(join(dir, "external.yaml"), text.slice(0, at) + "$ref: 'https://example.invalid/cluster.yaml'" + text.slice(at + "$ref: '#/components/schemas/GPUClusterInfo'".length));
    const external = await sync("--from", "external.yaml");
    expect(external.status).toBe(2);
    expect(external.stderr).toContain(`external.yaml:${line}: external $ref "https://example.invalid/cluster.yaml" cannot be extracted`);
    writeFileSync(join(dir, "deep.yaml"), `openapi: 3.1.0\npaths:\n  x: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`);
    const deep = await sync("--from", "deep.yaml");
    expect(deep.status).toBe(2);
    expect(deep.stderr).toMatch(/^ {2}deep\.yaml:\d+: the YAML is nested too deeply to parse \(/m);
    expect(deep.stderr).not.toContain("malformed YAML");
  }, 60_000);
});
