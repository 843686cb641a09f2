/**
 * The `together-clusters` command as a real process: the install hint and exit 2 when ts-morph (an optional peer) is
 * missing, bad arguments, and `migrate --dry-run --report json` printing a diff and a report while writing nothing.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";

const here = fileURLToPath(new URL(".", import.meta.url));
const bin = join(here, "../../src/cli/bin.ts");
const peerRange = (JSON.parse(readFileSync(join(here, "../../package.json"), "utf8")) as { peerDependencies: Record<string, string> }).peerDependencies["ts-morph"];
// A resolve hook that makes ts-morph impossible to find, as in a project that did not install the optional peer.
const withoutTsMorph = `data:text/javascript,${encodeURIComponent(
  `import { register } from "node:module"; register("data:text/javascript," + encodeURIComponent("export async function resolve(s, c, next) { if (s === 'ts-morph') { const e = new Error('Cannot find package ts-morph'); e.code = 'ERR_MODULE_NOT_FOUND'; throw e; } return next(s, c); }"));`,
)}`;

function run(args: readonly string[], flags: readonly string[] = [], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [...flags, "--import", "tsx", bin, ...args], { cwd, timeout: 90_000 }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(() => {
  const cache = join(here, "../../node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  dir = mkdtempSync(join(cache, "migrate-bin-"));
  cpSync(join(here, "fixtures/fetch-raw/input.ts"), join(dir, "clusters.ts"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("without ts-morph prints the install hint and exits 2", async () => {
  const result = await run(["migrate", "."], ["--import", withoutTsMorph], dir);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(`npm install --save-dev ts-morph@${peerRange}`);
}, 60_000);

it("refuses bad arguments with exit 2", async () => {
  expect((await run(["migrate"])).code).toBe(2);
  expect((await run(["migrate", ".", "--report", "xml"], [], dir)).stderr).toContain("--report must be json or md");
}, 60_000);

it("migrate --dry-run --report json prints the diff and report and writes nothing", async () => {
  const before = readFileSync(join(dir, "clusters.ts"), "utf8");
  const result = await run(["migrate", ".", "--dry-run", "--report", "json"], [], dir);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("--- a/clusters.ts\n+++ b/clusters.ts\n@@ ");
  expect(result.stdout).toContain('-  await fetch(`${BASE}/api/v1/gpu_cluster/${encodeURIComponent(id)}`, { method: "DELETE", headers });\n+  await client.clusters.delete(id);');
  const report = JSON.parse(result.stdout.slice(result.stdout.indexOf("\n{") + 1)) as { dryRun: boolean; changedFiles: string[]; findings: Array<{ file: string; line: number; kind: string }> };
  expect(report.dryRun).toBe(true);
  expect(report.changedFiles).toEqual(["clusters.ts"]);
  expect(report.findings).toContainEqual(expect.objectContaining({ file: "clusters.ts", line: 47, kind: "rewritten" }));
  expect(readFileSync(join(dir, "clusters.ts"), "utf8")).toBe(before);
}, 90_000);
