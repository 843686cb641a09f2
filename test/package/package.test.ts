import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssignabilityOracle } from "../../codegen/diff/surface/assignability.js";
import { compareSurfaces } from "../../codegen/diff/surface/compare.js";
import { extractSurface } from "../../codegen/diff/surface/extract.js";
import type { PublicSurface } from "../../codegen/diff/surface/types.js";
import { specInfo } from "../../generated/spec-info.js";

/**
 * The package as users get it: `npm pack` (which builds through `prepack`), install the tarball into a fresh
 * project, type-check a consumer under two module resolutions, run it against the bundled fake API, load it from
 * CommonJS, and lint the tarball with publint and attw.
 */
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const fixture = fileURLToPath(new URL("./fixtures/consumer/", import.meta.url));
const bin = (name: string) => join(repoRoot, "node_modules", ".bin", name);
const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");

const entryPointsExist = existsSync(join(repoRoot, "src/index.ts")) && existsSync(join(repoRoot, "src/testing/index.ts"));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  /** stdout then stderr, for failure messages. */
  readonly output: string;
}

function run(command: string, args: readonly string[], cwd: string): Run {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}${result.stderr}` };
}

/** Returns stdout; fails with the command's own output, so a broken package explains itself in the test report. */
function mustRun(command: string, args: readonly string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}:\n${result.output}`);
  return result.stdout;
}

/** Compiler options for the two resolutions consumers use; types for node come from this repo's @types. */
function consumerTsconfig(resolution: "node16" | "bundler", outDir: string) {
  const module = resolution === "node16" ? { module: "node16", moduleResolution: "node16" } : { module: "esnext", moduleResolution: "bundler" };
  return {
    compilerOptions: {
      ...module,
      target: "es2022",
      strict: true,
      // The strictest settings a consumer may use: explicit undefined in optional options must still type-check.
      exactOptionalPropertyTypes: true,
      skipLibCheck: false,
      typeRoots: [join(repoRoot, "node_modules", "@types")],
      types: ["node"],
      outDir,
      ...(resolution === "bundler" ? { noEmit: true } : {}),
    },
    files: ["consumer.ts"],
  };
}

// Type-checking with skipLibCheck off and installing from the npm cache take tens of seconds on a shared machine.
describe.skipIf(!entryPointsExist)("packed tarball (needs src/index.ts and src/testing/index.ts)", { timeout: 180_000 }, () => {
  let workDir = "";
  let tarball = "";
  let packedFiles: string[] = [];
  let consumerDir = "";
  /** Top-level node_modules entries right after installing the tarball alone. */
  let bareInstall: string[] = [];
  /** What startFakeApi says when the optional peers are not installed. */
  let missingPeersMessage = "";

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), "together-clusters-pack-"));
    const packOutput = mustRun("npm", ["pack", "--json", "--pack-destination", workDir], repoRoot);
    // prepack's build logs share stdout with the JSON; the JSON array is the last thing printed.
    const packed = JSON.parse(packOutput.slice(packOutput.lastIndexOf("[\n  {"))) as {
      filename: string;
      files: { path: string }[];
    }[];
    const [info] = packed;
    if (info === undefined) throw new Error("npm pack printed no package");
    tarball = join(workDir, info.filename);
    packedFiles = info.files.map((f) => f.path).sort();

    consumerDir = join(workDir, "consumer");
    mkdirSync(consumerDir);
    writeFileSync(join(consumerDir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    for (const file of ["consumer.ts", "require-smoke.cjs"]) copyFileSync(join(fixture, file), join(consumerDir, file));
    mustRun("npm", ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund"], consumerDir);
    bareInstall = readdirSync(join(consumerDir, "node_modules")).filter((name) => !name.startsWith(".")).sort();
    const startWithoutPeers = 'import("together-clusters/testing").then((m) => m.startFakeApi()).then(() => console.log("started"), (e) => console.log(e.message))';
    missingPeersMessage = mustRun(process.execPath, ["--input-type=module", "-e", startWithoutPeers], consumerDir);
    // What a user of `together-clusters/testing` adds: the fake's validator libraries are optional peers.
    mustRun("npm", ["install", "--save-dev", "openapi-backend@~5.20.1", "ajv-formats@^3.0.1", "--prefer-offline", "--no-audit", "--no-fund"], consumerDir);
  }, 300_000);

  afterAll(() => {
    if (workDir !== "") rmSync(workDir, { recursive: true, force: true });
  });

  it("ships only dist/, package.json, README, CHANGELOG and LICENSE", () => {
    const allowed = /^(dist\/(src|generated)\/.+\.(js|d\.ts)|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/;
    expect(packedFiles.filter((path) => !allowed.test(path))).toEqual([]);
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        "dist/src/index.js",
        "dist/src/index.d.ts",
        "dist/src/testing/index.js",
        "dist/src/testing/index.d.ts",
        "dist/generated/spec-info.js",
        "dist/generated/spec-info.d.ts",
        "package.json",
      ]),
    );
  });

  it("installs without the codegen toolchain", () => {
    const devOnly = ["typescript", "ts-morph", "yaml", "openapi-typescript", "@redocly/openapi-core", "vitest", "tsx", "esbuild"];
    expect(devOnly.filter((name) => existsSync(join(consumerDir, "node_modules", name)))).toEqual([]);
  });

  it("has openapi-fetch as its one runtime dependency (with its types-only helper package; the fake's validators are optional peers)", () => {
    expect(bareInstall).toEqual(["openapi-fetch", "openapi-typescript-helpers", "together-clusters"]);
    const tree = JSON.parse(mustRun("npm", ["ls", "--all", "--omit=dev", "--json"], consumerDir)) as { dependencies: Record<string, { dependencies?: Record<string, unknown> }> };
    expect(Object.keys(tree.dependencies)).toEqual(["together-clusters"]);
    // npm ls also lists the optional peers (the fake's validators, the codemod's ts-morph) under the package: not run-time dependencies.
    const manifest = JSON.parse(readFileSync(join(consumerDir, "node_modules", "together-clusters", "package.json"), "utf8")) as { peerDependencies?: Record<string, string> };
    const peers = new Set(Object.keys(manifest.peerDependencies ?? {}));
    expect(Object.keys(tree.dependencies["together-clusters"]!.dependencies ?? {}).filter((name) => !peers.has(name))).toEqual(["openapi-fetch"]);
  });

  it("tells a user of ./testing which optional peers to install when they are missing", () => {
    expect(missingPeersMessage).toContain("npm install --save-dev openapi-backend@~5.20.1 ajv-formats@^3.0.1");
  });

  it("type-checks a consumer under moduleResolution node16", () => {
    writeFileSync(join(consumerDir, "tsconfig.node16.json"), JSON.stringify(consumerTsconfig("node16", "build")));
    mustRun(process.execPath, [tsc, "-p", "tsconfig.node16.json"], consumerDir);
    expect(existsSync(join(consumerDir, "build", "consumer.js"))).toBe(true);
  });

  it("type-checks the same consumer under moduleResolution bundler", () => {
    writeFileSync(join(consumerDir, "tsconfig.bundler.json"), JSON.stringify(consumerTsconfig("bundler", "build-bundler")));
    const result = run(process.execPath, [tsc, "-p", "tsconfig.bundler.json"], consumerDir);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  it("runs the consumer against the fake API it ships, over both API versions", () => {
    const output = mustRun(process.execPath, [join("build", "consumer.js")], consumerDir);
    expect(JSON.parse(output.trim())).toEqual({
      specVersions: { v1: specInfo.v1.version, v2: specInfo.v2.version },
      v1: { regions: true, clusters: 0, missing: "NotFoundError" },
      v2: { regions: true, clusters: 0, missing: "NotFoundError" },
    });
  });

  it("loads from CommonJS through require(esm)", () => {
    const output = mustRun(process.execPath, ["require-smoke.cjs"], consumerDir);
    const version = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version;
    expect(JSON.parse(output)).toEqual({ createClient: "function", startFakeApi: "function", v2SpecSha256: specInfo.v2.sha256, version });
  });

  it("has the public .d.ts surface recorded in api/public-surface.json (a reviewed baseline)", () => {
    const baseline = JSON.parse(readFileSync(join(repoRoot, "api", "public-surface.json"), "utf8")) as PublicSurface;
    const installedDir = join(consumerDir, "node_modules", "together-clusters");
    const typeRoots = [join(repoRoot, "node_modules", "@types")];
    const installed = extractSurface(installedDir, typeRoots);
    const { bump, changes } = compareSurfaces(baseline, installed, createAssignabilityOracle(installedDir, installed, typeRoots));
    const report = changes.map((c) => `${c.breaking ? "BREAKING " : ""}${c.kind} ${c.location}: ${c.message}`).join("\n");
    const hint = "If intended: npm run build && npx tsx scripts/api-surface.ts extract --out api/public-surface.json, and bump the version";
    expect(changes, `public surface changed (implies a ${bump} bump):\n${report}\n${hint}`).toEqual([]);
  });

  it("passes publint (strict)", () => {
    const result = run(bin("publint"), ["run", tarball, "--strict"], workDir);
    expect(result.status, result.output).toBe(0);
  });

  it("passes @arethetypeswrong/cli for an ESM-only package", () => {
    const result = run(bin("attw"), [tarball, "--profile", "esm-only", "--format", "ascii"], workDir);
    expect(result.status, result.output).toBe(0);
  });
});
