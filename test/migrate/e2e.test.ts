/**
 * End to end: a v1 program (raw fetch) runs against the fake's v1 URL, is migrated by the codemod, and the result
 * runs against the fake's v2 URL (one fake, reset in between). Both are real processes and must print the same lines.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrate } from "../../src/migrate/run.js";
import { startFakeApi, type FakeApi } from "../../src/testing/index.js";

const run = promisify(execFile);
const here = fileURLToPath(new URL(".", import.meta.url));
const tsconfig = join(here, "tsconfig.json");
const cacheDir = join(here, "../../node_modules/.cache");

let fake: FakeApi;
let dir: string;

beforeAll(async () => {
  // Every request moves fake time one provisioning phase, so the program's polling reaches Ready deterministically.
  fake = await startFakeApi({ clock: { mode: "per-request", advanceMs: 60_000 } });
  mkdirSync(cacheDir, { recursive: true });
  dir = mkdtempSync(join(cacheDir, "migrate-e2e-"));
  cpSync(join(here, "e2e", "v1-program.ts"), join(dir, "program.mts"));
  // The migrated program imports "together-clusters": a local package that re-exports this repository's source.
  const pkg = join(dir, "node_modules", "together-clusters");
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "together-clusters", type: "module", exports: "./index.ts" }));
  writeFileSync(join(pkg, "index.ts"), `export * from ${JSON.stringify(join(here, "../../src/index.ts"))};\n`);
});

afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function runProgram(baseUrl: string): Promise<string> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", join(dir, "program.mts")], {
    env: { ...process.env, TOGETHER_BASE_URL: baseUrl, TOGETHER_API_KEY: fake.apiKey },
    timeout: 60_000,
  });
  return stdout;
}

it("a v1 program and its migrated form print the same against the fake's v1 and v2 URLs", async () => {
  const before = await runProgram(fake.urls.v1);
  expect(before).toContain("ready: true e2e H100_SXM 8");
  expect(fake.requests.some((r) => r.version === "v1")).toBe(true);

  const result = migrate({ paths: [dir], cwd: dir, tsConfigFilePath: tsconfig });
  const migrated = readFileSync(join(dir, "program.mts"), "utf8");
  expect(migrated).not.toMatch(/\bfetch\(/);
  expect(result.findings.filter((f) => f.kind === "fixme")).toEqual([]);

  fake.reset();
  const after = await runProgram(fake.urls.v2);
  expect(fake.requests.length).toBeGreaterThan(0);
  expect(fake.requests.every((r) => r.version === "v2")).toBe(true);
  expect(after).toBe(before);
}, 120_000);
