import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fixturesDir } from "./helpers.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Runs `npm run diff -- ...` the way users do (through the package script, so the script wiring is tested too). */
function runDiff(...args: string[]) {
  const result = spawnSync("npm", ["run", "--silent", "diff", "--", ...args], { cwd: repoRoot, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run diff", () => {
  it("prints its usage for --help (exit 0) and refuses an unknown option, naming it (exit 2)", () => {
    const help = runDiff("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run diff -- <old.yaml> <new.yaml>/);
    const typo = runDiff(`${fixturesDir}kinds/request-field-renamed/old.yaml`, `${fixturesDir}kinds/request-field-renamed/new.yaml`, "--jsn");
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("diff: unknown option --jsn");
  });

  it("prints {bump, changes[{kind, location, breaking, message}]} with --json", () => {
    const { status, stdout } = runDiff(`${fixturesDir}kinds/request-field-renamed/old.yaml`, `${fixturesDir}kinds/request-field-renamed/new.yaml`, "--json");
    expect(status).toBe(0);
    const parsed = JSON.parse(stdout) as { bump: string; changes: Record<string, unknown>[] };
    expect(parsed.bump).toBe("major");
    expect(parsed.changes).toHaveLength(1);
    expect(Object.keys(parsed.changes[0] ?? {}).sort()).toEqual(["breaking", "kind", "location", "message"]);
    expect(parsed.changes[0]).toMatchObject({ kind: "field-renamed", location: "schema CreateRequest (request): billint_type", breaking: true });
  });

  it("compares a 3.0 spec with a 3.1 spec", () => {
    const dir = `${fixturesDir}kinds/openapi-30-nullable-equals-31-null-type`;
    const { status, stdout } = runDiff(`${dir}/old.yaml`, `${dir}/new.yaml`, "--json");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ bump: "none", changes: [] });
  });

  it("prints a readable report with the bump first by default", () => {
    const { stdout } = runDiff(`${fixturesDir}kinds/response-enum-value-added/old.yaml`, `${fixturesDir}kinds/response-enum-value-added/new.yaml`);
    expect(stdout.split("\n")[0]).toBe("Bump: minor (1 change: 0 breaking, 1 added, 0 removed)");
    expect(stdout).toContain('[enum-value-added] schema Cluster (response): status: New response enum value "Deleting"');
  });

  it("prints a changelog entry with breaking changes under their own heading", () => {
    const dir = `${fixturesDir}kinds/remove-and-add-is-not-rename`;
    const { stdout } = runDiff(`${dir}/old.yaml`, `${dir}/new.yaml`, "--changelog", "0.2.0");
    expect(stdout).toContain("## 0.2.0");
    expect(stdout.indexOf("#### Breaking changes")).toBeLessThan(stdout.indexOf("num_gpus"));
    expect(stdout.indexOf("#### Features")).toBeLessThan(stdout.indexOf("region"));
  });

  it("exits 2 with usage on a missing argument", () => {
    const { status, stderr } = runDiff(`${fixturesDir}kinds/identical/old.yaml`);
    expect(status).toBe(2);
    expect(stderr).toContain("usage: npm run diff -- <old.yaml> <new.yaml>");
  });

  it("exits 2 naming the file that cannot be read", () => {
    const { status, stderr } = runDiff("/nonexistent/old.yaml", `${fixturesDir}kinds/identical/new.yaml`);
    expect(status).toBe(2);
    expect(stderr).toContain("cannot read spec file /nonexistent/old.yaml");
  });

  it("exits 2 with file:line:col and pointer for a dangling $ref (the generator's loader reports it)", () => {
    const bad = `${fixturesDir}invalid/dangling-ref.yaml`;
    const { status, stderr } = runDiff(bad, bad);
    expect(status).toBe(2);
    // Line 7 holds the $ref; the exact column is the loader's business.
    expect(stderr).toMatch(/dangling-ref\.yaml:7:\d+ #\/paths\/~1a\/get\/responses\/200\/\$ref: \$ref "#\/components\/responses\/Nope" points to nothing/);
  });
});

describe("npm run diff -- --since <git-ref>", () => {
  it("summarizes specs/ against a commit per API version (HEAD: unchanged unless specs/ is being edited)", () => {
    const head = spawnSync("git", ["diff", "--quiet", "HEAD", "--", "specs"], { cwd: repoRoot });
    const { status, stdout } = runDiff("--since", "HEAD");
    expect(status).toBe(0);
    expect(stdout.split("\n")[0]).toBe("Changes since HEAD:");
    if (head.status === 0) expect(stdout).toContain("  v1: no changes\n  v2: no changes\nImplied version bump: none\n");
  });

  it("says there is nothing to compare with at a commit before the specs existed", () => {
    const root = spawnSync("git", ["rev-list", "--max-parents=0", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).stdout.trim();
    const { stdout } = runDiff("--since", root);
    expect(stdout).toContain("First generation: there is no earlier output to compare with");
  });

  it("prints a changelog entry headed by the exact spec identities", () => {
    const { stdout } = runDiff("--since", "HEAD", "--changelog", "9.9.9");
    expect(stdout).toMatch(/^## 9\.9\.9\n\nGenerated from v1 `specs\/v1\.yaml` \(info\.version \S+, sha256:[0-9a-f]{12}\), v2 `specs\/v2\.yaml`/);
  });

  it("rejects mixing --since with spec files", () => {
    expect(runDiff("--since", "HEAD", "a.yaml").status).toBe(2);
  });
});
